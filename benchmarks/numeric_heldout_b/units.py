"""Canonical units and the conversions the qrels use.

Every fact and every query bound is compared in one canonical unit per attribute:

=================== ================== =====================================================
attribute family    canonical unit     conversions
=================== ================== =====================================================
money               the amount's own   "k" = × 1,000, "m"/"million" = × 1,000,000; no FX:
                    currency (USD,     an amount is compared only with a bound in the same
                    GBP)               currency (see :func:`currency`)
salary              currency per year  per hour × 2,080 (40 h × 52 weeks), per month × 12
floor / lot area    m²                 1 sq ft = 0.09290304 m² (exact: 1 ft = 0.3048 m),
                                       1 acre = 4,046.8564224 m² (exact: 43,560 sq ft)
warranty            months             1 year = 12 months
distance            km                 1 mile = 1.609344 km (exact, international mile)
engine size         litres             1 cc = 0.001 L
fuel consumption    L/100 km           L/100 km = 235.2145… / mpg (US gallon 3.785411784 L);
                                       mpg is *inverse*: more mpg = less fuel
energy              kcal               1 kcal = 4.184 kJ (thermochemical calorie)
duration            minutes            1 h = 60 min
time of day         minutes after      "6:40 pm" = 18:40 = 1,120
                    midnight
dates               days (proleptic    a stated date is a *period* of days (see the package
                    Gregorian ordinal) docstring)
=================== ================== =====================================================

The exact factors are those of NIST SP 811 (2008), Appendix B.
"""

from __future__ import annotations

from typing import Callable

__all__ = ["CANONICAL", "DECREASING_UNITS", "MPG_FACTOR", "SQ_M_PER_ACRE", "SQ_M_PER_SQ_FT", "currency", "from_canonical", "to_canonical"]

SQ_M_PER_SQ_FT = 0.09290304
SQ_M_PER_ACRE = 43_560 * SQ_M_PER_SQ_FT
KM_PER_MILE = 1.609344
LITRES_PER_US_GALLON = 3.785411784
# L/100 km = MPG_FACTOR / mpg: 100 km in miles, times litres per gallon.
MPG_FACTOR = 100 * LITRES_PER_US_GALLON / KM_PER_MILE
KJ_PER_KCAL = 4.184
WORK_HOURS_PER_YEAR = 2080

_FACTORS: dict[str, float] = {
    "USD": 1.0,
    "GBP": 1.0,
    "USD/year": 1.0,
    "USD/month": 12.0,
    "USD/hour": float(WORK_HOURS_PER_YEAR),
    "GBP/year": 1.0,
    "GBP/month": 12.0,
    "GBP/hour": float(WORK_HOURS_PER_YEAR),
    "m2": 1.0,
    "sqft": SQ_M_PER_SQ_FT,
    "acre": SQ_M_PER_ACRE,
    "months": 1.0,
    "years": 12.0,
    "km": 1.0,
    "mi": KM_PER_MILE,
    "L": 1.0,
    "cc": 0.001,
    "L/100km": 1.0,
    "kcal": 1.0,
    "kJ": 1 / KJ_PER_KCAL,
    "min": 1.0,
    "h": 60.0,
    "count": 1.0,
    "hours/week": 1.0,
    "clock": 1.0,
    "day": 1.0,
}

# Units whose canonical value falls as the stated one rises: a bound in them flips the
# comparison ("at least 40 mpg" is "at most 5.88 L/100 km").
DECREASING_UNITS = frozenset({"mpg"})

_SPECIAL: dict[str, Callable[[float], float]] = {"mpg": lambda mpg: MPG_FACTOR / mpg}

# The canonical unit each unit converts to (for the record in metadata).
CANONICAL: dict[str, str] = {
    "USD": "USD", "GBP": "GBP", "USD/year": "USD/year", "USD/month": "USD/year", "USD/hour": "USD/year",
    "GBP/year": "GBP/year", "GBP/month": "GBP/year", "GBP/hour": "GBP/year",
    "m2": "m2", "sqft": "m2", "acre": "m2", "months": "months", "years": "months", "km": "km", "mi": "km", "L": "L", "cc": "L", "L/100km": "L/100km",
    "mpg": "L/100km", "kcal": "kcal", "kJ": "kcal", "min": "min", "h": "min", "count": "count",
    "hours/week": "hours/week", "clock": "clock", "day": "day",
}


def currency(unit: str) -> str | None:
    """The currency of a money unit (``"GBP/hour"`` -> ``"GBP"``), None for other units."""
    head = unit.split("/")[0]
    return head if head in ("USD", "GBP") else None


def to_canonical(value: float, unit: str) -> float:
    """``value`` stated in ``unit``, in the attribute's canonical unit."""
    if unit in _SPECIAL:
        return _SPECIAL[unit](value)
    return value * _FACTORS[unit]


def from_canonical(value: float, unit: str) -> float:
    """The inverse of :func:`to_canonical`: a canonical ``value`` written in ``unit``."""
    if unit == "mpg":
        return MPG_FACTOR / value
    return value / _FACTORS[unit]
