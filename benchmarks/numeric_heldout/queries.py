"""Queries and their qrels, computed from the records' facts.

A query names a target (a product category, "people", an event type or "events") and one
or two constraints. A record is relevant iff it belongs to the target and every
constraint's verdict on its fact is ``yes`` (:func:`~.semantics.verdict`); a record that
does not state the attribute is not relevant.

A candidate query is dropped, never kept with a debatable answer, when on some record of
its target: a value in another unit than the query's lies within the attribute's
tolerance of a bound (3 days vs "72 hours", $10,000 a month vs "$120k a year"); a
version has the bound as a proper prefix under "newer than"/"or earlier" (14.6.5 vs
14.6); a price sits exactly on an end of "between"; more than two records straddle a
date bound; or, in a two-constraint query, a record meets one constraint and does not
state the other attribute. It is also dropped unless 1 to 10 records are relevant.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any, Iterable

from . import surface
from .events import EVENT_TYPES, PLURALS
from .phrasing import DATE_ATTRIBUTES, constraint_for, phrase, phrase_version
from .products import CATEGORIES
from .records import Record, pick
from .semantics import Constraint, verdict, version

__all__ = ["Option", "QuerySpec", "Target", "judge", "select_queries"]

MAX_RELEVANT = 10
MAX_STRADDLING = 2
# (relative, absolute) tolerance around a bound when the text and the query use different units
TOLERANCE = {
    "weight": (0.03, 0.0), "height": (0.0, 1.5), "salary": (0.01, 0.0), "range": (0.03, 0.0), "distance": (0.03, 0.0),
    "battery": (0.0, 1.0), "storage": (0.0, 30.0), "ram": (0.0, 30.0), "duration": (0.0, 0.01), "clock": (0.0, 0.001),
}


@dataclass(frozen=True)
class Target:
    kind: str
    category: str | None  # None: every record of the kind
    noun: str  # how the query names it

    def covers(self, record: Record) -> bool:
        return record.kind == self.kind and (self.category is None or record.category == self.category)

    def to_json(self) -> dict:
        return {"kind": self.kind, "category": self.category, "noun": self.noun}


@dataclass(frozen=True)
class Option:
    """One constraint a query could ask: the shown value and the constraint it means."""

    attribute: str
    op: str
    shown: Any
    constraint: Constraint
    scope: str | None = None  # the operating system of an os_version constraint

    def words(self, rng: random.Random, noun: str) -> tuple[str, str | None]:
        if self.attribute in ("os_version", "firmware"):
            modifier, pre, _ = phrase_version(rng, self.attribute, self.op, self.shown, self.scope)
        else:
            modifier, pre, _ = phrase(rng, self.attribute, self.op, self.shown, noun)
        return modifier, pre


@dataclass(frozen=True)
class QuerySpec:
    target: Target
    options: tuple[Option, ...]

    @property
    def key(self) -> tuple:
        return (self.target, tuple(sorted((o.attribute, o.op, repr(o.constraint)) for o in self.options)))


def _option(attribute: str, op: str, shown: Any, value: Any, unit: str, scope: str | None = None) -> Option:
    return Option(attribute, op, shown, constraint_for(attribute, op, value, scope or unit), scope)


# ---------------------------------------------------------------- judging

def _near(fact_value: float, bound: float, attribute: str) -> bool:
    relative, absolute = TOLERANCE.get(attribute, (0.0, 0.0))
    return abs(fact_value - bound) <= max(relative * abs(bound), absolute)


def _debatable(record: Record, option: Option) -> bool:
    fact = record.facts.get(option.attribute)
    constraint = option.constraint
    if fact is None or option.attribute in DATE_ATTRIBUTES:
        return False
    bounds = [b for b in (constraint.low, constraint.high) if b is not None]
    if option.attribute in ("os_version", "firmware"):
        if option.op not in ("gt", "le") or (option.scope and fact.unit != option.scope):
            return False
        stated = tuple(int(p) for p in str(option.shown).split("."))
        parts = tuple(int(p) for p in fact.text.split()[-1].lstrip("v").split("."))
        return len(parts) > len(stated) and parts[: len(stated)] == stated
    if option.op == "between" and fact.low in bounds:
        return True
    if fact.unit != constraint.unit:
        return any(_near(fact.low, bound, option.attribute) for bound in bounds)
    return False


def _verdict(record: Record, option: Option) -> str:
    fact = record.facts.get(option.attribute)
    if fact is None or (option.scope and fact.unit != option.scope):
        return "no"
    return verdict(fact, option.constraint)


def _satisfying(records: Iterable[Record], option: Option) -> set[str]:
    return {record.id for record in records if _verdict(record, option) == "yes"}


def judge(records: Iterable[Record], spec: QuerySpec) -> tuple[list[str], bool]:
    """The relevant record ids, and whether the query is fit to keep."""
    relevant, straddling = [], 0
    for record in records:
        if not spec.target.covers(record):
            continue
        if any(_debatable(record, option) for option in spec.options):
            return [], False
        verdicts = [_verdict(record, option) for option in spec.options]
        stated = [option.attribute in record.facts for option in spec.options]
        if len(verdicts) > 1 and not all(stated) and all(v == "yes" for v, s in zip(verdicts, stated) if s):
            return [], False  # meets one constraint, silent on the other: a reader might fill the gap
        if all(v == "yes" for v in verdicts):
            relevant.append(record.id)
        elif "no" not in verdicts:
            straddling += 1
    fit = 1 <= len(relevant) <= MAX_RELEVANT and straddling <= MAX_STRADDLING
    return relevant, fit


# ---------------------------------------------------------------- candidate constraints

PRICE_STEPS = [25, 30, 40, 50, 60, 75, 100, 120, 150, 200, 250, 300, 350, 400, 500, 600, 700, 750, 800, 900, 1000, 1200, 1500,
               2000, 2500, 3000, 4000, 5000, 6000, 7000]
PRICE_RANGES = {"headphones": (25, 600), "laptops": (329, 3999), "phones": (119, 1799), "cameras": (249, 5999),
                "monitors": (99, 2499), "e-bikes": (799, 8999), "coffee machines": (49, 2999), "smartwatches": (49, 999)}
WEIGHTS = {
    "headphones": [(v, "g") for v in (180, 200, 220, 250, 300, 350, 400)],
    "laptops": [(v, "kg") for v in (1.0, 1.2, 1.3, 1.5, 2.0, 2.5, 3.0)] + [(v, "lb") for v in (3, 4, 5, 6)],
    "cameras": [(v, "g") for v in (400, 500, 600, 800, 1000)] + [(v, "kg") for v in (1, 1.2)],
    "monitors": [(v, "kg") for v in (3, 4, 5, 8, 10, 12)] + [(v, "lb") for v in (10, 15, 20, 25)],
    "e-bikes": [(v, "kg") for v in (16, 18, 20, 22, 25, 30, 35)] + [(v, "lb") for v in (40, 50, 60, 70)],
    "coffee machines": [(v, "kg") for v in (3, 4, 5, 8, 10)] + [(v, "lb") for v in (10, 15, 20)],
    "smartwatches": [(v, "g") for v in (30, 40, 50, 60, 70, 80)],
}
KG_PER = {"kg": 1.0, "g": 0.001, "lb": surface.KG_PER_LB}
SCALAR_STEPS = {
    ("headphones", "battery"): [20, 24, 30, 40, 48, 50, 60, 72, 80, 96, 100],
    ("smartwatches", "battery"): [24, 36, 48, 72, 96, 120, 168, 240, 336],
    ("laptops", "ram"): [8, 16, 24, 32, 64],
    ("laptops", "storage"): [256, 512, 1000, 2000],
    ("phones", "storage"): [64, 128, 256, 512, 1000],
    ("laptops", "screen"): [13, 14, 15, 15.6, 16, 17],
    ("phones", "screen"): [5.5, 6, 6.1, 6.5, 6.7],
    ("monitors", "screen"): [24, 27, 30, 32, 34, 40],
    ("smartwatches", "screen"): [1.3, 1.5, 1.8],
    ("laptops", "clock"): [3.5, 4.0, 4.5, 5.0, 5.2, 5.5],
    ("monitors", "refresh"): [60, 75, 100, 120, 144, 165, 200, 240, 300],
    ("cameras", "megapixels"): [16, 20, 24, 30, 40, 45, 50],
    ("coffee machines", "tank"): [1, 1.2, 1.5, 1.8, 2, 2.5],
    ("coffee machines", "pressure"): [9, 10, 12, 15, 18, 19],
    ("concert", "attendance"): [500, 1000, 2000, 5000, 10000, 20000, 30000, 50000],
    ("conference", "attendance"): [100, 200, 500, 1000, 2000, 5000, 10000, 20000],
    ("festival", "attendance"): [5000, 10000, 20000, 50000, 100000, 200000],
    ("race", "runners"): [500, 1000, 2000, 5000, 10000, 20000, 30000],
    ("concert", "ticket"): [25, 30, 40, 50, 75, 100, 150, 200],
    ("conference", "ticket"): [100, 200, 300, 500, 1000, 1500, 2000],
    ("race", "ticket"): [20, 30, 40, 50, 75, 100, 150, 200],
    ("festival", "ticket"): [50, 75, 100, 150, 200, 250, 300, 400],
    ("concert", "duration"): [2, 2.5, 3],
    ("conference", "duration"): [24 * d for d in (1, 2, 3, 4)],
    ("festival", "duration"): [24 * d for d in (2, 3, 4, 5, 7)],
    ("person", "age"): [20, 21, 25, 30, 35, 40, 50, 60, 65, 70, 75, 80, 85],
    ("person", "experience"): [2, 5, 10, 15, 20, 25, 30, 35, 40],
}
UNITS = {"battery": "hour", "ram": "GB", "storage": "GB", "screen": "in", "clock": "GHz", "refresh": "Hz", "megapixels": "MP",
         "tank": "L", "pressure": "bar", "attendance": "people", "runners": "people", "ticket": "USD", "experience": "years",
         "age": "years", "duration": "hour"}
RANGE_STEPS = [(v, "km") for v in (50, 60, 80, 100, 120, 150)] + [(v, "mi") for v in (30, 40, 50, 60, 75, 100)]
DISTANCE_STEPS = [(v, "km") for v in (5, 10, 20, 25, 30, 40, 50, 60, 80, 100, 150)] + [(v, "mi") for v in (5, 10, 20, 30, 50, 60)]
ORDER = ("gt", "ge", "lt", "le")


def _unit_of(attribute: str, category: str, value: float) -> str:
    if attribute in ("storage", "ram"):
        return "TB" if value >= 1000 else "GB"
    if attribute == "battery":
        return "day" if value % 24 == 0 and value >= 48 else "hour"
    if attribute == "duration":
        return "hour" if category == "concert" else "day"
    return UNITS[attribute]


def _scalar(attribute: str, category: str, ops: tuple[str, ...] = ORDER) -> list[Option]:
    steps = SCALAR_STEPS[(category, attribute)]
    return [_option(attribute, op, v, float(v), _unit_of(attribute, category, v)) for v in steps for op in ops]


def _prices(category: str) -> list[Option]:
    low, high = PRICE_RANGES[category]
    steps = [v for v in PRICE_STEPS if low * 1.1 <= v <= high * 0.9]
    options = [_option("price", op, float(v), float(v), "USD") for v in steps for op in ORDER]
    options += [_option("price", op, ("grand", float(v)), float(v), "USD") for v in (1000, 2000, 3000, 5000) if v in steps
                for op in ("lt", "le")]
    for a in steps:
        for b in steps:
            if 1.25 <= b / a <= 2.0:
                options.append(_option("price", "between", (float(a), float(b)), (float(a), float(b)), "USD"))
    return options


def _ratings(scale: int) -> list[Option]:
    steps = [3.0, 3.5, 3.8, 4.0, 4.2, 4.4, 4.5, 4.6, 4.7, 4.8, 4.9] if scale == 5 else [6.0, 6.5, 7.0, 7.5, 8.0, 8.5, 8.8, 9.0, 9.2, 9.5]
    return [_option("rating", op, (v, scale), v, "stars" if scale == 5 else "score10") for v in steps for op in ("ge", "gt", "lt", "le")]


def _dates(attribute: str, rng: random.Random, years: range) -> list[Option]:
    options = []
    for year in years:
        for op in ("gt", "ge", "lt", "le", "in"):
            options.append(_option(attribute, op, ("year", year), ("year", year), "year"))
        month = rng.randint(2, 11)
        for op in ("gt", "ge", "lt"):
            options.append(_option(attribute, op, ("month", year, month), ("month", year, month), "month"))
    return options


def _weights(category: str) -> list[Option]:
    return [_option("weight", op, (v, unit), v * KG_PER[unit], unit) for v, unit in WEIGHTS[category] for op in ("lt", "le", "gt", "ge")]


def _distances(attribute: str, steps: list[tuple[float, str]]) -> list[Option]:
    return [_option(attribute, op, (v, unit), v * (surface.KM_PER_MILE if unit == "mi" else 1.0), unit)
            for v, unit in steps for op in ORDER]


def _versions(attribute: str, records: list[Record], os_name: str | None) -> list[Option]:
    stated = set()
    for record in records:
        fact = record.facts.get(attribute)
        if fact is not None and (os_name is None or fact.unit == os_name):
            parts = fact.text.split()[-1].lstrip("v").split(".")
            stated.add(parts[0])
            if len(parts[1]) == 1 or not parts[1].endswith("0"):  # "14.10" could be misread as 14.1
                stated.add(".".join(parts[:2]))
    return [_option(attribute, op, text, text, "version", os_name) for text in sorted(stated, key=lambda text: (version(text), text)) for op in ("ge", "gt", "lt", "le")]


def _people(rng: random.Random) -> dict[str, list[Option]]:
    born = _dates("born", rng, range(1940, 2006))
    born += [_option("born", "in", ("decade", d), ("decade", d), "decade") for d in range(1930, 2010, 10)]
    age = _scalar("age", "person", ("gt", "ge", "lt"))
    age += [_option("age", "lt", (n, "group"), float(n), "years") for n in (21, 25, 30)]
    age += [_option("age", "band", (float(d), float(d + 9)), (float(d), float(d + 9)), "years") for d in range(20, 90, 10)]
    salary = [_option("salary", op, (float(v), "year"), float(v), "year")
              for v in (30000, 40000, 50000, 60000, 75000, 80000, 90000, 120000, 150000, 175000, 200000, 250000) for op in ORDER]
    salary += [_option("salary", op, (float(v), "month"), 12.0 * v, "month") for v in (3000, 4000, 5000, 8000, 10000, 12000, 15000)
               for op in ("gt", "ge", "lt")]
    salary.append(_option("salary", "band", None, (100000.0, 999999.0), "year"))
    height = [_option("height", op, (float(v), "cm"), float(v), "cm") for v in (160, 165, 170, 180, 185, 190, 195) for op in ORDER]
    height += [_option("height", op, (inches * surface.CM_PER_INCH, "ft"), inches * surface.CM_PER_INCH, "ft")
               for inches in (66, 70, 72, 74, 76) for op in ("gt", "ge", "lt")]
    return {"born": born, "age": age, "salary": salary, "height": height, "experience": _scalar("experience", "person")}


def candidate_families(rng: random.Random, records: list[Record], os_names: list[str]) -> list[tuple[Target, list[Option]]]:
    families: list[tuple[Target, list[Option]]] = []
    for category in CATEGORIES:
        target = Target("product", category.name, category.name)
        cat = category.name
        members = [r for r in records if target.covers(r)]
        families += [(target, _prices(cat)), (target, _ratings(10 if cat in ("cameras", "coffee machines") else 5)),
                     (target, _dates("released", rng, range(2015, 2026)))]
        if cat in WEIGHTS:
            families.append((target, _weights(cat)))
        for attribute in ("battery", "ram", "storage", "screen", "clock", "refresh", "megapixels", "tank", "pressure"):
            if (cat, attribute) in SCALAR_STEPS:
                families.append((target, _scalar(attribute, cat)))
        if cat == "e-bikes":
            families.append((target, _distances("range", RANGE_STEPS)))
        if cat in ("cameras", "smartwatches"):
            families.append((target, _versions("firmware", members, None)))
        if cat == "phones":
            families += [(target, _versions("os_version", members, os_name)) for os_name in os_names]
    people = Target("person", None, "people")
    families += [(people, options) for options in _people(rng).values()]
    for kind in EVENT_TYPES:
        target = Target("event", kind, PLURALS[kind])
        size = "runners" if kind == "race" else "attendance"
        families += [(target, _dates("date", rng, range(2008, 2026))), (target, _scalar(size, kind)), (target, _scalar("ticket", kind))]
        families.append((target, _distances("distance", DISTANCE_STEPS) if kind == "race" else _scalar("duration", kind)))
    families.append((Target("event", None, "events"), _dates("date", rng, range(2008, 2026))))
    return families


# ---------------------------------------------------------------- selection and wording

_PREFIXES = ["", "", "", "", "Show me ", "Find ", "I'm looking for ", "List ", "Looking for ", "Any ", "Search: "]
_JOINERS = ("with ", "whose ", "that ", "where ", "on ", "running ", "still ", "rated ", "released ", "launched ", "born ")


def word_query(rng: random.Random, spec: QuerySpec) -> str:
    noun = spec.target.noun
    parts = [option.words(rng, noun) for option in spec.options]
    if len(parts) == 2 and parts[0][0].startswith("where ") and not parts[1][0].startswith("where "):
        parts.reverse()  # a "where" clause goes last, or the next phrase reads as part of it
    first_modifier, first_pre = parts[0]
    if len(parts) == 1:
        body = f"{first_pre} {noun}" if first_pre and rng.random() < 0.6 else f"{noun} {first_modifier}"
    else:
        second = parts[1][0]
        plain = second.startswith("with ") and not first_modifier.startswith("with ")
        joiner = pick(rng, [" and ", " "]) if plain else " and "
        if first_pre and rng.random() < 0.5:
            body = f"{first_pre} {noun} {second}"
        else:
            body = f"{noun} {first_modifier}{joiner}{second}"
    prefix = pick(rng, _PREFIXES)
    if prefix == "Any ":
        text = f"Any {body}?"
    else:
        text = prefix + body
    return text[0].upper() + text[1:] if prefix or rng.random() < 0.5 else text


def _is_idiom(option: Option) -> bool:
    shown = option.shown if isinstance(option.shown, tuple) else ()
    return option.op == "band" or "decade" in shown or "group" in shown or "grand" in shown


# shares of the single-constraint queries by kind of target (the rest of the queries ask two things)
KIND_SHARES = {"product": 0.58, "person": 0.20, "event": 0.22}


def select_queries(rng: random.Random, records: list[Record], os_names: list[str], n_queries: int,
                   two_constraint_share: float = 0.15) -> list[tuple[QuerySpec, list[str]]]:
    families = candidate_families(rng, records, os_names)
    members = {target: [r for r in records if target.covers(r)] for target, _ in families}
    n_pairs = int(round(n_queries * two_constraint_share))
    chosen: list[tuple[QuerySpec, list[str]]] = []
    seen: set = set()

    def try_add(spec: QuerySpec) -> bool:
        if spec.key in seen:
            return False
        relevant, fit = judge(members[spec.target], spec)
        if not fit:
            return False
        seen.add(spec.key)
        chosen.append((spec, relevant))
        return True

    # idioms ("six figures", "in their 80s", "born in the '40s") are one option among dozens:
    # try one of each kind first, so most seeds ask them
    idioms = [(target, o) for target, options in families for o in options if _is_idiom(o)]
    rng.shuffle(idioms)
    tried: set = set()
    for target, option in idioms:
        kind = (option.attribute, option.op, target.kind)
        if kind not in tried and try_add(QuerySpec(target, (option,))):
            tried.add(kind)
    # single constraints: per kind of target, walk its families round-robin, taking a
    # random fit option from each in turn
    singles = n_queries - n_pairs
    quotas = {kind: int(round(share * singles)) for kind, share in KIND_SHARES.items()}
    quotas["product"] = singles - quotas["person"] - quotas["event"]
    for kind, quota in quotas.items():
        pools = [(target, rng.sample(options, len(options))) for target, options in families if target.kind == kind]
        have = lambda: sum(spec.target.kind == kind for spec, _ in chosen)  # noqa: E731
        while have() < quota and any(pool for _, pool in pools):
            for target, pool in pools:
                while pool:
                    if try_add(QuerySpec(target, (pool.pop(),))):
                        break
                if have() >= quota:
                    break
    # two constraints on the same target, different attributes; each must narrow the other
    by_target: dict[Target, list[list[Option]]] = {}
    for target, options in families:
        by_target.setdefault(target, []).append(options)
    targets = [t for t, groups in by_target.items() if len(groups) >= 2]
    attempts = 0
    while len(chosen) < n_queries and attempts < 20000:
        attempts += 1
        target = rng.choice(targets)
        first, second = rng.sample(by_target[target], 2)
        a, b = rng.choice(first), rng.choice(second)
        alone_a, alone_b = _satisfying(members[target], a), _satisfying(members[target], b)
        both = alone_a & alone_b
        narrows = max(len(alone_a), len(alone_b)) <= 0.75 * len(members[target])
        if a.attribute != b.attribute and both != alone_a and both != alone_b and narrows:
            try_add(QuerySpec(target, (a, b)))
    if len(chosen) < n_queries:
        raise ValueError(f"numeric_heldout: only {len(chosen)} fit queries for n_queries={n_queries}; generate more documents")
    return chosen
