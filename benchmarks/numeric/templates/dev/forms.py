"""Surface forms of values in the ``dev`` template set: how shops, CVs and event pages
write numbers ("$1,299", "1.3k USD", "41 grand", "16 gigs", "★ 4.7", "Q3 2024",
"12.03.2021", "(b. 1966)", "5'11\"", '15.6"', "27 y/o", "fifty-eight").

Every form keeps the value exactly: "k" and "grand" only for whole hundreds, a day.month.year
date only when the day is above 12 (so it cannot be read month first), a bare "user score"
only above 5 (so it cannot be read out of 5).
"""

from __future__ import annotations

import datetime as dt
import random
from fractions import Fraction

from num2words import num2words

from ...facts import Period, Quantity

__all__ = [
    "age_form", "count", "noun_count", "date_form", "decimal", "height_form", "money", "number_words", "ordinal", "per_period",
    "period_form", "quantity", "rating_form", "version_form",
]

_QUARTER_WORDS = ("first", "second", "third", "fourth")


def decimal(value: Fraction) -> str:
    """1.3, 15.6, 4, 1299.99 (no trailing zeros, no exponent)."""
    if value.denominator == 1:
        return str(value.numerator)
    text = f"{float(value):.6f}".rstrip("0").rstrip(".")
    return text


def number_words(value: int) -> str:
    """58 -> "fifty-eight" (num2words), without the commas it puts in long numbers."""
    return num2words(value).replace(",", "")


def noun_count(value: int, noun: str, rng: random.Random, *, words_up_to: int = 0) -> str:
    """"1 USB-C port", "3 colours", "two kids"."""
    return f"{count(value, rng, words_up_to=words_up_to)} {noun if value == 1 else noun + 's'}"


def count(value: int, rng: random.Random, *, words_up_to: int = 0) -> str:
    """1,204 / 1204 / 12.4k-free plain count; spelled out when small and allowed."""
    if value <= words_up_to and rng.random() < 0.4:
        return number_words(value)
    return f"{value:,}" if value >= 10_000 or rng.random() < 0.7 else str(value)


def money(amount: Fraction, rng: random.Random, *, slang: bool = True) -> str:
    """A dollar amount: "$1,299", "USD 1,299.99", "1.3k USD", "$41k", "41 grand", "15,600 bucks"
    ("k" only for whole hundreds, "grand" only for whole thousands)."""
    whole = amount.denominator == 1
    text = f"{int(amount):,}" if whole else f"{float(amount):,.2f}"
    forms = [f"${text}", f"${text}", f"USD {text}", f"{text} USD", f"{text} dollars"]
    if whole and amount >= 1000 and amount % 100 == 0:
        thousands = decimal(amount / 1000)
        forms += [f"{thousands}k USD", f"${thousands}k"]
        if slang and amount % 1000 == 0:
            forms.append(f"{thousands} grand")
    if whole and slang:
        forms.append(f"{text} bucks")
    return rng.choice(forms)


def per_period(unit: str, rng: random.Random) -> str:
    """" a year" / " p.a." / " a month" ... for a salary's unit."""
    if unit == "USD/month":
        return rng.choice((" a month", " per month", "/month", "/mo", " monthly"))
    return rng.choice((" a year", " per year", " per annum", " p.a.", " annually", "/yr", " a year"))


_UNIT_FORMS: dict[str, tuple[str, ...]] = {
    "h": ("{v} hours", "{v} h", "{v}h", "{v} hrs"),
    "day": ("{v} days",),
    "week": ("{v} weeks",),
    "min": ("{v} minutes", "{v} min", "{v} mins"),
    "GB": ("{v} GB", "{v}GB", "{v} gigs", "{v} gigabytes"),
    "TB": ("{v} TB", "{v}TB", "{v} terabytes"),
    "MB": ("{v} MB",),
    "g": ("{v} g", "{v}g", "{v} grams"),
    "kg": ("{v} kg", "{v}kg", "{v} kilograms", "{v} kilos"),
    "lb": ("{v} lbs", "{v} lb", "{v} pounds"),
    "oz": ("{v} oz", "{v} ounces"),
    "in": ('{v}"', "{v} in", "{v} inches", "{v}″"),
    "cm": ("{v} cm", "{v} centimetres"),
    "m": ("{v} m", "{v} metres"),
    "km": ("{v} km", "{v} kilometres"),
    "mi": ("{v} miles", "{v} mi"),
    "GHz": ("{v} GHz", "{v}GHz"),
    "MHz": ("{v} MHz",),
    "L": ("{v} L", "{v} litres", "{v} liters"),
    "ml": ("{v} ml", "{v} mL"),
    "year": ("{v} years",),
}
_SINGULAR = {"hours": "hour", "days": "day", "weeks": "week", "minutes": "minute", "mins": "min", "grams": "gram",
             "kilograms": "kilogram", "kilos": "kilo", "pounds": "pound", "ounces": "ounce", "inches": "inch",
             "centimetres": "centimetre", "metres": "metre", "kilometres": "kilometre", "miles": "mile",
             "litres": "litre", "years": "year", "terabytes": "terabyte", "gigabytes": "gigabyte", "hrs": "hr",
             "lbs": "lb"}


