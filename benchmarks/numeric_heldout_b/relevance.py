"""Which documents a query's conditions make relevant, and which make it unfair.

A document is relevant to a query when it is in the query's scope (every category the
query names matches the document's) and, for every condition, the document states a fact
of that attribute that :meth:`.constraints.Constraint.holds`. A document that does not
state the attribute is not relevant: the text gives no reason to return it.

A query is *unfair* (and is never generated) when some in-scope document's fact sits
too close to a bound to call either way:

* the fact straddles the bound (a $90k-$110k range against "over $100k", "the
  mid-2010s" against "2015 or newer");
* the fact is hedged ("about 1,500 sq ft") and within :data:`HEDGE_MARGIN` of the bound;
* the fact had to be converted to compare it (sq ft against m², mpg against L/100 km,
  1,995 cc against "2.0L", an hourly wage against a yearly bound) and lies within
  :data:`CONVERSION_MARGIN` (:data:`PAY_PERIOD_MARGIN` for pay periods, whose 2,080
  hours a year are a convention, not a fact);
* the fact is money in another currency and some exchange rate in
  :data:`EXCHANGE_RATES` (USD per GBP) would make it satisfy the condition; without
  that, amounts in different currencies are never relevant to each other.
"""

from __future__ import annotations

from dataclasses import dataclass

from .constraints import Constraint
from .facts import Fact
from .units import CANONICAL, currency

__all__ = ["CONVERSION_MARGIN", "Condition", "EXCHANGE_RATES", "HEDGE_MARGIN", "PAY_PERIOD_MARGIN",
           "doubtful", "in_scope", "satisfies"]

HEDGE_MARGIN = 0.10
CONVERSION_MARGIN = 0.03
PAY_PERIOD_MARGIN = 0.15
EXCHANGE_RATES = (1.1, 1.45)  # USD per GBP: a wide band around the 2020s rates


@dataclass(frozen=True)
class Condition:
    """One numeric condition of a query: the constraint, its words, the unit it names."""

    constraint: Constraint
    words: str
    unit: str  # the unit the query wrote its bound in ("mpg", "sqft", "USD/hour", "year")


def in_scope(categories: dict[str, str], scope: dict[str, str]) -> bool:
    return all(categories.get(name) == value for name, value in scope.items())


def satisfies(facts: dict[str, Fact], condition: Condition) -> bool:
    constraint = condition.constraint
    fact = facts.get(constraint.attribute)
    if fact is None or currency(fact.unit) != currency(condition.unit):
        return False
    return constraint.holds(fact)


def doubtful(facts: dict[str, Fact], condition: Condition) -> bool:
    """True when ``facts`` make ``condition`` too close to call (see the module docstring)."""
    constraint = condition.constraint
    fact = facts.get(constraint.attribute)
    if fact is None:
        return False
    theirs, ours = currency(fact.unit), currency(condition.unit)
    if theirs != ours:
        return _holds_at_some_rate(constraint, fact, usd_per_fact_unit=_rates(theirs, ours))
    if constraint.straddled_by(fact):
        return True
    margin = _margin(fact, condition)
    return margin > 0 and any(_near(end, bound, margin) for end in (fact.low, fact.high) for bound in constraint.bounds())


def _margin(fact: Fact, condition: Condition) -> float:
    margin = HEDGE_MARGIN if fact.approximate else 0.0
    if fact.unit != condition.unit:
        pay_periods = currency(fact.unit) is not None and "/" in fact.unit
        converted = PAY_PERIOD_MARGIN if pay_periods else CONVERSION_MARGIN
        if CANONICAL.get(fact.unit) == CANONICAL.get(condition.unit, condition.unit) or pay_periods:
            margin = max(margin, converted)
    return margin


def _near(value: float, bound: float, margin: float) -> bool:
    return abs(value - bound) <= margin * abs(bound)


def _rates(theirs: str | None, ours: str | None) -> tuple[float, ...]:
    """How many of the query's currency units one unit of the fact's currency may be worth."""
    if theirs == "GBP" and ours == "USD":
        return EXCHANGE_RATES
    if theirs == "USD" and ours == "GBP":
        return tuple(1 / rate for rate in EXCHANGE_RATES)
    return ()


def _holds_at_some_rate(constraint: Constraint, fact: Fact, usd_per_fact_unit: tuple[float, ...]) -> bool:
    for rate in usd_per_fact_unit:
        converted = Fact(fact.attribute, fact.low * rate, fact.high * rate, fact.unit, fact.stated)
        if not constraint.fails(converted):
            return True
    return False
