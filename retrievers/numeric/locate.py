"""Spans located by position before quantulum3 reads a text: dates, versions and
clock durations ("3:12:45", which quantulum3 would read as three numbers).

Dates are parsed by **dateparser** with their precision (day, month or year), so a
date is a period: "March 1990" is the whole month. Versions are **packaging**
versions (PEP 440 order: 9.11 > 9.9).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from functools import lru_cache
from typing import Any, Iterator

from packaging.version import InvalidVersion, Version

from . import lexicon
from .clauses import clause_of

__all__ = ["parse_date_period", "year_period", "parse_version", "located_spans"]


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
# "3h30m", "3h 30m 15s"; 5'8" (feet and inches); 1m60 (metres and centimetres)
_COMPACT_DURATION = re.compile(r"\b(\d{1,2})\s?h\s?(\d{1,2})\s?m(?:in)?(?:\s?(\d{1,2})\s?s)?\b", re.IGNORECASE)
_FEET_INCHES = re.compile(r"(?<![\d.])(\d)\s?['’′]\s?(\d{1,2})\s?(?:\"|”|″|'')?")
_METRE_CENTIMETRES = re.compile(r"\b([12])m(\d{2})\b")
_HOUR_WORDS = re.compile(r"^\s*(?:h|hrs?|hours?)\b", re.IGNORECASE)


def _clock_seconds(match: re.Match[str], text: str) -> float:
    a, b, c = match.group(1), match.group(2), match.group(3)
    if c is not None:
        return int(a) * 3600 + int(b) * 60 + int(c)
    after = text[match.end():]
    clause = clause_of(text, match.start(), match.end())
    hours_first = _HOUR_WORDS.match(after) or "marathon" in clause.lower() or "hour" in clause.lower()
    return (int(a) * 3600 + int(b) * 60) if hours_first else (int(a) * 60 + int(b))



def located_spans(text: str) -> Iterator[tuple[str, Any, Any, str, tuple[int, int]]]:
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
    for match in _COMPACT_DURATION.finditer(text):
        hours, minutes, seconds = (int(part or 0) for part in match.groups())
        yield "duration", float(hours * 3600 + minutes * 60 + seconds), None, "s", match.span()
    for match in _FEET_INCHES.finditer(text):
        yield "length", (int(match.group(1)) * 12 + int(match.group(2))) * 0.0254, None, "m", match.span()
    for match in _METRE_CENTIMETRES.finditer(text):
        yield "length", int(match.group(1)) + int(match.group(2)) / 100, None, "m", match.span()

