"""A numeric constraint ("salary < 50,000 USD") and what it means for a stated value.

Semantics (documented so the benchmark's qrels and this code agree):

* numbers compare in canonical units with a relative tolerance of 1e-9, so
  1.85 m equals 185 cm; ``>`` and ``<`` are strict, ``>=`` and ``<=`` inclusive;
* ``between`` is inclusive at both ends;
* a date in a constraint is a *period* (a day, a month, a year, a decade):
  "before March 1990" means before 1 March 1990, "after March 1990" after
  31 March 1990, "in 1990" / "== 1990" within the year, "between 1980 and 1985"
  from 1 January 1980 to 31 December 1985, "no later than 1990" up to its end;
* versions compare as PEP 440 versions (packaging): 9.11 > 9.9, 10 > 9.99.

* a stated date is a period too ("Q3 2024", "March 2021", "2019"): it satisfies a
  constraint only when the whole period does; a period that straddles the threshold is
  *unknown* (neither satisfied nor violated);
* a constraint applies only to facts of its own attribute (:mod:`.attributes`): "battery
  lasts more than 3 days" is not met by "ships within 5 days" or a "3-year warranty";
  a constraint that names no attribute applies to every fact of its kind except the
  distractor attributes (shipping time, warranty, standards, model names);
* money compares within one currency; amounts stated per period are compared per year
  ("$15,600 a month" is 187,200 a year), and a salary stated without a period is yearly;
* ratings compare as a share of their scale (4.5/5 = 0.9, a user score 8.1 = 0.81).

A stated value that is itself a range (rare in documents) is judged by its midpoint.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from typing import Any

from packaging.version import Version

from .attributes import DISTRACTORS
from .extract import Mention
from .lexicon import DEFAULT_ATTRIBUTE

__all__ = ["Constraint", "OPERATORS", "format_value"]

OPERATORS = (">", ">=", "<", "<=", "==", "between")
_WORDS = {">": "more than", ">=": "at least", "<": "less than", "<=": "at most", "==": "equal to", "between": "between"}
_DATE_WORDS = {">": "after", ">=": "on or after", "<": "before", "<=": "on or before", "==": "in", "between": "between"}


def _close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)


def format_value(kind: str, value: Any, unit: str = "") -> str:
    """A value in words a person reads: "$50,000"-like amounts, dates, "3:12:45"."""
    if kind == "date":
        start, end = value
        if start == end:
            return start.isoformat()
        if start.month == 1 and start.day == 1 and end.month == 12 and end.day == 31:
            return str(start.year) if start.year == end.year else f"{start.year}-{end.year}"
        if start.day == 1 and start.year == end.year and start.month == end.month:
            return start.strftime("%B %Y")
        return f"{start.isoformat()}..{end.isoformat()}"
    if kind == "version":
        return str(value)
    if kind == "duration":
        seconds = int(round(value))
        return f"{seconds // 3600}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"
    if kind == "money":
        return f"{value:,.2f}".rstrip("0").rstrip(".") + (f" {unit}" if unit else "")
    if kind.startswith("count:"):
        return f"{value:.6g}"
    return f"{value:.6g} {unit}".strip()


@dataclass(frozen=True, slots=True)
class Constraint:
    """``attribute operator value(s)`` over one kind of quantity.

    ``values`` holds one canonical value, or two (low, high) for ``between``; a date
    value is a ``(first_day, last_day)`` period. ``kind`` is the measured kind
    (money, length, mass, duration, age, date, version, count:<noun>, number ...),
    ``unit`` the canonical unit (currency code for money, "" when not stated).
    ``text`` is the part of the query the constraint was read from.
    """

    attribute: str
    operator: str
    values: tuple[Any, ...]
    kind: str
    unit: str = ""
    text: str = ""

    def __post_init__(self) -> None:
        if self.operator not in OPERATORS:
            raise ValueError(f"unknown operator {self.operator!r} (known: {', '.join(OPERATORS)})")
        if len(self.values) != (2 if self.operator == "between" else 1):
            raise ValueError(f"operator {self.operator!r} takes {2 if self.operator == 'between' else 1} value(s)")

    @property
    def value(self) -> Any:
        return self.values[0]

    @property
    def generic(self) -> bool:
        """True when the query named no attribute, only a kind ("at least 180 cm")."""
        return self.attribute in (DEFAULT_ATTRIBUTE.get(self.kind, self.kind), self.kind, "amount", "number") or (
            self.kind.startswith("count:") and self.attribute.startswith("number of"))

    def describe(self) -> str:
        """One line a person reads, e.g. ``salary less than 50,000 USD``."""
        words = _DATE_WORDS if self.kind == "date" else _WORDS
        shown = [format_value(self.kind, v, self.unit) for v in self.values]
        if self.operator == "between":
            return f"{self.attribute} between {shown[0]} and {shown[1]}"
        return f"{self.attribute} {words[self.operator]} {shown[0]}"

    # ------------------------------------------------------------------ applicability

    def applies_to(self, mention: Mention) -> bool:
        """Same kind, same currency, and the same attribute — or, for a constraint that
        names none, any attribute that is not a distractor."""
        if mention.kind != self.kind:
            return False
        if self.kind == "money" and _currency(self.unit) and _currency(mention.unit) and _currency(self.unit) != _currency(mention.unit):
            return False
        if self.generic:
            return mention.attribute not in DISTRACTORS
        return mention.attribute == self.attribute

    def check(self, mention: Mention) -> tuple[bool | None, float]:
        """``(satisfied, distance)`` for one applicable fact: satisfied True/False, or None
        when a stated period straddles the threshold; distance 0 when satisfied."""
        if self.kind == "date":
            return self._date_check(mention)
        distance = self.violation(mention)
        return distance == 0.0, distance

    def _date_check(self, mention: Mention) -> tuple[bool | None, float]:
        first = mention.value
        last = mention.upper if mention.upper is not None else mention.value
        start_ok = self._date_violation(first) == 0.0
        end_ok = self._date_violation(last) == 0.0
        if start_ok and end_ok:
            return True, 0.0
        if not start_ok and not end_ok and not self._inside(first, last):
            return False, min(self._date_violation(first), self._date_violation(last))
        return None, 0.0

    def _inside(self, first: dt.date, last: dt.date) -> bool:
        """Whether the constraint's accepted days lie within a stated period (it then
        neither meets nor misses it as a whole: "between March and May" vs "2021")."""
        if self.operator in ("==", "between"):
            start = self.values[0][0]
            end = self.values[-1][1]
            return first <= start and end <= last
        return False

    # ------------------------------------------------------------------ satisfaction

    def accepts(self, mention: Mention) -> bool:
        return self.violation(mention) == 0.0

    def violation(self, mention: Mention) -> float:
        """0 when ``mention`` satisfies the constraint, else how far it is (relative)."""
        if self.kind == "date":
            return self._date_violation(mention.value)
        if self.kind == "version":
            return self._ordered_violation(mention.value, lambda a, b: 1.0)
        point = mention.value if not mention.is_range else (mention.value + mention.upper) / 2
        return self._ordered_violation(float(point), _relative_gap)

    def _ordered_violation(self, point: Any, gap) -> float:
        op, values = self.operator, self.values
        low = values[0]
        if op == "between":
            high = values[1]
            if _ge(point, low) and _le(point, high):
                return 0.0
            return gap(point, low if _lt(point, low) else high)
        tests = {">": lambda: _gt(point, low), ">=": lambda: _ge(point, low), "<": lambda: _lt(point, low),
                 "<=": lambda: _le(point, low), "==": lambda: _eq(point, low)}
        return 0.0 if tests[op]() else gap(point, low)

    def _date_violation(self, day: dt.date) -> float:
        op, values = self.operator, self.values
        start, end = values[0]
        if op == "between":
            start, end = values[0][0], values[1][1]
            ok = start <= day <= end
            edge = start if day < start else end
        else:
            checks = {">": (day > end, end), ">=": (day >= start, start), "<": (day < start, start),
                      "<=": (day <= end, end), "==": (start <= day <= end, start if day < start else end)}
            ok, edge = checks[op]
        return 0.0 if ok else abs((day - edge).days) / 365.25 + 1e-6


def _currency(unit: str) -> str:
    return (unit or "").split("/", 1)[0]


def _relative_gap(a: float, b: float) -> float:
    return abs(a - b) / max(abs(b), 1e-9) + 1e-9


def _eq(a: Any, b: Any) -> bool:
    return a == b if isinstance(a, Version) else _close(a, b)


def _gt(a: Any, b: Any) -> bool:
    return a > b and not _eq(a, b)


def _lt(a: Any, b: Any) -> bool:
    return a < b and not _eq(a, b)


def _ge(a: Any, b: Any) -> bool:
    return a > b or _eq(a, b)


def _le(a: Any, b: Any) -> bool:
    return a < b or _eq(a, b)
