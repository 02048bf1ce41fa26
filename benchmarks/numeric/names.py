"""Made-up names for the numeric benchmark: people, brands, models, places and acts.

Words are built from syllables (no list of real names is used), e.g. "Dalira Venmos".
A word that a reader could take for a month, a weekday, a number word, or a unit or
currency next to a number ("May", "Min", "Kilo", "Grand") is never used, so a name never
changes what a document states. The stop list is this module's own (:data:`STOP_WORDS`):
the benchmark must not depend on the parser it measures.

Model names may carry digits on purpose ("Lum 4 Max", "X200"): numbers that are names, not
quantities.
"""

from __future__ import annotations

import calendar
import random

__all__ = ["STOP_WORDS", "NameSource"]

_ONSETS = ("b", "br", "d", "dr", "f", "g", "gr", "h", "j", "k", "kr", "l", "m", "n", "p", "r", "s", "sh", "t", "th",
           "v", "z")
_VOWELS = ("a", "e", "i", "o", "u", "ai", "ei", "ou")
_CODAS = ("", "", "", "n", "r", "l", "s", "th", "m")

_NUMBER_WORDS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fifteen twenty "
                 "thirty forty fifty sixty seventy eighty ninety hundred thousand million billion dozen half "
                 "quarter first second third fourth fifth")
_UNIT_WORDS = ("am pm hour hours min mins minute minutes sec secs day days week weeks month year years yr yrs "
               "gram grams kilo kilos kilogram pound pounds lb lbs oz ounce ton tonne stone "
               "inch inches foot feet yard mile miles metre meter metres meters km cm mm "
               "litre liter litres liters ml gal gallon pint quart cup bar watt watts volt volts amp amps "
               "hertz ghz mhz byte bytes gig gigs tera giga mega kilobyte gigabyte terabyte "
               "dollar dollars buck bucks grand usd eur euro euros cent cents penny pence rand yen yuan peso "
               "real lira mark franc krone rupee dinar dirham shekel won ruble baht dong kip lek leu lev "
               "star stars point points percent score k m g h s mi ft in hr kg mb gb tb "
               "max min mini plus pro lite ultra air neo one go edge note")


def _stop_words() -> frozenset[str]:
    months = [m.lower() for m in calendar.month_name[1:]] + [m.lower() for m in calendar.month_abbr[1:]]
    days = [d.lower() for d in calendar.day_name] + [d.lower() for d in calendar.day_abbr]
    return frozenset(months + days + _NUMBER_WORDS.split() + _UNIT_WORDS.split())


#: Words (lower case) a generated name never is, nor starts with when they are month names.
STOP_WORDS = _stop_words()
_MONTH_PREFIXES = frozenset(m.lower() for m in calendar.month_abbr[1:])


def _is_safe(word: str) -> bool:
    lower = word.lower()
    return lower not in STOP_WORDS and lower[:3] not in _MONTH_PREFIXES


class NameSource:
    """Distinct made-up words and names, deterministic for ``seed``."""

    def __init__(self, seed: int | str) -> None:
        self._rng = random.Random(f"numeric-names-{seed}")
        self._used: set[str] = set()

    def word(self, syllables: tuple[int, ...] = (2, 2, 3), *, max_len: int = 10) -> str:
        """A capitalised word of a few syllables, never returned twice."""
        rng = self._rng
        while True:
            parts = rng.choice(syllables)
            word = "".join(rng.choice(_ONSETS) + rng.choice(_VOWELS) + rng.choice(_CODAS) for _ in range(parts))
            word = word.capitalize()
            if 4 <= len(word) <= max_len and _is_safe(word) and word not in self._used:
                self._used.add(word)
                return word

    def person(self) -> str:
        """"Given Family"; given names are not reused, so a given name alone names one person."""
        return f"{self.word((2, 2, 3))} {self.word((2, 3))}"

    def model(self) -> str:
        """A product model: "Lum 4 Max", "X200", "Aero 7", "Kesh S9 Pro" ..."""
        rng = self._rng
        suffix = rng.choice(("", "", "", " Max", " Pro", " Lite", " Plus", " Mini", " Ultra", " Air"))
        shape = rng.randrange(4)
        if shape == 0:
            line = f"{self.word((1, 2), max_len=6)} {rng.randrange(2, 10)}"
        elif shape == 1:
            line = f"{rng.choice('XSZRVQ')}{rng.choice((10, 20, 50, 100, 200, 300, 500, 700, 900))}"
        elif shape == 2:
            line = f"{self.word((1, 2), max_len=6)} {rng.choice('XSZRVQ')}{rng.randrange(2, 10)}"
        else:
            line = self.word((2,), max_len=8)
        return line + suffix
