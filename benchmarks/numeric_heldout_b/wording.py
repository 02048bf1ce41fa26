"""Surface forms: how documents and queries write a number, an amount, a time or a date.

Every form here writes the value *exactly* (a "k" form only for a multiple of 100, a
"million" form only for a multiple of 10,000, words only for whole numbers); hedged
forms ("about", "roughly", "~") are marked approximate by the caller. Nothing here
decides relevance.
"""

from __future__ import annotations

import calendar
import datetime as dt
import random

from num2words import num2words

__all__ = [
    "amount_forms",
    "capital",
    "clock_forms",
    "count_words",
    "day_forms",
    "duration_forms",
    "grouped",
    "month_name",
    "pick",
    "plain",
    "year_forms",
]

CURRENCY_WORDS = {"USD": ("$", "dollars"), "GBP": ("£", "pounds")}


def plain(value: float) -> str:
    """``12.0`` -> ``12``, ``1.25`` -> ``1.25``."""
    return f"{value:.2f}".rstrip("0").rstrip(".") if value != int(value) else str(int(value))


def grouped(value: int, separator: str = ",") -> str:
    return f"{value:,}".replace(",", separator)


def capital(words: str) -> str:
    """Upper-case the first letter only (``str.capitalize`` would lower "BR", "MLS")."""
    return words[:1].upper() + words[1:]


def count_words(value: int) -> str:
    return num2words(value)


def month_name(month: int, *, short: bool = False) -> str:
    return calendar.month_abbr[month] if short else calendar.month_name[month]


def amount_forms(amount: int, currency: str = "USD", *, words: bool = True) -> list[str]:
    """Exact ways to write a whole ``amount`` of ``currency``."""
    symbol, word = CURRENCY_WORDS[currency]
    forms = [f"{symbol}{grouped(amount)}", f"{grouped(amount)} {currency}", f"{currency} {grouped(amount, ' ')}"]
    if currency == "GBP":
        forms += [f"£{amount}", f"{grouped(amount)} GBP"]
    else:
        forms += [f"US{symbol}{grouped(amount)}", f"{symbol}{grouped(amount)}.00"]
    if amount >= 1000 and amount % 100 == 0 and amount < 1_000_000:
        thousands = plain(amount / 1000)
        forms += [f"{symbol}{thousands}k", f"{symbol}{thousands}K", f"{thousands}k {word}"]
        if amount % 1000 == 0:
            forms.append(f"{amount // 1000} grand")
    if amount >= 1_000_000 and amount % 10_000 == 0:
        millions = plain(amount / 1_000_000)
        forms += [f"{symbol}{millions}M", f"{symbol}{millions} million", f"{millions} million {word}"]
    if words and amount % 1000 == 0 and amount < 100_000:
        forms.append(f"{num2words(amount // 1000)} thousand {word}")
    return forms


def year_forms(number: int) -> list[str]:
    """A calendar year: ``1987`` or ``'87``."""
    return [str(number), f"'{number % 100:02d}"]


def duration_forms(minutes: int) -> list[str]:
    """Exact ways to write a duration of whole ``minutes``."""
    hours, rest = divmod(minutes, 60)
    forms = [f"{minutes} minutes", f"{minutes} min"]
    if hours:
        hour_word = "hour" if hours == 1 else "hours"
        if rest:
            forms += [f"{hours}h {rest:02d}m", f"{hours} hr {rest} min", f"{hours} {hour_word} {rest} minutes",
                      f"{hours}h{rest:02d}"]
            if rest == 30:
                forms.append("an hour and a half" if hours == 1 else f"{num2words(hours)} and a half hours")
        else:
            forms += [f"{hours} {hour_word}", f"{hours}h", "an hour" if hours == 1 else f"{num2words(hours)} hours"]
    elif minutes == 30:
        forms.append("half an hour")
    elif minutes == 15:
        forms.append("a quarter of an hour")
    return forms


def clock_forms(minutes_after_midnight: int) -> list[str]:
    """Ways to write a time of day (24-hour and 12-hour clocks)."""
    hour, minute = divmod(minutes_after_midnight, 60)
    twelve = hour % 12 or 12
    suffix = "am" if hour < 12 else "pm"
    dotted = "a.m." if hour < 12 else "p.m."
    return [f"{hour:02d}:{minute:02d}", f"{twelve}:{minute:02d} {suffix}", f"{twelve}.{minute:02d}{suffix}",
            f"{twelve}:{minute:02d} {dotted}", f"{hour:02d}{minute:02d}h"]


def day_forms(day: dt.date) -> list[str]:
    """Unambiguous ways to write one calendar day (no 03/04-style numeric dates)."""
    name = month_name(day.month)
    return [day.isoformat(), f"{day.day} {name} {day.year}", f"{name} {day.day}, {day.year}",
            f"{day.day} {month_name(day.month, short=True)} {day.year}", f"{day.strftime('%a')} {day.day} {name} {day.year}"]


def pick(rng: random.Random, forms: list[str]) -> str:
    return rng.choice(forms)
