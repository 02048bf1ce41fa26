"""How shops, CVs and event pages write numbers: one function per kind of quantity.

Each function takes the seeded generator and a value and returns ``(text, unit,
canonical)``: the words as printed, the unit the words use, and the value those exact
words denote in the canonical unit (USD, USD per year, GB, kg, inches, hours, cm, km,
litres). The text is authoritative: a weight printed as "3.1 lbs" has the canonical
value 3.1 × 0.45359237 kg, not the kilogram figure it was drawn from.
"""

from __future__ import annotations

import random
from datetime import date

from num2words import num2words

from .semantics import day, month_period, quarter_period, year_period

__all__ = [
    "KG_PER_LB", "CM_PER_INCH", "KM_PER_MILE",
    "grouped", "words", "money", "salary", "storage", "weight", "screen", "battery",
    "clock", "rating5", "rating10", "date_text", "age", "height", "distance", "count", "unit_forms",
]

KG_PER_LB = 0.45359237  # international avoirdupois pound (1959 agreement)
KG_PER_OZ = KG_PER_LB / 16
CM_PER_INCH = 2.54
KM_PER_MILE = 1.609344

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
ORDINAL_QUARTERS = ["first", "second", "third", "fourth"]


def grouped(value: float, decimals: int = 0) -> str:
    """``1299`` -> "1,299"; ``849.99`` -> "849.99"; trailing ".0" never printed."""
    if decimals == 0 or float(value).is_integer():
        return f"{int(round(value)):,}"
    return f"{value:,.{decimals}f}"


def words(value: int) -> str:
    return num2words(value)