def quantity(q: Quantity, rng: random.Random, *, words: bool = False, adjective: bool = False) -> str:
    """``q`` in one of its unit's forms: "40 hours", "16 gigs", '15.6"', "2.9 lbs".

    ``words``: small whole numbers may be spelled out ("three days"); ``adjective``: the
    hyphenated form before a noun ("15.6-inch", "3-day")."""
    value = decimal(q.value)
    spelled = words and q.value.denominator == 1 and q.value <= 12 and rng.random() < 0.5
    if spelled:
        value = number_words(int(q.value))
    if adjective:
        word = {"in": "inch", "h": "hour", "day": "day", "min": "minute", "cm": "cm", "km": "km", "mi": "mile",
                "L": "litre", "year": "year", "week": "week"}.get(q.unit)
        if word:
            return f"{value}-{word}"
    forms = _UNIT_FORMS[q.unit]
    text = (forms[0] if spelled else rng.choice(forms)).format(v=value)  # "eleven hours", not "eleven hrs"
    if q.value == 1:
        head, _, last = text.rpartition(" ")
        text = f"{head} {_SINGULAR.get(last, last)}" if head else text
    return text


def rating_form(q: Quantity, rng: random.Random) -> str:
    """"4.5/5", "★ 4.7", "3.2 out of 5 stars", "user score 8.1", "8.1/10"."""
    v = decimal(q.value)
    if q.unit == "/5":
        return rng.choice((f"{v}/5", f"★ {v}", f"{v} ★", f"{v} out of 5 stars", f"{v} stars out of 5", f"{v} of 5 stars"))
    forms = [f"{v}/10", f"{v} out of 10", f"{v} (out of 10)"]
    if q.value > 5:
        forms += [f"user score {v}", f"user score {v}"]
    return rng.choice(forms)


def version_form(text: str, rng: random.Random, *, os_name: str | None = None) -> str:
    """"fw 14.6.5", "firmware 13.8", "firmware version 2.1", "<OS> 14.15"."""
    if os_name:
        return rng.choice((f"{os_name} {text}", f"{os_name} {text}", f"{os_name} version {text}", f"{os_name} v{text}"))
    return rng.choice((f"fw {text}", f"firmware {text}", f"firmware version {text}", f"firmware v{text}",
                       f"FW {text}"))


def ordinal(value: int) -> str:
    """12 -> "12th"."""
    return num2words(value, to="ordinal_num")


def date_form(day: dt.date, rng: random.Random) -> str:
    """One day: "12 March 2021", "March 12, 2021", "2021-03-12", "2021/03/12", "14.03.2021"."""
    forms = [f"{day.day} {day:%B} {day.year}", f"{day:%B} {day.day}, {day.year}", day.isoformat(),
             f"{day.year}/{day.month:02d}/{day.day:02d}", f"the {ordinal(day.day)} of {day:%B} {day.year}",
             f"{day.day} {day:%b} {day.year}", f"{day:%b} {day.day}, {day.year}"]
    if day.day > 12:
        forms += [f"{day.day:02d}.{day.month:02d}.{day.year}"] * 2
    return rng.choice(forms)


def _day_range(period: Period, rng: random.Random) -> str:
    start, end = period.start, period.end
    if (start.year, start.month) == (end.year, end.month):
        return rng.choice((f"{start.day}-{end.day} {start:%B} {start.year}", f"{start:%B} {start.day}-{end.day}, {start.year}",
                           f"{start.day}–{end.day} {start:%b} {start.year}",
                           f"from {start.day} to {end.day} {start:%B} {start.year}"))
    if start.year == end.year:
        return rng.choice((f"{start.day} {start:%B} - {end.day} {end:%B} {start.year}",
                           f"{start:%b} {start.day} - {end:%b} {end.day}, {start.year}"))
    return f"{start.day} {start:%b} {start.year} - {end.day} {end:%b} {end.year}"


def period_form(period: Period, rng: random.Random) -> str:
    """A stated period at its precision: a day, days, "March 2021", "Q3 2024", "2021", "the '40s"."""
    start = period.start
    granularity = period.granularity
    if granularity == "day":
        return date_form(start, rng)
    if granularity == "days":
        return _day_range(period, rng)
    if granularity == "month":
        return rng.choice((f"{start:%B} {start.year}", f"{start:%B} {start.year}", f"{start:%b} {start.year}",
                           f"{start:%b}. {start.year}" if start.month != 5 else f"May {start.year}"))
    if granularity == "quarter":
        q = (start.month - 1) // 3 + 1
        return rng.choice((f"Q{q} {start.year}", f"Q{q} {start.year}", f"Q{q}/{start.year}",
                           f"the {_QUARTER_WORDS[q - 1]} quarter of {start.year}"))
    if granularity == "half":
        return f"the {'first' if start.month == 1 else 'second'} half of {start.year}"
    if granularity == "decade":
        return rng.choice((f"the {start.year}s", f"the '{start.year % 100:02d}s"))
    return str(start.year)


def age_form(years: int, rng: random.Random) -> str:
    """The predicate of "<name> is ...": "27 y/o", "24 yrs old", "fifty-eight", "41 years old"."""
    return rng.choice((f"{years} y/o", f"{years} yrs old", number_words(years), f"{years} years old", f"{years}",
                       f"{number_words(years)} years old", f"{years} years of age"))


def height_form(q: Quantity, rng: random.Random) -> str:
    """A height: "5'11\"", "5 ft 11 in", "6 feet", "1.80 m", "180 cm"."""
    if q.unit == "in":
        feet, inches = divmod(int(q.value), 12)
        if inches == 0:
            return rng.choice((f"{feet} ft", f"{feet} feet", f"{number_words(feet)} feet", f"{feet}'0\""))
        return rng.choice((f"{feet}'{inches}\"", f"{feet} ft {inches} in", f"{feet} feet {inches} inches",
                           f"{feet} ft {inches}", f"{feet}′{inches}″"))
    if q.unit == "m":
        return rng.choice((f"{float(q.value):.2f} m", f"{float(q.value):.2f} metres"))
    return rng.choice((f"{q.value} cm", f"{q.value}cm", f"{q.value} centimetres"))
