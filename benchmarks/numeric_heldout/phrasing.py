"""How people ask for numbers: operator words, idioms and quantities in queries.

``phrase(rng, attribute, op, value, noun)`` returns ``(modifier, prenominal, unit)``:
the words that follow the noun ("under a grand"), optionally words that can precede it
("sub-$400"), and the unit the words use (for the near-a-bound check). The operator
semantics are fixed by :func:`constraint_for` and listed in the package docstring.
"""

from __future__ import annotations

import random
from typing import Any

from . import surface
from .records import pick
from .semantics import Constraint, day, month_period, version, year_period

__all__ = ["constraint_for", "phrase", "DATE_ATTRIBUTES"]

DATE_ATTRIBUTES = ("released", "date", "born")
_WORD_NUMBERS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine", 10: "ten"}


def _g(value: float) -> str:
    return f"{value:g}"


# ---------------------------------------------------------------- constraints

def _period(value: Any) -> tuple[int, int]:
    if value[0] == "year":
        return year_period(value[1])
    if value[0] == "month":
        return month_period(value[1], value[2])
    return day(value[1], 1, 1), day(value[1] + 9, 12, 31)  # ("decade", 1940)


def constraint_for(attribute: str, op: str, value: Any, unit: str = "") -> Constraint:
    """The interval a query admits. ``gt``/``lt`` are strict, ``ge``/``le`` inclusive,
    ``between``/``in`` inclusive at both ends. For dates, ``value`` is a period: "after
    2021" starts after the period ends, "since 2021" at its first day, "before 2020" ends
    before its first day, "in 2023" lies within it."""
    if attribute in DATE_ATTRIBUTES:
        first, last = _period(value)
        return {
            "gt": Constraint(attribute, low=last, low_inclusive=False, unit=unit),
            "ge": Constraint(attribute, low=first, unit=unit),
            "lt": Constraint(attribute, high=first, high_inclusive=False, unit=unit),
            "le": Constraint(attribute, high=last, unit=unit),
            "in": Constraint(attribute, low=first, high=last, unit=unit),
        }[op]
    if attribute in ("os_version", "firmware"):
        value = version(value)
    if op == "gt":
        return Constraint(attribute, low=value, low_inclusive=False, unit=unit)
    if op == "ge":
        return Constraint(attribute, low=value, unit=unit)
    if op == "lt":
        return Constraint(attribute, high=value, high_inclusive=False, unit=unit)
    if op == "le":
        return Constraint(attribute, high=value, unit=unit)
    low, high = value  # between (price range) and band (a decade of life, six figures)
    return Constraint(attribute, low=low, high=high, unit=unit)


# ---------------------------------------------------------------- quantities

