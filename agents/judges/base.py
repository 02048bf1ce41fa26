"""The judge protocol, and judging a plan's expression term by term.

A *judge* reads documents and says, for each, whether it answers the plan: a
:class:`~..state.Judgment` with a verdict ``True``/``False``/``None`` (unsure), a
confidence in [0, 1], the evidence span and who judged. Policies pick a judge by name
(:data:`limitbench.agents.judges.JUDGES`); the agent's final ranking promotes only
confident positive verdicts and demotes only confident contrary ones (:mod:`..fusion`).

:func:`judge_terms` is the common path for judges that look at one key phrase at a
time: each term of the plan's boolean expression gets a verdict and a confidence, the
numeric constraints (the pseudo-term :data:`CONSTRAINTS`) are checked by
:mod:`limitbench.retrievers.numeric`, what a numeric question is about (a ``#topic``
term: "headphones", "people") by :func:`..numeric_support.topic_verdict`, and the
expression is evaluated in Kleene's three-valued logic with confidences
(:func:`..expressions.evaluate_confident`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Mapping, Protocol, Sequence, runtime_checkable

from limitbench.retrievers.types import Document

from ..budget import Meter
from ..expressions import Term, evaluate_confident, terms_of
from ..numeric_support import TOPIC_PREFIX, satisfies, topic_verdict
from ..state import Judgment, Plan

__all__ = ["Judge", "TermVerdict", "CONSTRAINTS", "NUMERIC_CONFIDENCE", "judge_terms"]

# The numeric constraints of a query as one term of its expression; its evidence comes
# from the numeric module's ``document_satisfies``, not from reading for a phrase.
CONSTRAINTS = Term("#numeric constraints")
NUMERIC_CONFIDENCE = 0.9


@runtime_checkable
class Judge(Protocol):
    """Reads documents and judges each against the plan."""

    name: str

    def judge(self, *, plan: Plan, documents: Sequence[Document], meter: Meter) -> Mapping[str, Judgment]: ...


@dataclass(frozen=True, slots=True)
class TermVerdict:
    """One key phrase in one document."""

    verdict: bool | None
    confidence: float
    span: str = ""
    reason: str = ""


TermReader = Callable[[str, Document], TermVerdict]


def judge_terms(plan: Plan, document: Document, read_term: TermReader, *, by: str) -> Judgment:
    """Judge ``document`` by reading each term of the plan with ``read_term``."""
    if plan.expression is None:
        return Judgment(relevant=None, reason="nothing to check", by=by)
    verdicts: dict[str, TermVerdict] = {}
    for term in terms_of(plan.expression):
        if term == CONSTRAINTS.phrase:
            value = satisfies(document.full_text, plan.constraints)
            verdicts[term] = TermVerdict(value, NUMERIC_CONFIDENCE if value is not None else 0.0,
                                         reason={True: "meets the constraints", False: "fails a constraint", None: "states no value"}[value])
        elif term.startswith(TOPIC_PREFIX):
            entity, _, topic = term[len(TOPIC_PREFIX):].partition(": ")
            value, confidence, reason = topic_verdict(topic, entity, document.full_text)
            verdicts[term] = TermVerdict(value, confidence, reason=reason)
        else:
            verdicts[term] = read_term(term, document)
    value, confidence = evaluate_confident(plan.expression, {t: (v.verdict, v.confidence) for t, v in verdicts.items()})
    spans = [v.span for v in verdicts.values() if v.span and v.verdict is not None]
    return Judgment(
        relevant=value,
        confidence=confidence,
        evidence={t: v.verdict for t, v in verdicts.items()},
        span=" … ".join(dict.fromkeys(spans)),
        reason="; ".join(f"{t!r}: {v.reason}" for t, v in verdicts.items()),
        by=by,
    )
