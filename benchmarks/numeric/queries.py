"""Constraint queries over generated people, with exact relevance.

A :class:`QuerySpec` is a structured constraint (attribute, operator, values in the
generator's own units); :meth:`QuerySpec.matches` decides relevance from a person's
*stated* facts with the semantics documented in
:mod:`limitbench.retrievers.numeric.constraints` (strict ``>``/``<``, inclusive
``between``; a date is a period: "before March 1990" is before its first day, "after
1990" after its last; versions compare as release tuples, 9.11 > 9.9). That module is
not used here: relevance is computed independently from the generated facts.

:func:`choose_specs` draws thresholds from a grid of round values and keeps only those
with 1 to :data:`MAX_RELEVANT` relevant people; :func:`render_query` words a spec in
one of several phrasings and surface forms.
"""

from __future__ import annotations

import calendar
import datetime as dt
import random
from dataclasses import dataclass
from typing import Any, Iterator

from .facts import APP_NAME, Person, money_words, number_words

__all__ = ["QuerySpec", "MAX_RELEVANT", "MIN_RELEVANT", "choose_specs", "render_query"]

MIN_RELEVANT, MAX_RELEVANT = 1, 10
Period = tuple[dt.date, dt.date]


@dataclass(frozen=True)
class QuerySpec:
    attribute: str
    operator: str  # ">", ">=", "<", "<=", "==", "between"
    values: tuple[Any, ...]
    granularity: str = ""  # for dates: "day", "month" or "year"

    def matches(self, person: Person) -> bool:
        if self.attribute not in person.stated:
            return False
        value = person.value(self.attribute)
        if self.attribute == "birth_date":
            return _date_matches(value, self.operator, self.values)
        if self.attribute == "version":
            value = _padded(value)
            values = tuple(_padded(v) for v in self.values)
        else:
            values = self.values
        op = self.operator
        if op == "between":
            return values[0] <= value <= values[1]
        return {">": value > values[0], ">=": value >= values[0], "<": value < values[0],
                "<=": value <= values[0], "==": value == values[0]}[op]


def _padded(version: tuple[int, ...]) -> tuple[int, ...]:
    return tuple(version) + (0,) * (3 - len(version))


def _date_matches(day: dt.date, op: str, values: tuple[Period, ...]) -> bool:
    start, end = values[0]
    if op == "between":
        return values[0][0] <= day <= values[1][1]
    return {">": day > end, ">=": day >= start, "<": day < start, "<=": day <= end, "==": start <= day <= end}[op]


# --------------------------------------------------------------------------- threshold grids


def _year(y: int) -> Period:
    return dt.date(y, 1, 1), dt.date(y, 12, 31)


def _month(y: int, m: int) -> Period:
    return dt.date(y, m, 1), dt.date(y, m, calendar.monthrange(y, m)[1])


def _candidates(attribute: str, op: str, rng: random.Random) -> Iterator[tuple[tuple[Any, ...], str]]:
    """Round thresholds for ``attribute`` and ``op`` (values, date granularity)."""
    if attribute == "age":
        for n in range(15, 95):
            yield (n,), ""
    elif attribute == "salary":
        if op == "between":
            for low in range(15_000, 400_000, 500):
                width = rng.choice((500, 1000, 1500, 2000))
                yield (low, low + width), ""
        else:
            for amount in range(15_000, 450_000, 1000):
                yield (amount,), ""
    elif attribute == "height":
        if op == "between":
            for low in range(140, 215):
                yield (low, low + rng.choice((1, 2, 3))), ""
        else:
            for cm in range(140, 216):
                yield (cm,), ""
    elif attribute == "birth_date":
        if op == "==":
            for year in range(1938, 2009):
                for month in range(1, 13):
                    yield (_month(year, month),), "month"
        elif op == "between":
            for year in range(1938, 2009):
                for month in range(1, 12):
                    end = min(12, month + rng.choice((1, 2)))
                    yield (_month(year, month), _month(year, end)), "month"
        else:
            for year in range(1936, 2011):
                yield (_year(year),), "year"
                month = rng.randrange(1, 13)
                yield (_month(year, month),), "month"
                day = dt.date(year, month, rng.randrange(1, 29))
                yield ((day, day),), "day"
    elif attribute == "marathon":
        if op == "between":
            for minute in range(110, 400):
                yield (minute * 60, (minute + rng.choice((1, 2, 3))) * 60), ""
        else:
            for minute in range(110, 400):
                yield (minute * 60,), ""
    elif attribute == "version":
        grid = [(major, minor) for major in range(1, 16) for minor in range(0, 21)]
        if op == "between":
            for low in grid:
                yield (low, (low[0], low[1] + rng.choice((1, 2)))), ""
        else:
            for version in grid:
                yield (version,), ""


