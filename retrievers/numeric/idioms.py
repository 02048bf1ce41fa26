"""Idioms that state a numeric condition without a plain comparison: one documented table.

Before a query is parsed, each idiom is rewritten into the plain comparison it means,
and the constraint read from it keeps the idiom's own words as its ``text``:

=============================== ==================================== ======================
idiom                           rewritten as                         semantics
=============================== ==================================== ======================
under a grand                   under $1,000                         < 1000 (strict)
six figures (five, seven)       between $100,000 and $999,999        inclusive range
in their 80s / eighties         aged between 80 and 89               inclusive range
in their early / mid / late 30s aged between 30-33 / 34-36 / 37-39   inclusive range
teenagers, twenty-somethings    aged between 13 and 19 / 20 and 29   inclusive range
born in the '40s / 1940s        born between 1940 and 1949           whole decade ('00s, '10s: 2000s)
under-25s / over-50s            aged under 25 / aged over 50         strict
sub-$400                        under $400                           < 400 (strict)
I'm after laptops ...           I want laptops ...                   (not a comparison)
north of / south of             over / under                         strict
won't set me back more than     at most                              <= (inclusive)
more than a week, under an hour more than 1 week, under 1 hour         as written
no more than / no less than     at most / at least                   inclusive
50+ hours                       50 hours or more                     >= (inclusive)
longer than a (half) marathon   longer than 42.195 km (21.0975 km)   as written
the second half of 2023         between July 2023 and December 2023  the months inclusive
since 2021                      (read by the parser)                 >= 1 Jan 2021
=============================== ==================================== ======================
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Rewrite", "rewrite_idioms", "IDIOMS"]

_FIGURES = {"four": (1_000, 9_999), "five": (10_000, 99_999), "six": (100_000, 999_999), "seven": (1_000_000, 9_999_999)}
_DECADE_WORDS = {"twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60, "seventies": 70,
                 "eighties": 80, "nineties": 90}
_PART = {"early": (0, 3), "mid": (4, 6), "late": (7, 9)}


def _figures(match: re.Match[str]) -> str:
    low, high = _FIGURES[match.group("n").lower()]
    return f"between ${low:,} and ${high:,}"


def _their_decade(match: re.Match[str]) -> str:
    decade = int(match.group("d")) if match.group("d") else _DECADE_WORDS[match.group("w").lower()]
    low, high = _PART.get((match.group("part") or "").lower().rstrip("-"), (0, 9))
    return f"aged between {decade + low} and {decade + high}"


def _born_decade(match: re.Match[str]) -> str:
    digits = match.group("d")
    # '00s and '10s are this century's; '20s ... '90s the last one's
    decade = int(digits) if len(digits) == 4 else (2000 if int(digits) < 20 else 1900) + int(digits)
    return f"{match.group('verb')} between {decade} and {decade + 9}"


IDIOMS: tuple[tuple[re.Pattern[str], object], ...] = (
    (re.compile(r"\b(?:under|below|less than|within)\s+a\s+grand\b", re.I), "under $1,000"),
    (re.compile(r"\b(?:over|above|more than)\s+a\s+grand\b", re.I), "over $1,000"),
    (re.compile(r"\b(?:a|one)\s+grand\b", re.I), "$1,000"),
    (re.compile(r"\b(?:an?\s+)?(?P<n>four|five|six|seven)[- ]figures?(?:\s+(?:salar(?:y|ies)|incomes?|sums?|pay))?\b", re.I), _figures),
    (re.compile(r"\b(?P<w>than|over|under|above|below|within|least|most)\s+an?\s+(?P<u>(?:week|day|month|year|hour|minute|decade|fortnight)s?)\b", re.I),
     lambda m: f"{m.group('w')} 1 {m.group('u')}"),
    (re.compile(r"\bin\s+(?:their|his|her)\s+(?:(?P<part>early|mid|late)[- ]?)?(?:(?P<d>[1-9]0)['’]?s|(?P<w>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))\b", re.I), _their_decade),
    (re.compile(r"\bteenagers?\b|\bteens\b", re.I), "aged between 13 and 19"),
    (re.compile(r"\btwenty-?somethings?\b", re.I), "aged between 20 and 29"),
    (re.compile(r"\bthirty-?somethings?\b", re.I), "aged between 30 and 39"),
    (re.compile(r"\b(?P<verb>born|released|founded|launched)\s+in\s+the\s+['’](?P<d>\d0)s\b", re.I), _born_decade),
    (re.compile(r"\bunder-(?P<n>\d{1,3})s\b", re.I), lambda m: f"aged under {m.group('n')}"),
    (re.compile(r"\bover-(?P<n>\d{1,3})s\b", re.I), lambda m: f"aged over {m.group('n')}"),
    (re.compile(r"\bsub-\s?(?=[$€£\d])", re.I), "under "),
    (re.compile(r"(?P<n>\d[\d,.]*)\s?\+\s?(?P<u>[A-Za-z]+)", re.I), lambda m: f"{m.group('n')} {m.group('u')} or more"),
    (re.compile(r"\b(?:i['’]m|i\s+am|we['’]re|we\s+are)\s+after\b", re.I), "I want"),
    (re.compile(r"\b(?P<w>than|least|most|over|under)\s+(?:an?\s+)?(?:full\s+)?marathon(?:\s+distance)?\b", re.I),
     lambda m: f"{m.group('w')} 42.195 km"),
    (re.compile(r"\b(?P<w>than|least|most|over|under)\s+(?:an?\s+)?half[- ]marathon(?:\s+distance)?\b", re.I),
     lambda m: f"{m.group('w')} 21.0975 km"),
    (re.compile(r"\b(?:the\s+)?(?P<h>first|second)\s+half\s+of\s+(?P<y>\d{4})\b", re.I),
     lambda m: f"between {'January' if m.group('h').lower() == 'first' else 'July'} {m.group('y')} and "
               f"{'June' if m.group('h').lower() == 'first' else 'December'} {m.group('y')}"),
    (re.compile(r"\bnorth\s+of\b", re.I), "over"),
    (re.compile(r"\bsouth\s+of\b", re.I), "under"),
    (re.compile(r"\b(?:won['’]t|will\s+not|wouldn['’]t|would\s+not|doesn['’]t|does\s+not|don['’]t|do\s+not|shouldn['’]t|can['’]t)\s+"
                r"(?:set\s+(?:me|you|us|them)\s+back|cost(?:\s+(?:me|you|us|them))?|run\s+(?:me|you|us|them))\s+(?:more\s+than|over|above|beyond)\b", re.I),
     "at most"),
)


@dataclass(frozen=True, slots=True)
class Rewrite:
    """The rewritten text, and for each replaced stretch of it the original words."""

    text: str
    originals: tuple[tuple[int, int, str], ...]  # (start, end) in ``text`` -> original words

    def original(self, start: int, end: int) -> str | None:
        """The idiom a span of the rewritten text came from, if any."""
        for first, last, words in self.originals:
            if start < last and end > first:
                return words
        return None


def rewrite_idioms(text: str) -> Rewrite:
    """``text`` with every idiom of :data:`IDIOMS` replaced (see the module table)."""
    originals: list[tuple[int, int, str]] = []
    for pattern, replacement in IDIOMS:
        result, position, moved = [], 0, []
        for match in pattern.finditer(text):
            new = replacement(match) if callable(replacement) else replacement
            result.append(text[position : match.start()])
            start = sum(len(part) for part in result)
            result.append(new)
            moved.append((match.start(), match.end(), start, start + len(new), match.group(0)))
            position = match.end()
        if not moved:
            continue
        result.append(text[position:])
        shifted = []
        for first, last, words in originals:  # earlier rewrites move with the text around them
            offset = sum((n_end - n_start) - (o_end - o_start) for o_start, o_end, n_start, n_end, _ in moved if o_end <= first)
            shifted.append((first + offset, last + offset, words))
        originals = shifted + [(n_start, n_end, words) for _, _, n_start, n_end, words in moved]
        text = "".join(result)
    return Rewrite(text=text, originals=tuple(sorted(originals)))
