"""Choose the benchmark's queries: constraints with round thresholds and exact answers.

A query *family* is an entity kind, a category (or any entity of the kind) and one or two
attributes. :func:`choose_specs` draws a family, then a threshold near a value some entity
of the family states, rounded to a number people write in a query ("$1,000", "6 feet",
"Q3 2024", "the '40s") in a unit the query may choose independently of the documents
(kilograms asked, pounds stated). A spec is kept only if

* 1 to :data:`MAX_RELEVANT` entities answer it (:func:`~.semantics.relevance` is TRUE), and
* no entity of the asked kind and category is *unknown* for it — a stated period that
  straddles the threshold, or a cross-unit conversion within :data:`~.semantics.MARGIN` —
  so a careful reader never has to guess.

What a template set must be able to word (every spec is one of these):

=============== ====================================================== =====================
attribute       threshold values                                       operators
=============== ====================================================== =====================
price           USD                                                    > >= < <= between
salary          USD/year or USD/month                                  > >= < <= between
battery_life    h or day                                               > >= < <=
storage, ram    GB or TB                                               > >= < <=
weight          g, kg, lb, oz                                          > >= < <=
screen_size     in                                                     > >= < <=
rating          /5 (scale may go unsaid) or /10 (scale said)           > >= < <=
clock_speed     GHz                                                    > >= < <=
range,distance  km, mi, marathon, half-marathon                        > >= < <=
tank_capacity   L                                                      > >= < <=
height          cm, m, in (worded in feet and inches)                  > >= < <=
age, experience year                                                   > >= < <= between
attendance      people                                                 > >= < <=
duration        min, h (concerts), day (conferences, festivals)        > >= < <=
os_version,     Version ("14" or "14.2")                               > >= < <=
firmware
release_date,   Period: year, half, quarter, month, decade (births)    > >= < <= in between
date,
birth_date
=============== ====================================================== =====================
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
import random
from dataclasses import dataclass
from fractions import Fraction
from typing import Callable

from packaging.version import Version as Pep440

from .facts import ATTRIBUTES, CATEGORIES, Entity, Period, Quantity, Version
from .semantics import Constraint, QuerySpec, Truth, relevance
from .world import KIND_SHARES

__all__ = ["ANY_CATEGORY_SHARE", "MIN_RELEVANT", "MAX_RELEVANT", "TWO_CONSTRAINT_SHARE", "Family", "answer",
           "choose_specs", "families", "period_of"]

MIN_RELEVANT, MAX_RELEVANT = 1, 10
#: Share of queries with two constraints.
TWO_CONSTRAINT_SHARE = 0.3
#: Share of person and event queries about any person or event, not one category.
ANY_CATEGORY_SHARE = {"person": 0.25, "event": 0.15}
_EVENT_TIME_ATTRIBUTES = ("date",)  # the only attribute worded the same for every kind of event


@dataclass(frozen=True)
class Family:
    kind: str
    category: str | None
    attributes: tuple[str, ...]


def families() -> list[Family]:
    """Every single-attribute family and every two-attribute family of a category."""
    found = []
    for kind, categories in CATEGORIES.items():
        for category in categories:
            attributes = ATTRIBUTES[category]
            found += [Family(kind, category, (a,)) for a in attributes]
            found += [Family(kind, category, (a, b)) for i, a in enumerate(attributes) for b in attributes[i + 1:]
                      if {a, b} != {"age", "birth_date"}]
            found += [Family(kind, category, (a, a)) for a in attributes if a not in ("os_version", "firmware")]
    people = ATTRIBUTES[CATEGORIES["person"][0]]
    found += [Family("person", None, (a,)) for a in people]
    found += [Family("person", None, (a, b)) for i, a in enumerate(people) for b in people[i + 1:]
              if {a, b} != {"age", "birth_date"}]
    found += [Family("event", None, (a,)) for a in _EVENT_TIME_ATTRIBUTES]
    return found


# ----------------------------------------------------------------------------- rounding


def _nice(x: Fraction | float, step: float) -> Fraction:
    """``x`` rounded to a multiple of ``step`` (never zero)."""
    step_f = Fraction(str(step))
    return max(step_f, round(Fraction(x) / step_f) * step_f)


def _step_for(x: float, rng: random.Random, steps: tuple[float, ...]) -> float:
    power = 10 ** math.floor(math.log10(max(x, 1e-9)))
    return power * rng.choice(steps)


# ----------------------------------------------------------------------------- thresholds


def _anchor(ordered: list, rng: random.Random, op: str):
    """A stated value near the end of the (sorted) distribution that ``op`` looks at."""
    k = min(len(ordered) - 1, int(rng.triangular(0, 12, 2)))
    if op in (">", ">="):
        return ordered[-1 - k]
    if op in ("<", "<="):
        return ordered[k]
    return rng.choice(ordered)


def _sort_key(value):
    if isinstance(value, Quantity):
        return value.canonical()
    if isinstance(value, Period):
        return value.start.toordinal()
    return Pep440(value.text)


def _quantity_threshold(attribute: str, category: str | None, anchor: Quantity, rng: random.Random) -> Quantity:
    """A round threshold near ``anchor`` in a unit a query would use."""
    x = anchor.canonical()
    if attribute == "price":
        return Quantity(_nice(x, _step_for(float(x), rng, (0.1, 0.25, 0.5))), "USD")
    if attribute == "salary":
        if rng.random() < 0.3:
            monthly = x / 12
            return Quantity(_nice(monthly, _step_for(float(monthly), rng, (0.05, 0.1))), "USD/month")
        return Quantity(_nice(x, _step_for(float(x), rng, (0.05, 0.1, 0.25))), "USD/year")
    if attribute == "battery_life":
        hours = x / 60
        if hours >= 36 and rng.random() < 0.5:
            return Quantity(max(1, round(hours / 24)), "day")
        return Quantity(_nice(hours, rng.choice((5, 10))), "h")
    if attribute in ("storage", "ram"):
        gb = x
        if gb >= 1000:
            return Quantity(max(1, round(gb / 1000)), "TB")
        return Quantity(gb, "GB")
    if attribute == "weight":
        grams = float(x)
        if category in CATEGORIES["product"] and grams < 1500:
            if rng.random() < 0.15:
                return Quantity(_nice(grams / 28.349523125, 1), "oz")
            return Quantity(_nice(grams, rng.choice((10, 25, 50) if grams < 500 else (50, 100))), "g")
        if rng.random() < 0.35:
            return Quantity(_nice(grams / 453.59237, 10 if grams > 40_000 else rng.choice((1, 5))), "lb")
        return Quantity(_nice(grams / 1000, 5 if grams > 40_000 else rng.choice((0.5, 1))), "kg")
    if attribute == "screen_size":
        inches = float(x / Fraction("25.4"))
        return Quantity(_nice(inches, 0.1 if inches < 10 else rng.choice((0.5, 1))), "in")
    if attribute == "rating":  # never the top of the scale ("rated 5 or more")
        fraction = float(x)
        if rng.random() < 0.25:
            return Quantity(min(Fraction(19, 2), _nice(fraction * 10, 0.5)), "/10")
        return Quantity(min(Fraction(49, 10), _nice(fraction * 5, rng.choice((0.1, 0.5)))), "/5")
    if attribute == "clock_speed":
        return Quantity(_nice(x, rng.choice((0.1, 0.5))), "GHz")
    if attribute in ("range", "distance"):
        km = float(x / 1_000_000)
        if attribute == "distance" and rng.random() < 0.2:
            return Quantity(1, rng.choice(("marathon", "half-marathon")))
        if rng.random() < 0.3:
            return Quantity(_nice(km / 1.609344, 5), "mi")
        return Quantity(_nice(km, 5 if km < 60 else 10), "km")
    if attribute == "tank_capacity":
        return Quantity(_nice(x, rng.choice((0.1, 0.5))), "L")
    if attribute == "height":
        cm = float(x) / 10
        form = rng.randrange(3)
        if form == 0:
            return Quantity(round(cm / 2.54), "in")
        if form == 1:
            return Quantity(_nice(cm / 100, 0.05), "m")
        return Quantity(_nice(cm, 5), "cm")
    if attribute in ("age", "experience"):
        return Quantity(_nice(x, rng.choice((1, 1, 5))), "year")
    if attribute == "attendance":
        return Quantity(_nice(x, _step_for(float(x), rng, (0.1, 0.25, 0.5))), "people")
    if attribute == "duration":
        if anchor.unit == "day":
            return Quantity(x / 1440, "day")
        if rng.random() < 0.5:
            return Quantity(_nice(x / 60, 0.5), "h")
        return Quantity(_nice(x, 15), "min")
    raise KeyError(attribute)


def _period_threshold(attribute: str, anchor: Period, op: str, rng: random.Random) -> Period:
    day = anchor.start + (anchor.end - anchor.start) / 2
    if attribute == "birth_date":
        granularity = rng.choice(("year", "year", "month", "decade")) if op == "in" else rng.choice(("year", "year", "month"))
    else:
        granularity = rng.choice(("year", "quarter", "month", "half") if op == "in" else ("year", "year", "quarter", "month"))
    return period_of(day, granularity)


def period_of(day: dt.date, granularity: str) -> Period:
    """The period of ``granularity`` that contains ``day``."""
    y, m = day.year, day.month
    if granularity == "decade":
        return Period(dt.date(y - y % 10, 1, 1), dt.date(y - y % 10 + 9, 12, 31), "decade")
    if granularity == "year":
        return Period(dt.date(y, 1, 1), dt.date(y, 12, 31), "year")
    if granularity == "half":
        first = 1 if m <= 6 else 7
        return Period(dt.date(y, first, 1), dt.date(y, first + 5, calendar.monthrange(y, first + 5)[1]), "half")
    if granularity == "quarter":
        first = 3 * ((m - 1) // 3) + 1
        return Period(dt.date(y, first, 1), dt.date(y, first + 2, calendar.monthrange(y, first + 2)[1]), "quarter")
    return Period(dt.date(y, m, 1), dt.date(y, m, calendar.monthrange(y, m)[1]), "month")


def _version_threshold(anchor: Version, op: str, rng: random.Random) -> Version:
    """"14" or "14.2"; a bare major only for >= and < ("14 or later", "older than 14"),
    where reading it as 14.0 or as the whole 14 line gives the same answer."""
    parts = anchor.text.split(".")
    if op in (">=", "<") and rng.random() < 0.4:
        return Version(parts[0], anchor.name)
    return Version(".".join(parts[:2]), anchor.name)


def _ops_for(attribute: str) -> tuple[str, ...]:
    if attribute in ("release_date", "date", "birth_date"):
        return (">", ">=", "<", "<=", "in", "between")
    if attribute in ("price", "salary", "age", "experience"):
        return (">", ">=", "<", "<=", "between")
    return (">", ">=", "<", "<=")


def _constraint(attribute: str, category: str | None, values: list, rng: random.Random, op: str | None = None,
                *, idioms: bool = True, anchor: str = "tail") -> Constraint:
    """A constraint on ``attribute`` near the sorted stated ``values``: its threshold is drawn
    from the tail ``op`` looks at, or (``anchor`` ``low``/``high``) from the first/last value."""
    op = op or rng.choice(_ops_for(attribute))
    idiom = _idiom(attribute, category, rng) if idioms else None
    if idiom is not None:
        return idiom
    anchor = {"low": values[0], "high": values[-1]}.get(anchor) or _anchor(values, rng, op)
    if isinstance(anchor, Version):
        return Constraint(attribute, op, _version_threshold(anchor, op, rng))
    if isinstance(anchor, Period):
        if op == "between":  # whole years: "between 2019 and 2021"
            low = period_of(anchor.start, "year")
            last = max(v.end.year for v in values)
            high_year = min(low.start.year + rng.randint(1, 4), last)
            if high_year <= low.start.year:
                return Constraint(attribute, "in", low)
            return Constraint(attribute, "between", low, period_of(dt.date(high_year, 1, 1), "year"))
        return Constraint(attribute, op, _period_threshold(attribute, anchor, op, rng))
    threshold = _quantity_threshold(attribute, category, anchor, rng)
    if op == "between":
        other = _quantity_threshold(attribute, category, rng.choice(values), rng)
        low, high = sorted((threshold, other), key=Quantity.canonical)
        if other.unit != threshold.unit or high.canonical() < low.canonical() * Fraction(23, 20):
            return Constraint(attribute, ">=", threshold)  # no ranges like "between $34 and $35"
        return Constraint(attribute, "between", low, high)
    return Constraint(attribute, op, threshold)


_IDIOMS: dict[str, Callable[[random.Random], Constraint]] = {
    "price": lambda rng: Constraint("price", "<", Quantity(1000, "USD")),
    "salary": lambda rng: Constraint("salary", "between", Quantity(100_000, "USD/year"), Quantity(999_999, "USD/year")),
    "age": lambda rng: (lambda d: Constraint("age", "between", Quantity(d, "year"), Quantity(d + 9, "year")))(
        rng.choice((20, 30, 40, 50, 60, 70, 80))),
    "birth_date": lambda rng: Constraint("birth_date", "in", period_of(dt.date(rng.choice(range(1930, 2010, 10)), 6, 1), "decade")),
}


def _idiom(attribute: str, category: str | None, rng: random.Random) -> Constraint | None:
    """Now and then, a threshold that has an idiom ("under a grand", "six figures", "in their 80s")."""
    if attribute == "price" and category not in CATEGORIES["product"]:
        return None  # every ticket is "under a grand"
    if attribute in _IDIOMS and rng.random() < 0.25:
        return _IDIOMS[attribute](rng)
    return None


# ----------------------------------------------------------------------------- specs


def _members(entities: list[Entity], family: Family) -> list[Entity]:
    return [e for e in entities if e.kind == family.kind and (family.category is None or e.category == family.category)]


def _stated(members: list[Entity], attribute: str, cache: dict, key: tuple) -> list:
    """The values of ``attribute`` that ``members`` state, sorted (cached under ``key``)."""
    if key not in cache:
        cache[key] = sorted((f.value for e in members if (f := e.fact(attribute)) is not None), key=_sort_key)
    return cache[key]


def _spec(family: Family, members: list[Entity], rng: random.Random, stated: dict) -> QuerySpec | None:
    constraints = []
    first, *rest = family.attributes
    key = (family.kind, family.category)
    values = _stated(members, first, stated, (*key, first))
    if not values:
        return None
    if rest and rest[0] == first:  # a range from two bounds: "over $800 but under $1,200"
        i, j = sorted(rng.sample(range(len(values)), 2)) if len(values) > 1 else (0, 0)
        low = _constraint(first, family.category, values[i:], rng, rng.choice((">", ">=")), idioms=False, anchor="low")
        high = _constraint(first, family.category, values[: j + 1], rng, rng.choice(("<", "<=")), idioms=False,
                           anchor="high")
        if type(low.value) is not type(high.value) or _sort_key(low.value) >= _sort_key(high.value):
            return None
        if isinstance(low.value, Quantity) and low.value.unit != high.value.unit:
            return None
        return QuerySpec(family.kind, family.category, (low, high))
    constraints.append(_constraint(first, family.category, values, rng, rng.choice(_ops_for(first)) if not rest else None))
    for attribute in rest:
        others = _stated(members, attribute, stated, (*key, attribute))
        if not others:
            return None
        constraints.append(_constraint(attribute, family.category, others, rng))
    return QuerySpec(family.kind, family.category, tuple(constraints))


def answer(spec: QuerySpec, members: list[Entity]) -> list[int] | None:
    """Indices of ``members`` relevant to ``spec``; None if any member is unknown."""
    relevant = []
    for i, entity in enumerate(members):
        verdict = relevance(entity, spec)
        if verdict is Truth.UNKNOWN:
            return None
        if verdict is Truth.TRUE:
            relevant.append(i)
    return relevant


def choose_specs(entities: list[Entity], n_queries: int, rng: random.Random) -> list[tuple[QuerySpec, list[int]]]:
    """Up to ``n_queries`` distinct specs with 1..MAX_RELEVANT relevant entities (indices
    into ``entities``); fewer only if the attempts run out on a tiny corpus."""
    all_families = families()
    pools = {(kind, size, any_category): [f for f in all_families if f.kind == kind and len(f.attributes) == size
                                          and (f.category is None) == any_category]
             for kind in KIND_SHARES for size in (1, 2) for any_category in (False, True)}
    members = {f: _members(entities, f) for f in all_families}
    index = {id(e): i for i, e in enumerate(entities)}
    chosen: list[tuple[QuerySpec, list[int]]] = []
    seen: set[QuerySpec] = set()
    stated: dict[tuple, list] = {}
    attempts = 0
    while len(chosen) < n_queries and attempts < 400 * n_queries:
        attempts += 1
        kind = rng.choices(list(KIND_SHARES), weights=list(KIND_SHARES.values()))[0]
        pairs = sum(len(spec.constraints) == 2 for spec, _ in chosen)
        size = 2 if pairs < TWO_CONSTRAINT_SHARE * (len(chosen) + 1) else 1  # keep the share of pairs
        any_category = rng.random() < ANY_CATEGORY_SHARE.get(kind, 0.0)
        pool = pools[(kind, size, any_category)] or pools[(kind, 1, any_category)]
        family = rng.choice(pool)
        group = members[family]
        if not group:
            continue
        spec = _spec(family, group, rng, stated)
        if spec is None or spec in seen:
            continue
        relevant = answer(spec, group)
        if relevant is None or not MIN_RELEVANT <= len(relevant) <= MAX_RELEVANT:
            continue
        seen.add(spec)
        chosen.append((spec, sorted(index[id(group[i])] for i in relevant)))
    return chosen