OPERATORS: dict[str, tuple[str, ...]] = {
    "age": (">", ">=", "<", "<="),
    "salary": (">", ">=", "<", "<=", "between"),
    "height": (">", ">=", "<", "<=", "between"),
    "birth_date": (">", ">=", "<", "<=", "==", "between"),
    "marathon": (">", ">=", "<", "<=", "between"),
    "version": (">", ">=", "<", "<=", "between"),
}


def choose_specs(people: list[Person], n_queries: int, rng: random.Random) -> list[tuple[QuerySpec, list[int]]]:
    """``n_queries`` distinct specs, each with 1..MAX_RELEVANT relevant people (indices)."""
    pools: dict[tuple[str, str], list[tuple[QuerySpec, list[int]]]] = {}
    for attribute, operators in OPERATORS.items():
        stated = [i for i, p in enumerate(people) if attribute in p.stated]
        for op in operators:
            pool = []
            for values, granularity in _candidates(attribute, op, rng):
                spec = QuerySpec(attribute, op, values, granularity)
                relevant = [i for i in stated if spec.matches(people[i])]
                if MIN_RELEVANT <= len(relevant) <= MAX_RELEVANT:
                    pool.append((spec, relevant))
            if pool:
                pools[(attribute, op)] = pool
    keys = sorted(pools)
    if not keys:
        raise ValueError("no query has between 1 and 10 relevant documents: use more documents")
    chosen: list[tuple[QuerySpec, list[int]]] = []
    seen: set[QuerySpec] = set()
    capacity = sum(len(pool) for pool in pools.values())
    while len(chosen) < min(n_queries, capacity):
        key = keys[len(chosen) % len(keys)] if rng.random() < 0.5 else rng.choice(keys)
        spec, relevant = rng.choice(pools[key])
        if spec in seen:
            continue
        seen.add(spec)
        chosen.append((spec, relevant))
    return chosen


# --------------------------------------------------------------------------- wording


def _money(amount: int, rng: random.Random) -> str:
    forms = [f"${amount:,}", f"{amount:,} dollars", f"USD {amount:,}"]
    if amount % 1000 == 0:
        forms += [f"{amount // 1000}k dollars", f"${amount // 1000}k", money_words(amount)]
    elif amount % 100 == 0:
        forms += [f"${amount / 1000:g}k"]
    return rng.choice(forms)


def _height(cm: int, form: int) -> str:
    return [f"{cm} cm", f"{cm / 100:.2f} m", f"{cm} centimetres", f"{cm / 100:.2f} metres"][form]


def _duration(seconds: int, form: int) -> str:
    h, m = seconds // 3600, seconds % 3600 // 60
    hours = f"{h} hour{'s' * (h != 1)}"
    if form == 0:
        return f"{h}:{m:02d}:00"
    if m == 0:
        return hours
    return f"{hours} {'and ' if form == 2 else ''}{m} minute{'s' * (m != 1)}"


def _period(period: Period, granularity: str, rng: random.Random) -> str:
    start = period[0]
    if granularity == "year":
        return str(start.year)
    if granularity == "month":
        return rng.choice([f"{start:%B} {start.year}", f"{start:%b} {start.year}"])
    return rng.choice([f"{start.day} {start:%B} {start.year}", f"{start:%B} {start.day}, {start.year}",
                       f"the {start.day}{_ordinal_suffix(start.day)} of {start:%B} {start.year}"])


def _ordinal_suffix(day: int) -> str:
    return "th" if 10 <= day % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


def _age(n: int, rng: random.Random) -> str:
    return number_words(n) if rng.random() < 0.25 else str(n)


def _version(version: tuple[int, ...]) -> str:
    return ".".join(str(part) for part in version)


