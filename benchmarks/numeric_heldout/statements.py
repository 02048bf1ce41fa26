"""Attributes shared by several kinds of document (price, rating, dates, weight, ...).

Each factory returns an :class:`~.records.Attribute` whose ``state`` writes one sentence
(from many templates) and the :class:`~.semantics.Fact` that sentence states. The
subject of a sentence is drawn from ``ctx["subjects"]`` (the name, "it", "this
laptop" ...), so the same fact reads differently from document to document.
"""

from __future__ import annotations

import math
import random
from typing import Any, Callable, Sequence

from . import surface
from .records import Attribute, Sentence, fill, pick
from .semantics import Fact

__all__ = [
    "nice_price", "price", "rating5", "rating10", "released", "weight", "simple", "subject",
    "draw_date", "log_uniform",
]


def subject(rng: random.Random, ctx: dict) -> str:
    return pick(rng, ctx["subjects"])


def log_uniform(rng: random.Random, low: float, high: float) -> float:
    return math.exp(rng.uniform(math.log(low), math.log(high)))


def nice_price(rng: random.Random, low: float, high: float) -> float:
    """A shop-like price: 29, 59.99, 799, 850, 1,299, 1,300, 4,000."""
    raw = log_uniform(rng, low, high)
    if raw < 100:
        return rng.choice([float(max(9, round(raw / 10) * 10 - 1)), max(9.99, round(raw / 10) * 10 - 0.01), float(round(raw))])
    if raw < 1000:
        tens = round(raw / 10) * 10
        return rng.choice([float(tens - 1), float(round(raw / 50) * 50), tens - 0.01, float(tens - 1)])
    hundreds = round(raw / 100) * 100
    return rng.choice([float(hundreds - 1), float(hundreds), float(round(raw / 1000) * 1000), float(hundreds - 1)])


def price(low: float, high: float, extra_templates: Sequence[str] = ()) -> Attribute:
    templates = [
        "{S} costs {v}.", "{S} retails for {v}.", "{S} sells for {v}.", "You can pick one up for {v}.",
        "{S} is listed at {v}.", "{S} goes for {v}.", "Yours for {v}.", "Asking price: {v}.",
        "Now {v} (was {old}).", "Price dropped from {old} to {v}.", "{S} is on sale for {v}, down from {old}.",
        "{S} comes in at {v}, or {monthly}/month over 24 months.", "At {v}, {s} undercuts most rivals.",
        "The current price is {v}.", "{S} will set you back {v}.", "Street price is {v}.",
        *extra_templates,
    ]

    def state(rng: random.Random, value: float, ctx: dict) -> tuple[Sentence, Fact]:
        text, unit, canonical = surface.money(rng, value)
        old, _, _ = surface.money(rng, nice_price(rng, value * 1.12, value * 1.45), slang=False)
        monthly = f"${math.ceil(value / 24 * 100) / 100:,.2f}"
        who = subject(rng, ctx)
        prose = fill(pick(rng, templates), S=who, s=_object(who, ctx), v=text, old=old, monthly=monthly)
        label = pick(rng, ["Price", "Price", "Our price", "MSRP", "Now"])
        return Sentence(prose, label, text), Fact("price", canonical, canonical, unit, text)

    return Attribute("price", lambda rng: nice_price(rng, low, high), state)


def _reviews(rng: random.Random) -> str:
    return f"{rng.randint(12, 9000):,}"


def rating5(low: float = 2.6, high: float = 5.0) -> Attribute:
    templates = [
        "Customer rating: {v} ({n} reviews).", "Buyers rate {s} {v}.", "{S} sits at {v} across {n} reviews.",
        "Average score from {n} shoppers: {v}.", "Reviews: {v}.", "Reviewers give {s} {v}.",
        "{v} from {n} verified buyers.", "Rated {v} by {n} customers.", "{S} holds an average of {v}.",
        "Shoppers rate it {v} ({n} ratings).",
    ]

    def draw(rng: random.Random) -> float:
        return round(min(high, max(low, rng.triangular(low, high, 4.3))), 1)

    def state(rng: random.Random, value: float, ctx: dict) -> tuple[Sentence, Fact]:
        text, unit, canonical = surface.rating5(rng, value)
        who = subject(rng, ctx)
        prose = fill(pick(rng, templates), S=who, s=_object(who, ctx), v=text, n=_reviews(rng))
        return Sentence(prose, pick(rng, ["Rating", "Avg. rating", "Customer rating"]), text), Fact("rating", canonical, canonical, unit, text)

    return Attribute("rating", draw, state)


