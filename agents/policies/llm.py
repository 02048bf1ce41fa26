"""A policy driven by a language model behind an OpenAI-compatible endpoint.

The model plans (which phrases must / may / must not be stated, what to search for,
with which tool), judges candidates it reads, and decides whether to go on. Each
answer is JSON constrained by a JSON Schema and validated by pydantic
(:mod:`..llm_client`). Judging is the ``llm`` judge (:mod:`..judges.llm`), sharing the
client. A step whose call fails — endpoint down, too slow, 5xx, malformed or invalid
JSON, token budget spent — falls back to :class:`~.heuristic.HeuristicPolicy` (and its
``reader`` judge) for that step only, counting ``fallbacks`` (and each failed attempt as
a ``fault``) in the query's cost. ``steps`` selects which of analyse / judge / decide
use the model (e.g. only ``[judge]`` for an LLM judge on heuristic retrieval).

If the endpoint never answers in a whole run, the agent says so on stderr and in its
results row; with ``require_llm: true`` that is an error instead.

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
from ..judges.llm import JudgmentsReply, LLMJudge
from ..llm_client import LLMClient, LLMFailure, settings_from
from ..numeric_support import query_constraints
from ..planning import CONSTRAINTS, retrieval_texts
from ..state import Action, AgentView, Judgment, Plan, SubQuery, ToolInfo
from .heuristic import HeuristicPolicy

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


class DecisionReply(_Reply):
    action: Literal["retrieve", "stop"]
    tool: str | None
    query: str | None
    read: int | None = Field(description="how many new documents to read from that search, 1 to 10")
    reason: str


_SYSTEM_PLAN = (
    "You plan searches over a collection of documents for a request. Split the request into the phrases a "
    "relevant document must state (all_of), may state one of (any_of) and must not state (none_of), leaving out "
    "conditions on numbers, dates or amounts (they are checked separately); copy phrases exactly as the request "
    "words them. Reply with JSON only."
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
        require_llm: bool = False,
    ) -> None:
        unknown = sorted(set(steps) - set(STEPS))
        if unknown:
            raise ConfigError(f"llm policy: unknown step(s) {', '.join(unknown)} (choose from {', '.join(STEPS)})")
        self.client = client or LLMClient(settings_from(llm))
        self.steps = frozenset(steps)
        self.max_doc_chars = max_doc_chars
        self.max_read = max_read
        self.fallback = HeuristicPolicy(**dict(fallback or {}))
        self.llm_judge = LLMJudge(client=self.client, max_doc_chars=max_doc_chars, fallback="reader")
        self.llm_judge.on_outcome = self._outcome
        self.require_llm = require_llm
        self.breaker, self.breaker_cooldown = breaker, breaker_cooldown
        self._failures = 0  # failed steps in a row
        self._skip = 0  # steps left before the model is tried again

    @property
    def uses_llm(self) -> bool:
        return bool(self.steps)

    @property
    def oracle_hints(self) -> list[str]:
        return self.fallback.oracle_hints

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
        if self._use("judge", meter):
            return self.llm_judge.judge(plan=plan, documents=documents, meter=meter)
        if "judge" in self.steps:
            meter.add(fallbacks=1)
        return self.fallback.judge(plan=plan, documents=documents, meter=meter)

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
