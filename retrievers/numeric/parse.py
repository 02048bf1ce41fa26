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
1990?", "Who is 42 years old?"), each such quantity is an equality constraint — except a
capacity (battery life, storage, memory, range, experience), which it asks for at least
("phones with two days of battery life").

Idioms ("under a grand", "six figures", "in their 80s", "sub-$400") are rewritten into
plain comparisons first (:mod:`.idioms`). Each constraint is bound to an attribute by
the query's words (:mod:`.attributes`: "battery lasts more than 3 days" is battery life)
or, naming none, by what the query asks about ("laptops under $800": a product's price;
"who earns over $90k": a person's salary). What the query asks about besides the numbers
("headphones", "laptops", "concerts") is kept as :attr:`ParseResult.topic`, for ranking.

Problems (a unit no library knows, a number with no unit or cue to say what it
measures) are reported in :class:`ParseResult.problems` as one readable line each.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from limitbench.retrievers.errors import LimitbenchError

from . import lexicon
from .attributes import assign_attribute, cue_words, entity_of, words
from .constraints import Constraint
from .extract import Mention, extract_mentions
from .idioms import rewrite_idioms
from .kinds import adopt_kind, resolve_kind
from .ranges import explicit_ranges

__all__ = ["ParseResult", "ConstraintParseError", "parse_report", "parse_constraints"]



class ConstraintParseError(LimitbenchError, ValueError):
    """A query states a comparison the parser cannot turn into a constraint."""


@dataclass(frozen=True)
class ParseResult:
    constraints: list[Constraint] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    topic: str = ""  # the query's words about what is asked for, numbers and comparisons removed
    entity: str = ""  # product, person or event


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
    cut = max((m.end() for m in re.finditer(r"[;!?]|\.(?=\s|$)|,|\b(?:and|with|but|whose|where|that|which|who)\b", left, re.I)), default=0)
    return left[cut:]


def _postfix(text: str, mention: Mention, next_start: int) -> tuple[str, dict] | None:
    after = text[mention.span[1]:].lower()
    room = next_start - mention.span[1]
    for pattern, direction, by_kind in lexicon.POSTFIX_INCLUSIVE:
        # the counted noun may stand between: "500 runners or more", "16 GB of RAM or more"
        # ... but "$500 and under 1.1k" is the next constraint's comparison, not a postfix
        found = re.match(rf"\s*(?:(?!or\b|and\b)[a-z-]+\s+){{0,3}}?(?:{pattern})(?!\s*(?:than\s+)?[$€£¥]?\d)", after)
        if found and found.end() <= room:
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
        implied_by_postfix = "age" if post and re.match(r"\s*(?:or|and)\s+(?:older|younger|elder)\b", text[mention.span[1]:next_start], re.I) else None
        readings.append(
            _Reading(
                mention=mention,
                direction=comparative.direction if comparative else None,
                implies=comparative.implies if comparative else implied_by_postfix,
                by_kind_of=comparative,
                negated=negated,
                postfix=post[0] if post else None,
                postfix_by_kind=post[1] if post else {},
            )
        )
    return readings


def _direction(reading: _Reading, kind: str) -> str | None:
    direction = reading.by_kind_of.direction_for(kind) if reading.by_kind_of else None
    if direction is not None and reading.negated:
        direction = lexicon.negate(direction)
    if reading.postfix is not None:
        post = reading.postfix_by_kind.get(kind, reading.postfix)
        if direction in (None, "==") or direction[0] != post[0]:
            return post  # "... 7 out of 10 or lower": the words right after the number decide
        return lexicon.strict_to_inclusive(direction)
    return direction


def _values(mention: Mention) -> tuple:
    if mention.kind == "date":
        return ((mention.value, mention.upper if mention.upper is not None else mention.value),)
    return (mention.value,)


def _as_constraint(mention: Mention, direction: str) -> Constraint:
    if mention.is_range or direction == "between":
        if mention.kind == "date":
            start, end = mention.value, mention.upper if mention.upper is not None else mention.value
            values = ((start, start), (end, end)) if mention.is_range else ((start, end), (start, end))
        else:
            values = (mention.value, mention.upper if mention.upper is not None else mention.value)
        return Constraint(mention.attribute, "between", values, mention.kind, mention.unit, mention.surface)
    return Constraint(mention.attribute, direction, _values(mention), mention.kind, mention.unit, mention.surface)


def parse_report(query: str) -> ParseResult:
    """The constraints ``query`` asks for, what it is about, and a line for each
    comparison it could not read."""
    rewrite = rewrite_idioms(query)
    text = rewrite.text
    entity = entity_of(query)
    problems: list[str] = []
    ranges = explicit_ranges(text, problems)
    constraints: list[Constraint] = [found.constraint for found in ranges]
    mentions = extract_mentions(text, entity)
    previous: Mention | None = None
    for reading in _readings(text, mentions):
        mention = reading.mention
        if any(start <= mention.span[0] < end for start, end in (r.span for r in ranges)):
            continue  # already read as one end of an explicit range
        if reading.direction is None and reading.postfix is None and not mention.is_range:
            if not _stated_period(text, mention):
                continue
            reading.postfix = "=="  # "launched in 2017 and ...": the period itself
        was_bare = mention.kind == "number"
        unresolved: list[str] = []
        resolved = resolve_kind(text, mention, reading.implies, unresolved)
        if resolved is None and was_bare and previous is not None:
            resolved = adopt_kind(mention, previous)  # "3.5k or more but 6,000 or fewer": the same attribute
        if resolved is None:
            problems.extend(unresolved)
            continue
        mention = resolved
        if was_bare or mention.attribute in ("", "amount", "number", "version", "date", "money", mention.kind):
            # the kind was only settled now: bind the attribute with the vocabulary (:mod:`.attributes`)
            hint = "rating" if mention.kind == "rating" else "age" if mention.kind == "age" else ""
            mention = replace(mention, attribute=assign_attribute(mention.kind, text, mention.span, entity=entity, hint=hint))
        direction = "between" if mention.is_range else _direction(reading, mention.kind)
        if direction is None:
            continue
        if direction == "between" and not mention.is_range:
            direction = ">="  # "from 40" with no upper end
        constraints.append(_as_constraint(mention, direction))
        previous = mention
    if not constraints and not problems:
        constraints = [
            _as_constraint(m, ">=" if m.attribute in _AT_LEAST else "==")
            for m in mentions
            if m.kind != "number" and not m.kind.startswith("count:") and not _name_like(text, m)
        ]
    constraints = [_with_original_words(c, text, rewrite) for c in constraints]
    idiom_words = [words_ for _, _, words_ in rewrite.originals]
    return ParseResult(constraints=constraints, problems=problems, topic=_topic(query, constraints, idiom_words), entity=entity)


def _with_original_words(constraint: Constraint, text: str, rewrite) -> Constraint:
    """A constraint read from a rewritten idiom keeps the idiom's words as its text."""
    start = text.find(constraint.text) if constraint.text else -1
    original = rewrite.original(start, start + len(constraint.text)) if start >= 0 else None
    return replace(constraint, text=original) if original else constraint


_QUESTION = frozenset(
    """who which what whose where when how find show list name give get me us i we you any all some the a an of with that
    whose whom is are was were be been has have had do does did can could would will should there here someone anyone
    somebody anybody looking for need want please tell than or and to in on at by for from less more over under above
    below at least most no not any one ones search show list looking look seeking after i'm im im' got which also
    still either each every whose only just please anything something items things ones""".split()
)


def _topic(query: str, constraints: list[Constraint], idioms: list[str]) -> str:
    """What the query asks about: its words minus the constraints' own words, question
    words, comparison words and numbers ("headphones whose battery lasts more than three
    days" -> "headphones battery lasts")."""
    kept = query
    for spoken in [c.text for c in constraints if c.text] + idioms:
        kept = kept.replace(spoken, " ")
    comparisons = set(words(" ".join(c.phrase.replace("|", " ").replace("(?:", " ") for c in lexicon.COMPARATIVES)))
    return " ".join(w for w in words(kept) if w not in _QUESTION and w not in comparisons and not any(ch.isdigit() for ch in w))


# capacities a query states without comparing: "phones with two days of battery life" has at least that
_AT_LEAST = frozenset({"battery life", "storage", "memory", "range", "experience"})


def _stated_period(text: str, mention: Mention) -> bool:
    """A date asked for as a period, next to other constraints ("launched in 2017")."""
    return mention.kind == "date" and re.search(r"\b(?:in|during|from)\s*$", text[: mention.span[0]], re.I) is not None


def _name_like(text: str, mention: Mention) -> bool:
    """A number glued to one letter with no comparison word ("3D Modeling", "4K TVs", "5G")
    is part of a name, not a quantity asked about."""
    return re.search(r"(?<![\d.])\d+[A-Z]\b", mention.surface) is not None


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
