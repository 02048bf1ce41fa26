"""Queries of the ``dev`` template set: a category noun and one or two constraints, worded as
shoppers, recruiters and event-goers ask ("laptops under a grand with at least 16 GB of
RAM", "Which nurses earn six figures?", "people born in the '40s", "sub-$400 smartwatches",
"festivals that won't set me back more than $75").

Every wording keeps the operator's meaning in :mod:`...semantics` (``>``: more than, over,
above, north of, after, faster, bigger; ``>=``: at least, or more, ``+``, or higher, since;
``<``: less than, under, below, sub-, before; ``<=``: at most, or less, no more than, up to,
won't set me back more than; ``between``: between A and B; ``in``: in, during).
"""

from __future__ import annotations

import random
import re

from ...facts import Period, Quantity, Version
from ...semantics import Constraint, QuerySpec
from .forms import decimal, number_words, period_form
from .words import query_noun

__all__ = ["render_query"]

# ----------------------------------------------------------------------------- values


_MONEY_STYLES = ("symbol", "symbol", "dollars", "usd", "k", "grand")


def _money(q: Quantity, rng: random.Random, *, bare_k: bool = False, style: str | None = None) -> str:
    """"$1,300", "1,300 dollars", "USD 1,300", "$1.3k" / "1.3k", "2 grand" (k and grand only
    for whole hundreds and thousands)."""
    amount = q.value
    style = style or rng.choice(_MONEY_STYLES)
    whole = f"{int(amount):,}" if amount.denominator == 1 else f"{float(amount):,.2f}"
    k = decimal(amount / 1000)
    if style == "grand" and amount >= 1000 and amount % 1000 == 0:
        return f"{k} grand"
    if style in ("k", "grand") and amount >= 1000 and amount % 100 == 0:
        return rng.choice((f"${k}k", f"{k}k dollars") + ((f"{k}k",) if bare_k else ()))
    if style == "dollars":
        return f"{whole} dollars"
    if style == "usd":
        return f"USD {whole}"
    return f"${whole}"


def _money_pair(low: Quantity, high: Quantity | None, rng: random.Random, *, bare_k: bool = False) -> tuple[str, str]:
    """Two amounts in one style ("between $350 and $1,800")."""
    style = rng.choice(_MONEY_STYLES)
    return (_money(low, rng, bare_k=bare_k, style=style),
            _money(high, rng, bare_k=bare_k, style=style) if high is not None else "")


def _per(unit: str, rng: random.Random) -> str:
    if unit == "USD/month":
        return rng.choice((" a month", " per month", " monthly"))
    return rng.choice(("", "", " a year", " per year", " annually", " per annum", " p.a."))


_UNIT_WORDS = {
    "h": ("hours", "hours", "hrs", "h"), "day": ("days",), "min": ("minutes", "min"),
    "GB": ("GB", "GB", "gigs"), "TB": ("TB", "terabytes"),
    "g": ("g", "grams"), "kg": ("kg", "kg", "kilos", "kilograms"), "lb": ("lbs", "pounds", "lb"), "oz": ("oz", "ounces"),
    "in": ("inches", '"', "in"), "cm": ("cm",), "m": ("m", "metres"), "km": ("km", "kilometres"), "mi": ("miles",),
    "GHz": ("GHz",), "L": ("litres", "L"), "year": ("years",),
}
_ONE = {"hours": "hour", "days": "day", "minutes": "minute", "terabytes": "terabyte", "grams": "gram", "kilos": "kilo",
        "kilograms": "kilogram", "pounds": "pound", "ounces": "ounce", "inches": "inch", "metres": "metre",
        "kilometres": "kilometre", "miles": "mile", "litres": "litre", "years": "year", "hrs": "hr", "lbs": "lb"}


def _quantity(q: Quantity, rng: random.Random, *, words: bool = False) -> str:
    value = decimal(q.value)
    if words and q.value.denominator == 1 and 2 <= q.value <= 10 and rng.random() < 0.4:
        value = number_words(int(q.value))
    unit = rng.choice(_UNIT_WORDS[q.unit])
    if q.value == 1:
        unit = _ONE.get(unit, unit)
    if unit == '"':
        return f'{value}"'
    joiner = "" if unit in ("GB", "TB", "h", "kg", "g") and rng.random() < 0.3 else " "
    return f"{value}{joiner}{unit}"