_PHRASES: dict[tuple[str, str], tuple[str, ...]] = {
    ("age", ">"): ("Who is older than {a}?", "Who is over {a} years old?", "Which people are more than {a} years old?", "Who is above the age of {a}?"),
    ("age", ">="): ("Who is at least {a} years old?", "Who is {a} or older?", "Which people are aged {a} or more?"),
    ("age", "<"): ("Who is younger than {a}?", "Who is under {a} years old?", "Which people are less than {a} years old?"),
    ("age", "<="): ("Who is at most {a} years old?", "Who is {a} or younger?", "Who is no older than {a}?"),
    ("salary", ">"): ("Who earns more than {a}?", "Who makes over {a} a year?", "Who has a salary above {a}?", "Whose annual salary exceeds {a}?"),
    ("salary", ">="): ("Who earns at least {a}?", "Who earns no less than {a} per year?", "Who makes {a} or more a year?"),
    ("salary", "<"): ("Who earns less than {a}?", "Who makes under {a} per year?", "Whose salary is below {a}?"),
    ("salary", "<="): ("Who earns at most {a}?", "Who earns no more than {a} a year?", "Whose salary is {a} or less?"),
    ("salary", "between"): ("Who earns between {a} and {b}?", "Whose annual salary is from {a} to {b}?"),
    ("height", ">"): ("Who is taller than {a}?", "Who is more than {a} tall?", "Whose height is over {a}?"),
    ("height", ">="): ("Who is at least {a} tall?", "Who stands {a} or taller?"),
    ("height", "<"): ("Who is shorter than {a}?", "Who is under {a} tall?", "Whose height is below {a}?"),
    ("height", "<="): ("Who is at most {a} tall?", "Who is no taller than {a}?"),
    ("height", "between"): ("Who is between {a} and {b} tall?", "Whose height is between {a} and {b}?"),
    ("birth_date", "<"): ("Who was born before {a}?", "Who was born earlier than {a}?", "Who was born prior to {a}?"),
    ("birth_date", ">"): ("Who was born after {a}?", "Who was born later than {a}?"),
    ("birth_date", "<="): ("Who was born on or before {a}?", "Who was born no later than {a}?"),
    ("birth_date", ">="): ("Who was born on or after {a}?", "Who was born no earlier than {a}?"),
    ("birth_date", "=="): ("Who was born in {a}?",),
    ("birth_date", "between"): ("Who was born between {a} and {b}?",),
    ("marathon", "<"): ("Who ran a marathon in under {a}?", "Whose best marathon time is faster than {a}?", "Who finished a marathon in less than {a}?"),
    ("marathon", ">"): ("Whose marathon time is slower than {a}?", "Who needed more than {a} to finish a marathon?"),
    ("marathon", "<="): ("Who ran a marathon in {a} or less?", "Whose best marathon time is at most {a}?"),
    ("marathon", ">="): ("Whose best marathon time is at least {a}?", "Who ran a marathon in {a} or more?"),
    ("marathon", "between"): ("Whose marathon time is between {a} and {b}?",),
    ("version", ">"): ("Who uses a version of {app} newer than {a}?", "Who is on a release later than {a}?", "Who runs a version above {a}?"),
    ("version", ">="): ("Who uses version {a} or later?", "Who runs at least version {a}?"),
    ("version", "<"): ("Who uses a version older than {a}?", "Who runs a version of {app} before {a}?", "Who is on a version earlier than {a}?"),
    ("version", "<="): ("Who uses version {a} or earlier?", "Who runs at most version {a}?"),
    ("version", "between"): ("Who uses a version of {app} between {a} and {b}?",),
}


def render_query(spec: QuerySpec, rng: random.Random) -> str:
    """``spec`` in words, with a random phrasing and surface form."""
    template = rng.choice(_PHRASES[(spec.attribute, spec.operator)])
    shown: list[str]
    if spec.attribute == "age":
        shown = [_age(v, rng) for v in spec.values]
    elif spec.attribute == "salary":
        shown = [_money(v, rng) for v in spec.values]
    elif spec.attribute == "height":
        form = rng.randrange(4)
        shown = [_height(v, form) for v in spec.values]
        if spec.operator == "between":  # "between 175 and 178 cm"
            shown[0] = shown[0].split()[0]
    elif spec.attribute == "birth_date":
        shown = [_period(v, spec.granularity, rng) for v in spec.values]
    elif spec.attribute == "marathon":
        form = rng.randrange(3)
        shown = [_duration(v, form) for v in spec.values]
    else:
        shown = [_version(v) for v in spec.values]
    return template.format(a=shown[0], b=shown[1] if len(shown) > 1 else "", app=APP_NAME)
