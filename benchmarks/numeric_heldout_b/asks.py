"""How a query asks about one attribute: a round bound, its words, the operator phrases.

An :class:`Ask` turns a value seen in the corpus into a :class:`.relevance.Condition`:
it rounds the value to a bound a person would type (``nice``), writes it in the query's
unit (``words``), and phrases the comparison with one of its templates. The operator a
template expresses is fixed by the table it sits in, with these semantics:

=========== ============================================================== ==========
operator    phrasings (examples)                                           bound
=========== ============================================================== ==========
``>``       over, more than, above, north of, newer than, after, bigger    exclusive
``>=``      at least, or more, +, or newer, or later, since, no older than inclusive
``<``       under, below, less than, sub-, cheaper than, before, older     exclusive
``<=``      at most, no more than, up to, or less, won't set me back more  inclusive
between     between a and b, from the 1990s, in the 90s, exactly (a = b)   inclusive
=========== ============================================================== ==========

A bound in a decreasing unit (mpg) flips the operator when it becomes canonical
(:func:`.constraints.flipped`). Years and periods become day ranges (:mod:`.periods`).
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from typing import Callable

from .constraints import Constraint, flipped
from . import periods
from .periods import Period
from .relevance import Condition
from .units import DECREASING_UNITS, currency, from_canonical, to_canonical
from .wording import count_words, grouped, pick, plain

__all__ = ["Ask", "PeriodAsk", "YearAsk", "choose_from", "money_words", "period_condition", "rounded", "unit_words", "year_condition"]

Templates = dict[str, tuple[str, ...]]

# Templates that start with PREFIX go before the noun ("sub-$400k houses", "3-bed homes").
PREFIX = "^"


@dataclass(frozen=True)
class Ask:
    attribute: str
    unit: str
    nice: Callable[[float], float]
    words: Callable[[float, random.Random], str]
    templates: Templates = field(default_factory=dict)

    @property
    def ops(self) -> tuple[str, ...]:
        return tuple(self.templates)

    @property
    def currency(self) -> str | None:
        return currency(self.unit)

    def key(self, canonical: float) -> float:
        """Order of values as the query sees them (more mpg is more, though less fuel)."""
        return from_canonical(canonical, self.unit)

    def near(self, op: str, rng: random.Random, anchor: float) -> Condition:
        """A condition whose bound is a round number near the canonical value ``anchor``."""
        value = self.key(anchor)
        if op != "between":
            return self.condition(op, rng, self.nice(value))
        low, high = self.nice(value * rng.uniform(0.75, 0.95)), self.nice(value * rng.uniform(1.05, 1.3))
        return self.condition(op, rng, low, high if high > low else self.nice(high * 1.5))

    def condition(self, op: str, rng: random.Random, low: float, high: float | None = None) -> Condition:
        """The condition ``attribute op low`` (or between low and high), bounds in ``unit``."""
        template = pick(rng, list(self.templates[op]))
        a, b = self.words(low, rng), self.words(high, rng) if high is not None else ""
        text = template.format(a=a, b=b) if op == "between" else template.format(b=a)
        bounds = sorted(to_canonical(v, self.unit) for v in ((low,) if high is None else (low, high)))
        canonical_op = flipped(op) if self.unit in DECREASING_UNITS else op
        constraint = Constraint(self.attribute, canonical_op, bounds[0], bounds[1] if len(bounds) > 1 else None)
        return Condition(constraint, text, self.unit)


def rounded(step: float, floor: float | None = None) -> Callable[[float], float]:
    """A bound rounded to a multiple of ``step`` (never below ``floor``, default ``step``)."""
    lowest = step if floor is None else floor

    def nice(value: float) -> float:
        return max(lowest, round(round(value / step) * step, 6))

    return nice


def choose_from(values: tuple[float, ...]) -> Callable[[float], float]:
    """The listed bound closest to the value (hours a week, acres, warranty months)."""
    return lambda value: min(values, key=lambda candidate: abs(candidate - value))


def money_words(symbol: str, suffixes: tuple[str, ...] = ("",)) -> Callable[[float, random.Random], str]:
    def words(value: float, rng: random.Random) -> str:
        amount = int(value)
        forms = [f"{symbol}{grouped(amount)}"]
        if amount >= 1000 and amount % 500 == 0 and amount < 1_000_000:
            forms += [f"{symbol}{plain(amount / 1000)}k", f"{symbol}{plain(amount / 1000)}K"]
            if amount % 1000 == 0:
                forms.append(f"{amount // 1000} grand")
        if amount >= 1_000_000 and amount % 50_000 == 0:
            forms += [f"{symbol}{plain(amount / 1_000_000)}M", f"{symbol}{plain(amount / 1_000_000)} million"]
        return pick(rng, forms) + pick(rng, list(suffixes))

    return words


def unit_words(*units: str, spell: bool = False, group: bool = True) -> Callable[[float, random.Random], str]:
    """``value unit`` with one of ``units`` ("{} sq ft" or " sq ft"); whole numbers may be spelled out."""

    def words(value: float, rng: random.Random) -> str:
        number = grouped(int(value)) if group and value == int(value) else plain(value)
        if spell and value == int(value) and value <= 20 and rng.random() < 0.4:
            number = count_words(int(value))
        unit = pick(rng, list(units))
        return unit.format(number) if "{}" in unit else f"{number}{unit}"

    return words


@dataclass(frozen=True)
class YearAsk:
    """Comparisons with whole years; ``between`` names a decade ("from the 1990s", "in the 90s")."""

    attribute: str
    templates: Templates
    unit: str = "year"
    currency: None = None

    @property
    def ops(self) -> tuple[str, ...]:
        return tuple(self.templates)

    def key(self, canonical: float) -> float:
        return float(dt.date.fromordinal(int(canonical)).year)

    def near(self, op: str, rng: random.Random, anchor: float) -> Condition:
        year = int(self.key(anchor))
        if op == "between":
            start = year - year % 10
            short = [f"'{start % 100:02d}s", f"{start % 100:02d}s"] if start < 2000 else []  # not "the '00s"
            decade = pick(rng, [f"{start}s", *short])
            return year_condition(self.attribute, op, start, start + 9, pick(rng, list(self.templates[op])).format(b=decade))
        written = pick(rng, [str(year), str(year), f"'{year % 100:02d}"])
        return year_condition(self.attribute, op, year, year, pick(rng, list(self.templates[op])).format(b=written))


@dataclass(frozen=True)
class PeriodAsk:
    """Comparisons with a month or a quarter ("starting before March 2026", "available in Q1 2026")."""

    attribute: str
    templates: Templates
    unit: str = "period"
    currency: None = None

    @property
    def ops(self) -> tuple[str, ...]:
        return tuple(self.templates)

    def key(self, canonical: float) -> float:
        return canonical

    def near(self, op: str, rng: random.Random, anchor: float) -> Condition:
        day = dt.date.fromordinal(int(anchor))
        if rng.random() < 0.7:
            period = periods.month(day.year, day.month)
        else:
            period = periods.quarter(day.year, (day.month - 1) // 3 + 1)
        words = pick(rng, list(period.forms[:2]))
        return period_condition(self.attribute, op, period, pick(rng, list(self.templates[op])).format(b=words))


def year_condition(attribute: str, op: str, first: int, last: int, text: str) -> Condition:
    """A comparison with whole years ("after 2015", "2018 or newer", "in the 1990s") on day ranges."""
    first_day = Period.of_years(first, first).first_day
    last_day = Period.of_years(last, last).last_day
    bound = {">": last_day, ">=": first_day, "<": first_day, "<=": last_day}
    if op == "between":
        return Condition(Constraint(attribute, "between", first_day, last_day), text, "year")
    return Condition(Constraint(attribute, op, bound[op]), text, "year")


def period_condition(attribute: str, op: str, period: Period, text: str) -> Condition:
    """A comparison with a month or quarter ("starting before March 2026", "available in Q1 2026")."""
    bound = {">": period.last_day, ">=": period.first_day, "<": period.first_day, "<=": period.last_day}
    if op == "between":
        return Condition(Constraint(attribute, "between", period.first_day, period.last_day), text, "period")
    return Condition(Constraint(attribute, op, bound[op]), text, "period")