def _height(q: Quantity, rng: random.Random) -> str:
    if q.unit == "in":
        feet, inches = divmod(int(q.value), 12)
        if inches == 0:
            return rng.choice((f"{feet} feet", f"{feet} ft", f"{number_words(feet)} feet"))
        return rng.choice((f"{feet}'{inches}\"", f"{feet} ft {inches} in", f"{feet} feet {inches} inches"))
    if q.unit == "m":
        return f"{float(q.value):.2f} m"
    return rng.choice((f"{q.value} cm", f"{q.value}cm"))


def _rating(q: Quantity, rng: random.Random) -> str:
    v = decimal(q.value)
    if q.unit == "/10":
        return rng.choice((f"{v} out of 10", f"{v}/10"))
    return rng.choice((v, v, f"{v} stars", f"{v} out of 5", f"{v}/5"))


def _distance(q: Quantity, rng: random.Random) -> str:
    if q.unit == "marathon":
        return rng.choice(("a marathon", "a full marathon"))
    if q.unit == "half-marathon":
        return rng.choice(("a half marathon", "a half-marathon"))
    if q.unit == "km" and rng.random() < 0.3:
        return f"{decimal(q.value)}K"
    return _quantity(q, rng)


def _value(c: Constraint, value, rng: random.Random) -> str:
    if isinstance(value, Period):
        return period_form(value, rng)
    if c.attribute == "height":
        return _height(value, rng)
    if c.attribute == "rating":
        return _rating(value, rng)
    if c.attribute == "distance":
        return _distance(value, rng)
    if c.attribute == "attendance":
        n = int(value.value)
        return rng.choice((f"{n:,}", f"{n:,}", f"{decimal(value.value / 1000)}k" if n >= 1000 and n % 100 == 0 else f"{n:,}"))
    if c.attribute == "age":
        return str(value.value)
    if c.attribute == "experience":
        return f"{value.value} {'year' if value.value == 1 else 'years'}"
    return _quantity(value, rng, words=c.attribute in ("battery_life", "duration"))


# ----------------------------------------------------------------------------- comparisons

# comparisons of amounts ("with ___ of RAM", "earning ___", "lasting ___")
_GENERIC = {
    ">": ("more than {v}", "over {v}"),
    ">=": ("at least {v}", "{v} or more", "no less than {v}"),
    "<": ("less than {v}", "under {v}"),
    "<=": ("at most {v}", "{v} or less", "no more than {v}"),
    "between": ("between {v} and {w}",),
}
# counts of people
_COUNT = {
    ">": ("more than {v}", "over {v}"),
    ">=": ("at least {v}", "{v} or more"),
    "<": ("fewer than {v}", "under {v}"),
    "<=": ("at most {v}", "{v} or fewer", "no more than {v}"),
    "between": ("between {v} and {w}",),
}
_DATE = {
    ">": ("after {v}", "later than {v}"),
    ">=": ("since {v}", "in or after {v}", "no earlier than {v}"),
    "<": ("before {v}", "earlier than {v}", "prior to {v}"),
    "<=": ("in or before {v}", "no later than {v}"),
    "in": ("in {v}", "during {v}"),
    "between": ("between {v} and {w}",),
}

