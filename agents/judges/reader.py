"""``reader``: the offline default judge — reads ordinary English, not a template.

Each key phrase is looked up with :func:`limitbench.agents.statements.stance`: sentences
and clauses, preference and dislike expressions from the documented lexicon
(:mod:`limitbench.agents.lexicon`, with VADER's word valences for what it does not
cover), negation scope, subjects and pronouns, lists inside sentences, singular/plural,
case, hyphens and apostrophes. A phrase that is not mentioned is unsure (``None``)
unless the document is a closed list.
"""

from __future__ import annotations

from typing import Mapping, Sequence

from limitbench.retrievers.types import Document

from ..budget import Meter
from ..state import Judgment, Plan
from ..statements import stance
from .base import TermVerdict, judge_terms

__all__ = ["ReaderJudge", "read_term"]


def read_term(phrase: str, document: Document) -> TermVerdict:
    """The reader's verdict on one phrase in one document."""
    text = document.full_text
    found = stance(phrase, text)
    span = text[found.span[0] : found.span[1]] if found.span else ""
    return TermVerdict(found.verdict, found.confidence, span=span[:300], reason=found.reason)


class ReaderJudge:
    """Rule-based reading (see the module docstring); no model, no network."""

    name = "reader"

    def judge(self, *, plan: Plan, documents: Sequence[Document], meter: Meter) -> Mapping[str, Judgment]:
        return {doc.id: judge_terms(plan, doc, read_term, by=self.name) for doc in documents}
