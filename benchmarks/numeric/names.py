"""People names for the numeric benchmark, built from syllables (no name list is used).

A name is a given name of two or three syllables and a family name of two or three
syllables, e.g. "Dalira Venmos". Names are drawn without repetition for a seed.
Syllable pieces that could be read as a number, a month or a unit next to a
quantity ("may", "min", "mol") are avoided, so a name never changes what a
document states: every candidate token is checked against the month names and
pint's unit registry.
"""

from __future__ import annotations

import calendar
import random
from functools import lru_cache

__all__ = ["person_names"]

_ONSETS = ("b", "br", "d", "dr", "f", "g", "gr", "h", "j", "k", "kr", "l", "m", "n", "p", "r", "s", "sh", "t", "th", "v", "z")
_VOWELS = ("a", "e", "i", "o", "u", "ai", "ei", "ou")
_CODAS = ("", "", "", "n", "r", "l", "s", "th", "m")


def _syllable(rng: random.Random) -> str:
    return rng.choice(_ONSETS) + rng.choice(_VOWELS) + rng.choice(_CODAS)


@lru_cache(maxsize=4096)
def _is_safe(word: str) -> bool:
    """False if ``word`` names a month or a unit that a parser could attach to a number."""
    lower = word.lower()
    months = {m.lower() for m in list(calendar.month_name)[1:] + list(calendar.month_abbr)[1:]}
    if lower in months or lower[:3] in months:
        return False
    from limitbench.retrievers.numeric.quantities import unit_registry

    try:
        unit_registry().parse_units(lower)
    except Exception:  # pint raises several error types for unknown names
        return True
    return False


def _word(rng: random.Random, parts: int) -> str:
    while True:
        word = "".join(_syllable(rng) for _ in range(parts)).capitalize()
        if 4 <= len(word) <= 11 and _is_safe(word):
            return word


def person_names(count: int, *, seed: int) -> list[str]:
    """``count`` distinct "Given Family" names, deterministic for ``seed``."""
    rng = random.Random(f"numeric-names-{seed}")
    names: list[str] = []
    seen: set[str] = set()
    given_names: set[str] = set()
    while len(names) < count:
        given = _word(rng, rng.choice((2, 2, 3)))
        family = _word(rng, rng.choice((2, 3)))
        name = f"{given} {family}"
        # distinct full names, and distinct given names while there are enough of them,
        # so "Given" alone (used in later sentences) points to one person
        if name in seen or (given in given_names and len(given_names) < 20 * count):
            continue
        seen.add(name)
        given_names.add(given)
        names.append(name)
    return names
