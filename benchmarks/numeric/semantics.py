"""What a query asks, and when a document's stated facts answer it (the qrels' semantics).

A :class:`QuerySpec` names an entity kind (product, person, event), optionally a category
(laptop, nurse, concert ...), and one or two :class:`Constraint` s. A document is relevant
iff its entity has that kind and category and, for every constraint, states a fact of that
attribute which satisfies it (:func:`relevance`). A fact that is not stated never
satisfies: a laptop whose weight is not given is not "lighter than 2 kg". Two constraints
are a conjunction (one false constraint makes the document irrelevant, whatever the other).

Operators (the table every template set words; all thresholds are the values *as the
query states them*):

=========== ============================================= ==============================
operator    query wordings (dev set)                      holds for value x when
=========== ============================================= ==============================
``>``       more than, over, above, north of, faster,      x > t (strict)
            bigger, later/after
``>=``      at least, or more, ``+`` ("50+ hours"),        x >= t (inclusive)
            or higher, or later, since ("since 2021")
``<``       less than, under, below, sub- ("sub-$400"),    x < t (strict)
            before, under-N ("under-25s")
``<=``      at most, or less, no more than, won't set me   x <= t (inclusive)
            back more than, or earlier
``between`` between A and B, from A to B                   A <= x <= B (inclusive)
``in``      in 1990, in Q3 2024, in the '40s               x within the period
=========== ============================================= ==============================

Idioms are operators with fixed values: "under a grand" is ``< 1,000 USD``; "six figures"
is ``between 100,000 and 999,999 USD a year``; "in their 80s" is ``between 80 and 89``
years; "born in the '40s" is ``in 1940-01-01 .. 1949-12-31``.

Values:

* **Dates are periods.** A threshold date covers its whole stated period: "before March
  1990" is before 1 March 1990, "after 1990" after 31 December 1990, "since 2021" on or
  after 1 January 2021, "no later than 2021" on or before 31 December 2021, "in 1990"
  within it. A stated date is also a period ("Q3 2024" is 1 July - 30 September 2024; a
  festival on 14-17 June 2025 covers those four days); it satisfies a threshold only if the
  whole period is on the right side. A period that straddles the threshold is *unknown*
  (:data:`Truth.UNKNOWN`); the generator never asks a query whose answer is unknown for any
  document of the asked category (:mod:`.queries`).
* **Versions** compare as PEP 440 release numbers (``packaging.version``): 9.11 > 9.9,
  14.6 == 14.6.0 < 14.6.5. A stated version that extends the threshold (14.6.5 against
  "14.6", 14.2 against "14") is unknown for ``>`` and ``<=``, because "newer than 14.6" and
  "14.6 or earlier" may mean the whole 14.6 line; ``>=`` and ``<`` agree under both
  readings.
* **Money** compares in US dollars, the only currency the documents and queries use.
  Salaries compare per year: a monthly salary counts twelve times ("$15,600 a month" is
  $187,200 a year); a query amount without a period is a yearly one.
* **Ratings** compare as a fraction of their scale's maximum. A query that states no
  scale means out of 5 ("rated 4.7 or higher"); "8 or more out of 10" states its scale. A
  "user score 8.1" out of 10 is 4.05 out of 5.
* **Units** convert exactly (:mod:`.units`). Where a careful reader converts only
  approximately (pounds and kilograms, inches and centimetres, "1 TB" and "1,000 GB", a
  half marathon and "13.1 miles") a value within :data:`MARGIN` (3%) of a threshold
  counts as unknown, so such a near tie never decides a judgement.
* **Attendance** is the number of people an event states as attending; a race's is its
  field of runners.
* **Age and birth date** are separate attributes; a person's document states both or
  neither, so no reader has to derive one from the other with a reference date.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from functools import lru_cache
from fractions import Fraction
from typing import Iterable

from packaging.version import Version as Pep440

from .facts import DIMENSIONS, Entity, Fact, Period, Quantity, Value, Version

__all__ = ["MARGIN", "OPERATORS", "Constraint", "QuerySpec", "Truth", "relevance", "truth"]

OPERATORS = (">", ">=", "<", "<=", "between", "in")

#: Relative closeness to a threshold below which a value converted across unit groups
#: (e.g. pounds to kilograms) is too close to call.
MARGIN = Fraction(3, 100)


class Truth(enum.Enum):
    TRUE = "true"
    FALSE = "false"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class Constraint:
    """``attribute op value`` (``between``: ``value`` .. ``upper``, both inclusive)."""

    attribute: str
    op: str
    value: Value
    upper: Value | None = None

    def __post_init__(self) -> None:
        if self.op not in OPERATORS:
            raise ValueError(f"unknown operator {self.op!r}")
        if (self.op == "between") != (self.upper is not None):
            raise ValueError("'between' and only 'between' takes an upper value")
        if self.op == "in" and not isinstance(self.value, Period):
            raise ValueError("'in' takes a period")
        for value in (self.value, self.upper):
            if value is not None and _dimension(value) != DIMENSIONS[self.attribute]:
                raise ValueError(f"{self.attribute}: a {_dimension(value)} value does not measure it")


@dataclass(frozen=True, slots=True)
class QuerySpec:
    """Entities of ``kind`` (and ``category``, when given) meeting every constraint."""

    kind: str
    category: str | None
    constraints: tuple[Constraint, ...]


def _dimension(value: Value) -> str:
    if isinstance(value, Quantity):
        return value.spec.dimension
    return "date" if isinstance(value, Period) else "version"


# ----------------------------------------------------------------------------- intervals
# A constraint is a set of values on the canonical axis: (low, low inclusive, high, high
# inclusive), None for an open end. Dates are day ordinals, versions PEP 440 objects.


@lru_cache(maxsize=4096)
def _release(text: str) -> Pep440:
    return Pep440(text)


def _point(value: Value):
    if isinstance(value, Quantity):
        return value.canonical()
    return _release(value.text)


@lru_cache(maxsize=4096)
def _bounds(constraint: Constraint):
    value, op = constraint.value, constraint.op
    if isinstance(value, Period):
        start, end = value.start.toordinal(), value.end.toordinal()
        if op == "between":
            return start, True, constraint.upper.end.toordinal(), True
        return {">": (end, False, None, True), ">=": (start, True, None, True), "<": (None, True, start, False),
                "<=": (None, True, end, True), "in": (start, True, end, True)}[op]
    low = _point(value)
    if op == "between":
        return low, True, _point(constraint.upper), True
    return {">": (low, False, None, True), ">=": (low, True, None, True), "<": (None, True, low, False),
            "<=": (None, True, low, True)}[op]


def _contains(bounds, x) -> bool:
    low, low_in, high, high_in = bounds
    if low is not None and (x < low or (x == low and not low_in)):
        return False
    if high is not None and (x > high or (x == high and not high_in)):
        return False
    return True


def _span(value: Value):
    if isinstance(value, Period):
        return value.start.toordinal(), value.end.toordinal()
    point = _point(value)
    return point, point


def _too_close(fact: Quantity, constraint: Constraint, bounds) -> bool:
    """A cross-group conversion (lb vs kg) lands within MARGIN of a threshold."""
    thresholds = [v for v in (constraint.value, constraint.upper) if isinstance(v, Quantity)]
    if all(t.spec.group == fact.spec.group for t in thresholds):
        return False
    x = fact.canonical()
    return any(b is not None and abs(x - b) <= MARGIN * abs(b) for b in (bounds[0], bounds[2]))


def _extends(fact: Version, threshold: Version) -> bool:
    """14.6.5 extends 14.6 (and 14.2 extends 14); 14.6.0 does not."""
    stated, asked = _release(fact.text).release, _release(threshold.text).release
    return len(stated) > len(asked) and stated[: len(asked)] == asked and any(stated[len(asked):])


def truth(fact: Fact, constraint: Constraint) -> Truth:
    """Whether ``fact`` satisfies ``constraint`` (see the module docstring)."""
    if fact.attribute != constraint.attribute:
        return Truth.FALSE
    if isinstance(fact.value, Version) and constraint.op in (">", "<=") and _extends(fact.value, constraint.value):
        return Truth.UNKNOWN
    bounds = _bounds(constraint)
    if isinstance(fact.value, Quantity) and _too_close(fact.value, constraint, bounds):
        return Truth.UNKNOWN
    first, last = _span(fact.value)
    inside_first, inside_last = _contains(bounds, first), _contains(bounds, last)
    if inside_first and inside_last:
        return Truth.TRUE  # the constraint's set is an interval: both ends in, all in
    if inside_first or inside_last:
        return Truth.UNKNOWN
    low, _, high, _ = bounds
    straddles = (low is not None and first < low < last) or (high is not None and first < high < last)
    return Truth.UNKNOWN if straddles else Truth.FALSE


def relevance(entity: Entity, spec: QuerySpec) -> Truth:
    """TRUE if ``entity`` answers ``spec``; UNKNOWN if a careful reader could not tell."""
    if entity.kind != spec.kind or (spec.category is not None and entity.category != spec.category):
        return Truth.FALSE
    verdicts: Iterable[Truth] = (
        truth(fact, c) if (fact := entity.fact(c.attribute)) is not None else Truth.FALSE for c in spec.constraints
    )
    seen = set(verdicts)
    if Truth.FALSE in seen:
        return Truth.FALSE
    return Truth.UNKNOWN if Truth.UNKNOWN in seen else Truth.TRUE
