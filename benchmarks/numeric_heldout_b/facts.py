"""Structured records: what each document states, in canonical units.

A :class:`Fact` is an interval ``[low, high]`` in the attribute's canonical unit
(:mod:`.units`): a plain value has ``low == high``; a salary range, a decade ("a 1970s
build") or a month ("available April 2026") is wider. ``unit`` is the unit the document
wrote it in and ``approximate`` says it was hedged ("about", "roughly", "~"); both only
decide which query bounds are too close to it to be fair (see :mod:`.queries`).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

__all__ = ["Distractor", "Fact", "Record"]


@dataclass(frozen=True)
class Fact:
    attribute: str
    low: float
    high: float
    unit: str
    stated: str
    approximate: bool = False

    @classmethod
    def point(cls, attribute: str, value: float, unit: str, stated: str, *, approximate: bool = False) -> "Fact":
        return cls(attribute, value, value, unit, stated, approximate)


@dataclass(frozen=True)
class Distractor:
    """A number in the document that answers none of the target's attributes."""

    kind: str
    stated: str


@dataclass
class Record:
    id: str
    target: str
    facts: dict[str, Fact]
    distractors: list[Distractor]
    text: str = ""
    title: str = ""
    extra: dict = field(default_factory=dict)

    def as_metadata(self) -> dict:
        return {
            "id": self.id,
            "target": self.target,
            "facts": {name: asdict(fact) for name, fact in self.facts.items()},
            "distractors": [asdict(d) for d in self.distractors],
        }
