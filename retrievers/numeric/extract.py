"""Find the quantities, dates and versions a text states, in canonical units.

Each hit is a :class:`Mention`: its *kind* (money, length, mass, duration, age,
date, version, count:<noun>, number, or a pint dimensionality for anything else),
its value in canonical units, and the *attribute* its clause names (height,
salary, birth date ... see :mod:`.lexicon`).

The reading is done by maintained libraries (:mod:`.locate`: dateparser and
packaging; :mod:`.quantities`: quantulum3, pint and price-parser). What is ours is
only the glue: dates, versions and clock durations are located first and masked so
quantulum3 does not misread them, and adjacent parts are joined ("3 hours 12
minutes", "6 ft 1 in").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from . import lexicon
from .clauses import attribute_of
from .locate import located_spans, parse_date_period, parse_version, year_period
from .quantities import quantities, unit_registry

__all__ = ["Mention", "extract_mentions", "parse_date_period", "parse_version", "unit_registry", "year_period"]




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



def _masked(text: str, spans: list[tuple[int, int]]) -> str:
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)



def _non_overlapping(items: list[tuple]) -> list[tuple]:
    kept: list[tuple] = []
    for item in sorted(items, key=lambda it: (it[4][0], -(it[4][1] - it[4][0]))):
        if kept and item[4][0] < kept[-1][4][1]:
            continue
        kept.append(item)
    return kept



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
    located = _non_overlapping(list(located_spans(text)))
    masked = _masked(text, [item[4] for item in located])
    found = _non_overlapping(located + list(quantities(text, masked)))
    mentions = [
        Mention(kind=kind, value=value, upper=upper, unit=unit, span=span, surface=text[span[0]:span[1]],
                is_range=_is_range(kind, value, upper, text[span[0]:span[1]]))
        for kind, value, upper, unit, span in found
    ]
    mentions = _join_adjacent(mentions, text)
    return tuple(replace(m, attribute=attribute_of(m.kind, text, m.span)) for m in mentions)

