"""A policy driven by a language model behind an OpenAI-compatible endpoint.

The model plans (which phrases must / may / must not be stated, what to search for,
with which tool), judges candidates it reads, and decides whether to go on. Each
answer is JSON constrained by a JSON Schema and validated by pydantic
(:mod:`..llm_client`). A step whose call fails — endpoint down, too slow, 5xx,
malformed or invalid JSON, token budget spent — falls back to
:class:`~.heuristic.HeuristicPolicy` for that step only, counting ``fallbacks`` (and
each failed attempt as a ``fault``) in the query's cost. ``steps`` selects which
of analyse / judge / decide use the model (e.g. only ``[judge]`` for an LLM judge
on heuristic retrieval).

A circuit breaker keeps a dead endpoint from costing a timeout per step: after
``breaker`` failed steps in a row the policy stops calling the model for the next
``breaker_cooldown`` steps (heuristic meanwhile, counted as fallbacks), then tries
again.
"""

from __future__ import annotations

import json
from typing import Any, Literal, Mapping, Sequence

from pydantic import BaseModel, ConfigDict, Field

from limitbench.retrievers.errors import ConfigError
from limitbench.retrievers.types import Document

from ..budget import Meter
from ..expressions import And, Expr, Not, Or, Term, to_text
from ..llm_client import LLMClient, LLMFailure, settings_from
from ..numeric_support import query_constraints
from ..state import Action, AgentView, Judgment, Plan, SubQuery, ToolInfo
from .heuristic import CONSTRAINTS, HeuristicPolicy, judge_document, retrieval_texts

__all__ = ["LLMPolicy", "AnalysisReply", "JudgmentsReply", "DecisionReply", "STEPS"]

STEPS = ("analyse", "judge", "decide")


class _Reply(BaseModel):
    model_config = ConfigDict(extra="forbid")


class AnalysisReply(_Reply):
    all_of: list[str] = Field(description="phrases a relevant document must state, worded as in the question")
    any_of: list[str] = Field(description="phrases of which a relevant document states at least one")
    none_of: list[str] = Field(description="phrases a relevant document must not state")
    target: int | None = Field(description="how many documents the question asks for, if it says")
    search_queries: list[str] = Field(description="1 to 4 short texts to search for")
    first_tool: str | None = Field(description="the tool to search with first")


class JudgmentItem(_Reply):
    doc_id: str
    relevant: bool
    reason: str


class JudgmentsReply(_Reply):
    judgments: list[JudgmentItem]


class DecisionReply(_Reply):
    action: Literal["retrieve", "stop"]
    tool: str | None
    query: str | None
    read: int | None = Field(description="how many new documents to read from that search, 1 to 10")
    reason: str


_SYSTEM_PLAN = (
    "You plan searches over a collection of short documents, each about one person and what they like. "
    "Split the question into phrases a relevant document must state (all_of), may state one of (any_of) "
    "and must not state (none_of); copy phrases exactly as the question words them. Reply with JSON only."
)
_SYSTEM_JUDGE = (
    "You judge documents for a question. A document is relevant only if it states everything the question "
    "requires (and nothing it excludes). Reply with JSON only: one judgment per document id given."
)
_SYSTEM_DECIDE = (
    "You control a search agent. Given what it has found and its remaining budget, either stop or run one more "
    "search: a tool, a short query text and how many new documents to read. Stop when the question is answered. "
    "Reply with JSON only."
)


