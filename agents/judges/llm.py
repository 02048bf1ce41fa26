"""``llm``: a language model judges each document against the request.

The prompt assumes nothing about the collection — not that documents are about people,
nor that the request is about liking: it gives the request as the user wrote it, the
requirements the plan read from it, and the documents, and asks per document for a
verdict (``true``, ``false``, or ``null`` when the document does not say), a confidence
and a short quote as evidence. Replies are JSON checked against a schema
(:mod:`..llm_client`). Documents the model leaves out, or a call that fails, are judged
by the ``fallback`` judge (the ``reader`` by default), counted as a fallback.
"""

from __future__ import annotations

from typing import Any, Mapping, Sequence

from pydantic import BaseModel, ConfigDict, Field

from limitbench.retrievers.types import Document

from ..budget import Meter
from ..expressions import to_text
from ..llm_client import LLMClient, LLMFailure, settings_from
from ..state import Judgment, Plan

__all__ = ["LLMJudge", "JudgmentItem", "JudgmentsReply", "SYSTEM_PROMPT"]


class _Reply(BaseModel):
    model_config = ConfigDict(extra="forbid")


class JudgmentItem(_Reply):
    doc_id: str
    relevant: bool | None = Field(description="true if the document satisfies the request, false if it contradicts it, null if it does not say")
    confidence: float = Field(description="0 to 1")
    evidence: str = Field(description="a short quote from the document supporting the verdict, or empty")
    reason: str


class JudgmentsReply(_Reply):
    judgments: list[JudgmentItem]


SYSTEM_PROMPT = (
    "You judge whether documents satisfy a search request. Read each document and decide whether it satisfies "
    "everything the request asks for (including any condition on numbers, dates or amounts, and anything the "
    "request excludes). Answer true only when the document itself supports it, false when the document "
    "contradicts the request, and null when the document does not say. Quote the words that decide it. "
    "Reply with JSON only: one judgment per document id given."
)


class LLMJudge:
    """Judging by a model behind an OpenAI-compatible endpoint (see the module docstring)."""

    name = "llm"

    def __init__(
        self,
        *,
        llm: Mapping[str, Any] | None = None,
        client: LLMClient | None = None,
        max_doc_chars: int = 1500,
        fallback: str = "reader",
    ) -> None:
        from . import JUDGES

        self.client = client or LLMClient(settings_from(llm))
        self.max_doc_chars = max_doc_chars
        self.fallback = JUDGES.create(fallback)
        self.on_outcome = None  # set by a policy that keeps a circuit breaker

    def judge(self, *, plan: Plan, documents: Sequence[Document], meter: Meter) -> Mapping[str, Judgment]:
        verdicts: dict[str, Judgment] = {}
        try:
            reply = self.client.structured(schema=JudgmentsReply, name="judgments", system=SYSTEM_PROMPT,
                                           user=self.prompt(plan, documents), meter=meter)
            self._outcome(True)
            wanted = {d.id for d in documents}
            for item in reply.judgments:
                if item.doc_id in wanted:
                    verdicts[item.doc_id] = Judgment(
                        relevant=item.relevant, confidence=max(0.0, min(1.0, item.confidence)),
                        span=item.evidence[:300], reason=item.reason[:200], by=self.name,
                    )
        except LLMFailure as failure:
            self._outcome(False)
            meter.note(f"judge fell back to {self.fallback.name}: {failure}")
        missing = [d for d in documents if d.id not in verdicts]
        if missing:
            meter.add(fallbacks=1)
            verdicts.update(self.fallback.judge(plan=plan, documents=missing, meter=meter))
        return verdicts

    def prompt(self, plan: Plan, documents: Sequence[Document]) -> str:
        lines = [f"Question: {plan.query}"]
        if plan.expression is not None:
            lines.append(f"Requirements as read from it: {to_text(plan.expression)}")
        if plan.constraints:
            lines.append("Conditions: " + "; ".join(str(c) for c in plan.constraints))
        lines.append("Documents:")
        lines += [f"[{d.id}] {d.full_text[: self.max_doc_chars]}" for d in documents]
        return "\n".join(lines)

    def _outcome(self, ok: bool) -> None:
        if self.on_outcome is not None:
            self.on_outcome(ok)
