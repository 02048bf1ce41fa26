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

__all__ = ["NumericSupport", "numeric_support", "query_constraints", "satisfies", "mentions_constraint"]

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
