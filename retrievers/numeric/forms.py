"""Surface forms read before the general quantity parser: how shops, CVs and event pages
write numbers that quantulum3 misreads or misses.

Each rule is one documented regular expression; the values are read by the maintained
libraries where one fits (price-parser for amounts and currencies, pint for units,
packaging for versions, the calendar for periods). A span found here is masked before
quantulum3 reads the rest, so it is read once. Rules, in order:

========================== ============================================== ===============================
form                        examples                                       reads as
========================== ============================================== ===============================
standard versions           Bluetooth 5.3, USB 3.2, Wi-Fi 6E, IP67          version, attribute ``standard``
model names                 Lum 4 Max, X200, Pixel 8 Pro                    ``model`` (a name, no quantity)
times of day                7:30 pm, 6 am                                   (a time of day, no quantity)
month/year                  06/2014, 3/2024                                 date (the month)
quarters                    Q3 2024, the third quarter of 2024              date period (3 months)
numeric dates               12.03.2021 (d.m.y), 2021/03/12 (y/m/d)          date (a day)
day ranges                  20-23 May 2026, November 25-27, 2026            date period (those days)
race kilometres             runners cover 5K, a 10K run (in a text about     length in metres
                            races or running)
birth markers               (b. 1966), b. 1966                              date, attribute ``birth date``
money                       $1,299, 1.3k USD, 41 grand, 15 bucks,           money (currency, per year when
                            $15,600 a month, $80k p.a., USD 50,000          a period is stated: x12 a month)
data sizes                  16 GB, 16 gigs, 1 TB, 512GB                     bytes (decimal: 1 GB = 1e9 B)
ratings                     4.5/5, ★ 4.7, 4.7 stars, 3.2 out of 5 stars,    rating as a share of the scale
                            user score 8.1, rated 4.6                       ("score" above 5: out of 10)
versions                    fw 14.6.5, firmware 13.8, Orbix 14.15, v2.1     version (PEP 440)
ages                        27 y/o, 24 yrs old, aged 30, 58-year-old        age in years
feet and inches             5'11", 5′11″, 6 ft 1 in                          length in metres
inch sizes                  15.6", 27-inch, 65 in.                           length in metres
frequencies                 4.5 GHz, 800 MHz                                hertz
k-counts                    12k attendees, a crowd of 12k                   the number (x1000)
========================== ============================================== ===============================
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Any, Iterator

from packaging.version import InvalidVersion, Version

__all__ = ["Found", "surface_forms", "MONEY_PERIODS", "CURRENCY_WORDS"]


@dataclass(frozen=True, slots=True)
class Found:
    """One quantity read from a surface form: ``kind``, canonical ``value`` (and
    ``upper``), ``unit``, character ``span`` and, when the form itself says, the
    ``attribute`` ("standard", "birth date", "rating")."""

    kind: str
    value: Any
    upper: Any
    unit: str
    span: tuple[int, int]
    attribute: str = ""


_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"


def _spelled_numbers() -> dict[str, int]:
    """"one" ... "ninety-nine" (and "ninety nine"), written by num2words."""
    from num2words import num2words

    table = {}
    for number in range(1, 100):
        words = num2words(number)
        table[words] = number
        table[words.replace("-", " ")] = number
    return table


SPELLED = _spelled_numbers()
_SPELLED = "|".join(sorted((re.escape(w) for w in SPELLED), key=len, reverse=True))
_SCALE = {"k": 1e3, "thousand": 1e3, "grand": 1e3, "m": 1e6, "mn": 1e6, "million": 1e6, "mil": 1e6, "bn": 1e9, "b": 1e9, "billion": 1e9}
CURRENCY_WORDS = {
    "$": "USD", "us$": "USD", "usd": "USD", "dollar": "USD", "dollars": "USD", "bucks": "USD", "buck": "USD", "grand": "USD",
    "€": "EUR", "eur": "EUR", "euro": "EUR", "euros": "EUR", "£": "GBP", "gbp": "GBP", "quid": "GBP", "sterling": "GBP",
    "¥": "JPY", "jpy": "JPY", "yen": "JPY",
}
# a money amount per period becomes a yearly amount (salaries are compared per year)
MONEY_PERIODS = {"month": 12, "mo": 12, "monthly": 12, "week": 52, "wk": 52, "weekly": 52, "year": 1, "yr": 1, "annum": 1,
                 "annually": 1, "yearly": 1, "pa": 1, "p.a.": 1, "p.a": 1}

_STANDARD = re.compile(
    r"\b(?:Bluetooth|BT|USB(?:[- ]?C)?|Wi-?Fi|WiFi|HDMI|PCIe|PCI-?e|Thunderbolt|DisplayPort|DP|LTE|DDR|LPDDR|NFC|Qi|IPX?|"
    r"Gen|H\.|AV|Dolby Atmos|HDR|ANSI)(?:\s?:)?\s?(?P<v>\d+(?:\.\d+)*)[A-Za-z]?\b"
)
_MODEL = re.compile(
    r"\b[A-Z][a-z]{1,12}\s(?P<n>\d{1,4})\s(?:Pro|Max|Plus|Mini|Ultra|Lite|SE|Air|Neo|Edge|Prime|Go|Sport|[A-Z][a-z]+|[A-Z]{1,4})\b"
    r"|\b[A-Z]{1,4}-?\d{1,5}[A-Za-z]{0,3}\b(?!\s?(?:GB|TB|MB|GHz|MHz|Hz|mAh|Wh|W|mm|cm|m|kg|g)\b)"
)
_QUARTER = re.compile(r"\bQ(?P<q>[1-4])\s?(?:of\s|[/-]\s?)?['’]?(?P<y>\d{4}|\d{2})\b|\b(?:the\s)?(?P<w>first|second|third|fourth|1st|2nd|3rd|4th)\squarter\s(?:of\s)?(?P<y2>\d{4})\b", re.IGNORECASE)
_QUARTER_WORDS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
_DOTTED_DATE = re.compile(r"(?<![\d.])(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4})(?!\d|\.\d)")
_YMD_DATE = re.compile(r"(?<![\d/])(?P<y>\d{4})/(?P<m>\d{1,2})/(?P<d>\d{1,2})(?![\d/])")
_BIRTH = re.compile(r"\(?\bb\.\s?(?P<y>\d{4})\)?")
_MONEY_PREFIX = re.compile(
    rf"(?P<cur>US\$|\$|€|£|¥|\b(?:USD|EUR|GBP|JPY)\b)\s?(?P<n>{_NUM})(?:\s?(?P<s>k|K|m|M|mn|bn|million|billion|thousand|mil)\b)?"
)
_MONEY_SUFFIX = re.compile(
    rf"(?<![\w$€£.,])(?P<n>{_NUM}|(?i:{_SPELLED}))\s?(?P<s>k|K|m|M|mn|bn|million|billion|thousand)?\s?"
    r"(?P<cur>USD|EUR|GBP|JPY|dollars?|bucks?|euros?|quid|grand|pounds sterling|yen)\b",
    re.IGNORECASE,
)
_PERIODIC = re.compile(
    rf"(?<![\w$€£.,])(?P<n>{_NUM})\s?(?P<s>k|K|thousand)?(?=\s?(?:(?:a|an|per|/)\s?(?:year|yr|month|mo|annum)\b|annually\b|monthly\b|p\.a\.))"
)
_PERIOD = re.compile(r"^\s*(?:(?:a|an|per|each|every|/)\s?(?P<p>month|mo|week|wk|year|yr|annum)\b|(?P<q>monthly|weekly|annually|yearly|p\.\s?a\.?|pa)\b)", re.IGNORECASE)
_DATA = re.compile(rf"(?<![\w.])(?P<n>{_NUM})\s?(?P<u>TB|GB|MB|KB|terabytes?|gigabytes?|megabytes?|gigs?|tera|megs?)\b", re.IGNORECASE)
_DATA_UNITS = {"tb": 1e12, "terabyte": 1e12, "terabytes": 1e12, "tera": 1e12, "gb": 1e9, "gigabyte": 1e9, "gigabytes": 1e9,
               "gig": 1e9, "gigs": 1e9, "mb": 1e6, "megabyte": 1e6, "megabytes": 1e6, "meg": 1e6, "megs": 1e6, "kb": 1e3}
_RATING_SLASH = re.compile(r"(?<![\w.])(?P<n>\d{1,3}(?:\.\d+)?)\s?/\s?(?P<of>5|10|100)\b(?!\s?(?:GB|TB|mm|cm|in))")
_RATING_OUT_OF = re.compile(r"(?<![\w.])(?P<n>\d{1,3}(?:\.\d+)?)\s(?:out\sof|of)\s(?P<of>5|10|100)(?:\s?stars?)?\b")
_RATING_STAR = re.compile(r"★\s?(?P<n>\d(?:\.\d+)?)|(?<![\w.])(?P<m>\d(?:\.\d+)?)\s?(?:★|[- ]stars?\b)")
_RATING_WORD = re.compile(
    r"\b(?P<w>(?:user|critic|customer|review|reviewer|average|avg\.?|overall)\s(?:score|rating)|score|rating|rated)"
    r"\s?(?:of\s|at\s|:\s?|\s)(?P<n>\d{1,3}(?:\.\d+)?)(?!\s?(?:/|out of|stars?|★|%|GB|TB|mm|cm|kg|lbs?|hours?|h\b))",
    re.IGNORECASE,
)
_VERSION_CUE = re.compile(r"\b(?P<w>fw|firmware|software|os|version|ver\.?|build|release|update|v)\s?:?\s?v?(?P<v>\d+(?:\.\d+){1,3}|\d+)\b", re.IGNORECASE)
_NAMED_VERSION = re.compile(
    r"\b(?P<name>[A-Z][A-Za-z]*(?:OS|os)?)\s(?P<v>\d+\.\d+(?:\.\d+){0,2})\b"
    r"(?!\s?(?:%|[\"”″']|(?!(?:or|and|to|is|was|with|but|on|in)\b)[A-Za-z]))"  # no unit after it ("At 9.3 kg" is no version)
)
_AGE = re.compile(
    r"(?<![\w.])(?P<n>\d{1,3})\s?(?:-\s?)?(?:y/?o\b|yo\b|yrs?\.?\s?old\b|years?\s?old\b|-?year-old\b|years of age\b)"
    r"|\baged\s(?P<m>\d{1,3})\b",
    re.IGNORECASE,
)
_FEET_INCHES = re.compile(r"(?<![\d.])(?P<f>[3-8])\s?(?:['’′]|ft\.?|feet|foot)\s?(?P<i>\d{1,2})(?:\s?(?:\"|”|″|''|in\b\.?|inches\b))?")
_INCHES = re.compile(r"(?<![\w.'’])(?P<n>\d{1,3}(?:\.\d+)?)\s?(?:\"|”|″|''|-?\s?inch(?:es)?\b|\sin\.|\sin(?=\s*(?:[|,;)•·]|$|\.\s|\s(?:screen|display|panel|monitor|tv|or|and)\b)))")
_FREQUENCY = re.compile(r"(?<![\w.])(?P<n>\d+(?:\.\d+)?)\s?(?P<u>GHz|MHz|kHz|Hz)\b", re.IGNORECASE)
_CLOCK_TIME = re.compile(r"\b\d{1,2}(?::\d{2})?\s?(?:am|pm|a\.m\.|p\.m\.)(?!\w)", re.IGNORECASE)
_MONTH_YEAR = re.compile(r"(?<![\d/.])(?P<m>0?[1-9]|1[0-2])/(?P<y>(?:19|20)\d{2})(?![\d/])")
_MONTH_NAMES = {name.lower(): number for number, name in enumerate(calendar.month_name) if name} | {
    name.lower(): number for number, name in enumerate(calendar.month_abbr) if name} | {"sept": 9}
_MONTH = "|".join(sorted(_MONTH_NAMES, key=len, reverse=True))
_DAY_RANGE = re.compile(
    rf"\b(?:from\s)?(?P<a>\d{{1,2}})(?:st|nd|rd|th)?\.?\s?(?:-|–|to|until)\s?(?P<b>\d{{1,2}})(?:st|nd|rd|th)?\.?\s(?P<m>{_MONTH})\.?,?\s(?P<y>\d{{4}})\b"
    rf"|\b(?P<m2>{_MONTH})\.?\s(?P<a2>\d{{1,2}})(?:st|nd|rd|th)?\s?(?:-|–|to|until)\s?(?P<b2>\d{{1,2}})(?:st|nd|rd|th)?,?\s(?P<y2>\d{{4}})\b"
    rf"|(?<![\d.])(?P<a3>\d{{1,2}})\.?\s?(?:-|–)\s?(?P<b3>\d{{1,2}})\.(?P<m3>\d{{1,2}})\.(?P<y3>\d{{4}})(?!\d)",
    re.IGNORECASE,
)
_RACE_K = re.compile(r"(?<![\w.$€£])(?P<n>\d{1,3}(?:\.\d)?)\s?K\b")
_RACE_WORDS = re.compile(r"\b(?:races?|run|runs|runners?|running|marathons?|trail|course|route|distance)\b", re.IGNORECASE)
_K_COUNT = re.compile(r"(?<![\w.$€£])(?P<n>\d+(?:\.\d+)?)\s?(?P<s>k|K)\b(?!\s?(?:USD|EUR|GBP|dollars?|bucks))")


def _number(raw: str) -> float:
    if raw.lower() in SPELLED:
        return float(SPELLED[raw.lower()])
    return float(raw.replace(",", ""))


def _scaled(raw: str, suffix: str | None) -> float:
    return _number(raw) * _SCALE.get((suffix or "").lower(), 1.0)


def _money_period(text: str, end: int) -> tuple[float, int]:
    """(yearly factor, end of the period words) for "a month", "p.a." ... after an amount."""
    match = _PERIOD.match(text[end:])
    if not match:
        return 1.0, end
    word = (match.group("p") or match.group("q") or "").lower().replace(" ", "").rstrip(".")
    word = "p.a." if word.startswith("p.a") else word
    return float(MONEY_PERIODS.get(word, 1)), end + match.end()


def _quarter(match: re.Match[str]) -> tuple[dt.date, dt.date]:
    if match.group("q"):
        quarter, year = int(match.group("q")), match.group("y")
        year = int(year) + (2000 if len(year) == 2 else 0)
    else:
        quarter, year = _QUARTER_WORDS[match.group("w").lower()], int(match.group("y2"))
    first_month = 3 * (quarter - 1) + 1
    last_month = first_month + 2
    return dt.date(year, first_month, 1), dt.date(year, last_month, calendar.monthrange(year, last_month)[1])


def _day_range(match: re.Match[str]) -> tuple[dt.date, dt.date] | None:
    groups = match.groupdict()
    for a, b, m, y in (("a", "b", "m", "y"), ("a2", "b2", "m2", "y2"), ("a3", "b3", "m3", "y3")):
        if groups[a] is None:
            continue
        month = int(groups[m]) if groups[m].isdigit() else _MONTH_NAMES.get(groups[m].lower().rstrip("."))
        if month is None:
            return None
        first, last = _day(int(groups[y]), month, int(groups[a])), _day(int(groups[y]), month, int(groups[b]))
        return (first, last) if first and last and first <= last else None
    return None


def _day(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _version(raw: str) -> Version | None:
    try:
        return Version(raw)
    except InvalidVersion:
        return None


def _free(taken: list[tuple[int, int]], span: tuple[int, int]) -> bool:
    return all(span[1] <= start or span[0] >= end for start, end in taken)


def surface_forms(text: str) -> Iterator[Found]:
    """Every quantity the rules above read in ``text``, not overlapping, in rule order."""
    taken: list[tuple[int, int]] = []

    def emit(found: Found) -> Iterator[Found]:
        if _free(taken, found.span):
            taken.append(found.span)
            yield found

    for match in _STANDARD.finditer(text):
        yield from emit(Found("version", _version(match.group("v")), None, "", match.span(), attribute="standard"))
    for match in _QUARTER.finditer(text):
        start, end = _quarter(match)
        yield from emit(Found("date", start, end, "", match.span()))
    for match in _DAY_RANGE.finditer(text):  # "20-23 May 2026", "November 25-27, 2026", "20.-21.10.2022"
        found = _day_range(match)
        if found is not None:
            yield from emit(Found("date", found[0], found[1], "", match.span()))
    for pattern in (_DOTTED_DATE, _YMD_DATE):
        for match in pattern.finditer(text):
            day = _day(int(match.group("y")), int(match.group("m")), int(match.group("d")))
            if day is not None:
                yield from emit(Found("date", day, day, "", match.span()))
    for match in _CLOCK_TIME.finditer(text):  # "7:30 pm": a time of day, not a quantity ("30 am" is no attometre)
        yield from emit(Found("model", match.group(0), None, "", match.span(), attribute="time of day"))
    for match in _MONTH_YEAR.finditer(text):
        year, month = int(match.group("y")), int(match.group("m"))
        last = calendar.monthrange(year, month)[1]
        yield from emit(Found("date", dt.date(year, month, 1), dt.date(year, month, last), "", match.span()))
    for match in _BIRTH.finditer(text):
        year = int(match.group("y"))
        yield from emit(Found("date", dt.date(year, 1, 1), dt.date(year, 12, 31), "", match.span(), attribute="birth date"))
    for match in _MODEL.finditer(text):
        yield from emit(Found("model", match.group(0), None, "", match.span(), attribute="model"))
    yield from _money(text, emit)
    yield from _periodic_amounts(text, emit)
    for match in _DATA.finditer(text):
        factor = _DATA_UNITS[match.group("u").lower()]
        yield from emit(Found("data", _number(match.group("n")) * factor, None, "B", match.span()))
    yield from _ratings(text, emit)
    for match in _VERSION_CUE.finditer(text):
        version = _version(match.group("v"))
        word = match.group("w").lower()
        if version is not None and (word != "v" or "." in match.group("v")):
            attribute = "firmware version" if word in ("fw", "firmware", "software", "os") else ""
            yield from emit(Found("version", version, None, "", match.span(), attribute=attribute))
    for match in _NAMED_VERSION.finditer(text):
        version = _version(match.group("v"))
        if version is not None:
            yield from emit(Found("version", version, None, "", match.span()))
    for match in _AGE.finditer(text):
        years = int(match.group("n") or match.group("m"))
        yield from emit(Found("age", float(years), None, "year", match.span(), attribute="age"))
    for match in _FEET_INCHES.finditer(text):  # 5'11", 5′11″, 6 ft 1 in: one height
        feet, inches = int(match.group("f")), int(match.group("i"))
        if inches < 12:
            yield from emit(Found("length", (feet * 12 + inches) * 0.0254, None, "m", match.span()))
    for match in _INCHES.finditer(text):
        yield from emit(Found("length", _number(match.group("n")) * 0.0254, None, "m", match.span()))
    for match in _FREQUENCY.finditer(text):
        factor = {"ghz": 1e9, "mhz": 1e6, "khz": 1e3, "hz": 1.0}[match.group("u").lower()]
        yield from emit(Found("frequency", _number(match.group("n")) * factor, None, "Hz", match.span()))
    if _RACE_WORDS.search(text):  # "runners cover 5K", "races shorter than 10K": kilometres, not thousands
        for match in _RACE_K.finditer(text):
            yield from emit(Found("length", _number(match.group("n")) * 1000.0, None, "m", match.span()))
    for match in _K_COUNT.finditer(text):
        yield from emit(Found("number", _number(match.group("n")) * 1e3, None, "", match.span()))


def _periodic_amounts(text: str, emit) -> Iterator[Found]:
    """"80k per year", "120,000 annually": an amount per period, currency unstated."""
    for match in _PERIODIC.finditer(text):
        amount = _scaled(match.group("n"), match.group("s"))
        factor, end = _money_period(text, match.end())
        yield from emit(Found("money", amount * factor, None, "/year", (match.start(), end)))


def _money(text: str, emit) -> Iterator[Found]:
    matches = [(m, m.group("cur")) for m in _MONEY_PREFIX.finditer(text)] + [(m, m.group("cur")) for m in _MONEY_SUFFIX.finditer(text)]
    for match, currency_word in sorted(matches, key=lambda item: item[0].start()):
        currency = CURRENCY_WORDS.get(currency_word.lower().strip(), currency_word.upper().strip())
        if currency_word.lower() == "pounds sterling":
            currency = "GBP"
        amount = _scaled(match.group("n"), match.group("s"))
        if currency_word.lower() == "grand":
            amount = _number(match.group("n")) * 1e3
        factor, end = _money_period(text, match.end())
        unit = f"{currency}/year" if end != match.end() else currency
        yield from emit(Found("money", amount * factor, None, unit, (match.start(), end)))


def _ratings(text: str, emit) -> Iterator[Found]:
    for match in _RATING_SLASH.finditer(text):
        value, scale = _number(match.group("n")), float(match.group("of"))
        if value <= scale:
            yield from emit(Found("rating", value / scale, None, f"of {scale:g}", match.span(), attribute="rating"))
    for match in _RATING_OUT_OF.finditer(text):
        value, scale = _number(match.group("n")), float(match.group("of"))
        if value <= scale:
            yield from emit(Found("rating", value / scale, None, f"of {scale:g}", match.span(), attribute="rating"))
    for match in _RATING_STAR.finditer(text):
        value = _number(match.group("n") or match.group("m"))
        if value <= 5:
            yield from emit(Found("rating", value / 5.0, None, "of 5", match.span(), attribute="rating"))
    for match in _RATING_WORD.finditer(text):
        value = _number(match.group("n"))
        scale = 5.0 if value <= 5 else 10.0 if value <= 10 else 100.0
        yield from emit(Found("rating", value / scale, None, f"of {scale:g}", match.span(), attribute="rating"))
