"""Typed answers graded as a teacher would: (accepted answers, student answer, verdict).

Each case names the rule it exercises (docs/authoring.md, "How typed answers are matched") and,
for an accepted answer, optionally a piece of the reason the grade must give. Written before
the rules, from the examples of issue 10 and from what students type.

`reject`, `aliases`, `exact` and `others` (the answers of the other blanks of a cloze) are
the deck keys the case needs; a case with `others` is graded as the first blank of a cloze.
"""

from __future__ import annotations

from dataclasses import dataclass, field

RIGHT = True
WRONG = False


@dataclass(frozen=True)
class Case:
    rule: str
    accepted: tuple[str, ...]
    given: str
    right: bool
    why: str = ""
    reject: tuple[str, ...] = ()
    aliases: tuple[tuple[str, tuple[str, ...]], ...] = ()
    exact: bool = False
    others: tuple[str, ...] = field(default=())


def c(rule: str, accepted: str | tuple[str, ...], given: str, right: bool, **keys: object) -> Case:
    answers = (accepted,) if isinstance(accepted, str) else accepted
    return Case(rule, answers, given, right, **keys)  # type: ignore[arg-type]


PUTIN = (("Vladimir Putin", ("Putin", "President Putin")),)
US_ALIAS = (("United States", ("US",)),)

