"""Facts, constraints and the three-valued test that decides relevance.

A :class:`Fact` is what a document states about one attribute: a closed interval
``[low, high]`` in the attribute's canonical unit (a point when ``low == high``), the
unit the text used, and the text itself. A :class:`Constraint` is what a query asks:
an interval whose ends are open or closed (``None`` = unbounded).

``verdict(fact, constraint)`` is ``"yes"`` when every value of the fact satisfies the
constraint, ``"no"`` when none does, ``"unknown"`` when the fact straddles a bound
(a period such as "Q3 2024" against "after August 2024"). Only ``"yes"`` is relevant.

Values are floats (amounts), day ordinals (dates, :func:`date.toordinal`) or version
tuples padded to :data:`VERSION_WIDTH` parts, so ``14.6`` and ``14.6.0`` compare equal
and ``14.15 > 14.6`` (release order, as in PEP 440 / semantic versioning).
"""

from __future__ import annotations

import calendar
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

__all__ = [
    "Constraint",
    "Fact",
    "VERSION_WIDTH",
    "day",
    "month_period",
    "quarter_period",
    "verdict",
    "version",
    "year_period",
]

VERSION_WIDTH = 4


@dataclass(frozen=True)
class Fact:
    attribute: str
    low: Any
    high: Any
    unit: str  # the unit as the text states it ("lbs", "month", "TB", "quarter" ...)
    text: str  # the surface form, e.g. "1.3k USD"

    def to_json(self) -> dict:
        return _json_row(self)


@dataclass(frozen=True)
class Constraint:
    attribute: str
    low: Any = None
    low_inclusive: bool = True
    high: Any = None
    high_inclusive: bool = True
    unit: str = ""  # the unit the query states (for the near-a-bound check)

    def admits(self, value: Any) -> bool:
        if self.low is not None and (value < self.low or (value == self.low and not self.low_inclusive)):
            return False
        if self.high is not None and (value > self.high or (value == self.high and not self.high_inclusive)):
            return False
        return True

    def to_json(self) -> dict:
        return _json_row(self)


def _json_row(item: Fact | Constraint) -> dict:
    row = asdict(item)
    for key in ("low", "high"):
        if isinstance(row[key], tuple):  # versions
            row[key] = list(row[key])
    return row


def verdict(fact: Fact, constraint: Constraint) -> str:
    """``yes`` / ``no`` / ``unknown`` for a fact interval against a constraint interval.

    The constraint's admitted set is convex, so the fact lies wholly inside it iff both
    ends do; it misses it wholly iff it ends before the lower bound or starts after the
    upper one.
    """
    if constraint.admits(fact.low) and constraint.admits(fact.high):
        return "yes"
    below = constraint.low is not None and (
        fact.high < constraint.low or (fact.high == constraint.low and not constraint.low_inclusive)
    )
    above = constraint.high is not None and (
        fact.low > constraint.high or (fact.low == constraint.high and not constraint.high_inclusive)
    )
    return "no" if below or above else "unknown"


def version(text: str) -> tuple[int, ...]:
    parts = tuple(int(part) for part in text.split("."))
    return parts + (0,) * (VERSION_WIDTH - len(parts))


def day(year: int, month: int, dom: int) -> int:
    return date(year, month, dom).toordinal()


def month_period(year: int, month: int) -> tuple[int, int]:
    return day(year, month, 1), day(year, month, calendar.monthrange(year, month)[1])


def quarter_period(year: int, quarter: int) -> tuple[int, int]:
    first = 3 * (quarter - 1) + 1
    return month_period(year, first)[0], month_period(year, first + 2)[1]


def year_period(year: int) -> tuple[int, int]:
    return day(year, 1, 1), day(year, 12, 31)