def _short(value: float) -> str:
    """1.0 -> "1", 2.5 -> "2.5", 1.25 -> "1.25"."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text


def money(rng: random.Random, usd: float, *, slang: bool = True) -> tuple[str, str, float]:
    whole = float(usd).is_integer()
    amount = grouped(usd, 2)
    forms = [f"${amount}", f"${amount}", f"{amount} USD", f"USD {amount}", f"US${amount}"]
    if whole:
        forms += [f"{amount} dollars"]
        if slang:
            forms += [f"{amount} bucks"]
        if usd < 1000:
            forms += [f"${amount}.00"]
    if usd >= 1000 and usd % 100 == 0:
        k = _short(usd / 1000)
        forms += [f"{k}k USD", f"${k}k", f"${k}k"]
        if slang:
            forms += [f"{k}k bucks"]
    if slang and usd >= 2000 and usd % 1000 == 0:
        forms += [f"{int(usd // 1000)} grand"] * 2
    return rng.choice(forms), "USD", float(usd)


def salary(rng: random.Random, amount: float, period: str) -> tuple[str, str, float]:
    """``period`` is "year" or "month"; the canonical value is USD per year."""
    text, _, _ = money(rng, amount, slang=period == "year")
    if period == "month":
        tail = rng.choice([" a month", " per month", "/month", " monthly", " a month"])
        return text + tail, "month", 12.0 * amount
    tail = rng.choice([" a year", " per annum", " p.a.", "/yr", " annually", " per year", " a year"])
    return text + tail, "year", float(amount)


def storage(rng: random.Random, gigabytes: int) -> tuple[str, str, float]:
    if gigabytes >= 1000:
        tb = gigabytes // 1000
        return rng.choice([f"{tb} TB", f"{tb}TB", f"{tb} terabyte" + ("s" if tb > 1 else ""), f"{tb} TB"]), "TB", float(gigabytes)
    return rng.choice([f"{gigabytes} GB", f"{gigabytes}GB", f"{gigabytes} gigs", f"{gigabytes} gigabytes", f"{gigabytes} GB"]), "GB", float(gigabytes)


def weight(rng: random.Random, kilograms: float, units: tuple[str, ...]) -> tuple[str, str, float]:
    unit = rng.choice(units)
    if unit == "kg":
        value = round(kilograms, 2 if kilograms < 3 else 1)
        return rng.choice([f"{_short(value)} kg", f"{_short(value)}kg", f"{_short(value)} kilograms", f"{_short(value)} kilos"]), "kg", value
    if unit == "g":
        value = int(round(kilograms * 1000))
        return rng.choice([f"{value:,} g", f"{value}g", f"{value:,} grams"]), "g", value / 1000
    if unit == "oz":
        value = round(kilograms / KG_PER_OZ, 1)
        return rng.choice([f"{_short(value)} oz", f"{_short(value)} ounces"]), "oz", value * KG_PER_OZ
    value = round(kilograms / KG_PER_LB, 1)
    return rng.choice([f"{_short(value)} lbs", f"{_short(value)} lb", f"{_short(value)} pounds", f"{_short(value)} pounds"]), "lb", value * KG_PER_LB


def screen(rng: random.Random, inches: float, attributive: bool = False) -> tuple[str, str, float]:
    size = _short(inches)
    if attributive:  # "a 15.6-inch display"
        return rng.choice([f'{size}"', f"{size}-inch", f"{size}-inch", f"{size}″"]), "in", inches
    return rng.choice([f'{size}"', f"{size} in", f"{size} inches", f"{size} inches", f'{size}"']), "in", inches


def unit_forms(predicative: list[str], attributive: list[str], unit: str):
    """A renderer from format strings: "{} bar" / "{}-bar" for "15 bar" / "a 15-bar pump"."""

    def render(rng: random.Random, value: float, attributive_form: bool = False) -> tuple[str, str, float]:
        forms = attributive if attributive_form else predicative
        return rng.choice(forms).format(f"{value:g}", f"{value * 1000:,.0f}"), unit, float(value)

    return render


def battery(rng: random.Random, hours: int) -> tuple[str, str, float]:
    if hours % 24 == 0 and hours >= 48 and rng.random() < 0.7:
        days = hours // 24
        if days == 7 and rng.random() < 0.5:
            return "a week", "day", float(hours)
        if days == 14 and rng.random() < 0.5:
            return "two weeks", "day", float(hours)
        return rng.choice([f"{days} days", f"{words(days)} days"]), "day", float(hours)
    return rng.choice([f"{hours} hours", f"{hours} h", f"{hours} hrs", f"{hours} hours"]), "hour", float(hours)


def clock(rng: random.Random, gigahertz: float) -> tuple[str, str, float]:
    value = _short(gigahertz)
    forms = [f"{value} GHz", f"{value}GHz", f"{value} GHz"]
    if rng.random() < 0.15:
        return f"{int(round(gigahertz * 1000)):,} MHz", "MHz", gigahertz
    return rng.choice(forms), "GHz", gigahertz


def rating5(rng: random.Random, stars: float) -> tuple[str, str, float]:
    value = f"{stars:.1f}"
    forms = [f"{value}/5", f"★ {value}", f"{value} stars", f"{value} out of 5", f"{value} out of 5 stars",
             f"{value}/5 stars", f"{value} ★"]
    return rng.choice(forms), "stars", stars


def rating10(rng: random.Random, score: float) -> tuple[str, str, float]:
    value = f"{score:.1f}"
    return rng.choice([f"{value}/10", f"{value} out of 10", f"{value}", f"{value} / 10"]), "score10", score


def date_text(rng: random.Random, year: int, month: int, dom: int, precision: str) -> tuple[str, str, tuple[int, int]]:
    """A date at ``precision`` (day, month, quarter, year) and the period it denotes."""
    if precision == "day":
        forms = [f"{year}/{month:02d}/{dom:02d}", f"{MONTHS[month - 1]} {dom}, {year}", f"{dom} {MONTHS[month - 1]} {year}",
                 f"{year}-{month:02d}-{dom:02d}", f"{dom} {MONTHS[month - 1][:3]} {year}"]
        if dom > 12:  # day.month.year only where it cannot be read month-first
            forms += [f"{dom:02d}.{month:02d}.{year}", f"{dom}.{month}.{year}", f"{dom:02d}.{month:02d}.{year}"]
        point = day(year, month, dom)
        return rng.choice(forms), "day", (point, point)
    if precision == "month":
        forms = [f"{MONTHS[month - 1]} {year}", f"{MONTHS[month - 1]} {year}", f"{MONTHS[month - 1][:3]} {year}", f"{month:02d}/{year}"]
        return rng.choice(forms), "month", month_period(year, month)
    if precision == "quarter":
        quarter = (month - 1) // 3 + 1
        forms = [f"Q{quarter} {year}", f"Q{quarter} {year}", f"Q{quarter}/{year}", f"the {ORDINAL_QUARTERS[quarter - 1]} quarter of {year}"]
        return rng.choice(forms), "quarter", quarter_period(year, quarter)
    return str(year), "year", year_period(year)


def age(rng: random.Random, years: int) -> tuple[str, str, float]:
    forms = [f"{years} y/o", f"{years} yrs old", f"{years} years old", f"aged {years}", f"{years}-year-old", f"age {years}",
             f"{words(years)}"]
    return rng.choice(forms), "years", float(years)


def height(rng: random.Random, centimetres: int) -> tuple[str, str, float]:
    style = rng.choice(["cm", "cm", "m", "ft"])
    if style == "cm":
        return rng.choice([f"{centimetres} cm", f"{centimetres}cm"]), "cm", float(centimetres)
    if style == "m":
        return f"{centimetres / 100:.2f} m", "cm", float(centimetres)
    total = round(centimetres / CM_PER_INCH)
    feet, inches = divmod(total, 12)
    if inches == 0:
        text = rng.choice([f"{feet}'0\"", f"{feet} ft", f"{feet} feet"])
    else:
        text = rng.choice([f"{feet}'{inches}\"", f"{feet} ft {inches} in", f"{feet} ft {inches}", f"{feet} feet {inches}"])
    return text, "ft", total * CM_PER_INCH


def distance(rng: random.Random, kilometres: float, *, miles_share: float = 0.35) -> tuple[str, str, float]:
    if rng.random() < miles_share:
        miles = round(kilometres / KM_PER_MILE) if kilometres > 30 else round(kilometres / KM_PER_MILE, 1)
        return rng.choice([f"{_short(miles)} miles", f"{_short(miles)} mi", f"{_short(miles)} miles"]), "mi", miles * KM_PER_MILE
    return rng.choice([f"{_short(kilometres)} km", f"{_short(kilometres)} km", f"{_short(kilometres)} kilometres", f"{_short(kilometres)}km"]), "km", kilometres


def count(rng: random.Random, value: int) -> str:
    """A head count: "12,400", "12.4k" where exact, "12400" now and then."""
    forms = [f"{value:,}", f"{value:,}", f"{value}"]
    if value >= 2000 and value % 100 == 0:
        forms.append(f"{_short(value / 1000)}k")
    return rng.choice(forms)


def today() -> date:  # the date the corpus is written "as of" (documented in the package docstring)
    return date(2025, 6, 30)