class LLMPolicy:
    """Plan, judge and decide with a language model; heuristic fall-back per step."""

    name = "llm"

    def __init__(
        self,
        *,
        llm: Mapping[str, Any] | None = None,
        steps: Sequence[str] = STEPS,
        max_doc_chars: int = 1500,
        max_read: int = 10,
        fallback: Mapping[str, Any] | None = None,
        breaker: int = 3,
        breaker_cooldown: int = 20,
        client: LLMClient | None = None,
    ) -> None:
        unknown = sorted(set(steps) - set(STEPS))
        if unknown:
            raise ConfigError(f"llm policy: unknown step(s) {', '.join(unknown)} (choose from {', '.join(STEPS)})")
        self.client = client or LLMClient(settings_from(llm))
        self.steps = frozenset(steps)
        self.max_doc_chars = max_doc_chars
        self.max_read = max_read
        self.fallback = HeuristicPolicy(**dict(fallback or {}))
        self.breaker, self.breaker_cooldown = breaker, breaker_cooldown
        self._failures = 0  # failed steps in a row
        self._skip = 0  # steps left before the model is tried again

    def _use(self, step: str, meter: Meter) -> bool:
        if step not in self.steps or meter.tokens_left() <= 0:
            return False
        if self._skip > 0:
            self._skip -= 1
            meter.note("llm circuit open: heuristic for this step")
            return False
        return True

    def _outcome(self, ok: bool) -> None:
        self._failures = 0 if ok else self._failures + 1
        if self._failures >= self.breaker:
            self._failures, self._skip = 0, self.breaker_cooldown

    # -- analyse ---------------------------------------------------------------------------
    def analyse(self, *, query: str, tools: Sequence[ToolInfo], meter: Meter) -> Plan:
        if self._use("analyse", meter):
            try:
                reply = self.client.structured(
                    schema=AnalysisReply, name="analysis", system=_SYSTEM_PLAN,
                    user=f"Question: {query}\nTools: {_tool_lines(tools)}", meter=meter,
                )
                self._outcome(True)
                plan = self._plan(query, reply, tools)
                if plan is not None:
                    return plan
                meter.note("llm analysis named no phrase to look for")
            except LLMFailure as failure:
                self._outcome(False)
                meter.note(f"analyse fell back to heuristic: {failure}")
        if "analyse" in self.steps:
            meter.add(fallbacks=1)
        return self.fallback.analyse(query=query, tools=tools, meter=meter)

    def _plan(self, query: str, reply: AnalysisReply, tools: Sequence[ToolInfo]) -> Plan | None:
        expression = _expression(reply)
        constraints = query_constraints(query)
        if constraints:
            expression = CONSTRAINTS if expression is None else And((expression, CONSTRAINTS))
        if expression is None:
            return None
        names = [t.name for t in tools]
        numeric = [t.name for t in tools if t.kind == "numeric"]
        ordered = [n for n in names if n not in numeric]
        if reply.first_tool in ordered:
            ordered.remove(reply.first_tool)
            ordered.insert(0, reply.first_tool)
        sub_queries = [SubQuery(text=query, tools=tuple(numeric + ordered))] if constraints and numeric else []
        sub_queries += [SubQuery(text=q.strip(), tools=tuple(ordered)) for q in reply.search_queries if q.strip()]
        sub_queries += [SubQuery(text=t, tools=tuple(ordered), optional=True) for t, _ in retrieval_texts(expression)]
        unique = list({s.text: s for s in reversed(sub_queries)}.values())[::-1]
        target = reply.target if isinstance(reply.target, int) and reply.target > 0 else None
        return Plan(query=query, expression=expression, sub_queries=tuple(unique), constraints=tuple(constraints),
                    target=target, by=self.name)

    # -- judge -----------------------------------------------------------------------------
    def judge(self, *, plan: Plan, documents: Sequence[Document], meter: Meter) -> Mapping[str, Judgment]:
        verdicts: dict[str, Judgment] = {}
        if self._use("judge", meter):
            listing = "\n".join(f"[{d.id}] {d.full_text[: self.max_doc_chars]}" for d in documents)
            try:
                reply = self.client.structured(
                    schema=JudgmentsReply, name="judgments", system=_SYSTEM_JUDGE,
                    user=f"Question: {plan.query}\nDocuments:\n{listing}", meter=meter,
                )
                self._outcome(True)
                wanted = {d.id for d in documents}
                for item in reply.judgments:
                    if item.doc_id in wanted:
                        verdicts[item.doc_id] = Judgment(relevant=item.relevant, reason=item.reason[:200], by=self.name)
            except LLMFailure as failure:
                self._outcome(False)
                meter.note(f"judge fell back to heuristic: {failure}")
        missing = [d for d in documents if d.id not in verdicts]
        if missing and "judge" in self.steps:
            meter.add(fallbacks=1)
        for document in missing:
            verdicts[document.id] = judge_document(plan, document, by=self.fallback.name)
        return verdicts

    # -- decide ----------------------------------------------------------------------------
    def decide(self, *, view: AgentView, meter: Meter) -> Action | None:
        if self._use("decide", meter):
            try:
                reply = self.client.structured(
                    schema=DecisionReply, name="decision", system=_SYSTEM_DECIDE, user=_situation(view), meter=meter
                )
                self._outcome(True)
                action, problem = self._action(reply, view)
                if problem is None:
                    return action
                meter.add(faults=1)
                meter.note(f"llm decision rejected: {problem}")
            except LLMFailure as failure:
                self._outcome(False)
                meter.note(f"decide fell back to heuristic: {failure}")
        if "decide" in self.steps:
            meter.add(fallbacks=1)
        return self.fallback.decide(view=view, meter=meter)

    def _action(self, reply: DecisionReply, view: AgentView) -> tuple[Action | None, str | None]:
        if reply.action == "stop":
            return None, None
        if reply.tool is None or view.tool(reply.tool) is None:
            return None, f"unknown tool {reply.tool!r}"
        if not (reply.query or "").strip():
            return None, "empty query"
        ranking = view.rankings.get((reply.tool, reply.query))
        if ranking is not None and ranking.complete and view.unread(tool=reply.tool, query=reply.query) == 0:
            return None, "that search has nothing left to read"
        read = max(0, min(self.max_read, reply.read if reply.read is not None else 2))
        return Action(tool=reply.tool, query=reply.query.strip(), read=read, reason=reply.reason[:200]), None


