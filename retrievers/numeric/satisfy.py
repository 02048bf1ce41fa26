"""Does a document satisfy a query's constraints? True, False, or None (it says nothing).

A constraint looks at the document's mentions of the same kind and attribute
(:meth:`Constraint.applies_to`). When the query named no attribute ("at least 180 cm")
and the document states several different attributes of that kind (a height and a
running distance), the one whose magnitude is closest to the constraint's value (in
log scale) is the one judged, so a 10 km run does not pass for a 1.8 m height.
"""

from __future__ import annotations

import math
from typing import Iterable, Sequence

from .constraints import Constraint
from .extract import Mention, extract_mentions

__all__ = ["relevant_mentions", "judge", "document_satisfies"]


def _magnitude(value: object) -> float | None:
    try:
        number = abs(float(value))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return math.log10(number) if number > 0 else None


def relevant_mentions(constraint: Constraint, mentions: Iterable[Mention]) -> list[Mention]:
    """The document mentions ``constraint`` should be judged on (possibly none)."""
    candidates = [m for m in mentions if constraint.applies_to(m)]
    named = [m for m in candidates if m.attribute == constraint.attribute]
    if not constraint.generic and named:
        return named  # the document names the asked attribute: ignore its unnamed quantities
    attributes = {m.attribute for m in candidates if not m.generic}
    if not constraint.generic or len(attributes) <= 1:
        return candidates
    target = _magnitude(constraint.values[0])
    if target is None:
        return candidates
    closest = min(candidates, key=lambda m: abs((_magnitude(m.value) or 0.0) - target))
    return [m for m in candidates if m.attribute == closest.attribute]


def judge(constraint: Constraint, mentions: Sequence[Mention]) -> tuple[bool | None, float]:
    """(satisfied or None, smallest distance) of one constraint over a document's facts:
    True if some applicable fact satisfies it, False if every one misses it, None if
    none applies or a stated period straddles the threshold."""
    candidates = relevant_mentions(constraint, mentions)
    if not candidates:
        return None, math.inf
    checks = [constraint.check(m) for m in candidates]
    if any(ok is True for ok, _ in checks):
        return True, 0.0
    if all(ok is False for ok, _ in checks):
        return False, min(distance for _, distance in checks)
    return None, math.inf


def document_satisfies(text: str, constraints: Sequence[Constraint]) -> bool | None:
    """Whether ``text`` satisfies every constraint.

    False as soon as one stated value violates its constraint; True when every
    constraint is met; None when the text states nothing about some constrained
    attribute (and violates none), or when ``constraints`` is empty.
    """
    if not constraints:
        return None
    mentions = extract_mentions(text)
    verdicts = [judge(constraint, mentions)[0] for constraint in constraints]
    if any(verdict is False for verdict in verdicts):
        return False
    if all(verdict is True for verdict in verdicts):
        return True
    return None
