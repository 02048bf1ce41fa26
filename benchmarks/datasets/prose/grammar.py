"""Small English mechanics for sentence templates: verb agreement, item lists, casing.

Templates are written in the third person singular and mark what must agree:

* ``[verb]`` agrees with the sentence's subject ("[has] a soft spot for" -> "have" after
  "they" or "I"); ``[verb|X]`` agrees with the items ("{X} [is|X]" -> "Quokkas are");
* ``{S}`` the subject, ``{O}`` the subject as an object ("makes {O} happy"), ``{P}`` its
  possessive determiner ("her", "their", "my"), ``{G}`` its genitive ("Ana's", "her");
* ``{X}``/``{Y}`` the liked/disliked item lists, ``{it}``/``{yit}`` the pronoun for them.

After filling, the first letter of the text, and of a slot that opens a sentence inside the
template, is capitalised. Verb forms come from
``inflect`` (singular -> plural); the first person differs from the plural only in
"am"/"was". Nothing here decides *what* a style says; templates live in the styles.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Sequence, TypeVar

import inflect

__all__ = ["PairQuestions", "Phrasebook", "Subject", "paragraphs", "agree", "fill", "listing", "sounds_plural", "casual_case", "capitalise", "first_name", "partition", "indefinite"]

T = TypeVar("T")

_INFLECT = inflect.engine()
_FIRST_PERSON = {"are": "am", "were": "was", "aren't": "am not", "weren't": "wasn't"}
_SLOT = re.compile(r"\{(S|O|P|G|X|Y|it|yit)\}|\[([^\]|]+)(\|X|\|Y)?\]")


@dataclass(frozen=True, slots=True)
class Subject:
    """Who a sentence is about, in the forms a template may ask for."""

    text: str  # "Ana Ruiz", "she", "our colleague", "I"
    number: str  # "singular", "plural" (singular they) or "first"
    object: str  # "Ana", "her", "them", "me"
    possessive: str  # "her", "their", "my"
    genitive: str  # "Ana's", "her", "my"


def agree(verb: str, number: str) -> str:
    """``verb`` (third person singular) in the form for ``number``."""
    if number == "singular":
        return verb
    plural = _INFLECT.plural_verb(verb)
    return _FIRST_PERSON.get(plural, plural) if number == "first" else plural


def sounds_plural(items: Sequence[str]) -> bool:
    """Whether a list of items takes "are"/"them": several items, or one that reads plural
    ("Quokkas" yes; "Scuba Diving", "Hibiscus", "Physics", "Chess" no)."""
    if len(items) != 1:
        return True
    last = items[0].split()[-1].lower().rstrip("!.")
    return last.endswith("s") and not last.endswith(("ss", "us", "is", "ics"))


def fill(template: str, *, subject: Subject, liked: str = "", liked_plural: bool = True,
         disliked: str = "", disliked_plural: bool = True) -> str:
    """``template`` with its slots filled (see the module) and its first letter capitalised."""

    def replace(match: re.Match[str]) -> str:
        value = slot_value(*match.groups())
        # a slot right after ". ", "? " or "! " in the template opens a sentence ("X? Our colleague ...")
        opens_sentence = template[: match.start()].endswith((". ", "? ", "! "))
        return capitalise(value) if opens_sentence else value

    def slot_value(slot: str | None, verb: str | None, against: str | None) -> str:
        if slot:
            return {
                "S": subject.text,
                "O": subject.object,
                "P": subject.possessive,
                "G": subject.genitive,
                "X": liked,
                "Y": disliked,
                "it": "them" if liked_plural else "it",
                "yit": "them" if disliked_plural else "it",
            }[slot]
        if against == "|X":
            return verb if not liked_plural else agree(verb, "plural")
        if against == "|Y":
            return verb if not disliked_plural else agree(verb, "plural")
        return agree(verb, subject.number)

    return capitalise(_SLOT.sub(replace, template))


def capitalise(sentence: str) -> str:
    """First letter upper-cased, the rest untouched ("the Iron Age ..." -> "The Iron Age ...")."""
    for index, char in enumerate(sentence):
        if char.isalpha():
            return sentence[:index] + char.upper() + sentence[index + 1 :]
    return sentence


def listing(items: Sequence[str], *, last: str = "and", oxford: bool = False) -> str:
    """"A", "A and B", "A, B and C" (or "A, B, and C" with ``oxford``); ``last`` joins the
    final pair ("and", "or", "as well as", "plus", "&")."""
    if len(items) == 1:
        return items[0]
    if len(items) == 2:
        return f"{items[0]} {last} {items[1]}"
    comma = "," if oxford else ""
    return f"{', '.join(items[:-1])}{comma} {last} {items[-1]}"


def casual_case(item: str) -> str:
    """``item`` as someone typing quickly writes it mid-sentence: common nouns lower-cased
    ("River Otters" -> "river otters"); names of teams, eras and titles keep their capitals
    but lose a capital "The" ("The Iron Age" -> "the Iron Age")."""
    if item.lower().startswith("the "):
        return "the " + item[4:]
    if any(mark in item for mark in ":'!"):
        return item
    return item.lower()


def indefinite(noun: str) -> str:
    """"an optician", "a surveyor"."""
    return _INFLECT.a(noun)


def first_name(name: str) -> str:
    return name.split()[0]


def partition(items: Sequence[str], sizes: Sequence[int], weights: Sequence[float], rng) -> list[list[str]]:
    """``items`` cut, in order, into groups whose sizes are drawn from ``sizes``."""
    groups, start = [], 0
    while start < len(items):
        size = rng.choices(sizes, weights=weights)[0]
        groups.append(list(items[start : start + size]))
        start += size
    return groups


class Phrasebook:
    """Draws phrases so that one profile repeats none until its pool is used up."""

    def __init__(self, rng) -> None:
        self.rng = rng
        self._unused: dict[str, list] = {}

    def draw(self, key: str, pool: Sequence[T], fits: Callable[[T], bool] = lambda _: True) -> T:
        """An unused phrase of ``pool`` (filed under ``key``) that ``fits``; the pool is
        refilled when none left fits. ``pool`` must hold at least one that fits."""
        unused = self._unused.setdefault(key, [])
        fitting = [index for index, phrase in enumerate(unused) if fits(phrase)]
        if not fitting:
            unused[:] = list(pool)
            self.rng.shuffle(unused)
            fitting = [index for index, phrase in enumerate(unused) if fits(phrase)]
        return unused.pop(fitting[-1])


def paragraphs(sentences: Sequence[str], *, shortest: int, longest: int, rng) -> list[str]:
    """``sentences`` joined into paragraphs of ``shortest`` to ``longest`` sentences."""
    joined, start = [], 0
    while start < len(sentences):
        size = rng.randint(shortest, longest)
        joined.append(" ".join(sentences[start : start + size]))
        start += size
    return joined


class PairQuestions:
    """The and / or / but-not questions of a style, each drawn from a class-level tuple of
    templates with ``{A}`` and ``{B}`` for the two items."""

    pair_questions: dict[str, Sequence[str]]

    def question_and(self, *, first: str, second: str, rng) -> str:
        return rng.choice(self.pair_questions["and"]).format(A=first, B=second)

    def question_or(self, *, first: str, second: str, rng) -> str:
        return rng.choice(self.pair_questions["or"]).format(A=first, B=second)

    def question_but_not(self, *, first: str, second: str, rng) -> str:
        return rng.choice(self.pair_questions["but-not"]).format(A=first, B=second)