# Each attribute: op -> phrases after a plural noun ("laptops ___"); "*" phrases hold a
# comparison {c} from the tables above and serve every operator. {v}/{w} are the values;
# a version's {v} is its bare number and {os} its software's name.
_POST: dict[str, dict[str, tuple[str, ...]]] = {
    "price": {
        ">": ("over {v}", "costing more than {v}", "priced above {v}", "north of {v}", "for more than {v}"),
        ">=": ("costing at least {v}", "priced at {v} or more", "for {v} or more"),
        "<": ("under {v}", "costing less than {v}", "priced below {v}", "for less than {v}", "below {v}"),
        "<=": ("costing at most {v}", "for {v} or less", "that won't set me back more than {v}",
               "priced at no more than {v}", "up to {v}"),
        "between": ("between {v} and {w}", "costing between {v} and {w}", "priced from {v} to {w}"),
    },
    "battery_life": {
        "*": ("with {c} of battery life", "whose battery lasts {c}", "with a battery life of {c}",
              "lasting {c} on a charge"),
        ">=": ("with {p} of battery", "with {p} of battery life"),
    },
    "storage": {"*": ("with {c} of storage", "with {c} storage", "offering {c} of storage")},
    "ram": {"*": ("with {c} of RAM", "with {c} RAM")},
    "weight": {"*": ("weighing {c}",), ">": ("heavier than {v}",), "<": ("lighter than {v}",)},
    "screen_size": {
        "*": ("with a screen of {c}", "with a display of {c}"),
        ">": ("with a screen bigger than {v}", "bigger than {v}", "with a display larger than {v}"),
        "<": ("with a screen smaller than {v}", "smaller than {v}"),
    },
    "rating": {
        ">": ("rated above {v}", "rated higher than {v}", "with a rating above {v}"),
        ">=": ("rated {v} or higher", "rated at least {v}", "with a rating of {v} or more"),
        "<": ("rated below {v}", "rated lower than {v}", "with a rating under {v}"),
        "<=": ("rated {v} or lower", "rated at most {v}"),
    },
    "release_date": {"*": ("released {c}", "launched {c}", "that came out {c}")},
    "clock_speed": {
        "*": ("with a clock speed of {c}", "clocked at {c}"),
        ">": ("faster than {v}", "clocked above {v}"), "<": ("slower than {v}", "clocked below {v}"),
    },
    "os_version": {
        ">": ("running {os} newer than {v}", "on a {os} release later than {v}"),
        ">=": ("running {os} {v} or later", "on {os} {v} or newer", "updated to at least {os} {v}"),
        "<": ("running a {os} version older than {v}", "still on a {os} release before {v}"),
        "<=": ("running {os} {v} or earlier", "on {os} {v} or older"),
    },
    "firmware": {
        ">": ("on firmware newer than {v}", "with firmware later than {v}", "with a firmware version above {v}"),
        ">=": ("on firmware {v} or later", "with fw {v} or newer", "running firmware version {v} or later"),
        "<": ("on firmware older than {v}", "with firmware before {v}"),
        "<=": ("on firmware {v} or earlier", "with firmware {v} or older"),
    },
    "range": {"*": ("with a range of {c}", "that go {c} on a charge", "with {c} of range")},
    "tank_capacity": {
        "*": ("with a water tank of {c}", "whose water tank holds {c}"),
        ">": ("with a water tank bigger than {v}",), "<": ("with a water tank smaller than {v}",),
    },
    "attendance": {"*": ("with an attendance of {c}", "attended by {c} people", "drawing {c} people")},
    "field": {"*": ("with {c} runners", "with {c} participants", "with a field of {c} runners")},  # races
    "duration": {
        "*": ("lasting {c}",),
        ">": ("longer than {v}", "lasting more than {v}"), "<": ("shorter than {v}", "lasting less than {v}"),
    },
    "distance": {
        ">": ("longer than {v}", "over {v}"), ">=": ("of at least {v}", "covering {v} or more"),
        "<": ("shorter than {v}", "under {v}"), "<=": ("of at most {v}", "no longer than {v}"),
    },
    "date": {"*": ("taking place {c}", "held {c}"), "in": ("in {v}",)},
    # people: phrases after "nurses ___" / "people ___"
    "age": {
        ">": ("older than {v}", "over {v}", "aged over {v}", "over the age of {v}"),
        ">=": ("{v} or older", "aged {v} or more", "at least {v} years old"),
        "<": ("younger than {v}", "under {v}", "under the age of {v}"),
        "<=": ("{v} or younger", "no older than {v}", "at most {v} years old"),
        "between": ("aged between {v} and {w}", "between {v} and {w} years old"),
    },
    "birth_date": {
        ">": ("born after {v}",), ">=": ("born in or after {v}", "born no earlier than {v}"),
        "<": ("born before {v}",), "<=": ("born in or before {v}", "born no later than {v}"),
        "in": ("born in {v}",), "between": ("born between {v} and {w}",),
    },
    "salary": {"*": ("earning {c}", "making {c}", "paid {c}"), ">": ("earning north of {v}",)},
    "height": {
        ">": ("taller than {v}", "over {v} tall"), ">=": ("at least {v} tall", "{v} or taller"),
        "<": ("shorter than {v}", "under {v} tall"), "<=": ("at most {v} tall", "{v} or shorter", "no taller than {v}"),
    },
    "experience": {"*": ("with {c} of experience", "with {c} in the job")},
}

