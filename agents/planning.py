"""From a parsed question to what to retrieve: helpers shared by the built-in policies.

* :func:`with_constraints` joins the keyword reading of a question with its numeric
  constraints (phrases holding a constraint's words give way to the constraint, but stay
  as an alternative reading: "3D Modeling" may be a liked thing);
* :func:`weak_constraints` tells when the numeric reading is weak evidence (an equality
  read from inside every liked phrase), so the phrase is searched first;
* :func:`retrieval_texts` lists the texts to retrieve for an expression: its phrases
  (one per alternative of an "or"; the joined phrases of an "and", its single phrases
  as optional fall-backs), nothing for a negated part.
"""

from __future__ import annotations

from typing import Sequence

from .expressions import And, Expr, Not, Or, Term, positive_terms, prune
from .judges.base import CONSTRAINTS
from .numeric_support import mentions_constraint
from .text import normalize_phrase

__all__ = ["CONSTRAINTS", "with_constraints", "weak_constraints", "has_content", "retrieval_texts"]

# Words that are never the thing asked for: what is left of a query once a numeric
# constraint's own words are cut out ("... and is older than 30").
_FILLER = frozenset(
    normalize_phrase("is are was were be been who whom has have had and or with than that this it they them someone people person")
)


def with_constraints(full: Expr | None, constraints: Sequence[object], *, topic: Term | None = None) -> Expr | None:
    """The keyword reading combined with the numeric constraints (see the module); a
    question with no keyword reading is about its ``topic`` ("laptops under $800")."""
    if not constraints:
        return full
    if full is None and topic is not None:
        return And((topic, CONSTRAINTS))
    stripped = prune(full, lambda phrase: not mentions_constraint(phrase, constraints))
    numeric_reading: Expr = CONSTRAINTS if stripped is None else And((stripped, CONSTRAINTS))
    if full is None or full == stripped:
        return numeric_reading
    return Or((full, numeric_reading))


def weak_constraints(keywords: Expr | None, constraints: Sequence[object]) -> bool:
    """Equality constraints read from inside every liked phrase ("Who likes 3D Modeling?":
    "3D" as three dimes) are weak evidence: search the phrase first, the numeric tool
    only if that finds nothing."""
    if not constraints or keywords is None:
        return False
    if not all(getattr(c, "operator", None) == "==" for c in constraints):
        return False
    return prune(keywords, lambda phrase: not mentions_constraint(phrase, constraints)) is None


def has_content(phrase: str) -> bool:
    """Whether a phrase has a word that can be the thing asked for."""
    return any(token not in _FILLER for token in normalize_phrase(phrase))


def retrieval_texts(expr: Expr) -> list[tuple[str, bool]]:
    """``(text, optional)`` to retrieve for ``expr``: its phrases, an "and" joined."""
    if isinstance(expr, Term) and expr.phrase.startswith("#"):
        return []  # constraints and topics are found by the numeric tool, not by text
    if isinstance(expr, Term):
        return [(expr.phrase, False)]
    if isinstance(expr, Not):
        return []
    if isinstance(expr, Or):
        return [item for part in expr.parts for item in retrieval_texts(part)]
    positive = [part for part in expr.parts if not isinstance(part, Not) and not (isinstance(part, Term) and part.phrase.startswith("#"))]
    if not positive:
        return []
    if len(positive) == 1:
        return retrieval_texts(positive[0])
    joined = " and ".join(positive_terms(And(tuple(positive))))
    return [(joined, False)] + [(text, True) for part in positive for text, _ in retrieval_texts(part)]
