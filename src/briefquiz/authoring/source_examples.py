"""The starter deck's examples when it has a source text: one of each kind, each asking about
the first real paragraphs of the text and quoting them word for word."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import cycle, islice

from briefquiz.authoring.passages import (
    content_paragraphs,
    first_sentence,
    long_words,
    longest_words,
    opening,
    other_words,
    replace_word,
)
from briefquiz.authoring.yaml_out import flow_list, scalar
from briefquiz.deck.sourcetext import SourceText

GAP = "_____"


def _sentences(text: SourceText) -> Iterator[str]:
    """The first sentence of each real paragraph, round and round."""
    sentences = [first_sentence(p.text) for p in content_paragraphs(text)]
    return cycle([s for s in sentences if s] or ["(empty)"])


def _quoted(text: str) -> str:
    return f"“{text}”"


def source_examples(text: SourceText) -> list[list[str]]:
    paragraphs = content_paragraphs(text)
    elsewhere = [w for p in text.paragraphs for w in long_words(p.text)]
    sentences = _sentences(text)
    s_flash, s_choice, s_multi, s_tf, s_typed, s_cloze, s_match1, s_match2 = islice(sentences, 8)
    examples = [
        _flashcard(s_flash),
        _choice(s_choice, elsewhere),
        _multi(s_multi, elsewhere),
        _truefalse(s_tf, elsewhere),
        _typed(s_typed),
        _cloze(s_cloze),
        _order([first_sentence(p.text) for p in paragraphs]),
        _match([s_match1, s_match2, *islice(sentences, 1)]),
    ]
    return examples + _discussion_examples(text)


def _discussion_examples(text: SourceText) -> list[list[str]]:
    """An evidence and an explain example, where the text has paragraphs a reader can choose."""
    sentences: list[str] = []
    for paragraph in text.paragraphs:
        sentence = first_sentence(paragraph.text) if paragraph.is_content else ""
        if sentence and sentence not in sentences:
            sentences.append(sentence)
    examples = []
    if sentences:
        examples.append(_evidence(sentences[min(1, len(sentences) - 1)]))
    if len(sentences) >= 2:
        examples.append(_explain(sentences[:2]))
    return examples


def _quote(sentence: str) -> str:
    return f"    quote: {scalar(sentence)}"


def _flashcard(sentence: str) -> list[str]:
    start = opening(sentence, 6 if len(sentence.split()) > 8 else 3)
    prompt = f"How does the passage that opens {_quoted(start + ' …')} go on?"
    return [
        "  # flashcard: you recall the answer, reveal it and grade yourself.",
        "  - id: example-flashcard",
        "    type: flashcard",
        f"    prompt: {scalar(prompt)}",
        f"    answer: {scalar(sentence)}",
        _quote(sentence),
        "    explanation: Why this is the answer (optional, shown after answering).",
        "    tags: [example]",
    ]


def _missing_word(sentence: str) -> tuple[str, str] | None:
    words = longest_words(sentence, 1)
    if not words:
        return None
    return words[0], replace_word(sentence, words[0], GAP)


def _choice(sentence: str, elsewhere: list[str]) -> list[str]:
    missing = _missing_word(sentence)
    head = [
        "  # choice: one right option among 2 to 9, shown in a new order each time.",
        "  - id: example-choice",
        "    type: choice",
    ]
    if missing is None:
        options = ["The right option", "A wrong option", "Another wrong option"]
        body = [
            "    prompt: Which option is right? (an example; ask about the quote below)",
            f"    options: {flow_list(options)}",
            f"    answer: {scalar(options[0])}",
        ]
    else:
        word, gapped = missing
        options = [word, *other_words(elsewhere, sentence, 3)]
        if len(options) < 2:
            options.append("none of these")
        body = [
            f"    prompt: {scalar(f'Which word is missing? {_quoted(gapped)}')}",
            f"    options: {flow_list(options)}",
            f"    answer: {scalar(word)}   # must be one of the options, word for word",
        ]
    return [*head, *body, _quote(sentence)]


def _multi(sentence: str, elsewhere: list[str]) -> list[str]:
    right = longest_words(sentence, 2)
    wrong = other_words(elsewhere, sentence, 2)
    head = [
        "  # multi: pick every right option.",
        "  - id: example-multi",
        "    type: multi",
    ]
    if not right or not wrong:  # a multi needs a wrong option too
        options = ["A right option", "Another right option", "A wrong option"]
        body = [
            "    prompt: Which options are right? (an example; ask about the quote below)",
            f"    options: {flow_list(options)}",
            f"    answers: {flow_list(options[:2])}",
        ]
    else:
        start = opening(sentence, 5)
        prompt = f"Which of these words are in the sentence that opens {_quoted(start + ' …')}?"
        body = [
            f"    prompt: {scalar(prompt)}",
            f"    options: {flow_list([*right, *wrong])}",
            f"    answers: {flow_list(right)}   # each one of the options",
        ]
    return [*head, *body, _quote(sentence)]


def _truefalse(sentence: str, elsewhere: list[str]) -> list[str]:
    missing = _missing_word(sentence)
    swap = other_words(elsewhere, sentence, 1)
    if missing is not None and swap:
        statement = replace_word(sentence, missing[0], swap[0])
        answer = "false"
        why = f"The text has {missing[0]!r}, not {swap[0]!r}."
    else:
        statement, answer, why = sentence, "true", "The text says so, word for word."
    return [
        "  # truefalse: judge a statement; the answer is true or false, without quotes.",
        "  - id: example-truefalse",
        "    type: truefalse",
        f"    prompt: {scalar(f'The text says: {_quoted(statement)}')}",
        f"    answer: {answer}",
        _quote(sentence),
        f"    explanation: {scalar(why)}",
    ]


def _typed(sentence: str) -> list[str]:
    missing = _missing_word(sentence)
    head = [
        "  # typed: a short answer typed in. Matching forgives case, accents, punctuation,",
        '  # a leading "the", and one small typo in answers of five letters or more.',
        "  - id: example-typed",
        "    type: typed",
    ]
    if missing is None:
        body = [
            "    prompt: Type the answer. (an example; ask about the quote below)",
            "    answers: [The answer, Another accepted spelling]",
        ]
    else:
        word, gapped = missing
        body = [
            f"    prompt: {scalar(f'Type the missing word: {_quoted(gapped)}')}",
            f"    answers: {flow_list([word])}   # every accepted answer; the first is shown",
        ]
    return [
        *head,
        *body,
        "    # exact: true   # to require the answer character for character",
        _quote(sentence),
    ]


def _cloze(sentence: str) -> list[str]:
    words = longest_words(sentence, 2) if "{" not in sentence and "}" not in sentence else []
    head = [
        "  # cloze: fill in the blanks, each written {{answer}} or {{answer|alternative}}.",
        "  - id: example-cloze",
        "    type: cloze",
    ]
    if not words:
        return [
            *head,
            "    text: A cloze question hides each {{blank|gap}} of its {{text}}.",
            _quote(sentence),
        ]
    text = sentence
    for word in words:
        text = replace_word(text, word, "{{" + word + "}}")
    return [*head, f"    text: {scalar(text)}", _quote(sentence)]


def _order(sentences: list[str]) -> list[str]:
    items: list[str] = []
    for sentence in sentences:
        item = opening(sentence, 7)
        if item and item not in items:
            items.append(item)
        if len(items) == 3:
            break
    head = [
        "  # order: the items in the right order; they are shown shuffled.",
        "  - id: example-order",
        "    type: order",
    ]
    if len(items) < 2:
        return [
            *head,
            "    prompt: Put the steps of writing a deck in order.",
            "    items: [Write the questions, Run briefquiz check, Study with briefquiz study]",
            _quote(sentences[0]),
        ]
    return [
        *head,
        "    prompt: Put these passages in the order they come in the text.",
        "    items:",
        *(f"      - {scalar(item + ' …')}" for item in items),
        _quote(items[0]),
    ]


def _match(sentences: list[str]) -> list[str]:
    pairs: dict[str, str] = {}
    for sentence in sentences:
        words = sentence.split()
        if len(words) < 6:
            continue
        left, right = " ".join(words[:3]) + " …", "… " + " ".join(words[3:8])
        if left not in pairs and right not in pairs.values():
            pairs[left] = right
    head = [
        "  # match: pairs of left: right; every right side must differ.",
        "  - id: example-match",
        "    type: match",
    ]
    if len(pairs) < 2:
        return [
            *head,
            "    prompt: Match each question type to what it asks of you.",
            "    pairs:",
            "      flashcard: Recall, then grade yourself",
            "      order: Put items in sequence",
            _quote(sentences[0]),
        ]
    first = next(iter(pairs))
    quote = " ".join(first.removesuffix(" …").split() + pairs[first].removeprefix("… ").split())
    return [
        *head,
        "    prompt: Match each opening to how its sentence goes on.",
        "    pairs:",
        *(f"      {scalar(left)}: {scalar(right)}" for left, right in pairs.items()),
        _quote(quote),
    ]


def _evidence(sentence: str) -> list[str]:
    claim = f"The text says {_quoted(opening(sentence, 8) + ' …')}"
    return [
        "  # evidence: the prompt is a claim; the learner picks the paragraph that supports it,",
        "  # the one its quote stands in (with stance: contradicts, the one contradicting it).",
        "  - id: example-evidence",
        "    type: evidence",
        f"    prompt: {scalar(claim)}",
        "    stance: supports",
        _quote(sentence),
        "    tags: [reasoning]",
    ]


def _explain(sentences: list[str]) -> list[str]:
    return [
        "  # explain: an open question; the learner writes an answer, then ticks the key points",
        "  # they made. Each point has its own quote.",
        "  - id: example-explain",
        "    type: explain",
        "    prompt: What are the first two points the text makes?",
        "    points:",
        *(
            line
            for lead, sentence in zip(("It opens", "It goes on"), sentences, strict=False)
            for line in (
                f"      - point: {scalar(f'{lead}: {opening(sentence, 8)} …')}",
                f"        quote: {scalar(sentence)}",
            )
        ),
        "    tags: [reasoning]",
    ]