def rating10(low: float = 5.0, high: float = 9.8) -> Attribute:
    templates = [
        "User score {v}.", "User score: {v} ({n} ratings).", "Users give {s} {v}/10.", "{S} scores {v} out of 10 with owners.",
        "Average user score: {v}.", "Owners rate it {v}/10 ({n} ratings).", "Community rating: {v} / 10.",
        "It has a user score of {v} from {n} owners.", "Owner reviews average {v} out of 10.",
    ]

    def draw(rng: random.Random) -> float:
        return round(rng.triangular(low, high, 8.2), 1)

    def state(rng: random.Random, value: float, ctx: dict) -> tuple[Sentence, Fact]:
        text = f"{value:.1f}"
        who = subject(rng, ctx)
        prose = fill(pick(rng, templates), S=who, s=_object(who, ctx), v=text, n=_reviews(rng))
        label_value = pick(rng, [f"{text}/10", f"{text} / 10", f"{text} out of 10"])
        return Sentence(prose, pick(rng, ["User score", "Owner rating"]), label_value), Fact("rating", value, value, "score10", text)

    return Attribute("rating", draw, state)


def _object(who: str, ctx: dict) -> str:
    return "it" if who == "It" else (who[0].lower() + who[1:] if who.startswith(("This ", "The ")) else who)


def draw_date(rng: random.Random, first_year: int, last_year: int, last_month: int = 12) -> tuple[int, int, int]:
    year = rng.randint(first_year, last_year)
    month = rng.randint(1, last_month if year == last_year else 12)
    return year, month, rng.randint(1, 28)


def released(first_year: int, last_year: int) -> Attribute:
    """A product's release date at day, month, quarter or year precision."""
    templates = [
        "Released {p}{d}.", "{S} hit shelves {p}{d}.", "On sale since {d}.", "Launch: {d}.", "{S} launched {p}{d}.",
        "First available {p}{d}.", "Release date: {d}.", "{S} came out {p}{d}.", "In stores since {d}.",
        "{S} was released {p}{d}.",
    ]
    prepositions = {"day": "on ", "month": "in ", "quarter": "in ", "year": "in "}

    def state(rng: random.Random, value: tuple[int, int, int], ctx: dict) -> tuple[Sentence, Fact]:
        precision = rng.choices(["day", "month", "quarter", "year"], weights=[35, 30, 22, 13])[0]
        text, unit, (low, high) = surface.date_text(rng, *value, precision)
        who = subject(rng, ctx)
        template = pick(rng, templates)
        if text.startswith("the ") and template.startswith(("On sale since", "In stores since")):
            template = "Released {p}{d}."
        prose = fill(template, S=who, p=prepositions[precision], d=text)
        return Sentence(prose, pick(rng, ["Released", "Release date", "Launch"]), text), Fact("released", low, high, unit, text)

    # the corpus is written as of mid-2025 (surface.today), so nothing launches later
    return Attribute("released", lambda rng: draw_date(rng, first_year, last_year, last_month=6), state)


def weight(low: float, high: float, units: tuple[str, ...], noun_templates: Sequence[str] = ()) -> Attribute:
    templates = [
        "{S} weighs {v}.", "Weight: {v}.", "{S} tips the scales at {v}.", "{S} comes in at {v}.",
        "It weighs {v} in total.", "{v} on the scale.", "Its weight is {v}.",
        *noun_templates,
    ]

    def state(rng: random.Random, value: float, ctx: dict) -> tuple[Sentence, Fact]:
        text, unit, canonical = surface.weight(rng, value, units)
        who = subject(rng, ctx)
        prose = fill(pick(rng, templates), S=who, s=_object(who, ctx), v=text)
        return Sentence(prose, "Weight", text), Fact("weight", canonical, canonical, unit, text)

    return Attribute("weight", lambda rng: rng.uniform(low, high), state)


def simple(
    name: str,
    draw: Callable[[random.Random], Any],
    render: Callable[[random.Random, Any], tuple[str, str, float]],
    templates: Sequence[str],
    labels: Sequence[str],
    *,
    share: float = 1.0,
) -> Attribute:
    """An attribute stated as one value with one unit (storage, screen size, range ...).

    A template with ``{va}`` puts the value before a noun ("a 15.6-inch display"), so
    ``render`` is asked for its attributive form; ``{v}`` takes the predicative form.
    """

    def state(rng: random.Random, value: Any, ctx: dict) -> tuple[Sentence, Fact]:
        template = pick(rng, templates)
        text, unit, canonical = render(rng, value, True) if "{va}" in template else render(rng, value)
        who = subject(rng, ctx)
        prose = fill(template, S=who, s=_object(who, ctx), v=text, va=text, **ctx.get("fields", {}))
        return Sentence(prose, pick(rng, labels), text), Fact(name, canonical, canonical, unit, text)

    return Attribute(name, draw, state, share)