# Predicates after "Who ___" (people only).
_PRED: dict[str, dict[str, tuple[str, ...]]] = {
    "age": {
        ">": ("is older than {v}", "is over {v}"), ">=": ("is {v} or older", "is at least {v} years old"),
        "<": ("is younger than {v}", "is under {v}"), "<=": ("is {v} or younger", "is no older than {v}"),
        "between": ("is between {v} and {w} years old",),
    },
    "birth_date": {k: tuple("was " + p for p in v) for k, v in _POST["birth_date"].items()},
    "salary": {"*": ("earns {c}", "makes {c}", "is paid {c}")},
    "height": {">": ("is taller than {v}",), ">=": ("is at least {v} tall",), "<": ("is shorter than {v}",),
               "<=": ("is no taller than {v}", "is at most {v} tall")},
    "weight": {"*": ("weighs {c}",), ">": ("is heavier than {v}",), "<": ("is lighter than {v}",)},
    "experience": {"*": ("has {c} of experience",)},
}


def _decade_words(c: Constraint) -> int | None:
    """20..80 if ``c`` is an age between d and d+9 with d a multiple of ten."""
    if c.attribute == "age" and c.op == "between":
        low, high = int(c.value.value), int(c.upper.value)
        if low % 10 == 0 and high == low + 9:
            return low
    return None


def _is_six_figures(c: Constraint) -> bool:
    return (c.attribute == "salary" and c.op == "between" and c.value == Quantity(100_000, "USD/year")
            and c.upper == Quantity(999_999, "USD/year"))


def _phrase(c: Constraint, spec: QuerySpec, rng: random.Random, table: dict) -> str:
    """One constraint as a phrase from ``table`` (post-noun phrases or "Who" predicates)."""
    decade = _decade_words(c)
    if decade is not None:
        return f"in their {decade}s" if table is _POST else f"is in their {decade}s"
    if _is_six_figures(c):
        return (rng.choice(("earning six figures", "on a six-figure salary", "making six figures")) if table is _POST
                else rng.choice(("earns six figures", "makes six figures", "is on a six-figure salary")))
    if spec.kind == "product" and c.attribute == "price" and c.op == "<" and c.value == Quantity(1000, "USD") \
            and rng.random() < 0.6:
        return rng.choice(("under a grand", "for less than a grand", "below a grand"))
    if spec.kind == "event" and c.attribute == "price":
        return _ticket(c, spec, rng)
    phrases = table["field" if c.attribute == "attendance" and spec.category == "race" else c.attribute]
    template = rng.choice(phrases.get(c.op, ()) + phrases.get("*", ()))
    v, w = _values(c, rng)
    comparisons = _DATE if isinstance(c.value, Period) else _COUNT if c.attribute == "attendance" else _GENERIC
    if c.attribute == "salary" and "{c}" not in template:
        v += _per(c.value.unit, rng)
    comparison = rng.choice(comparisons[c.op]).format(v=v, w=w)
    if c.attribute == "salary":
        comparison += _per(c.value.unit, rng)
    os_name = c.value.name if isinstance(c.value, Version) else ""
    plus = re.sub(r"^([\d.,]+)", r"\1+", v)  # "50 hours" -> "50+ hours"
    return template.format(c=comparison, v=v, w=w, os=os_name, p=plus)


def _bare(c: Constraint, rng: random.Random) -> str:
    """Just the comparison ("no more than $600"), for a second bound on the same attribute."""
    v, w = _values(c, rng)
    comparisons = _DATE if isinstance(c.value, Period) else _COUNT if c.attribute == "attendance" else _GENERIC
    text = rng.choice(comparisons[c.op]).format(v=v, w=w)
    return text + _per(c.value.unit, rng) if c.attribute == "salary" else text