def _expression(reply: AnalysisReply) -> Expr | None:
    def clean(items: list[str]) -> list[str]:
        return list(dict.fromkeys(i.strip() for i in items if i and i.strip()))

    parts: list[Expr] = [Term(p) for p in clean(reply.all_of)]
    any_of = clean(reply.any_of)
    if any_of:
        parts.append(Term(any_of[0]) if len(any_of) == 1 else Or(tuple(Term(p) for p in any_of)))
    if not parts:
        return None  # a plan with only exclusions cannot be searched for
    none_of = clean(reply.none_of)
    if none_of:
        parts.append(Not(Term(none_of[0]) if len(none_of) == 1 else Or(tuple(Term(p) for p in none_of))))
    return parts[0] if len(parts) == 1 else And(tuple(parts))


def _tool_lines(tools: Sequence[ToolInfo]) -> str:
    return ", ".join(f"{t.name} ({t.kind})" for t in tools)


def _situation(view: AgentView) -> str:
    """The decision prompt: the plan, the evidence and the budget, compactly."""
    plan = view.plan
    searches = [
        {"tool": r.tool, "query": r.query, "depth": r.depth, "unread": view.unread(tool=r.tool, query=r.query), "complete": r.complete}
        for r in view.rankings.values()
    ]
    summary = {
        "question": plan.query,
        "requires": to_text(plan.expression) if plan.expression is not None else None,
        "target": plan.target,
        "tools": [f"{t.name} ({t.kind})" for t in view.tools],
        "suggested_queries": [s.text for s in plan.sub_queries],
        "searches_done": searches,
        "relevant_found": view.relevant,
        "judged_not_relevant": sum(1 for j in view.judged.values() if j.relevant is False),
        "budget_left": dict(view.remaining),
    }
    return json.dumps(summary, ensure_ascii=False)
