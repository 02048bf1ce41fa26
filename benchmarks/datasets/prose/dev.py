"""The development prose style (``dev``): the one the agent's reader may be tuned on.

Held-out styles (:mod:`.heldout_a`, :mod:`.heldout_b`) were written separately, without
reading this module or the reader, and are used only to measure.
"""

from __future__ import annotations

import random

from .base import Profile

__all__ = ["DevStyle"]

_LIKE = (
    "{s} likes {items}.",
    "{s} is fond of {items}.",
    "{s} enjoys {items}.",
    "{s} loves {items}.",
    "{s} has a soft spot for {items}.",
    "{s} can't get enough of {items}.",
    "{s} is really into {items}.",
    "{s} has always been drawn to {items}.",
    "{s} is a big fan of {items}.",
    "{s} adores {items}.",
    "{s} is passionate about {items}.",
    "{s} would never say no to {items}.",
    "Few things make {o} happier than {items}.",
    "{items_cap} {are} among {p} favourite things.",
)
_DISLIKE = (
    "{s} has never cared for {item}.",
    "{s} is not a fan of {item}.",
    "{s} can't stand {item}.",
    "{s} would rather avoid {item}.",
    "{s} dislikes {item}.",
    "{s} doesn't like {item} at all.",
    "{s} has never warmed to {item}.",
    "{item_cap} {is_} something {s_lower} could do without.",
)
_NEUTRAL = (
    "{s} works in a small office downtown.",
    "{s} grew up in a coastal town.",
    "{s} has two siblings.",
    "{s} spends most evenings at home.",
    "{s} recently moved to a new apartment.",
)
_QUESTION = (
    "Who likes {x}?",
    "Which person is fond of {x}?",
    "Find someone who enjoys {x}.",
    "Name the people who like {x}.",
    "Who is a fan of {x}?",
    "Which people love {x}?",
    "List everyone who is into {x}.",
    "Who has a soft spot for {x}?",
)
_AND = ("Who likes both {a} and {b}?", "Which people enjoy {a} as well as {b}?", "Find someone who is fond of {a} and {b}.")
_OR = ("Who likes {a} or {b}?", "Which people enjoy either {a} or {b}?", "Name anyone who is into {a} or {b}.")
_BUT_NOT = ("Who likes {a} but not {b}?", "Which people enjoy {a} and don't like {b}?", "Find someone who is fond of {a} but not {b}.")
_PRONOUN = {"She": ("her", "her"), "He": ("him", "his")}


class DevStyle:
    """Varied preference and dislike sentences, pronouns, lists of one to five items."""

    name = "dev"

    def profile(self, *, person: Profile, rng: random.Random) -> str:
        pronoun = rng.choice(tuple(_PRONOUN))
        first = person.name.split()[0]
        chunks = _chunks(list(person.likes), rng)
        sentences = [self._like(chunk, person.name if i == 0 else None, first, pronoun, rng) for i, chunk in enumerate(chunks)]
        for item in person.dislikes:
            position = rng.randint(1, len(sentences))
            sentences.insert(position, self._dislike(item, first, pronoun, rng))
        if rng.random() < 0.5:
            sentences.insert(rng.randint(1, len(sentences)), rng.choice(_NEUTRAL).format(s=pronoun))
        return " ".join(sentences)

    def _like(self, items: list[str], name: str | None, first: str, pronoun: str, rng: random.Random) -> str:
        subject = name or rng.choice((first, first, pronoun, "This person"))
        objective, possessive = _PRONOUN[pronoun]
        template = rng.choice(_LIKE if name is None else _LIKE[:12])
        listed = _join(items)
        return template.format(
            s=subject, items=listed, items_cap=listed[:1].upper() + listed[1:], o=objective, p=possessive,
            are="is" if len(items) == 1 else "are",
        )

    def _dislike(self, item: str, first: str, pronoun: str, rng: random.Random) -> str:
        subject = rng.choice((first, pronoun, "This person"))
        return rng.choice(_DISLIKE).format(
            s=subject, s_lower=subject if subject == first else subject.lower(), item=item,
            item_cap=item[:1].upper() + item[1:], is_="is",
        )

    def question(self, *, item: str, rng: random.Random) -> str:
        return rng.choice(_QUESTION).format(x=item)

    def question_and(self, *, first: str, second: str, rng: random.Random) -> str:
        return rng.choice(_AND).format(a=first, b=second)

    def question_or(self, *, first: str, second: str, rng: random.Random) -> str:
        return rng.choice(_OR).format(a=first, b=second)

    def question_but_not(self, *, first: str, second: str, rng: random.Random) -> str:
        return rng.choice(_BUT_NOT).format(a=first, b=second)


def _chunks(items: list[str], rng: random.Random) -> list[list[str]]:
    rng.shuffle(items)
    chunks = []
    while items:
        size = min(len(items), rng.randint(1, 5))
        chunks.append(items[:size])
        items = items[size:]
    return chunks


def _join(items: list[str]) -> str:
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + " and " + items[-1]
