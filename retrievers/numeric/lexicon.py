"""The English vocabulary the numeric parser reads: comparison words and attribute cues.

This is a lexicon (words and their meaning), not a list of query templates: the
parser finds a quantity anywhere in a sentence with the parsing libraries, then
reads the comparison word nearest before it (or the ``or more`` / ``and up`` kind
of phrase after it) and the cue words of its clause. Any sentence shape that puts
one of these words next to a quantity is understood.

A comparison word's *direction* can depend on what is compared: "older than 42"
means age > 42, but "older than version 9.9" and "older than 1990" mean an earlier
value. ``by_kind`` holds those overrides; ``implies`` names the kind a unitless
number takes after the word ("older than 42" is an age).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Mapping

__all__ = [
    "Comparative",
    "COMPARATIVES",
    "NEGATIONS",
    "POSTFIX_INCLUSIVE",
    "ATTRIBUTE_CUES",
    "DEFAULT_ATTRIBUTE",
    "AGE_BEFORE",
    "AGE_AFTER",
    "DATE_CUES",
    "VERSION_CUES",
    "comparative_pattern",
    "find_comparative",
    "strict_to_inclusive",
    "negate",
    "cue_attribute",
    "tokens",
]


@dataclass(frozen=True, slots=True)
class Comparative:
    """One comparison phrase: ``phrase`` is a regex over lower-case text."""

    phrase: str
    direction: str  # ">", ">=", "<", "<=", "==", "between"
    by_kind: Mapping[str, str] = field(default_factory=dict)
    implies: str | None = None

    def direction_for(self, kind: str) -> str:
        return self.by_kind.get(kind, self.direction)


_EARLIER = {"duration": "<"}
_OLD = {"age": ">", "date": "<", "version": "<"}
_YOUNG = {"age": "<", "date": ">", "version": ">"}

# Longest phrases first so "greater than or equal to" wins over "greater than".
COMPARATIVES: tuple[Comparative, ...] = (
    Comparative(r"(?:greater|more|higher|larger|bigger) than or equal to", ">="),
    Comparative(r"(?:less|fewer|lower|smaller) than or equal to", "<="),
    Comparative(r"in the range(?: of)?", "between"),
    Comparative(r"on or before|or before|no later than", "<=", implies="date"),
    Comparative(r"on or after|or after|no earlier than", ">=", implies="date"),
    Comparative(r"between", "between"),
    Comparative(r"from", "between"),
    Comparative(r"at least|at minimum|a minimum of|minimum of|minimum|min\.?", ">="),
    Comparative(r"at most|at maximum|a maximum of|maximum of|maximum|max\.?|up to|as much as", "<="),
    Comparative(r"in excess of|upwards of|more than|greater than|higher than|better than|over|above|exceeding|exceeds?|beyond|bigger than|larger than|longer than", ">"),
    Comparative(r"less than|fewer than|lower than|worse than|under|below|beneath|smaller than|shy of|short of", "<"),
    Comparative(r"older|elder", ">", _OLD, implies="age"),
    Comparative(r"younger", "<", _YOUNG, implies="age"),
    Comparative(r"since|starting(?: from| in)?|as of", ">=", implies="date"),
    Comparative(r"in under|in less than", "<"),
    Comparative(r"within|inside of", "<="),
    Comparative(r"newer|more recent|later than|later|after", ">", implies="date"),
    Comparative(r"earlier than|earlier|before|prior to", "<", implies="date"),
    Comparative(r"until|till", "<=", implies="date"),
    Comparative(r"taller|higher", ">", implies="length"),
    Comparative(r"shorter", "<", {"duration": "<"}, implies="length"),
    Comparative(r"heavier", ">", implies="mass"),
    Comparative(r"lighter", "<", implies="mass"),
    Comparative(r"slower", ">", {"speed": "<", "frequency": "<"}, implies="duration"),
    Comparative(r"faster|quicker|sooner", "<", {"speed": ">", "frequency": ">"}, implies="duration"),
    Comparative(r"richer|wealthier|pricier|dearer", ">", implies="money"),
    Comparative(r"poorer|cheaper", "<", implies="money"),
    Comparative(r"exactly|precisely|equal to|equals|identical to", "=="),
    Comparative(r"≥|>=|=>", ">="),
    Comparative(r"≤|<=|=<", "<="),
    Comparative(r">", ">"),
    Comparative(r"<", "<"),
)

NEGATIONS = r"(?:not|no|never|n't)"

# "or more", "and up", "or older", "+" ... after the quantity: the inclusive form of a
# direction, or its own direction.
POSTFIX_INCLUSIVE: tuple[tuple[str, str, Mapping[str, str]], ...] = (
    (r"(?:or|and) (?:more|greater|higher|above|over|up|upwards|larger|bigger|longer|taller|heavier|richer|better|newer)\b|\+|plus\b|at least\b|or later\b|and later\b|or after\b|at minimum\b|minimum\b", ">=", {}),
    (r"(?:or|and) (?:less|fewer|lower|below|under|smaller|shorter|lighter|cheaper|poorer|faster|quicker|worse)\b|at most\b|at the most\b|or earlier\b|and earlier\b|or before\b|or sooner\b|at maximum\b|maximum\b|tops\b", "<=", {"speed": ">="}),
    (r"(?:or|and) (?:older|elder)\b", ">=", {"date": "<=", "version": "<="}),
    (r"(?:or|and) younger\b", "<=", {"date": ">=", "version": ">="}),
    (r"(?:or|and) slower\b", ">=", {}),
)

# Attribute cues: which attribute a quantity of a given kind describes, read from the
# words of its clause. A word matches a cue when it equals it, or starts with it for
# cues of five letters or more ("earning" matches "earn").
ATTRIBUTE_CUES: Mapping[str, Mapping[str, tuple[str, ...]]] = {
    "length": {
        "height": ("tall", "taller", "height", "stands", "stand", "shorter"),
        "distance": ("ran", "run", "runs", "walk", "walked", "distance", "far", "commute", "away"),
    },
    "money": {
        "salary": ("earn", "earns", "earned", "salary", "income", "paid", "makes", "make", "wage", "wages", "richer", "poorer", "pay", "annual", "yearly"),
        "price": ("cost", "costs", "price", "priced", "bought", "sells", "sold", "cheaper", "pricier"),
    },
    "mass": {"weight": ("weigh", "weighs", "weight", "heavier", "lighter")},
    "duration": {
        "race time": ("ran", "run", "runs", "race", "marathon", "finish", "finished", "faster", "slower", "quicker", "personal", "record"),
    },
    "date": {"birth date": ("born", "birth", "birthday", "birthdate")},
}
DEFAULT_ATTRIBUTE: Mapping[str, str] = {
    "length": "length",
    "money": "amount",
    "mass": "mass",
    "duration": "duration",
    "date": "date",
    "age": "age",
    "version": "version",
    "number": "number",
}

# Age: "aged 42", "age 42", "at the age of 42" before; "years old", "-year-old", "years of age" after.
AGE_BEFORE = r"(?:aged|age|ages|age of|the age of)\s*:?\s*$"
AGE_AFTER = r"^\s*(?:-?\s*years?[- ]old|years? of age|of age\b|yrs?\.? old|y/?o\b|-?old\b|-year-old)"
# Words that make a bare four-digit number a year.
DATE_CUES = ("born", "birth", "in", "before", "after", "since", "until", "till", "by", "between", "from", "date", "released",
             "release", "launched", "launch", "founded", "held", "dated", "established", "introduced", "available",
             "earlier", "later", "prior", "year", "during", "than", "and", "to", "of")
VERSION_CUES = r"(?:versions?|ver\.?|releases?|builds?|updates?|firmware|fw|software|os|v)"

_TOKEN = re.compile(r"[a-z]+(?:'[a-z]+)?")


def tokens(text: str) -> list[str]:
    """Lower-case word tokens of ``text``."""
    return _TOKEN.findall(text.lower())


def _compile() -> re.Pattern[str]:
    alternatives = "|".join(f"(?P<c{i}>{c.phrase})" for i, c in enumerate(COMPARATIVES))
    # word boundaries only where the phrase starts/ends with a letter
    return re.compile(rf"(?:(?P<neg>\b{NEGATIONS}\s+(?:any\s+)?))?(?<![a-z])(?:{alternatives})(?![a-z])")


_COMPARATIVE_RE = _compile()


def comparative_pattern() -> re.Pattern[str]:
    return _COMPARATIVE_RE


def find_comparative(left_context: str) -> tuple[Comparative, bool, int] | None:
    """The comparison phrase nearest the end of ``left_context``: (phrase, negated, start)."""
    best = None
    for match in _COMPARATIVE_RE.finditer(left_context.lower()):
        index = next(int(name[1:]) for name, value in match.groupdict().items() if value is not None and name != "neg")
        best = (COMPARATIVES[index], match.group("neg") is not None, match.start())
    return best


def strict_to_inclusive(direction: str) -> str:
    return {">": ">=", "<": "<="}.get(direction, direction)


def negate(direction: str) -> str:
    """"not more than" is "at most": the complement of a one-sided comparison."""
    return {">": "<=", ">=": "<", "<": ">=", "<=": ">"}.get(direction, direction)


def cue_attribute(kind: str, words: list[str]) -> str | None:
    """The attribute the cue words name for a quantity of ``kind``, or None if no cue."""
    for attribute, cues in ATTRIBUTE_CUES.get(kind, {}).items():
        for word in words:
            if any(word == cue or (len(cue) >= 4 and word.startswith(cue)) for cue in cues):
                return attribute
    return None
