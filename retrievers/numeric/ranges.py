"""Explicit ranges in a query: "between A and B", "from A to B", "in the range A-B".

quantulum3 reads many ranges itself (mean +- half width), but not all: it merges
"USD 92,500 and ninety-four thousand dollars" into one sum and drops the "$" of
"$44,000 and $44,500". So each "between/from" is also read here: the connector
between the two ends is replaced by a bar of the same length (positions stay valid,
the clause keeps its cue words, and quantulum3 cannot join across it), the text is
read again, and the quantities starting
right after "between" and right after the connector are the two ends. Of the
possible connectors ("3 hours and 17 minutes and 3 hours and 20 minutes" has three
"and"), the first whose ends have the same kind and a low end not above the high
end is taken.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .constraints import Constraint
from .extract import Mention, extract_mentions
from .kinds import adopt_kind, resolve_kind

__all__ = ["ExplicitRange", "explicit_ranges"]

_OPENERS = re.compile(r"\b(?:between|from|in the range(?: of)?|ranging from)\s+", re.IGNORECASE)
# a dash joins two ends only next to digits ("40-60", "$40k – $60k"), not inside "fifty-four"
_CONNECTORS = re.compile(r"\s+(?:and|to|through|thru|until)\s+|(?<=[\w%])\s*[–—-]\s*(?=[$€£¥]?\d)", re.IGNORECASE)
_END_OF_CLAUSE = re.compile(r"[?;!]|\.(?=\s|$)")


@dataclass(frozen=True)
class ExplicitRange:
    constraint: Constraint
    span: tuple[int, int]


def _starting_at(mentions: tuple[Mention, ...], position: int, slack: int = 4) -> Mention | None:
    for mention in mentions:
        if position <= mention.span[0] <= position + slack:
            return mention
    return None


def _ordered(low: Mention, high: Mention) -> bool:
    try:
        return low.value <= high.value
    except TypeError:
        return False


def _ends(text: str, opener_end: int, problems: list[str]) -> tuple[Mention, Mention, int] | None:
    stop = _END_OF_CLAUSE.search(text, opener_end)
    limit = stop.start() if stop else len(text)
    for connector in _CONNECTORS.finditer(text, opener_end, limit):
        if connector.start() == opener_end:
            continue
        width = connector.end() - connector.start()
        blanked = text[:connector.start()] + " |".ljust(width) + text[connector.end():]
        mentions = extract_mentions(blanked)
        low, high = _starting_at(mentions, opener_end), _starting_at(mentions, connector.end())
        if low is None or high is None or low.span[1] > connector.start() + 1:
            continue
        if low.kind == "number" and high.kind == "number":
            resolved = resolve_kind(blanked, low, None, [])
            low = resolved
            high = adopt_kind(high, resolved) if resolved is not None else None
        elif low.kind == "number":
            low = adopt_kind(low, high)
        elif high.kind == "number":
            high = adopt_kind(high, low)
        if low is None or high is None or low.kind != high.kind or not _ordered(low, high):
            continue
        return low, high, high.span[1]
    return None


def _values(mention: Mention) -> object:
    if mention.kind == "date":
        return (mention.value, mention.upper if mention.upper is not None else mention.value)
    return mention.value


# "40-60k dollars", "160–170 cm": a dash range with no opening word
_DASH_RANGE = re.compile(r"(?<![\w.,$€£¥])[$€£¥]?\d[\d,]*(?:\.\d+)?\s*[a-zA-Z]{0,3}\s*[–—-]\s*[$€£¥]?\d")


def _starts(text: str) -> list[tuple[int, int]]:
    """(where the phrase starts, where its low end starts) for every candidate range."""
    starts = [(opener.start(), opener.end()) for opener in _OPENERS.finditer(text)]
    covered = [start for _, start in starts]
    starts += [(m.start(), m.start()) for m in _DASH_RANGE.finditer(text) if m.start() not in covered]
    return sorted(starts)


def explicit_ranges(text: str, problems: list[str]) -> list[ExplicitRange]:
    """Every "between A and B" (or "A-B") in ``text`` that reads as a range of one kind."""
    found: list[ExplicitRange] = []
    for phrase_start, low_start in _starts(text):
        if any(start <= low_start < end for start, end in (r.span for r in found)):
            continue
        ends = _ends(text, low_start, problems)
        if ends is None:
            continue
        low, high, end = ends
        attribute = high.attribute if low.generic else low.attribute
        constraint = Constraint(attribute=attribute, operator="between", values=(_values(low), _values(high)),
                                kind=low.kind, unit=high.unit or low.unit, text=text[low.span[0]:end])
        found.append(ExplicitRange(constraint=constraint, span=(phrase_start, end)))
    return found
