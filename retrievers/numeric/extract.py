"""Find the quantities, dates and versions a text states, in canonical units.

Each hit is a :class:`Mention`: its *kind* (money, length, mass, duration, age,
date, version, count:<noun>, number, or a pint dimensionality for anything else),
its value in canonical units, and the *attribute* its clause names (height,
salary, birth date ... see :mod:`.lexicon`).

The parsing is done by maintained libraries:

* **quantulum3** finds amounts with units, spelled-out numbers ("fifty thousand
  dollars") and ranges ("between $40k and $60k" comes back as mean +- half width);
* **pint** converts every physical unit to SI base units (1.85 m == 185 cm), and
  knows units quantulum3 does not ("12 stone");
* **price-parser** reads currency codes quantulum3 misses ("USD 50,000");
* **dateparser** parses the date spans located here, with their precision
  (day / month / year), so "March 1990" is the whole month;
* **packaging** orders versions (9.11 > 9.9, PEP 440).

What is ours is only the glue: locating date, clock-duration and version spans
before quantulum3 sees the text (it would read "3:12:45" as three numbers), and
joining adjacent parts ("3 hours 12 minutes", "6 ft 1 in").

quantulum3's optional unit classifier is a scikit-learn pickle that does not load
with current scikit-learn (and we never unpickle files); its rule-based
disambiguation is used instead, so "minutes" may come back as an angle and is
read back as time here.
"""

from __future__ import annotations

import calendar
import datetime as dt
import logging
import math
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any, Iterator

from packaging.version import InvalidVersion, Version

from . import lexicon

__all__ = ["Mention", "extract_mentions", "parse_date_period", "parse_version", "unit_registry", "year_period"]

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Mention:
    """One stated quantity.

    ``value`` (and ``upper`` for a range or a date period) are canonical: money in
    its currency's units, physical quantities in SI base units (m, kg, s), ages in
    years, dates as :class:`datetime.date`, versions as :class:`packaging.version.Version`.
    """

    kind: str
    value: Any
    upper: Any = None
    unit: str = ""
    attribute: str = ""
    span: tuple[int, int] = (0, 0)
    surface: str = ""
    is_range: bool = False  # "between 40 and 60": value..upper; a date's upper is its period's end

    @property
    def generic(self) -> bool:
        """True when no cue word named the attribute."""
        return self.attribute == lexicon.DEFAULT_ATTRIBUTE.get(self.kind, self.kind)


# --------------------------------------------------------------------------- libraries


@lru_cache(maxsize=1)
def unit_registry():
    """One pint registry per process (building it takes about a second)."""
    import pint

    return pint.UnitRegistry()


@lru_cache(maxsize=1)
def _quantulum_parser():
    import quantulum3.classifier as classifier

    classifier.USE_CLF = False  # see module docstring: rule-based disambiguation only
    from quantulum3 import parser

    return parser


