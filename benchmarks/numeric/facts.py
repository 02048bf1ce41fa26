"""What a generated document is about: an entity, the facts it states, and distractors.

An :class:`Entity` is a product (eight categories), a person (by profession) or an event
(concert, conference, race, festival). It states 3 to 6 :class:`Fact` s, each an attribute
from its category's vocabulary (:data:`ATTRIBUTES`) with a value as the document states it:
a :class:`Quantity` in the stated unit ("15,600 a month" is 15,600 USD/month, not 187,200
a year), a :class:`Period` at the stated precision ("Q3 2024" is 1 July - 30 September
2024) or a :class:`Version`. Relevance is computed from these stated values only
(:mod:`.semantics`); a template set (:mod:`.templates`) decides only how they are worded.

:class:`Distractor` s are other numbers in the same document that no query asks about —
shipping times, warranties, versions of standards ("Bluetooth 5.3"), founding years, order
codes, venue capacities, graduation years — so a reader must bind each number to what it
measures. Model names with digits ("Lum 4 Max", "X200") are part of the entity's name.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any, Union

from .units import UNITS, Unit

__all__ = [
    "ATTRIBUTES",
    "CATEGORIES",
    "DIMENSIONS",
    "KINDS",
    "REFERENCE_DATE",
    "Distractor",
    "Entity",
    "Fact",
    "Period",
    "Quantity",
    "Value",
    "Version",
]

#: The day the documents describe: a stated age is the age on this day.
REFERENCE_DATE = dt.date(2025, 1, 1)

KINDS = ("product", "person", "event")

CATEGORIES: dict[str, tuple[str, ...]] = {
    "product": ("headphones", "laptop", "phone", "camera", "monitor", "e-bike", "coffee machine", "smartwatch"),
    "person": ("nurse", "software engineer", "teacher", "chef", "accountant", "architect", "electrician", "pilot"),
    "event": ("concert", "conference", "race", "festival"),
}

_PERSON = ("age", "birth_date", "salary", "height", "weight", "experience")

#: The attribute vocabulary of each category: the only attributes its documents state.
ATTRIBUTES: dict[str, tuple[str, ...]] = {
    "headphones": ("price", "battery_life", "weight", "rating", "release_date", "firmware"),
    "laptop": ("price", "battery_life", "storage", "ram", "weight", "screen_size", "rating", "release_date",
               "clock_speed", "os_version"),
    "phone": ("price", "battery_life", "storage", "ram", "weight", "screen_size", "rating", "release_date",
              "clock_speed", "os_version"),
    "camera": ("price", "weight", "screen_size", "rating", "release_date", "firmware"),
    "monitor": ("price", "weight", "screen_size", "rating", "release_date", "firmware"),
    "e-bike": ("price", "weight", "range", "rating", "release_date", "firmware"),
    "coffee machine": ("price", "weight", "tank_capacity", "rating", "release_date", "firmware"),
    "smartwatch": ("price", "battery_life", "storage", "weight", "screen_size", "rating", "release_date", "firmware"),
    **{profession: _PERSON for profession in CATEGORIES["person"]},
    "concert": ("date", "price", "attendance", "duration"),
    "conference": ("date", "price", "attendance", "duration"),
    "race": ("date", "price", "attendance", "distance"),
    "festival": ("date", "price", "attendance", "duration"),
}

#: What each attribute measures; a constraint compares only facts of the same attribute.
DIMENSIONS: dict[str, str] = {
    "price": "money", "battery_life": "time", "storage": "storage", "ram": "storage", "weight": "mass",
    "screen_size": "length", "rating": "rating", "release_date": "date", "clock_speed": "frequency",
    "os_version": "version", "firmware": "version", "range": "length", "tank_capacity": "volume",
    "age": "years", "birth_date": "date", "salary": "salary", "height": "length", "experience": "years",
    "date": "date", "attendance": "count", "duration": "time", "distance": "length",
}


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number in a unit of :data:`~.units.UNITS`, exactly as stated."""

    value: Fraction
    unit: str
    _canonical: Fraction = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "value", Fraction(self.value))
        if self.unit not in UNITS:
            raise ValueError(f"unknown unit {self.unit!r}")
        object.__setattr__(self, "_canonical", self.value * UNITS[self.unit].factor)

    @property
    def spec(self) -> Unit:
        return UNITS[self.unit]

    def canonical(self) -> Fraction:
        """The value in its dimension's canonical unit (exact)."""
        return self._canonical


@dataclass(frozen=True, slots=True)
class Period:
    """The days from ``start`` to ``end`` (inclusive) that a stated date covers.

    ``granularity`` says how it was stated: ``day``, ``days`` (a multi-day event),
    ``month``, ``quarter``, ``half`` (first/second half of a year), ``year`` or ``decade``.
    """

    start: dt.date
    end: dt.date
    granularity: str

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"period ends before it starts: {self.start} .. {self.end}")


@dataclass(frozen=True, slots=True)
class Version:
    """A software version as stated, e.g. ``"14.6.5"``; compared as a PEP 440 release.

    ``name`` is the software's name where the document gives one (a phone's operating
    system); firmware has none."""

    text: str
    name: str | None = None


Value = Union[Quantity, Period, Version]


@dataclass(frozen=True, slots=True)
class Fact:
    attribute: str
    value: Value


@dataclass(frozen=True, slots=True)
class Distractor:
    """A number in the document that states none of the entity's queried attributes.

    ``kind`` names what it is (``warranty_years``, ``ships_days``, ``bluetooth`` ...);
    ``value`` is a number, a string (a version of a standard, an order code) or a date.
    """

    kind: str
    value: Any


@dataclass(frozen=True)
class Entity:
    """One document's subject. ``details`` holds words, not numbers a query asks about:
    brand, model, city, venue, the operating system's name, ``retired`` for a person, and
    ``mentions`` — other categories the text names in passing ("pairs with any phone")."""

    kind: str
    category: str
    name: str
    facts: tuple[Fact, ...]
    distractors: tuple[Distractor, ...] = ()
    details: dict[str, Any] = field(default_factory=dict)

    def fact(self, attribute: str) -> Fact | None:
        for fact in self.facts:
            if fact.attribute == attribute:
                return fact
        return None

    @property
    def attributes(self) -> tuple[str, ...]:
        return tuple(f.attribute for f in self.facts)
