"""What a unitless number in a query measures, and how one end of a range lends its
kind to the other.

"older than 42" is an age, "newer than 9.9" a version, "after 1995" a year, "earns
more than 50000" money: the comparison word's implied kind (:mod:`.lexicon`) or the
clause's cue words decide. A comparison word that implies a physical kind next to a
noun no unit library knows ("taller than 5 blorps") is reported, not guessed.
"""

from __future__ import annotations

import math
import re
from dataclasses import replace

from . import lexicon
from .clauses import clause_of
from .attributes import entity_of
from .extract import Mention, parse_version, year_period

__all__ = ["PHYSICAL_KINDS", "resolve_kind", "adopt_kind"]

PHYSICAL_KINDS = {"length", "mass", "duration", "temperature", "speed"}
_SECONDS_PER_YEAR = 365.25 * 86400  # pint's (Julian) year, which extract converts years with
_AGE_CUES = {"old", "older", "younger", "age", "aged", "ages", "elder"}
_COMPARISON_WORDS = {"under", "over", "older", "newer", "than", "less", "more", "at", "least", "most", "no", "later", "earlier",
                     "before", "after", "below", "above", "is", "are", "or", "on", "a", "the"}
_ATTENDANCE_WORDS = {"attendance", "attendees", "attended", "visitors", "runners", "participants", "crowd", "spectators",
                     "guests", "turnout", "audience"}
_VERSION_WORDS = {"firmware", "fw", "version", "os", "software", "build", "release"}
_RATING_CUES = {"rated", "rating", "ratings", "stars", "star", "score", "scored", "reviews"}


def _nearby_words(text: str, mention: Mention) -> set[str]:
    """The words of the mention's own clause ("earns $40k and is over 50": 50 has no money cue)."""
    return set(lexicon.tokens(clause_of(text, *mention.span)))


def resolve_kind(text: str, mention: Mention, implied: str | None, problems: list[str]) -> Mention | None:
    """``mention`` with the kind its comparison word (``implied``) or cue words give it;
    None (and a line in ``problems``) when nothing says what it measures."""
    words = _nearby_words(text, mention)
    shown = repr(text[max(0, mention.span[0] - 20):mention.span[1]].strip())
    if mention.kind.startswith("count:") and implied in PHYSICAL_KINDS:
        problems.append(f"{shown}: unknown unit {mention.unit!r} for a {implied} (pint does not know it)")
        return None
    if mention.kind != "number":
        if implied == "age" and mention.kind == "duration" and re.search(r"\byears?\b", mention.surface):
            return replace(mention, kind="age", value=mention.value / _SECONDS_PER_YEAR, unit="years", attribute="age")
        return mention
    value = mention.value
    near = set([w for w in lexicon.tokens(text[max(0, mention.span[0] - 30) : mention.span[0]]) if w not in _COMPARISON_WORDS][-1:])
    if near & _VERSION_WORDS:  # "firmware older than 4": a version, whatever "older" usually means
        version = parse_version(mention.surface.strip())
        if version is not None:
            return replace(mention, kind="version", value=version, upper=None, attribute="firmware version")
    if implied == "age" or (implied is None and words & _AGE_CUES):
        return replace(mention, kind="age", unit="years", attribute="age")
    if implied is None and 0 < value < 125 and float(value).is_integer() and entity_of(text) == "person":
        return replace(mention, kind="age", unit="years", attribute="age")  # "Who among the teachers is under 25?"
    if implied in ("date", "version"):
        looks_like_year = float(value).is_integer() and 1000 <= value <= 2200
        if looks_like_year and not re.search(rf"\b{lexicon.VERSION_CUES}\b", text, re.IGNORECASE):
            start, end = year_period(int(value))
            attribute = lexicon.cue_attribute("date", sorted(words)) or "date"
            return replace(mention, kind="date", value=start, upper=end, attribute=attribute)
        version = parse_version(mention.surface.strip())
        if version is not None:
            return replace(mention, kind="version", value=version, upper=None, attribute="version")
    if words & _RATING_CUES and 0 < value <= 10:  # "rated above 4.6", "a user score higher than 8.5"
        scale = 5.0 if value <= 5 and not words & {"score"} else 10.0
        return replace(mention, kind="rating", value=value / scale, unit=f"of {scale:g}", attribute="rating")
    if words & _ATTENDANCE_WORDS:  # "an attendance of no more than 2,500"
        return replace(mention, kind="count:person", unit="person", attribute="attendance")
    money_cue = lexicon.cue_attribute("money", sorted(words))
    thousands = re.fullmatch(r"\s*\d+(?:\.\d+)?\s?[kK]\s*", mention.surface) is not None  # "under 1.5k": shop talk for money
    if implied == "money" or money_cue or thousands:
        return replace(mention, kind="money", unit="", attribute=money_cue or "amount")
    if implied in PHYSICAL_KINDS:
        problems.append(f"{shown}: no unit given for a {implied}")
        return None
    problems.append(f"{shown}: cannot tell what {mention.surface.strip()!r} measures (no unit or cue word)")
    return None


_LEADING_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


def _scale(model: Mention) -> float | None:
    """Canonical value per written number in ``model`` ("60 thousand dollars" -> 1000)."""
    found = _LEADING_NUMBER.search(model.surface)
    if found is None:
        return None
    written = float(found.group(0).replace(",", ""))
    if written == 0 or isinstance(model.value, (str,)) or not isinstance(model.value, (int, float)):
        return None
    return float(model.value) / written


def adopt_kind(mention: Mention, model: Mention) -> Mention | None:
    """A unitless end of a range takes the other end's kind and unit: "between 180 and
    190 cm" is 1.80..1.90 m, "between 40 and 60 thousand dollars" 40,000..60,000."""
    if model.kind == "version":
        version = parse_version(mention.surface.strip())
        return None if version is None else replace(mention, kind="version", value=version, attribute=model.attribute)
    if model.kind == "date":
        value = mention.value
        if float(value).is_integer() and 1000 <= value <= 2200:
            start, end = year_period(int(value))
            return replace(mention, kind="date", value=start, upper=end, attribute=model.attribute)
        return None
    scale = _scale(model)
    value = float(mention.value)
    if scale is not None and value > 0 and float(model.value) > 0:
        # keep whichever reading puts the two ends closest ("23,500 and $24.5k" is not 23.5 million)
        value = min((value * scale, value), key=lambda v: abs(math.log(v / float(model.value))))
    return replace(mention, kind=model.kind, unit=model.unit, attribute=model.attribute, value=value)
