"""The structured record behind each document, and how a record becomes prose.

A record keeps every fact the text states (``facts``), so relevance is computed from
the record, never from the text. ``compose`` shuffles the fact sentences with the
distractor sentences and lays them out as prose, a spec sheet or a mix of both.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Any, Callable, Sequence

from .semantics import Fact

__all__ = ["Attribute", "Record", "Sentence", "compose", "pick", "fill"]


@dataclass
class Record:
    kind: str  # "product", "person" or "event"
    category: str  # "headphones", ..., "person", "concert", ...
    title: str
    facts: dict[str, Fact] = field(default_factory=dict)
    text: str = ""
    id: str = ""

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "kind": self.kind,
            "category": self.category,
            "title": self.title,
            "facts": {name: fact.to_json() for name, fact in self.facts.items()},
        }


@dataclass(frozen=True)
class Sentence:
    """A rendered statement: prose, and the label/value pair a spec sheet would print."""

    prose: str
    label: str = ""
    value: str = ""


@dataclass(frozen=True)
class Attribute:
    """One attribute of a category: how to draw a value and how text states it.

    ``state(rng, value, ctx)`` returns the :class:`Sentence` and the :class:`Fact`.
    """

    name: str
    draw: Callable[[random.Random], Any]
    state: Callable[[random.Random, Any, dict], tuple[Sentence, Fact]]
    share: float = 1.0  # probability a document states this attribute at all


def pick(rng: random.Random, options: Sequence[str]) -> str:
    return options[rng.randrange(len(options))]


def fill(template: str, **values: Any) -> str:
    text = template.format(**values)
    return text[0].upper() + text[1:] if text else text


def compose(rng: random.Random, intro: str, facts: list[Sentence], extras: list[str]) -> str:
    """Lay out a document. Spec sheets keep the label/value pairs; prose keeps sentences."""
    style = rng.choices(["prose", "sheet", "mixed"], weights=[5, 2, 3])[0]
    facts = facts[:]
    rng.shuffle(facts)
    extras = extras[:]
    if style == "prose":
        body = [s.prose for s in facts] + extras
        rng.shuffle(body)
        return " ".join([intro] + body)
    if style == "sheet":
        listed = [s for s in facts if s.label]
        told = [s.prose for s in facts if not s.label]
        separator = pick(rng, [" | ", "; ", " · ", "\n"])
        heading = pick(rng, ["Specs:", "Key facts:", "At a glance:", "Details:", "Spec sheet:"])
        sheet = separator.join(f"{s.label}: {s.value}" for s in listed)
        rest = told + extras
        rng.shuffle(rest)
        return " ".join([intro, f"{heading} {sheet}."] + rest)
    cut = rng.randint(1, max(1, len(facts) - 1))
    listed = [s for s in facts[:cut] if s.label]
    told = [s.prose for s in facts[cut:]] + [s.prose for s in facts[:cut] if not s.label] + extras
    rng.shuffle(told)
    bullets = " ".join(f"• {s.label}: {s.value}" for s in listed)
    return " ".join([intro] + told + ([bullets] if bullets else []))