@lru_cache(maxsize=1)
def _date_parser():
    from dateparser.date import DateDataParser

    return DateDataParser(
        languages=["en"],
        settings={"PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False, "REQUIRE_PARTS": ["year"]},
    )


# --------------------------------------------------------------------------- dates

_MONTHS = "|".join(
    sorted({m for m in list(calendar.month_name)[1:] + list(calendar.month_abbr)[1:] if m} | {"Sept"}, key=len, reverse=True)
)
_ORD = r"(?:st|nd|rd|th)?"
_DATE_SPANS = re.compile(
    rf"""
    (?:(?:the\s+)?\d{{1,2}}{_ORD}\s+(?:of\s+)?(?:{_MONTHS})\.?,?\s+\d{{4}})     # 12 March 1983, the 5th of June 1979
    |(?:(?:{_MONTHS})\.?\s+\d{{1,2}}{_ORD},?\s+\d{{4}})                         # March 12, 1983
    |(?:(?:{_MONTHS})\.?,?\s+(?:of\s+)?\d{{4}})                                 # March 1990
    |(?:\d{{4}}-\d{{1,2}}-\d{{1,2}})                                           # 1983-03-12
    |(?:\d{{1,2}}/\d{{1,2}}/\d{{4}})                                           # 03/12/1983 (month first, US)
    """,
    re.IGNORECASE | re.VERBOSE,
)
_DECADE = re.compile(r"\b(?:the\s+)?(1[0-9]|20)(\d)0'?s\b", re.IGNORECASE)


def parse_date_period(text: str) -> tuple[dt.date, dt.date] | None:
    """``text`` as the period it names: "12 March 1983" is one day, "March 1990" a
    month, "1990" a year (dateparser's ``period``). None if dateparser cannot read it."""
    data = _date_parser().get_date_data(text.strip())
    if data is None or data.date_obj is None:
        return None
    start = data.date_obj.date()
    period = data.period or "day"
    if period == "year":
        start = dt.date(start.year, 1, 1)
        return start, dt.date(start.year, 12, 31)
    if period == "month":
        start = start.replace(day=1)
        return start, start.replace(day=calendar.monthrange(start.year, start.month)[1])
    return start, start


def year_period(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


# --------------------------------------------------------------------------- versions

_VERSION_SPANS = re.compile(
    rf"\b{lexicon.VERSION_CUES}\s*:?\s*(?:number\s+)?v?(?P<v>\d+(?:\.\d+){{0,3}})\b"
    r"|\bv(?P<w>\d+(?:\.\d+)+)\b"
    r"|(?<![\d.])(?P<x>\d+\.\d+\.\d+(?:\.\d+)?)(?![\d.])",
    re.IGNORECASE,
)


def parse_version(text: str) -> Version | None:
    try:
        return Version(text)
    except InvalidVersion:
        return None


# --------------------------------------------------------------------------- clock durations

# h:mm:ss, or a:bb read as minutes:seconds unless an hour word or a marathon is near.
_CLOCK = re.compile(r"(?<![\d:.])(\d{1,2}):([0-5]\d)(?::([0-5]\d))?(?![\d:])(?!\s*(?:a\.?m\.?|p\.?m\.?)\b)", re.IGNORECASE)
_HOUR_WORDS = re.compile(r"^\s*(?:h|hrs?|hours?)\b", re.IGNORECASE)


def _clock_seconds(match: re.Match[str], text: str) -> float:
    a, b, c = match.group(1), match.group(2), match.group(3)
    if c is not None:
        return int(a) * 3600 + int(b) * 60 + int(c)
    after = text[match.end():]
    clause = _clause_of(text, match.start(), match.end())
    hours_first = _HOUR_WORDS.match(after) or "marathon" in clause.lower() or "hour" in clause.lower()
    return (int(a) * 3600 + int(b) * 60) if hours_first else (int(a) * 60 + int(b))


# --------------------------------------------------------------------------- clauses and cues

_CLAUSE_BREAK = re.compile(r"[;!?]|\.(?=\s|$)|,|\band\b|\bbut\b|\bwhile\b|\bwhereas\b|\bwho\b|\bwhose\b|\bwith\b", re.IGNORECASE)


def _clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    left = 0
    for match in _CLAUSE_BREAK.finditer(text, 0, start):
        left = match.end()
    following = _CLAUSE_BREAK.search(text, end)
    right = following.start() if following else len(text)
    return left, right


def _clause_of(text: str, start: int, end: int) -> str:
    left, right = _clause_bounds(text, start, end)
    return text[left:right]


def _sentence_of(text: str, start: int, end: int) -> str:
    left = max((m.end() for m in re.finditer(r"[;!?]|\.(?=\s|$)", text[:start])), default=0)
    following = re.search(r"[;!?]|\.(?=\s|$)", text[end:])
    right = end + following.start() if following else len(text)
    return text[left:right]


def _attribute(kind: str, text: str, span: tuple[int, int]) -> str:
    """The attribute named by cue words in the mention's clause, else its sentence."""
    start, end = span
    clause = text[slice(*_clause_bounds(text, start, end))].replace(text[start:end], " ")
    found = lexicon.cue_attribute(kind, lexicon.tokens(clause))
    if found is None:
        sentence = _sentence_of(text, start, end).replace(text[start:end], " ")
        found = lexicon.cue_attribute(kind, lexicon.tokens(sentence))
    if found is None and kind.startswith("count:"):
        return f"number of {_inflect_engine().plural(kind.split(':', 1)[1])}"
    return found or lexicon.DEFAULT_ATTRIBUTE.get(kind, kind.split(":")[0])


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
    engine = _inflect_engine()
    singular = engine.singular_noun(noun)
    return (singular or noun).lower()


@lru_cache(maxsize=1)
def _inflect_engine():
    import inflect

    return inflect.engine()


_STOP_NOUNS = {"and", "or", "the", "a", "an", "of", "in", "to", "on", "at", "is", "was", "per", "than", "years", "year", "old"}


def _version_context(text: str, span: tuple[int, int], surface: str) -> bool:
    """A dotted number in a clause that talks about versions ("a version newer than 9.9")."""
    clause = _clause_of(text, *span)
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
            if first.isalpha() and first.islower() and not lexicon.cue_attribute("money", lexicon.tokens(_clause_of(text, start, end))):
                return f"count:{_singular(first)}", value, None, _singular(first)
    if value >= 100 and lexicon.cue_attribute("money", lexicon.tokens(_clause_of(text, start, end))) == "salary":
        return "money", value, None, ""  # "earns 120k a year": an amount, currency unstated
    return "number", value, None, ""


def _year_like(value: float, surface: str) -> bool:
    return float(value).is_integer() and 1000 <= value <= 2200 and re.fullmatch(r"\d{4}", surface.strip()) is not None


def _date_context(text: str, start: int) -> bool:
    words = lexicon.tokens(text[max(0, start - 40):start])[-3:]
    return any(word in lexicon.DATE_CUES for word in words)


# --------------------------------------------------------------------------- main entry


def _masked(text: str, spans: list[tuple[int, int]]) -> str:
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def _located(text: str) -> Iterator[tuple[str, Any, Any, str, tuple[int, int]]]:
    """Dates, versions and clock durations found by position, before quantulum3 runs."""
    for match in _DATE_SPANS.finditer(text):
        period = parse_date_period(match.group(0))
        if period:
            yield "date", period[0], period[1], "", match.span()
    for match in _DECADE.finditer(text):
        first = int(match.group(1) + match.group(2) + "0")
        yield "date", dt.date(first, 1, 1), dt.date(first + 9, 12, 31), "", match.span()
    for match in _VERSION_SPANS.finditer(text):
        raw = match.group("v") or match.group("w") or match.group("x")
        version = parse_version(raw)
        if version is not None:
            yield "version", version, None, "", match.span()
    for match in _CLOCK.finditer(text):
        yield "duration", float(_clock_seconds(match, text)), None, "s", match.span()


def _non_overlapping(items: list[tuple]) -> list[tuple]:
    kept: list[tuple] = []
    for item in sorted(items, key=lambda it: (it[4][0], -(it[4][1] - it[4][0]))):
        if kept and item[4][0] < kept[-1][4][1]:
            continue
        kept.append(item)
    return kept


def _from_quantulum(text: str, masked: str) -> Iterator[tuple[str, Any, Any, str, tuple[int, int]]]:
    for quantity in _quantulum_parser().parse(masked):
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
            if _year_like(low, surface) and _date_context(text, span[0]):
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
        if re.fullmatch(r"[\d.,]+\s?k", surface.strip()):
            # "120k": a lowercase k after a number is "thousand", not kelvin
            low, high = _bounds(quantity)
            yield (*_bare_number(low * 1000, text, span, surface), span)
            continue
        physical = _physical(quantity, text)
        if physical is not None:
            kind, low, high, unit = physical
            yield kind, low, high, unit, span


_RANKS = ((r"\d:\d", 0), (r"\b(?:h|hrs?|hours?)\b", 3), (r"\b(?:m|mins?|minutes?)\b", 2), (r"\b(?:s|secs?|seconds?)\b", 1),
          (r"\b(?:ft|feet|foot)\b", 2), (r"\b(?:in|inch|inches)\b", 1))


def _unit_rank(surface: str) -> int:
    """Size order of a part's unit, so "3 hours 12 minutes" joins but "4:36 and 4:37" does not."""
    for pattern, rank in _RANKS:
        if re.search(pattern, surface, re.IGNORECASE):
            return rank
    return 0


def _join_adjacent(mentions: list[Mention], text: str) -> list[Mention]:
    """"3 hours 12 minutes and 45 seconds" and "6 ft 1 in" are one quantity each."""
    joined: list[Mention] = []
    for mention in mentions:
        previous = joined[-1] if joined else None
        if previous is not None:
            gap = text[previous.span[1]:mention.span[0]]
            adjacent = re.fullmatch(r"\s*(?:,|and|,\s*and)?\s*", gap) is not None
            same_kind = (mention.kind == previous.kind and mention.kind in ("duration", "length")
                         and _unit_rank(mention.surface) < _unit_rank(previous.surface.split()[-1] if previous.surface.split() else ""))
            inches = previous.kind == "length" and mention.kind == "number" and previous.unit == "m" and re.search(r"f(?:ee|oo)?t", previous.surface)
            if adjacent and (same_kind or inches) and mention.upper is None and previous.upper is None:
                extra = mention.value * 0.0254 if inches else mention.value
                joined[-1] = replace(previous, value=previous.value + extra, span=(previous.span[0], mention.span[1]),
                                     surface=text[previous.span[0]:mention.span[1]])
                continue
        joined.append(mention)
    return joined


def _is_range(kind: str, value: Any, upper: Any, surface: str) -> bool:
    if upper is None or upper == value:
        return False
    if kind != "date":
        return True
    return re.search(r"\band\b|\bto\b|-|–", surface) is not None and not re.match(r"\d{4}-\d", surface)


@lru_cache(maxsize=65536)
def extract_mentions(text: str) -> tuple[Mention, ...]:
    """Every quantity ``text`` states, in reading order (cached per text)."""
    located = _non_overlapping(list(_located(text)))
    masked = _masked(text, [item[4] for item in located])
    found = _non_overlapping(located + list(_from_quantulum(text, masked)))
    mentions = [
        Mention(kind=kind, value=value, upper=upper, unit=unit, span=span, surface=text[span[0]:span[1]],
                is_range=_is_range(kind, value, upper, text[span[0]:span[1]]))
        for kind, value, upper, unit, span in found
    ]
    mentions = _join_adjacent(mentions, text)
    return tuple(replace(m, attribute=_attribute(m.kind, text, m.span)) for m in mentions)
