"""The units the numeric benchmark states values in, and their exact conversions.

Every unit belongs to a *dimension* (money, mass, length, ...) and converts exactly to that
dimension's canonical unit by a rational factor. Conversion factors are the exact
definitions: 1 lb = 0.45359237 kg and 1 in = 25.4 mm (International Yard and Pound
Agreement, 1959); 1 mi = 1,609.344 m; a marathon is 42.195 km and a half marathon half of it
(World Athletics competition rules); storage uses the decimal prefixes manufacturers print
(1 TB = 1,000 GB, IEC 80000-13); a monthly salary is twelve monthly payments a year.

Units also belong to a *group*: within a group people convert exactly (hours and days, a
monthly and a yearly salary, a 10-point and a 5-point rating); across groups they convert
approximately (pounds and kilograms, inches and centimetres, "1 TB" and "1,000 GB" — which
many readers take as 1,024 GB). :mod:`.semantics` uses the group to decide when a value is
too close to a threshold for a careful reader to be sure of the answer.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

__all__ = ["Unit", "UNITS", "unit"]


@dataclass(frozen=True, slots=True)
class Unit:
    name: str
    dimension: str
    factor: Fraction  # one of this unit, in the dimension's canonical unit
    group: str  # conversions inside a group are exact for a human reader


def _units() -> dict[str, Unit]:
    table = [
        # money (canonical: US dollars; salaries: US dollars a year)
        ("USD", "money", 1, "usd"),
        ("USD/year", "salary", 1, "usd"),
        ("USD/month", "salary", 12, "usd"),
        # mass (canonical: gram)
        ("g", "mass", 1, "metric"),
        ("kg", "mass", 1000, "metric"),
        ("lb", "mass", Fraction("453.59237"), "imperial"),
        ("oz", "mass", Fraction("28.349523125"), "imperial"),
        # length (canonical: millimetre); race distances by name are their own group
        ("mm", "length", 1, "metric"),
        ("cm", "length", 10, "metric"),
        ("m", "length", 1000, "metric"),
        ("km", "length", 1_000_000, "metric"),
        ("in", "length", Fraction("25.4"), "imperial"),
        ("ft", "length", Fraction("304.8"), "imperial"),
        ("mi", "length", 1_609_344, "imperial"),
        ("marathon", "length", 42_195_000, "race"),
        ("half-marathon", "length", 21_097_500, "race"),
        # storage (canonical: gigabyte); each prefix its own group (1 TB: 1,000 or 1,024 GB?)
        ("MB", "storage", Fraction(1, 1000), "MB"),
        ("GB", "storage", 1, "GB"),
        ("TB", "storage", 1000, "TB"),
        # time (canonical: minute)
        ("min", "time", 1, "time"),
        ("h", "time", 60, "time"),
        ("day", "time", 1440, "time"),
        ("week", "time", 10080, "time"),
        # frequency (canonical: gigahertz)
        ("MHz", "frequency", Fraction(1, 1000), "frequency"),
        ("GHz", "frequency", 1, "frequency"),
        # volume (canonical: litre)
        ("ml", "volume", Fraction(1, 1000), "volume"),
        ("L", "volume", 1, "volume"),
        # ratings (canonical: fraction of the scale's maximum)
        ("/5", "rating", Fraction(1, 5), "rating"),
        ("/10", "rating", Fraction(1, 10), "rating"),
        # plain counts
        ("year", "years", 1, "years"),
        ("people", "count", 1, "count"),
    ]
    return {name: Unit(name, dimension, Fraction(factor), group) for name, dimension, factor, group in table}


UNITS: dict[str, Unit] = _units()


def unit(name: str) -> Unit:
    """The unit called ``name`` (a KeyError names it if it is not in :data:`UNITS`)."""
    return UNITS[name]