def _values(c: Constraint, rng: random.Random) -> tuple[str, str]:
    """The constraint's value(s) as words; a salary's period is added after the comparison."""
    if isinstance(c.value, Version):
        return c.value.text, ""
    if c.attribute in ("price", "salary"):
        return _money_pair(c.value, c.upper, rng, bare_k=True)
    if c.attribute == "experience" and c.upper is not None:  # "between 3 and 5 years"
        return str(c.value.value), _value(c, c.upper, rng)
    return _value(c, c.value, rng), (_value(c, c.upper, rng) if c.upper is not None else "")


def _ticket(c: Constraint, spec: QuerySpec, rng: random.Random) -> str:
    v, w = _money_pair(c.value, c.upper, rng)
    comparison = rng.choice(_GENERIC[c.op]).format(v=v, w=w)
    if spec.category == "race":
        return rng.choice((f"with an entry fee of {comparison}", f"where entry costs {comparison}"))
    if c.op == "<=" and rng.random() < 0.3:
        return f"whose tickets won't set me back more than {v}"
    options = [f"with tickets costing {comparison}", f"where a ticket costs {comparison}"]
    if c.op in ("<", ">"):
        options.append(f"with tickets {rng.choice(('under', 'below') if c.op == '<' else ('over', 'above'))} {v}")
    return rng.choice(options)


# ----------------------------------------------------------------------------- frames

_THING_FRAMES = ("{N} {C}", "Show me {N} {C}.", "Looking for {N} {C}.", "Any {N} {C}?", "Find {N} {C}.",
                 "List {N} {C}.", "I'm after {N} {C}.", "Which {N} are there {C}?")
_PEOPLE_FRAMES = ("Which {N} are {C}?", "{N} {C}", "Find {N} {C}.", "List {N} {C}.", "Any {N} {C}?")
_WHO_FRAMES = ("Who among the {N} {P}?", "Which of the {N} {P}?")


def _join(parts: list[str], same_attribute: bool, rng: random.Random) -> str:
    if len(parts) == 1:
        return parts[0]
    return f"{parts[0]} {'but' if same_attribute and rng.random() < 0.5 else 'and'} {parts[1]}"


def render_query(spec: QuerySpec, rng: random.Random) -> str:
    """``spec`` in the ``dev`` wording."""
    noun = query_noun(spec.category or spec.kind, rng)
    same = len(spec.constraints) == 2 and spec.constraints[0].attribute == spec.constraints[1].attribute
    if spec.kind == "person" and rng.random() < 0.4:
        predicates = [_phrase(c, spec, rng, _PRED) for c in spec.constraints[:1]]
        predicates += [_bare(c, rng) if same else _phrase(c, spec, rng, _PRED) for c in spec.constraints[1:]]
        frame = "Who {P}?" if spec.category is None else rng.choice(_WHO_FRAMES)
        return _cap(frame.format(N=noun, P=_join(predicates, same, rng)))
    first = spec.constraints[0]
    if spec.kind == "product" and first.attribute == "price" and first.op == "<" and rng.random() < 0.4:
        rest = [_phrase(c, spec, rng, _POST) for c in spec.constraints[1:]]
        head = f"sub-{_money(first.value, rng, style='symbol')} {noun}"
        return _cap(rng.choice(_THING_FRAMES).format(N=head, C=_join(rest, False, rng) if rest else "").replace(" .", ".")
                    .replace(" ?", "?").strip())
    if spec.kind == "person" and first.attribute == "age" and first.op == "<" and len(spec.constraints) == 1 \
            and rng.random() < 0.4:
        n = int(first.value.value)
        return f"List the under-{n}s." if spec.category is None else f"Any under-{n}s among the {noun}?"
    phrases = [_phrase(spec.constraints[0], spec, rng, _POST)]
    phrases += [_bare(c, rng) if same else _phrase(c, spec, rng, _POST) for c in spec.constraints[1:]]
    frames = _PEOPLE_FRAMES if spec.kind == "person" else _THING_FRAMES
    frame = rng.choice(frames)
    if frame == "Which {N} are {C}?" and not _adjectival(spec):
        frame = "{N} {C}"
    return _cap(frame.format(N=noun, C=_join(phrases, same, rng)))


def _adjectival(spec: QuerySpec) -> bool:
    """Whether "Which nurses are ___?" reads well (age, height: "older than 50", "in their 80s")."""
    return all(c.attribute in ("age", "height") for c in spec.constraints)


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]
