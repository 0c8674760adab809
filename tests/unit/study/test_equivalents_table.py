"""The built-in table of equivalents is well formed: every name in one group only."""

from __future__ import annotations

from briefquiz.study.equivalence.table import builtin_groups, table_for
from briefquiz.study.equivalence.words import words_of


def test_every_group_has_two_names_or_more_and_no_name_is_in_two_groups() -> None:
    groups = builtin_groups()
    assert len(groups) >= 40
    seen: dict[tuple[str, ...], int] = {}
    for number, group in enumerate(groups):
        assert len(group) >= 2, group
        for name in group:
            key = tuple(word.key for word in words_of(name))
            assert seen.setdefault(key, number) == number, f"{name!r} is in two groups"


def test_a_deck_alias_takes_a_name_over_from_the_table() -> None:
    table = table_for((("Union of Soviet Writers", ("USSR",)),))
    [word] = table.rewrite(list(words_of("USSR")))
    [soviet_union] = table.rewrite(list(words_of("Soviet Union")))
    assert word.key == table.rewrite(list(words_of("Union of Soviet Writers")))[0].key
    assert word.key != soviet_union.key
