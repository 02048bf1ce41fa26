"""Read the numeric constraints a query asks for.

The quantities come from :func:`~.extract.extract_mentions` (the same reader the
documents go through, so a query and a document agree on kinds and units). Each
quantity becomes a constraint when a comparison word stands before it ("older
than", "no more than", "between ... and", "before") or an inclusive phrase after it
("or more", "and up", "or older", "+"); see :mod:`.lexicon`. A unitless number takes
its kind from the comparison word ("older than 42" is an age, "newer than 9.9" a
version, "after 1995" a year) or from its clause's cue words ("earns more than
50000" is money). Several constraints in one query are a conjunction.

If a query compares nothing but states a specific quantity ("Who was born in
1990?", "Who is 42 years old?"), each such quantity is an equality constraint.

Problems (a unit no library knows, a number with no unit or cue to say what it
measures) are reported in :class:`ParseResult.problems` as one readable line each.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from limitbench.retrievers.errors import LimitbenchError

from . import lexicon
from .constraints import Constraint
from .extract import Mention, extract_mentions, parse_version

__all__ = ["ParseResult", "ConstraintParseError", "parse_report", "parse_constraints"]

_RANGE_JOIN = re.compile(r"^\s*(?:and|to|through|thru|until|till|-|–|—)\s*$", re.IGNORECASE)
_PHYSICAL = {"length", "mass", "duration", "temperature", "speed"}
_SECONDS_PER_YEAR = 365.25 * 86400  # pint's (Julian) year, which extract converts years with
_AGE_CUES = {"old", "older", "younger", "age", "aged", "ages", "elder"}


class ConstraintParseError(LimitbenchError, ValueError):
    """A query states a comparison the parser cannot turn into a constraint."""


@dataclass(frozen=True)
class ParseResult:
    constraints: list[Constraint] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


@dataclass
class _Reading:
    mention: Mention
    direction: str | None
    implies: str | None
    by_kind_of: lexicon.Comparative | None
    negated: bool
    postfix: str | None
    postfix_by_kind: dict


def _left_context(text: str, mention: Mention, previous_end: int) -> str:
    left = text[previous_end:mention.span[0]]
    # a comparison word belongs to this quantity only within its sentence part
    cut = max((m.end() for m in re.finditer(r"[;!?]|\.(?=\s|$)|,", left)), default=0)
    return left[cut:]


def _postfix(text: str, mention: Mention, next_start: int) -> tuple[str, dict] | None:
    after = text[mention.span[1]:next_start].lower()
    for pattern, direction, by_kind in lexicon.POSTFIX_INCLUSIVE:
        if re.match(rf"\s*(?:{pattern})", after):
            return direction, dict(by_kind)
    return None


def _readings(text: str, mentions: tuple[Mention, ...]) -> list[_Reading]:
    readings = []
    for index, mention in enumerate(mentions):
        previous_end = mentions[index - 1].span[1] if index else 0
        next_start = mentions[index + 1].span[0] if index + 1 < len(mentions) else len(text)
        found = lexicon.find_comparative(_left_context(text, mention, previous_end))
        post = _postfix(text, mention, next_start)
        comparative, negated = (found[0], found[1]) if found else (None, False)
        readings.append(
            _Reading(
                mention=mention,
                direction=comparative.direction if comparative else None,
                implies=comparative.implies if comparative else None,
                by_kind_of=comparative,
                negated=negated,
                postfix=post[0] if post else None,
                postfix_by_kind=post[1] if post else {},
            )
        )
    return readings


def _clause_words(text: str, mention: Mention) -> set[str]:
    window = text[max(0, mention.span[0] - 60):mention.span[1] + 30]
    return set(lexicon.tokens(window))


def _resolve_kind(text: str, reading: _Reading, problems: list[str]) -> Mention | None:
    """Give a unitless number the kind its comparison word or cue words imply."""
    mention = reading.mention
    words = _clause_words(text, mention)
    implied = reading.implies
    shown = f"{text[max(0, mention.span[0] - 20):mention.span[1]].strip()!r}"
    if mention.kind.startswith("count:") and implied in _PHYSICAL:
        problems.append(f"{shown}: unknown unit {mention.unit!r} for a {implied} (pint does not know it)")
        return None
    if mention.kind != "number":
        if implied == "age" and mention.kind == "duration" and mention.unit == "s" and "year" in mention.surface:
            return replace(mention, kind="age", value=mention.value / _SECONDS_PER_YEAR, unit="years", attribute="age")
        return mention
    value = mention.value
    looks_like_year = float(value).is_integer() and 1000 <= value <= 2200 and mention.upper is None
    if implied == "age" or (implied is None and words & _AGE_CUES):
        return replace(mention, kind="age", unit="years", attribute="age")
    if implied == "date" or (implied == "version"):
        if looks_like_year and not re.search(rf"\b{lexicon.VERSION_CUES}\b", text, re.IGNORECASE):
            from .extract import _year_period

            start, end = _year_period(int(value))
            return replace(mention, kind="date", value=start, upper=end, attribute=_date_attribute(words))
        version = parse_version(mention.surface.strip())
        if version is not None:
            return replace(mention, kind="version", value=version, upper=None, attribute="version")
    if implied == "money" or lexicon.cue_attribute("money", sorted(words)):
        attribute = lexicon.cue_attribute("money", sorted(words)) or "amount"
        return replace(mention, kind="money", unit="", attribute=attribute)
    if implied in _PHYSICAL:
        problems.append(f"{shown}: no unit given for a {implied}")
        return None
    problems.append(f"{shown}: cannot tell what {mention.surface.strip()!r} measures (no unit or cue word)")
    return None


def _date_attribute(words: set[str]) -> str:
    return lexicon.cue_attribute("date", sorted(words)) or "date"


def _direction(reading: _Reading, kind: str) -> str | None:
    direction = reading.by_kind_of.direction_for(kind) if reading.by_kind_of else None
    if direction is not None and reading.negated:
        direction = lexicon.negate(direction)
    if reading.postfix is not None:
        post = reading.postfix_by_kind.get(kind, reading.postfix)
        if direction in (None, "=="):
            return post
        return lexicon.strict_to_inclusive(direction)
    return direction


def _values(mention: Mention) -> tuple:
    if mention.kind == "date":
        return ((mention.value, mention.upper if mention.upper is not None else mention.value),)
    return (mention.value,)


def _range_constraint(first: Mention, second: Mention, text: str) -> Constraint | None:
    """ "between A and B" where A and B were read as two quantities."""
    if first.kind == "number" and second.kind != "number":
        first = replace(first, kind=second.kind, unit=second.unit, attribute=second.attribute)
    if first.kind != second.kind:
        return None
    low, high = _values(first)[0], _values(second)[0]
    surface = text[first.span[0]:second.span[1]]
    attribute = second.attribute if first.generic else first.attribute
    return Constraint(attribute=attribute, operator="between", values=(low, high), kind=first.kind, unit=second.unit, text=surface)


def _as_constraint(mention: Mention, direction: str, text: str) -> Constraint:
    if mention.is_range or direction == "between":
        if mention.kind == "date":
            start, end = mention.value, mention.upper if mention.upper is not None else mention.value
            values = ((start, start), (end, end)) if mention.is_range else ((start, end), (start, end))
        else:
            values = (mention.value, mention.upper if mention.upper is not None else mention.value)
        return Constraint(mention.attribute, "between", values, mention.kind, mention.unit, mention.surface)
    return Constraint(mention.attribute, direction, _values(mention), mention.kind, mention.unit, mention.surface)


def parse_report(text: str) -> ParseResult:
    """The constraints ``text`` asks for, and a line for each comparison it could not read."""
    mentions = extract_mentions(text)
    readings = _readings(text, mentions)
    constraints: list[Constraint] = []
    problems: list[str] = []
    skip_next = False
    for index, reading in enumerate(readings):
        if skip_next:
            skip_next = False
            continue
        has_comparison = reading.direction is not None or reading.postfix is not None or reading.mention.is_range
        if not has_comparison:
            continue
        if reading.direction == "between" and not reading.mention.is_range and index + 1 < len(readings):
            following = readings[index + 1]
            if _RANGE_JOIN.match(text[reading.mention.span[1]:following.mention.span[0]]):
                second = following.mention
                if second.kind == "number":
                    following.implies = following.implies or reading.implies
                    second = _resolve_kind(text, following, problems)
                built = _range_constraint(reading.mention, second, text) if second is not None else None
                if built is not None:
                    constraints.append(built)
                    skip_next = True
                    continue
        mention = _resolve_kind(text, reading, problems)
        if mention is None:
            continue
        direction = _direction(reading, mention.kind) if not mention.is_range else "between"
        if direction is None:
            continue
        if direction == "between" and not mention.is_range:
            direction = ">="  # "from 40" with no upper end
        constraints.append(_as_constraint(mention, direction, text))
    if not constraints and not problems:
        constraints = [
            _as_constraint(m, "==", text) for m in mentions if m.kind not in ("number",) and not m.kind.startswith("count:")
        ]
    return ParseResult(constraints=constraints, problems=problems)


def parse_constraints(text: str, *, strict: bool = False) -> list[Constraint]:
    """The numeric constraints in ``text``, e.g. "earns under $50,000" ->
    ``[Constraint(attribute="salary", operator="<", values=(50000.0,), kind="money", unit="USD")]``.

    Returns an empty list when the text asks for no numeric comparison. A comparison
    it cannot read (unknown unit, a number with nothing to say what it measures) is
    skipped; with ``strict=True`` it raises :class:`ConstraintParseError` naming it.
    """
    result = parse_report(text)
    if strict and result.problems:
        raise ConstraintParseError(f"query {text!r}: " + "; ".join(result.problems))
    return result.constraints