CASES: tuple[Case, ...] = (
    # -- forgiven as before: case, punctuation, articles, accents -----------------------------
    c("plain", "Cold War", "cold war", RIGHT),
    c("plain", "Cold War", "the Cold War", RIGHT),
    c("plain", "Cold War", "Cold War.", RIGHT),
    c("plain", "détente", "detente", RIGHT),
    c("plain", "Cold War", "Warm War", WRONG),
    c("plain", "Cold War", "", WRONG),
    # -- dates --------------------------------------------------------------------------------
    c("date", "November 8, 2020", "Nov. 8, 2020", RIGHT, why="same date"),
    c("date", "November 8, 2020", "Nov 8, 2020", RIGHT),
    c("date", "November 8, 2020", "8 November 2020", RIGHT),
    c("date", "November 8, 2020", "2020-11-08", RIGHT),
    c("date", "November 8, 2020", "November 8th, 2020", RIGHT),
    c("date", "November 8, 2020", "8th November 2020", RIGHT),
    c("date", "November 8, 2020", "8 Nov 2020", RIGHT),
    c("date", "November 8, 2020", "november 8 2020", RIGHT),
    c("date", "November 8, 2020", "the 8th of November, 2020", RIGHT),
    c("date", "2020-11-08", "November 8, 2020", RIGHT),
    c("date", "8 November 2020", "Nov. 8th 2020", RIGHT),
    c("date", "September 11, 2001", "Sept. 11, 2001", RIGHT),
    c("date", "September 11, 2001", "11 Sep 2001", RIGHT),
    c("date", "December 25, 1991", "25/12/1991", RIGHT),
    c("date", "December 25, 1991", "12/25/1991", RIGHT),
    c("date", "December 25, 1991", "25.12.1991", RIGHT),
    c("date", "August 1991", "Aug. 1991", RIGHT),
    c("date", "August 1991", "1991-08", RIGHT),
    c("date", "9 November", "November 9th", RIGHT),
    c("date", "November 8, 2020", "November 9, 2020", WRONG),
    c("date", "November 8, 2020", "2020-11-09", WRONG),
    c("date", "November 8, 2020", "8 December 2020", WRONG),
    c("date", "November 8, 2020", "November 8, 2021", WRONG),
    c("date", "November 8, 2020", "11/8/2020", WRONG),  # day and month ambiguous
    c("date", "November 8, 2020", "8/11/2020", WRONG),
    c("date", "November 8, 2020", "November 2020", WRONG),
    c("date", "November 8, 2020", "2020", WRONG),
    c("date", "August 1991", "September 1991", WRONG),
    c("date", "August 1991", "August 1992", WRONG),
    c("date", "9 November", "November 19", WRONG),
    c("date", "December 25, 1991", "31/11/1991", WRONG),  # no such day
    # -- numbers ------------------------------------------------------------------------------
    c("number", "60", "sixty", RIGHT, why="sixty = 60"),
    c("number", "sixty", "60", RIGHT),
    c("number", "four", "4", RIGHT),
    c("number", "4", "four", RIGHT),
    c("number", "21", "twenty-one", RIGHT),
    c("number", "twenty one", "21", RIGHT),
    c("number", "100", "one hundred", RIGHT),
    c("number", "three hundred", "300", RIGHT),
    c("number", "750", "seven hundred and fifty", RIGHT),
    c("number", "0", "zero", RIGHT),
    c("number", "ninety-nine", "99", RIGHT),
    c("number", "first", "1st", RIGHT),
    c("number", "1st", "first", RIGHT),
    c("number", "twentieth century", "20th century", RIGHT),
    c("number", "20th century", "Twentieth Century", RIGHT),
    c("number", "four years", "4 years", RIGHT),
    c("number", "the Second World War", "2nd World War", RIGHT),
    c("number", "Group of Seven", "Group of 7", RIGHT),
    c("number", "2014", "twenty fourteen", RIGHT, why="twenty fourteen = 2014"),
    c("number", "1812", "eighteen twelve", RIGHT),
    c("number", "1989", "nineteen eighty-nine", RIGHT),
    c("number", "in 1989", "in nineteen eighty nine", RIGHT),
    c("number", "1905", "nineteen oh five", RIGHT),
    c("number", "2021", "twenty twenty-one", RIGHT),
    c("number", "1900", "nineteen hundred", RIGHT),
    c("number", "2014", "twenty fifteen", WRONG),
    c("number", "1989", "nineteen eighty", WRONG),
    c("number", "1989", "nineteen", WRONG),
    c("number", "21", "twenty twenty-one", WRONG),
    c("number", "11, 12", "eleven, twelve", RIGHT),  # a comma parts them: no year 1112
    c("number", "21, 22", "twenty-one, twenty-two", RIGHT),
    c("number", "10-20", "ten-twenty", RIGHT),
    c("number", "10 15", "ten fifteen", RIGHT),  # only 1500-2099 are said in halves
    c("number", "6070", "sixty seventy", WRONG),
    c("number", "2014", "twenty, fourteen", WRONG),
    c("number", "sixty", "61", WRONG),
    c("number", "60", "sixty-one", WRONG),
    c("number", "4", "five", WRONG),
    c("number", "four", "40", WRONG),
    c("number", "four", "14", WRONG),
    c("number", "40", "fourteen", WRONG),
    c("number", "first", "2nd", WRONG),
    c("number", "twentieth century", "21st century", WRONG),
    c("number", "sixty", "six", WRONG),
    c("number", "sixty", "600", WRONG),
    c("number", "fourth", "4", WRONG),
    c("number", "100", "one thousand", WRONG),
    # -- acronyms (three or more capitalised words) -------------------------------------------
    c("acronym", "North Atlantic Treaty Organization", "NATO", RIGHT, why="NATO = North"),
    c("acronym", "NATO", "North Atlantic Treaty Organization", RIGHT),
    c("acronym", "North Atlantic Treaty Organization", "N.A.T.O.", RIGHT),
    c("acronym", "Organization for Security and Co-operation in Europe", "OSCE", RIGHT),
    c("acronym", "Union of Soviet Socialist Republics", "USSR", RIGHT),
    c("acronym", "Federal Bureau of Investigation", "FBI", RIGHT),
    c("acronym", "FBI", "Federal Bureau of Investigation", RIGHT),
    c("acronym", "Strategic Arms Limitation Talks", "SALT", RIGHT),
    c("acronym", "Cold War", "CW", WRONG),
    c("acronym", "North Atlantic Treaty Organization", "NAT", WRONG),
    c("acronym", "North Atlantic Treaty", "NATO", WRONG),
    c("acronym", "North Atlantic Treaty Organization", "nato", WRONG),
    c("acronym", "North Atlantic Treaty Organization", "NTAO", WRONG),
    c("acronym", "NATO", "Warsaw Pact", WRONG),
    c("acronym", "Federal Bureau of Investigation", "CIA", WRONG),
    c("acronym", "strategic arms limitation talks", "SALT", WRONG),  # not a name
    # -- the built-in table of equivalents ----------------------------------------------------
    c("table", "United States", "US", RIGHT, why="US = United States"),
    c("table", "United States", "U.S.", RIGHT),
    c("table", "United States", "USA", RIGHT),
    c("table", "United States", "United States of America", RIGHT),
    c("table", "US", "United States", RIGHT),
    c("table", "Soviet Union", "USSR", RIGHT, why="USSR = Soviet Union"),
    c("table", "USSR", "Soviet Union", RIGHT),
    c("table", "Soviet Union", "U.S.S.R.", RIGHT),
    c("table", "European Union", "EU", RIGHT),
    c("table", "EU", "European Union", RIGHT),
    c("table", "United Nations", "UN", RIGHT),
    c("table", "United Kingdom", "UK", RIGHT),
    c("table", "United Kingdom", "Britain", RIGHT),
    c("table", "Russian Federation", "Russia", RIGHT),
    c("table", "United States State Department", "US State Department", RIGHT),
    c("table", "US State Department", "United States State Department", RIGHT),
    c("table", "President of the United States", "President of the US", RIGHT),
    c("table", "United Nations Security Council", "the UN Security Council", RIGHT),
    c("table", "Kyiv", "Kiev", RIGHT),
    c("table", "Kyiv", "Kyev", WRONG),  # four letters: no typo, and no name of the table
    c("table", "United States", "UN", WRONG),
    c("table", "United Nations", "US", WRONG),
    c("table", "Soviet Union", "USA", WRONG),
    c("table", "European Union", "European Commission", WRONG),
    c("table", "United States", "us", WRONG),  # the pronoun, not the country
    c("table", "United Kingdom", "Ukraine", WRONG),
    c("table", "USSR", "US", WRONG),
    c("table", "United States State Department", "UK State Department", WRONG),
    c("table", "United Nations", "UNESCO", WRONG),
    c("table", "Russian Federation", "Belarus", WRONG),
    # -- a possessive is its word ------------------------------------------------------------
    c("possessive", "Soviet Union president", "USSR's president", RIGHT),
    c("possessive", "USSR president", "the USSR’s president", RIGHT),
    c("possessive", "Putin", "Putin's", RIGHT),
    c("possessive", "Bush administration", "Bush's administration", RIGHT),
    c("possessive", "Putin", "Putin's.", RIGHT),
    c("possessive", "USSR president", "(USSR's) president", RIGHT),
    c("possessive", "US president", "U.S.'s president", RIGHT),
    c("possessive", "1960", "the 1960's", WRONG),  # a decade, not a year
    c("possessive", "president of the USSR", "USSR's president", WRONG),  # order differs
    c("possessive", "USSR president", "US's president", WRONG),
    # -- deck aliases -------------------------------------------------------------------------
    c("alias", "Vladimir Putin", "President Putin", RIGHT, aliases=PUTIN, why="President Putin"),
    c("alias", "Vladimir Putin", "Putin", RIGHT, aliases=PUTIN),
    c("alias", "President Putin", "Vladimir Putin", RIGHT, aliases=PUTIN),
    c("alias", "Putin met Lukashenko", "Vladimir Putin met Lukashenko", RIGHT, aliases=PUTIN),
    c(
        "alias",
        "United States Library of Congress",
        "US Library of Congress",
        RIGHT,
        aliases=US_ALIAS,
    ),
    c("alias", "Cold War", "CW", RIGHT, aliases=(("Cold War", ("CW",)),)),
    c("alias", "Vladimir Putin", "Putin", WRONG),  # no alias, no rule
    c("alias", "Vladimir Putin", "Medvedev", WRONG, aliases=PUTIN),
    c("alias", "Vladimir Putin", "President Medvedev", WRONG, aliases=PUTIN),
    c("alias", "Vladimir Putin", "Putin", WRONG, aliases=PUTIN, reject=("Putin",)),
    # -- US/UK spelling -----------------------------------------------------------------------
    c("spelling", "dialogue", "dialog", RIGHT, why="dialog = dialogue"),
    c("spelling", "dialog", "dialogue", RIGHT),
    c("spelling", "colour", "color", RIGHT),
    c("spelling", "color", "colour", RIGHT),
    c("spelling", "organisation", "organization", RIGHT),
    c("spelling", "organization", "organisation", RIGHT),
    c("spelling", "centre", "center", RIGHT),
    c("spelling", "center", "centre", RIGHT),
    c("spelling", "defence", "defense", RIGHT),
    c("spelling", "defense", "defence", RIGHT),
    c("spelling", "travelled", "traveled", RIGHT),
    c("spelling", "traveled", "travelled", RIGHT),
    c("spelling", "Ministry of Defence", "Ministry of Defense", RIGHT),
    c("spelling", "recognise", "recognize", RIGHT),
    c("spelling", "behaviour", "behavior", RIGHT),
    c("spelling", "catalogue", "catalog", RIGHT),
    c("spelling", "theatre", "theater", RIGHT),
    c("spelling", "counsellor", "counselor", RIGHT),
    c("spelling", "modelling", "modeling", RIGHT),
    c("spelling", "analyse", "analyze", RIGHT),
    c("spelling", "licence", "license", RIGHT),
    c("spelling", "Treaty Organisation", "Treaty Organization", RIGHT),
    c("spelling", "humour", "humor", RIGHT),
    c("spelling", "dialogue", "dialect", WRONG),
    c("spelling", "honour", "hour", WRONG),
    c("spelling", "humour", "humus", WRONG),
    c("spelling", "metre", "metro", WRONG),
    c("spelling", "centre", "cent", WRONG),
    c("spelling", "defence", "fence", WRONG),
    # -- hyphen, space or nothing -------------------------------------------------------------
    c("spacing", "zero-sum", "zero sum", RIGHT),
    c("spacing", "zero sum", "zero-sum", RIGHT),
    c("spacing", "zero-sum", "zerosum", RIGHT),
    c("spacing", "post-Soviet", "post Soviet", RIGHT),
    c("spacing", "nation-state", "nationstate", RIGHT),
    c("spacing", "well known", "well-known", RIGHT),
    c("spacing", "zero-sum", "zero", WRONG),
    c("spacing", "zero-sum", "sum zero", WRONG),
    c("spacing", "zero-sum", "non-zero-sum", WRONG),
    # -- singular or plural of the last word --------------------------------------------------
    c("plural", "sanctions", "sanction", RIGHT, why="plural"),
    c("plural", "sanction", "sanctions", RIGHT),
    c("plural", "Russian counterparts", "Russian counterpart", RIGHT),
    c("plural", "economic sanctions", "economic sanction", RIGHT),
    c("plural", "policy", "policies", RIGHT),
    c("plural", "policies", "policy", RIGHT),
    c("plural", "tax", "taxes", RIGHT),
    c("plural", "1990", "1990s", WRONG),
    c("plural", "sanction", "sanctioned", WRONG),
    c("plural", "policy", "policeman", WRONG),
    c("plural", "Russian counterparts", "Russians counterparts", WRONG),
    # -- typos scaled to length ---------------------------------------------------------------
    c(
        "typo",
        "Russian Ministry of Foreign Affairs",
        "Russian Minsitry of Foreign Afairs",
        RIGHT,
        why="2 typos (Minsitry, Afairs)",
    ),
    c("typo", "Gorbachev", "Gorbachov", RIGHT, why="1 typo (Gorbachov)"),
    c("typo", "Khrushchev", "Khrushchv", RIGHT),
    c("typo", "Khrushchev", "Krushchv", RIGHT),  # two edits in ten letters
    c("typo", "Brezhnev", "Breznev", RIGHT),
    c("typo", "Kissinger", "Kisinger", RIGHT),
    c("typo", "Eisenhower", "Eisenhover", RIGHT),
    c("typo", "perestroika", "perestroyka", RIGHT),
    c("typo", "glasnost", "glasnots", RIGHT),
    c("typo", "Stalingrad", "Stalingard", RIGHT),
    c("typo", "Afghanistan", "Afganistan", RIGHT),
    c("typo", "Czechoslovakia", "Czechoslovkia", RIGHT),
    c("typo", "Helsinki Accords", "Helsinki Acords", RIGHT),
    c("typo", "containment", "containmnet", RIGHT),
    c("typo", "Kennan Institute", "Kenan Institute", RIGHT),
    c("typo", "Brezhnev", "Brznv", WRONG),  # three edits
    c("typo", "Gorbachev", "Gorbachova", WRONG),  # two edits in nine letters
    c("typo", "Bush", "Busch", WRONG),  # under five letters
    c("typo", "Ford", "Fort", WRONG),
    c("typo", "Iran", "Iraq", WRONG),
    c("typo", "Austria", "Australia", WRONG),
    c("typo", "Prussia", "Russia", WRONG),  # another real name
    c("typo", "policy", "police", WRONG),  # another real word
    c("typo", "statute", "statue", WRONG),
    c("typo", "effect", "affect", WRONG),
    c("typo", "ballot", "ballet", WRONG),
    c("typo", "Austria", "Austrian", WRONG),
    c("typo", "nation", "ration", WRONG),
    c("typo", "vicious circle", "vicious cycle", WRONG),
    # -- never in a digit, an initial or a one-letter word ------------------------------------
    c("typo", "George H.W. Bush", "George W. Bush", WRONG),
    c("typo", "George H.W. Bush", "George H. Bush", WRONG),
    c("typo", "George H.W. Bush", "George H.W Bush", RIGHT),
    c("typo", "Franklin D. Roosevelt", "Franklin E. Roosevelt", WRONG),
    c("typo", "1991", "1992", WRONG),
    c("typo", "Resolution 242", "Resolution 243", WRONG),
    c("typo", "Apollo 11", "Apollo 13", WRONG),
    c("typo", "G7", "G8", WRONG),
    c("typo", "SALT II", "SALT I", WRONG),
    c("typo", "Plan A", "Plan B", WRONG),
    c("typo", "Article 5", "Article 6", WRONG),
    # -- never when the result is a reject or another blank's answer --------------------------
    c("typo", "Austria", "Austrlia", WRONG, reject=("Australia",)),
    c("typo", "Austria", "Austira", RIGHT, reject=("Australia",)),
    c("typo", "Kennedy", "Kenney", WRONG, others=("Kenney",)),
    c("typo", "Kennedy", "Kennedi", RIGHT, others=("Kenney",)),
    c("typo", "Johnson", "Jonhson", RIGHT, others=("Nixon",)),
    c("typo", "Johnson", "Nixon", WRONG, others=("Nixon",)),
    # -- reject beats every rule --------------------------------------------------------------
    c("reject", "George H.W. Bush", "George Bush", WRONG, reject=("George Bush",)),
    c("reject", "George H.W. Bush", "george bush.", WRONG, reject=("George Bush",)),
    c("reject", "George H.W. Bush", "George H.W. Bush", RIGHT, reject=("George Bush",)),
    c("reject", "United States", "U.S.", WRONG, reject=("US",)),
    c("reject", "United States", "USA", WRONG, reject=("US",)),  # US and USA are one name
    c("reject", "60", "sixty", WRONG, reject=("sixty",)),
    c("reject", "colour", "color", WRONG, reject=("color",)),
    c("reject", "Kissinger", "Kisinger", WRONG, reject=("Kisinger",)),
    c("reject", "Kissinger", "Kissinger", RIGHT, reject=("Kisinger",)),
    c("reject", "Kissinger", "Kisingr", WRONG, reject=("Kisinger",)),
    c("reject", "November 8, 2020", "2020-11-08", WRONG, reject=("8 November 2020",)),
    # -- exact: true: only case and surrounding white space -----------------------------------
    c("exact", "Pi", "pi", RIGHT, exact=True),
    c("exact", "Pi", "  Pi ", RIGHT, exact=True),
    c("exact", "dialogue", "dialog", WRONG, exact=True),
    c("exact", "60", "sixty", WRONG, exact=True),
    c("exact", "Ministry", "Minsitry", WRONG, exact=True),
    c("exact", "United States", "US", WRONG, exact=True),
    c("exact", "zero-sum", "zero sum", WRONG, exact=True),
    c("exact", "November 8, 2020", "Nov. 8, 2020", WRONG, exact=True),
    c("exact", "sanctions", "sanction", WRONG, exact=True),
    c("exact", "Cold War", "Cold War.", WRONG, exact=True),
)
