"""Amounts with units, read by **quantulum3** and converted by **pint**.

quantulum3 finds amounts, spelled-out numbers ("fifty thousand dollars") and ranges
(returned as mean +- half width); pint converts every physical unit to SI base
units (1.85 m == 185 cm) and knows units quantulum3 does not ("12 stone");
**price-parser** reads currency codes quantulum3 misses ("USD 50,000"). A unitless
number takes its kind from what surrounds it: an age ("aged 42"), a year in a date
context ("born in 1990"), a counted noun ("3 children"), a version ("version 9.11").

quantulum3's optional unit classifier is a scikit-learn pickle that does not load
with current scikit-learn (and we never unpickle files); its rule-based
disambiguation is used instead, so "minutes" may come back as an angle and is read
back as time here.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from typing import Any, Iterator

from . import lexicon
from .clauses import clause_of, inflect_engine
from .locate import parse_version, year_period

__all__ = ["unit_registry", "quantulum_parser", "quantities"]


@lru_cache(maxsize=1)
def unit_registry():
    """One pint registry per process (building it takes about a second)."""
    import pint

    return pint.UnitRegistry()


@lru_cache(maxsize=1)
def quantulum_parser():
    import quantulum3.classifier as classifier

    classifier.USE_CLF = False  # see module docstring: rule-based disambiguation only
    from quantulum3 import parser

    return parser



# --------------------------------------------------------------------------- quantulum3 + pint

_TIME_WORDS = re.compile(r"\b(?:min|mins|minutes?|sec|secs|seconds?)\b", re.IGNORECASE)
_FRIENDLY = {"[length]": "length", "[mass]": "mass", "[time]": "duration", "[temperature]": "temperature",
             "[length] / [time]": "speed"}
_CANONICAL_UNIT = {"length": "m", "mass": "kg", "duration": "s", "temperature": "K", "speed": "m/s"}


def _pint_quantity(value: float, *names: str):
    registry = unit_registry()
    for name in names:
        name = (name or "").strip().strip(".")
        if not name or name == "dimensionless":
            continue
        try:
            return registry.Quantity(value, name)
        except Exception:  # pint raises several error types for unknown names
            continue
    return None


def _unit_text(surface: str) -> str:
    """The unit part of a quantulum surface such as "185 centimetres"."""
    return re.sub(r"^[\s\d.,+\-]+", "", surface)


def _physical(quantity: Any, text: str) -> tuple[str, float, float | None, str] | None:
    """(kind, value, upper, unit) in SI base units for a quantulum quantity with a unit."""
    unit = quantity.unit
    names = [unit.name, unit.name.replace("-mass", ""), _unit_text(quantity.surface)]
    if unit.entity.name == "angle" and _TIME_WORDS.search(quantity.surface):
        names = [re.sub(r" of arc", "", unit.name)]  # "12 minutes" read as an angle: it is time
    low, high = _bounds(quantity)
    q_low = _pint_quantity(low, *names)
    if q_low is None:
        return None
    base_low = q_low.to_base_units()
    dimension = str(base_low.dimensionality)
    kind = _FRIENDLY.get(dimension, dimension)
    upper = None
    if high is not None:
        upper = float(_pint_quantity(high, *names).to_base_units().magnitude)
    if kind == "dimensionless":
        return None
    return kind, float(base_low.magnitude), upper, _CANONICAL_UNIT.get(kind, str(base_low.units))


def _bounds(quantity: Any) -> tuple[float, float | None]:
    """quantulum3 returns a range as mean +- half width; give it back as (low, high)."""
    value = float(quantity.value)
    spread = quantity.uncertainty
    if not spread or not re.search(r"\band\b|\bto\b|-|–", quantity.surface):
        return value, None
    low, high = value - float(spread), value + float(spread)
    # "40 to 60 thousand dollars": quantulum3 applies the multiplier to 60 only.
    if low > 0 and high / low >= 500:
        low *= 1000 ** round(math.log10(high / low) / 3)
    return low, high


def _currency(quantity: Any, text: str) -> str | None:
    code = getattr(quantity.unit, "currency_code", None)
    surface = text[quantity.span[0]:quantity.span[1]]
    if code == "GBP" and "£" not in surface and not re.search(r"sterling|GBP|quid", surface, re.IGNORECASE):
        return None  # "7 pounds" with no £ or "sterling" is a weight (read by pint below)
    if code:
        return str(code)
    if quantity.unit.entity.name == "currency":
        return quantity.unit.name
    if "dollar" in quantity.unit.name and quantity.unit.name.startswith("dollar"):
        return "USD"  # "dollar per year" and other rates
    return None


_UNIT_ONLY = re.compile(r"^\s*(?:a|an|per|each|every|one)\s+[a-z]+\s*$", re.IGNORECASE)


def _price_prefix(text: str, span: tuple[int, int]) -> str | None:
    """A currency code or symbol right before a number ("USD 19,900 per year")."""
    start, end = span
    number = re.match(r"[\d.,]+", text[start:end])
    if number is None or not re.search(r"[A-Z$€£¥]\s*$", text[max(0, start - 5):start]):
        return None
    return _price_currency(text, start, start + number.end())


def _price_currency(text: str, start: int, end: int) -> str | None:
    """A currency code or symbol next to a bare number ("USD 50,000", "50,000 EUR")."""
    from price_parser import Price

    window = text[max(0, start - 5):min(len(text), end + 5)]
    price = Price.fromstring(window)
    currency = price.currency
    if not currency or price.amount is None:
        return None
    return {"$": "USD", "US$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY"}.get(currency, currency.upper())


_NEXT_WORD = re.compile(r"^\s*-?\s*([A-Za-z]+(?:\s+[a-z]+)?)")


def _singular(noun: str) -> str:
    engine = inflect_engine()
    singular = engine.singular_noun(noun)
    return (singular or noun).lower()


_STOP_NOUNS = {"and", "or", "the", "a", "an", "of", "in", "to", "on", "at", "is", "was", "per", "than", "years", "year", "old",
               "among", "but", "with", "from", "by", "for", "as", "while", "who", "that", "which", "if", "are", "were", "be",
               "been", "it", "they", "he", "she", "this", "those", "these", "so", "yet", "nor", "not", "no"}


def _version_context(text: str, span: tuple[int, int], surface: str) -> bool:
    """A dotted number in a clause that talks about versions ("a version newer than 9.9")."""
    clause = clause_of(text, *span)
    return re.fullmatch(r"\s*\d+(?:\.\d+)+\s*", surface) is not None and re.search(
        rf"\b{lexicon.VERSION_CUES}\b", clause, re.IGNORECASE
    ) is not None


def _bare_number(value: float, text: str, span: tuple[int, int], surface: str) -> tuple[str, Any, Any, str]:
    """Kind of a unitless number from what surrounds it (age, year, currency, pint unit, noun)."""
    start, end = span
    before, after = text[:start].lower(), text[end:]
    if re.search(lexicon.AGE_BEFORE, before):
        return "age", value, None, "years"
    currency = _price_currency(text, start, end)
    if currency and not re.search(r"\d", text[max(0, start - 5):start]):
        return "money", value, None, currency
    word = _NEXT_WORD.match(after)
    if word:
        first = word.group(1).split()[0]
        if first.lower() not in _STOP_NOUNS and len(first) >= 2:
            physical = _pint_quantity(value, first)
            if physical is not None and str(physical.dimensionality) != "dimensionless":
                base = physical.to_base_units()
                kind = _FRIENDLY.get(str(base.dimensionality), str(base.dimensionality))
                return kind, float(base.magnitude), None, _CANONICAL_UNIT.get(kind, str(base.units))
            if first.isalpha() and first.islower() and not lexicon.cue_attribute("money", lexicon.tokens(clause_of(text, start, end))):
                return f"count:{_singular(first)}", value, None, _singular(first)
    if value >= 100 and lexicon.cue_attribute("money", lexicon.tokens(clause_of(text, start, end))) == "salary":
        return "money", value, None, ""  # "earns 120k a year": an amount, currency unstated
    return "number", value, None, ""


def _year_like(value: float, surface: str) -> bool:
    return float(value).is_integer() and 1000 <= value <= 2200 and re.fullmatch(r"\d{4}", surface.strip()) is not None


def _counts_something(text: str, end: int) -> bool:
    """"2000 runners": a four-digit number followed by a counted noun is not a year."""
    following = re.match(r"\s+([a-z]{3,})", text[end:])
    return following is not None and following.group(1) not in {"and", "or", "the", "to", "for", "with", "when", "until"}


def _date_context(text: str, start: int) -> bool:
    words = lexicon.tokens(text[max(0, start - 40):start])[-3:]
    return any(word in lexicon.DATE_CUES for word in words)



def _thousands(surface: str, text: str, span: tuple[int, int]) -> bool:
    """"120k" is 120 thousand, not 120 kelvin; so is "50K" where money is talked about."""
    stripped = surface.strip()
    if re.fullmatch(r"[\d.,]+\s?k", stripped):
        return True
    return re.fullmatch(r"[\d.,]+\s?K", stripped) is not None and lexicon.cue_attribute(
        "money", lexicon.tokens(clause_of(text, *span))) is not None


def _per_time_rate(quantity: Any, surface: str) -> bool:
    """A bare amount per period ("30 thousand a year") that quantulum3 reads as a frequency."""
    return (quantity.unit.entity.name in ("unknown", "frequency") and
            re.search(r"\b(?:a|an|per|each)\s+(?:year|month|week|day|hour)\b", surface) is not None)


def quantities(text: str, masked: str) -> Iterator[tuple[str, Any, Any, str, tuple[int, int]]]:
    for quantity in quantulum_parser().parse(masked):
        span = tuple(quantity.span)
        surface = text[span[0]:span[1]]
        entity = quantity.unit.entity.name
        if _UNIT_ONLY.match(surface):
            continue  # "a year", "per hour": a unit with no number stated
        currency = _currency(quantity, text)
        if currency is None and (entity in ("dimensionless", "unknown") or " per " in quantity.unit.name):
            currency = _price_prefix(text, span)
            if currency is not None:  # the code belongs to the amount: "USD 19,900"
                prefix = re.search(r"(?:[A-Z]{2,3}\$?|[$€£¥])\s*$", text[max(0, span[0] - 5):span[0]])
                span = (span[0] - (len(prefix.group(0)) if prefix else 0), span[1])
        if currency:
            low, high = _bounds(quantity)
            yield "money", low, high, currency, span
            continue
        if entity == "dimensionless" or quantity.unit.name in ("dimensionless", "count"):
            low, high = _bounds(quantity)
            if _year_like(low, surface) and _date_context(text, span[0]) and not _counts_something(text, span[1]):
                start, end = year_period(int(low))
                yield "date", start, end, "", span
                continue
            if high is not None and _year_like(low, str(int(low))) and _year_like(high, str(int(high))) and _date_context(text, span[0]):
                yield "date", year_period(int(low))[0], year_period(int(high))[1], "", span
                continue
            if high is not None:
                yield "number", low, high, "", span
                continue
            bare = _bare_number(low, text, span, surface)
            if bare[0] == "number" and _version_context(text, span, surface):
                version = parse_version(surface.strip())
                if version is not None:
                    yield "version", version, None, "", span
                    continue
            yield (*bare, span)
            continue
        if entity == "time" and quantity.unit.name == "year" and (
            re.match(lexicon.AGE_AFTER, text[span[1]:], re.IGNORECASE) or re.search(lexicon.AGE_BEFORE, text[: span[0]].lower())
        ):
            low, high = _bounds(quantity)
            yield "age", low, high, "years", span
            continue
        if _thousands(surface, text, span):
            low, high = _bounds(quantity)
            yield (*_bare_number(low * 1000, text, span, surface), span)
            continue
        if _per_time_rate(quantity, surface):
            # "30 thousand a year": the amount is what is stated; the rate word is its period
            number_end = span[0] + re.search(r"^\S+(?:\s+(?:thousand|million|billion))?", surface).end()
            yield (*_bare_number(float(quantity.value), text, (span[0], number_end), surface), (span[0], number_end))
            continue
        physical = _physical(quantity, text)
        if physical is not None:
            kind, low, high, unit = physical
            yield kind, low, high, unit, span

