"""Dates as periods of days: a year, a decade, a quarter, a month or one day.

A stated date covers every day of its period ("March 2026" is 1-31 March 2026), so a
fact is an interval of day ordinals (``datetime.date.toordinal``) and a query bound is
the first or last day of the period the query names:

========================= =================================================
query                     constraint on the fact's days
========================= =================================================
after P                   every day > P's last day
P or later, since P       every day >= P's first day
before P                  every day < P's first day
P or earlier, by end of P every day <= P's last day
in P, between P and Q     every day within [P's first day, Q's last day]
========================= =================================================

Vague periods ("the mid-2010s") are written with the years of :data:`DECADE_PARTS`;
a query whose bound falls inside such a period is never generated (it would straddle).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .wording import day_forms, month_name, year_forms

__all__ = ["DECADE_PARTS", "Period", "day", "decade", "month", "part_of_decade", "quarter", "year", "years"]


@dataclass(frozen=True)
class Period:
    first: dt.date
    last: dt.date
    forms: tuple[str, ...]  # ways to name it in running text
    grain: str

    @classmethod
    def of_years(cls, first: int, last: int) -> "Period":
        return cls(dt.date(first, 1, 1), dt.date(last, 12, 31), (), "years")

    @property
    def first_day(self) -> int:
        return self.first.toordinal()

    @property
    def last_day(self) -> int:
        return self.last.toordinal()


def year(number: int, *, short: bool = True) -> Period:
    """One calendar year; ``short`` allows the ``'87`` form."""
    forms = tuple(year_forms(number)) if short else (str(number),)
    return Period(dt.date(number, 1, 1), dt.date(number, 12, 31), forms, "year")


def years(first: int, last: int, forms: tuple[str, ...], grain: str) -> Period:
    return Period(dt.date(first, 1, 1), dt.date(last, 12, 31), forms, grain)


def decade(start: int) -> Period:
    return years(start, start + 9, (f"the {start}s", f"the '{start % 100:02d}s"), "decade")


# Parts of a decade, as years of it (a convention: "the mid-2010s" is 2013-2016).
DECADE_PARTS = {"early": (0, 3), "mid": (3, 6), "late": (7, 9)}


def part_of_decade(start: int, part: str) -> Period:
    """"the early 2000s", "the mid-'90s", "the late 1980s"."""
    first, last = DECADE_PARTS[part]
    forms = (f"the {part} {start}s", f"the {part}-{start}s", f"the {part}-'{start % 100:02d}s")
    return years(start + first, start + last, forms, f"{part} decade")


def quarter(number: int, which: int) -> Period:
    first = dt.date(number, 3 * which - 2, 1)
    last = month(number, 3 * which).last
    return Period(first, last, (f"Q{which} {number}", f"the {_ORDINALS[which]} quarter of {number}"), "quarter")


def month(number: int, which: int) -> Period:
    following = dt.date(number + (which == 12), which % 12 + 1, 1)
    last = following - dt.timedelta(days=1)
    forms = (f"{month_name(which)} {number}", f"{month_name(which, short=True)} {number}", f"{number}-{which:02d}")
    return Period(dt.date(number, which, 1), last, forms, "month")


def day(date: dt.date) -> Period:
    return Period(date, date, tuple(day_forms(date)), "day")


_ORDINALS = {1: "first", 2: "second", 3: "third", 4: "fourth"}
