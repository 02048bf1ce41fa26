"""Numeric constraints through :mod:`limitbench.retrievers.numeric`, imported lazily.

The agent routes a query with numeric constraints ("cheaper than $50") to the
``numeric`` tool and judges candidates with ``document_satisfies``. If that module
is missing (not installed, not written yet) or fails on a text, the agent carries on
without constraints instead of failing the run.
"""

from __future__ import annotations

import importlib
import logging
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Callable, Sequence

__all__ = [
    "NumericSupport", "numeric_support", "query_constraints", "satisfies", "mentions_constraint", "query_topic",
    "topic_verdict", "TOPIC_PREFIX",
]

# A plan term that stands for what a numeric question is about ("#topic product: headphones"),
# checked by presence, not read for a liking.
TOPIC_PREFIX = "#topic "
TOPIC_CONFIDENCE = 0.85
_GENERIC = frozenset("people person persons someone somebody anyone anybody who individual individuals folks event events "
                     "thing things product products item items one ones device devices".split())

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class NumericSupport:
    parse_constraints: Callable[[str], list[Any]]
    document_satisfies: Callable[[str, Sequence[Any]], bool | None]


@lru_cache(maxsize=1)
def numeric_support() -> NumericSupport | None:
    """The numeric module's two functions, or None if it cannot be imported."""
    try:
        module = importlib.import_module("limitbench.retrievers.numeric")
    except ImportError as error:
        log.info("agent: numeric constraints unavailable (%s)", error)
        return None
    parse = getattr(module, "parse_constraints", None)
    check = getattr(module, "document_satisfies", None)
    if not (callable(parse) and callable(check)):
        return None
    return NumericSupport(parse_constraints=parse, document_satisfies=check)


def query_constraints(text: str) -> tuple[Any, ...]:
    """Constraints the query states (empty if none, or if numeric support is absent)."""
    support = numeric_support()
    if support is None:
        return ()
    try:
        return tuple(support.parse_constraints(text))
    except Exception as error:  # a parser bug must not stop the run; the query is then keyword-only
        log.warning("agent: numeric constraint parser failed on %r: %s", text, error)
        return ()


def satisfies(text: str, constraints: Sequence[Any]) -> bool | None:
    """Whether a document meets every constraint (None: it does not say)."""
    support = numeric_support()
    if support is None or not constraints:
        return None
    try:
        return support.document_satisfies(text, list(constraints))
    except Exception as error:
        log.warning("agent: numeric constraint check failed: %s", error)
        return None


def mentions_constraint(phrase: str, constraints: Sequence[Any]) -> bool:
    """Whether ``phrase`` contains the words a constraint was read from
    (``Constraint.text``, e.g. "40" in "is older than 40", "3D" in "3D Modeling")."""
    for constraint in constraints:
        span = str(getattr(constraint, "text", "") or "").strip()
        if span and re.search(rf"(?<!\w){re.escape(span)}(?!\w)", phrase, flags=re.IGNORECASE):
            return True
    return False


def query_topic(text: str) -> tuple[str, str]:
    """``(topic words, entity)`` of a numeric question: what it asks about besides the
    numbers and the attribute words ("headphones whose battery lasts more than three
    days" -> ("headphones", "product")); empty when the numeric module is absent."""
    try:
        from limitbench.retrievers.numeric.attributes import cue_words
        from limitbench.retrievers.numeric.parse import parse_report
    except ImportError:
        return "", ""
    try:
        parsed = parse_report(text)
    except Exception as error:  # a parser bug must not stop the run
        log.warning("agent: numeric topic reading failed on %r: %s", text, error)
        return "", ""
    cues = cue_words()
    words = [w for w in parsed.topic.split() if w not in cues]
    return " ".join(words), parsed.entity


def topic_verdict(topic: str, entity: str, text: str) -> tuple[bool | None, float, str]:
    """Whether a document is about ``topic``: it names the topic's category (or, for a
    topic outside the category table, every topic word) near its start — where a product
    page, CV or event page says what it is — or, for a generic topic ("people", "events"),
    it is about that kind of thing. Anything less is unsure (None), never contrary: a
    smartwatch page that says "pairs well with a phone" is no phone, and a page that says
    "earbuds" may well be one of the headphones asked for."""
    try:
        from limitbench.retrievers.numeric.attributes import entity_of
        from limitbench.retrievers.numeric.topic import categories_in, opening, topic_words
    except ImportError:
        return None, 0.0, "topic not checked"
    words = [w for w in topic_words(topic) if w not in _GENERIC]
    first = topic_words(opening(text))
    asked = categories_in(words)
    if asked:
        named = asked & categories_in(first)
        return (True, TOPIC_CONFIDENCE, f"is a {sorted(named)[0]}") if named else (None, 0.0, f"not said to be a {sorted(asked)[0]}")
    if words:
        if set(words) <= set(first):
            return True, TOPIC_CONFIDENCE, f"names {' '.join(words)} first"
        return None, 0.0, f"does not name {' '.join(words)} first"
    if entity and entity_of(text) == entity:
        return True, TOPIC_CONFIDENCE, f"is about a {entity}"
    return None, 0.0, "topic not checked"
