"""A comparison on one attribute, and when an interval fact satisfies it.

A fact ``[low, high]`` satisfies a constraint only when the *whole* interval lies on the
satisfying side:

========== ======================= =========================
operator   satisfied when          fails outright when
========== ======================= =========================
``>``      low > b                 high <= b
``>=``     low >= b                high < b
``<``      high < b                low >= b
``<=``     high <= b               low > b
between    a <= low and high <= b  high < a or low > b
========== ======================= =========================

Anything else *straddles* the bound (a $90k-$110k salary against "over $100k"): it is
not relevant, and the generator keeps at most two straddlers per query.
"""

from __future__ import annotations

from dataclasses import dataclass

from .facts import Fact

__all__ = ["OPERATORS", "Constraint", "flipped"]

OPERATORS = (">", ">=", "<", "<=", "between")

_FLIP = {">": "<", ">=": "<=", "<": ">", "<=": ">=", "between": "between"}


def flipped(operator: str) -> str:
    """The operator after converting through a decreasing unit (mpg -> L/100 km)."""
    return _FLIP[operator]


@dataclass(frozen=True)
class Constraint:
    """``attribute op low`` (or ``low <= attribute <= high`` for between), canonical units."""

    attribute: str
    op: str
    low: float
    high: float | None = None

    def __post_init__(self) -> None:
        if self.op not in OPERATORS:
            raise ValueError(f"unknown operator {self.op!r}")
        if (self.op == "between") != (self.high is not None):
            raise ValueError("'between' takes two bounds, every other operator one")

    def holds(self, fact: Fact) -> bool:
        bound = self.low
        if self.op == ">":
            return fact.low > bound
        if self.op == ">=":
            return fact.low >= bound
        if self.op == "<":
            return fact.high < bound
        if self.op == "<=":
            return fact.high <= bound
        return self.low <= fact.low and fact.high <= self.high

    def fails(self, fact: Fact) -> bool:
        bound = self.low
        if self.op == ">":
            return fact.high <= bound
        if self.op == ">=":
            return fact.high < bound
        if self.op == "<":
            return fact.low >= bound
        if self.op == "<=":
            return fact.low > bound
        return fact.high < self.low or fact.low > self.high

    def straddled_by(self, fact: Fact) -> bool:
        return not self.holds(fact) and not self.fails(fact)

    def bounds(self) -> tuple[float, ...]:
        return (self.low,) if self.high is None else (self.low, self.high)
