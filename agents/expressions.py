"""Boolean expressions over key phrases, evaluated in three-valued logic.

A parsed query such as "Who likes X but not Y?" becomes ``And(Term(X), Not(Term(Y)))``.
Evidence about a document is a mapping ``phrase -> True | False | None`` (``None``:
not judged or undecidable), and :func:`evaluate` combines it with Kleene's strong
three-valued logic (Kleene, *Introduction to Metamathematics*, 1952, §64):

* ``And``: False if any part is False, True if all are True, else unknown;
* ``Or``: True if any part is True, False if all are False, else unknown;
* ``Not``: swaps True and False, keeps unknown.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Mapping, Union

__all__ = [
    "Term", "And", "Or", "Not", "Expr", "evaluate", "evaluate_confident", "kleene_and", "terms_of", "positive_terms",
    "prune", "to_text",
]


@dataclass(frozen=True, slots=True)
class Term:
    phrase: str


@dataclass(frozen=True, slots=True)
class And:
    parts: tuple["Expr", ...]


@dataclass(frozen=True, slots=True)
class Or:
    parts: tuple["Expr", ...]


@dataclass(frozen=True, slots=True)
class Not:
    part: "Expr"


Expr = Union[Term, And, Or, Not]


def evaluate(expr: Expr, evidence: Mapping[str, bool | None]) -> bool | None:
    """Kleene three-valued truth of ``expr`` given per-phrase evidence."""
    if isinstance(expr, Term):
        return evidence.get(expr.phrase)
    if isinstance(expr, Not):
        value = evaluate(expr.part, evidence)
        return None if value is None else not value
    values = [evaluate(part, evidence) for part in expr.parts]
    if isinstance(expr, And):
        return kleene_and(*values)
    if any(value is True for value in values):
        return True
    return False if all(value is False for value in values) else None


def evaluate_confident(expr: Expr, evidence: Mapping[str, tuple[bool | None, float]]) -> tuple[bool | None, float]:
    """Kleene truth of ``expr`` with a confidence, from ``phrase -> (value, confidence)``.

    A conclusion is as strong as what it rests on: a True "and" (or a False "or") needs
    every part, so it takes the weakest part's confidence; a False "and" (or a True "or")
    needs one part, so it takes the strongest deciding part's. Unknown has confidence 0."""
    if isinstance(expr, Term):
        value, confidence = evidence.get(expr.phrase, (None, 0.0))
        return value, (confidence if value is not None else 0.0)
    if isinstance(expr, Not):
        value, confidence = evaluate_confident(expr.part, evidence)
        return (None, 0.0) if value is None else (not value, confidence)
    results = [evaluate_confident(part, evidence) for part in expr.parts]
    deciding = False if isinstance(expr, And) else True  # the value one part decides alone
    decided = [c for v, c in results if v is deciding]
    if decided:
        return deciding, max(decided)
    if all(v is (not deciding) for v, _ in results):
        return (not deciding), min(c for _, c in results)
    return None, 0.0


def kleene_and(*values: bool | None) -> bool | None:
    """Three-valued conjunction of plain truth values."""
    if any(value is False for value in values):
        return False
    return True if all(value is True for value in values) else None


def terms_of(expr: Expr) -> list[str]:
    """Every phrase in ``expr``, first occurrence order, without repeats."""
    seen: dict[str, None] = {}
    _collect(expr, seen, positive_only=False, negated=False)
    return list(seen)


def positive_terms(expr: Expr) -> list[str]:
    """Phrases not under a ``Not``: the ones worth retrieving for."""
    seen: dict[str, None] = {}
    _collect(expr, seen, positive_only=True, negated=False)
    return list(seen)


def _collect(expr: Expr, seen: dict[str, None], *, positive_only: bool, negated: bool) -> None:
    if isinstance(expr, Term):
        if not (positive_only and negated):
            seen.setdefault(expr.phrase, None)
    elif isinstance(expr, Not):
        _collect(expr.part, seen, positive_only=positive_only, negated=not negated)
    else:
        for part in expr.parts:
            _collect(part, seen, positive_only=positive_only, negated=negated)


def prune(expr: Expr | None, keep: Callable[[str], bool]) -> Expr | None:
    """``expr`` without the terms ``keep`` rejects (None if nothing is left)."""
    if expr is None:
        return None
    if isinstance(expr, Term):
        return expr if keep(expr.phrase) else None
    if isinstance(expr, Not):
        part = prune(expr.part, keep)
        return None if part is None else Not(part)
    parts = tuple(p for p in (prune(part, keep) for part in expr.parts) if p is not None)
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else type(expr)(parts)


def to_text(expr: Expr) -> str:
    """A compact readable form for traces, e.g. ``("X" AND NOT "Y")``."""
    if isinstance(expr, Term):
        return f'"{expr.phrase}"'
    if isinstance(expr, Not):
        return f"NOT {to_text(expr.part)}"
    joiner = " AND " if isinstance(expr, And) else " OR "
    return "(" + joiner.join(to_text(part) for part in expr.parts) + ")"