def _money(rng: random.Random, usd: float, *, bare: bool = True) -> str:
    forms = [f"${usd:,.0f}", f"${usd:,.0f}", f"{usd:,.0f} dollars", f"{usd:,.0f} bucks"]
    if usd >= 1000 and usd % 100 == 0:
        k = _g(usd / 1000)
        forms += [f"${k}k", f"{k}k USD"] + ([f"{k}k"] if bare else [])
    if usd >= 1000 and usd % 1000 == 0 and usd <= 10000:
        count = int(usd // 1000)
        forms += ["a grand"] * 3 if count == 1 else [f"{_WORD_NUMBERS.get(count, str(count))} grand"] * 2
    return pick(rng, forms)


def _hours(rng: random.Random, hours: float) -> tuple[str, str]:
    if hours % 24 == 0 and hours >= 48:
        days = int(hours // 24)
        if days == 7:
            return pick(rng, ["a week", "seven days"]), "day"
        if days == 14:
            return pick(rng, ["two weeks", "14 days"]), "day"
        return pick(rng, [f"{_WORD_NUMBERS.get(days, str(days))} days", f"{days} days"]), "day"
    return pick(rng, [f"{_g(hours)} hours", f"{_g(hours)} hours", f"{_g(hours)} hrs"]), "hour"


def _storage(rng: random.Random, gigabytes: float) -> tuple[str, str]:
    if gigabytes >= 1000:
        return pick(rng, [f"{_g(gigabytes / 1000)} TB", f"{_g(gigabytes / 1000)}TB"]), "TB"
    return pick(rng, [f"{gigabytes:g} GB", f"{gigabytes:g}GB", f"{gigabytes:g} gigs"]), "GB"


def _weight(rng: random.Random, value: float, unit: str) -> str:
    if unit == "kg":
        return pick(rng, [f"{_g(value)} kg", f"{_g(value)} kg", f"{_g(value)} kilos"])
    if unit == "g":
        return pick(rng, [f"{value:g} g", f"{value:g} grams"])
    return pick(rng, [f"{_g(value)} pounds", f"{_g(value)} lbs"])


def _date(rng: random.Random, value: Any) -> str:
    if value[0] == "year":
        return str(value[1])
    return pick(rng, [f"{surface.MONTHS[value[2] - 1]} {value[1]}", f"{surface.MONTHS[value[2] - 1][:3]} {value[1]}"])


def _count(rng: random.Random, value: float) -> str:
    number = int(value)
    forms = [f"{number:,}", f"{number:,}", f"{number}"]
    if number >= 1000 and number % 1000 == 0:
        forms.append(f"{number // 1000}k")
    return pick(rng, forms)


# ---------------------------------------------------------------- phrases per attribute

def phrase(rng: random.Random, attribute: str, op: str, value: Any, noun: str) -> tuple[str, str | None, str]:
    return _PHRASERS[attribute](rng, op, value, noun)


def _price(rng: random.Random, op: str, value: Any, noun: str) -> tuple[str, str | None, str]:
    if op == "between":
        low, high = (_money(rng, v, bare=False) for v in value)
        return pick(rng, [f"between {low} and {high}", f"priced between {low} and {high}", f"costing between {low} and {high}"]), None, "USD"
    if isinstance(value, tuple):  # ("grand", 1000.0): "under a grand", "won't set me back more than two grand"
        money = "a grand" if value[1] == 1000 else f"{_WORD_NUMBERS[int(value[1] // 1000)]} grand"
    else:
        money = _money(rng, value)
    pre = f"sub-{money}" if op == "lt" and money.startswith("$") else None
    options = {
        "lt": [f"under {money}", f"for less than {money}", f"cheaper than {money}", f"below {money}", f"costing less than {money}",
               f"priced under {money}"],
        "le": [f"that won't set me back more than {money}", f"for {money} or less", f"costing at most {money}",
               f"for no more than {money}", f"at {money} or under"],
        "gt": [f"over {money}", f"north of {money}", f"priced above {money}", f"that cost more than {money}", f"costing over {money}"],
        "ge": [f"at {money} or more", f"costing at least {money}", f"priced at {money} and up", f"from {money} upwards"],
    }[op]
    return pick(rng, options), pre, "USD"


def _ticket(rng: random.Random, op: str, value: Any, noun: str) -> tuple[str, str | None, str]:
    money = _money(rng, value, bare=False)
    thing, the_thing, verb = {"races": ("an entry fee", "the entry fee", "is"), "conferences": ("a pass", "a pass", "costs")}.get(
        noun, ("tickets", "tickets", "cost"))
    options = {
        "lt": [f"with {thing} under {money}", f"where {the_thing} {verb} less than {money}", f"with {thing} below {money}"],
        "le": [f"with {thing} of {money} or less", f"where {the_thing} {verb} at most {money}"],
        "gt": [f"with {thing} over {money}", f"where {the_thing} {verb} more than {money}", f"with {thing} north of {money}"],
        "ge": [f"with {thing} of {money} or more", f"where {the_thing} {verb} at least {money}"],
    }[op]
    return pick(rng, options), None, "USD"


def _rating(rng: random.Random, op: str, value: Any, noun: str) -> tuple[str, str | None, str]:
    value, scale = value
    if scale == 10:  # ten-point user scores
        r = f"{value:.1f}"
        options = {
            "ge": [f"with a user score of {r} or higher", f"with a user score of at least {r}", f"scoring {r}/10 or more with users"],
            "gt": [f"with a user score above {r}", f"with a user score higher than {r}"],
            "lt": [f"with a user score below {r}", f"scoring under {r} out of 10 with users"],
            "le": [f"with a user score of {r} or lower"],
        }[op]
        return pick(rng, options), None, "score10"
    r = f"{value:.1f}"
    options = {
        "ge": [f"rated {r} or higher", f"rated at least {r} stars", f"with a rating of {r} or more", f"with {r}+ stars",
               f"rated {r}/5 or better"],
        "gt": [f"rated above {r}", f"with a rating higher than {r}", f"rated better than {r} stars"],
        "lt": [f"rated below {r}", f"with ratings under {r} stars", f"rated less than {r} out of 5"],
        "le": [f"rated {r} or lower", f"rated {r} stars or worse"],
    }[op]
    return pick(rng, options), None, "stars"


def _released(rng: random.Random, op: str, value: Any, noun: str) -> tuple[str, str | None, str]:
    when = _date(rng, value)
    verb = pick(rng, ["released", "launched", "released", "that came out"])
    options = {
        "gt": [f"{verb} after {when}"],
        "ge": [f"{verb} since {when}" if verb != "that came out" else f"that came out in {when} or later", f"{verb} in {when} or later"],
        "lt": [f"{verb} before {when}"],
        "le": [f"{verb} in {when} or earlier"],
        "in": [f"{verb} in {when}"],
    }[op]
    return pick(rng, options), None, value[0]


def _event_date(rng: random.Random, op: str, value: Any, noun: str) -> tuple[str, str | None, str]:
    when = _date(rng, value)
    verb = {"races": pick(rng, ["run", "held"]), "conferences": pick(rng, ["held", "that took place"])}.get(noun, pick(rng, ["held", "that took place"]))
    options = {
        "gt": [f"{verb} after {when}"],
        "ge": [f"{verb} since {when}" if verb == "held" else f"{verb} in {when} or later", f"{verb} in {when} or later"],
        "lt": [f"{verb} before {when}"],
        "le": [f"{verb} in {when} or earlier"],
        "in": [f"{verb} in {when}"],
    }[op]
    return pick(rng, options), None, value[0]


def _born(rng: random.Random, op: str, value: Any, noun: str) -> tuple[str, str | None, str]:
    if value[0] == "decade":
        decade = value[1]
        return pick(rng, [f"born in the '{decade % 100:02d}s", f"born in the {decade}s", f"born in the {decade}s"]), None, "decade"
    when = _date(rng, value)
    options = {
        "gt": [f"born after {when}"],
        "ge": [f"born in {when} or later", f"born in {when} or later"],
        "lt": [f"born before {when}"],
        "le": [f"born in {when} or earlier"],
        "in": [f"born in {when}"],
    }[op]
    return pick(rng, options), None, value[0]


def _age(rng: random.Random, op: str, value: Any, noun: str) -> tuple[str, str | None, str]:
    if op == "band":  # a decade of life: (80, 89)
        low = int(value[0])
        words = {20: "twenties", 30: "thirties", 40: "forties", 50: "fifties", 60: "sixties", 70: "seventies", 80: "eighties"}
        return pick(rng, [f"in their {low}s", f"in their {low}s", f"in their {words[low]}"]), None, "years"
    if isinstance(value, tuple):  # (25, "group"): the under-25s
        return pick(rng, [f"in the under-{value[0]}s age group", f"who are under-{value[0]}s"]), None, "years"
    n = int(value)
    options = {
        "gt": [f"older than {n}", f"aged more than {n}"],
        "ge": [f"aged {n} or over", f"{n} or older", f"aged {n}+"],
        "lt": [f"younger than {n}", f"under the age of {n}", f"aged under {n}"],
        "le": [f"aged {n} or younger", f"{n} or younger"],
    }[op]
    return pick(rng, options), None, "years"


def _salary(rng: random.Random, op: str, value: Any, noun: str) -> tuple[str, str | None, str]:
    if op == "band":  # six figures: (100000, 999999)
        return pick(rng, ["earning six figures", "on a six-figure salary", "who make six figures"]), None, "year"
    amount, period = value
    if period == "month":
        money = _money(rng, amount, bare=False)
        money_words = {"gt": f"more than {money} a month", "ge": f"at least {money} a month", "lt": f"less than {money} a month",
                       "le": f"at most {money} a month"}[op]
        return pick(rng, [f"earning {money_words}", f"who make {money_words}"]), None, "month"
    money = _money(rng, amount)
    year = pick(rng, ["a year", "per year", "annually", "a year"])
    options = {
        "gt": [f"earning more than {money} {year}", f"who make over {money} {year}", f"earning north of {money} {year}"],
        "ge": [f"earning at least {money} {year}", f"who make {money} {year} or more"],
        "lt": [f"earning less than {money} {year}", f"on under {money} {year}", f"who make less than {money} {year}"],
        "le": [f"earning at most {money} {year}"],
    }[op]
    return pick(rng, options), None, "year"


def _height(rng: random.Random, op: str, value: Any, noun: str) -> tuple[str, str | None, str]:
    centimetres, unit = value
    if unit == "ft":
        inches = round(centimetres / surface.CM_PER_INCH)
        feet, rest = divmod(inches, 12)
        shown = pick(rng, [f"{_WORD_NUMBERS[feet]} feet", f"{feet} ft"]) if rest == 0 else pick(rng, [f"{feet}'{rest}\"", f"{feet} ft {rest} in"])
    else:
        shown = pick(rng, [f"{centimetres:g} cm", f"{centimetres:g} cm", f"{centimetres / 100:.2f} m"])
    options = {
        "gt": [f"taller than {shown}", f"over {shown} tall"],
        "ge": [f"at least {shown} tall", f"{shown} or taller"],
        "lt": [f"shorter than {shown}", f"under {shown} tall"],
        "le": [f"{shown} or shorter"],
    }[op]
    return pick(rng, options), None, "ft" if unit == "ft" else "cm"


def _experience(rng: random.Random, op: str, value: Any, noun: str) -> tuple[str, str | None, str]:
    n = int(value)
    options = {
        "gt": [f"with more than {n} years of experience", f"with over {n} years' experience"],
        "ge": [f"with at least {n} years of experience", f"with {n}+ years of experience", f"with {n} or more years' experience"],
        "lt": [f"with less than {n} years of experience", f"with under {n} years' experience"],
        "le": [f"with {n} years of experience or less"],
    }[op]
    return pick(rng, options), None, "years"


def _battery(rng: random.Random, op: str, value: Any, noun: str) -> tuple[str, str | None, str]:
    shown, unit = _hours(rng, value)
    options = {
        "gt": [f"whose battery lasts more than {shown}", f"with more than {shown} of battery life", f"with battery life over {shown}"],
        "ge": [f"with at least {shown} of battery life", f"that last {shown} or more on a charge"]
              + ([f"with {_g(value)}+ hours of battery"] if unit == "hour" else []),
        "lt": [f"with less than {shown} of battery life", f"whose battery lasts under {shown}"],
        "le": [f"with at most {shown} of battery life"],
    }[op]
    return pick(rng, options), None, unit


def _memory(kind: str):
    def phrase_(rng: random.Random, op: str, value: Any, noun: str) -> tuple[str, str | None, str]:
        shown, unit = _storage(rng, value)
        of = "of RAM" if kind == "ram" else pick(rng, ["of storage", "of storage", "storage"])
        options = {
            "ge": [f"with at least {shown} {of}", f"with {shown} or more {of}", f"with {shown}+ {of}"],
            "gt": [f"with more than {shown} {of}"],
            "lt": [f"with less than {shown} {of}", f"with under {shown} {of}"],
            "le": [f"with {shown} {of} or less", f"with at most {shown} {of}"],
        }[op]
        return pick(rng, options), None, unit

    return phrase_


def _screen(rng: random.Random, op: str, value: Any, noun: str) -> tuple[str, str | None, str]:
    size = _g(value)
    inches = pick(rng, [f"{size} inches", f"{size} inches", f'{size}"'])
    options = {
        "gt": [f"with screens larger than {inches}", f"with a screen over {inches}"],
        "ge": [f"with at least a {size}-inch screen", f"with a screen of {inches} or more"],
        "lt": [f"with screens under {inches}", f"with a screen below {inches}"],
        "le": [f"with a screen of at most {inches}", f"with a screen of {inches} or less"],
    }[op]
    if noun in ("laptops", "monitors"):  # a laptop or monitor is sized by its screen: "bigger than 17 inches"
        options += {"gt": [f"bigger than {inches}"], "ge": [f"{inches} or larger"], "lt": [f"smaller than {inches}"],
                    "le": [f"{inches} or smaller"]}[op]
    return pick(rng, options), None, "in"


def _weight_phrase(rng: random.Random, op: str, value: Any, noun: str) -> tuple[str, str | None, str]:
    amount, unit = value
    shown = _weight(rng, amount, unit)
    options = {
        "lt": [f"lighter than {shown}", f"weighing less than {shown}", f"that weigh under {shown}"],
        "le": [f"weighing {shown} or less", f"no heavier than {shown}"],
        "gt": [f"heavier than {shown}", f"weighing more than {shown}", f"that weigh over {shown}"],
        "ge": [f"weighing at least {shown}"],
    }[op]
    return pick(rng, options), None, unit


def _clock(rng: random.Random, op: str, value: Any, noun: str) -> tuple[str, str | None, str]:
    ghz = f"{_g(value)} GHz"
    options = {
        "gt": [f"faster than {ghz}", f"clocked above {ghz}", f"with a CPU over {ghz}"],
        "ge": [f"clocked at {ghz} or more", f"with at least a {ghz} processor"],
        "lt": [f"slower than {ghz}", f"clocked below {ghz}"],
        "le": [f"clocked at {ghz} or less"],
    }[op]
    return pick(rng, options), None, "GHz"


def _per_unit(unit_text: str, unit: str, noun_phrase: dict[str, list[str]]):
    def phrase_(rng: random.Random, op: str, value: Any, noun: str) -> tuple[str, str | None, str]:
        shown = unit_text.format(_g(value))
        if value == 1:
            shown = shown.removesuffix("s")  # "1 litre"
        return pick(rng, [template.format(v=shown) for template in noun_phrase[op]]), None, unit

    return phrase_


def _distance(kind: str):
    def phrase_(rng: random.Random, op: str, value: Any, noun: str) -> tuple[str, str | None, str]:
        amount, unit = value
        shown = pick(rng, [f"{_g(amount)} km", f"{_g(amount)} kilometres"]) if unit == "km" else f"{_g(amount)} miles"
        if kind == "range":
            options = {
                "gt": [f"with a range over {shown}", f"that go more than {shown} on a charge"],
                "ge": [f"with at least {shown} of range", f"with a range of {shown} or more"],
                "lt": [f"with less than {shown} of range", f"with a range under {shown}"],
                "le": [f"with a range of {shown} or less"],
            }[op]
        else:
            options = {
                "gt": [f"longer than {shown}", f"over {shown} long"],
                "ge": [f"of at least {shown}", f"{shown} or longer"],
                "lt": [f"shorter than {shown}", f"under {shown} long"],
                "le": [f"{shown} or shorter"],
            }[op]
        return pick(rng, options), None, "mi" if unit == "mi" else "km"

    return phrase_


def _people_count(rng: random.Random, op: str, value: Any, noun: str) -> tuple[str, str | None, str]:
    n = _count(rng, value)
    who = {"races": "runners", "festivals": "visitors"}.get(noun, "attendees")
    options = {
        "gt": [f"with more than {n} {who}", f"that drew over {n} {who}"],
        "ge": [f"with {n}+ {who}", f"with at least {n} {who}"],
        "lt": [f"with fewer than {n} {who}", f"with under {n} {who}"],
        "le": [f"with at most {n} {who}"],
    }[op]
    if noun != "races":
        options += {"gt": [f"with more than {n} people attending"], "ge": [f"attended by at least {n} people"],
                    "lt": [f"attended by fewer than {n} people"], "le": [f"attended by {n} people or fewer"]}[op]
    return pick(rng, options), None, "people"


def _duration(rng: random.Random, op: str, value: Any, noun: str) -> tuple[str, str | None, str]:
    if noun == "concerts":
        hours = value
        shown = pick(rng, [f"{_g(hours)} hours", f"{_g(hours)} hours"]) if hours != 1 else "an hour"
        unit = "hour"
    else:
        days = int(value // 24)
        shown = pick(rng, [f"{_WORD_NUMBERS[days]} days", f"{days} days"]) if days > 1 else "a day"
        unit = "day"
    options = {
        "gt": [f"lasting more than {shown}", f"longer than {shown}"],
        "ge": [f"lasting at least {shown}", f"lasting {shown} or more"],
        "lt": [f"lasting less than {shown}", f"shorter than {shown}"],
        "le": [f"lasting {shown} or less"],
    }[op]
    return pick(rng, options), None, unit


_PHRASERS = {
    "price": _price, "ticket": _ticket, "rating": _rating, "released": _released, "date": _event_date, "born": _born,
    "age": _age, "salary": _salary, "height": _height, "experience": _experience, "battery": _battery,
    "ram": _memory("ram"), "storage": _memory("storage"), "screen": _screen, "weight": _weight_phrase, "clock": _clock,
    "refresh": _per_unit("{} Hz", "Hz", {
        "gt": ["with a refresh rate above {v}", "faster than {v}"], "ge": ["with a refresh rate of {v} or more", "running at {v} or higher"],
        "lt": ["with a refresh rate below {v}", "slower than {v}"], "le": ["with a refresh rate of {v} or less"]}),
    "megapixels": _per_unit("{} megapixels", "MP", {
        "gt": ["with more than {v}", "with over {v}"], "ge": ["with at least {v}", "with {v} or more"],
        "lt": ["with fewer than {v}", "with under {v}"], "le": ["with {v} or fewer"]}),
    "tank": _per_unit("{} litres", "L", {
        "gt": ["with a water tank larger than {v}", "with a tank bigger than {v}"], "ge": ["with a water tank of at least {v}"],
        "lt": ["with a water tank smaller than {v}", "with a tank under {v}"], "le": ["with a water tank of {v} or less"]}),
    "pressure": _per_unit("{} bar", "bar", {
        "gt": ["with more than {v} of pump pressure", "with a pump above {v}"], "ge": ["with at least {v} of pump pressure"],
        "lt": ["with a pump below {v}", "with less than {v} of pump pressure"], "le": ["with a pump of {v} or less"]}),
    "range": _distance("range"), "distance": _distance("distance"), "attendance": _people_count, "runners": _people_count,
    "duration": _duration,
}


def phrase_version(rng: random.Random, attribute: str, op: str, value: str, os_name: str | None) -> tuple[str, str | None, str]:
    if attribute == "os_version":
        system = f"{os_name} {value}"
        options = {
            "ge": [f"running {system} or later", f"on {system} or newer"],
            "gt": [f"running {os_name} newer than {value}", f"on a version of {os_name} later than {value}"],
            "lt": [f"still on {os_name} older than {value}", f"running {os_name} below {value}"],
            "le": [f"running {system} or earlier"],
        }[op]
        return pick(rng, options), None, os_name or ""
    fw = pick(rng, ["firmware", "firmware", "fw"])
    options = {
        "ge": [f"on {fw} {value} or newer", f"running {fw} {value} or later"],
        "gt": [f"on {fw} newer than {value}", f"running {fw} later than {value}"],
        "lt": [f"on {fw} older than {value}", f"still on {fw} below {value}"],
        "le": [f"on {fw} {value} or earlier"],
    }[op]
    return pick(rng, options), None, "version"
