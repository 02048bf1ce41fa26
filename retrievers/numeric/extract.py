"""Find the quantities, dates and versions a text states, in canonical units.

Each hit is a :class:`Mention`: its *kind* (money, length, mass, duration, age,
date, version, count:<noun>, number, or a pint dimensionality for anything else),
its value in canonical units, and the *attribute* its clause names (height,
salary, birth date ... see :mod:`.lexicon`).

The reading is done by maintained libraries (:mod:`.locate`: dateparser and
packaging; :mod:`.quantities`: quantulum3, pint and price-parser). What is ours is
the glue: the surface forms of :mod:`.forms` (money, data sizes, ratings, quarters,
ages, model names ...), dates, versions and clock durations are located first and
masked so quantulum3 does not misread them, adjacent parts are joined ("3 hours 12
minutes", "6 ft 1 in"), and each quantity is bound to the attribute its words name
(:mod:`.attributes`), given what the text is about (a product, a person, an event).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from . import lexicon
from .attributes import assign_attribute, entity_of
from .forms import surface_forms
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
    """``text`` with ``spans`` blanked, and list separators (· • |) as spaces, which
    quantulum3 would otherwise read as part of a quantity."""
    chars = [" " if ch in "·•|" else ch for ch in text]
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
def extract_mentions(text: str, entity: str | None = None) -> tuple[Mention, ...]:
    """Every quantity ``text`` states, in reading order (cached per text). ``entity``
    (product, person, event) is what the text is about; read from it when None.
    Model names are located (so their digits are not read) but not returned."""
    forms = list(surface_forms(text))
    hints = {f.span: f.attribute for f in forms}
    located = _non_overlapping([(f.kind, f.value, f.upper, f.unit, f.span) for f in forms])
    located = _non_overlapping(located + [item for item in located_spans(text) if _outside(item[4], located)])
    masked = _masked(text, [item[4] for item in located])
    found = _non_overlapping(located + list(quantities(text, masked)))
    mentions = [
        Mention(kind=kind, value=value, upper=upper, unit=unit, span=span, surface=text[span[0]:span[1]],
                is_range=_is_range(kind, value, upper, text[span[0]:span[1]]))
        for kind, value, upper, unit, span in found
        if kind != "model"
    ]
    mentions = _join_adjacent(mentions, text)
    about = entity or entity_of(text)
    mentions = [_refine_kind(m, text, about) for m in mentions]
    return tuple(
        replace(m, attribute=assign_attribute(m.kind, text, m.span, entity=about, hint=hints.get(m.span, ""))) for m in mentions
    )


_STATED_AGE = re.compile(r"\b(?:is|was|turned|turns|turning|now|aged|age)\s*$", re.IGNORECASE)
_PEOPLE = frozenset("person persons people attendee visitor guest spectator participant fan runner delegate viewer member".split())


def _refine_kind(mention: Mention, text: str, entity: str) -> Mention:
    """Kinds only the words around a number settle: "she is fifty-eight" (a person's
    age), "a crowd of 12k" (people), "5,400 attendees" (people, as "5,400 people")."""
    if mention.kind.startswith("count:") and mention.kind.split(":", 1)[1] in _PEOPLE:
        return replace(mention, kind="count:person", unit="person")
    if mention.kind == "count:age":  # "under 25 age group"
        return replace(mention, kind="age", unit="year")
    if mention.kind != "number" or mention.upper is not None:
        return mention
    before = text[max(0, mention.span[0] - 20) : mention.span[0]]
    after = text[mention.span[1] : mention.span[1] + 12]
    ends_statement = re.match(r"\s*(?:[,.;!?)]|and\b|but\b|with\b|now\b|this\b|today\b|$)", after) is not None
    if entity == "person" and _STATED_AGE.search(before) and 0 < mention.value < 125 and ends_statement:
        return replace(mention, kind="age", unit="year")
    from .attributes import attribute_from_words, words

    # people counted: a people noun after the number ("590 people attended"), or an
    # attendance word before it ("a crowd of 12k"); "people" before a number is the subject
    before = [w for w in words(text[max(0, mention.span[0] - 40) : mention.span[0]]) if w not in _PEOPLE]
    found = attribute_from_words("count:person", before, words(text[mention.span[1] : mention.span[1] + 30]))
    if found is not None and found[1] <= 3:
        return replace(mention, kind="count:person", unit="person")
    return mention


def _outside(span: tuple[int, int], located: list[tuple]) -> bool:
    return all(span[1] <= item[4][0] or span[0] >= item[4][1] for item in located)

