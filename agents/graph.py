"""The agent as a LangGraph ``StateGraph`` over :class:`~.state.AgentState`::

    START -> analyse -> decide -+-> retrieve -> judge -> decide ...
                                +-> rank -> END

* ``analyse``  — the policy reads the query and makes a :class:`~.state.Plan`;
* ``decide``   — budgets are checked, then the policy picks an :class:`~.state.Action`
  (tool, text, how many new candidates to read) or stops;
* ``retrieve`` — the tool is called, deeper than before if the unread part of its
  ranking is too short (documents already judged are skipped, not re-read);
* ``judge``    — the chosen candidates are read and the policy judges them;
* ``rank``     — the fused tool ranking (reciprocal rank fusion), with confidently
  relevant documents promoted and confidently contrary ones demoted (:mod:`.fusion`).

Every node returns only what it changes plus a ``log`` summary, which the
retriever writes as one trace line per step (``stream_mode="updates"``). Budgets are
enforced in ``decide`` and ``retrieve``; LangGraph's recursion limit is only a
guard set above what the budgets allow.
"""

from __future__ import annotations

import dataclasses
from typing import Any, Callable

from langgraph.graph import END, START, StateGraph

from limitbench.retrievers.errors import ConfigError

from .budget import Budget, Meter, add_counters
from .fusion import DEMOTE_AT, PROMOTE_AT, final_ranking
from .policies.base import Policy
from .state import Action, AgentState, AgentView, Judgment, Plan, Ranking, RoundRecord
from .tools import ToolBox, ToolUnavailable

__all__ = ["AgentGraph"]

StepCallback = Callable[[str, dict[str, Any]], None]


class AgentGraph:
    """The compiled graph plus the policy, tools and budget its nodes use."""

    def __init__(
        self, *, policy: Policy, toolbox: ToolBox, budget: Budget, rrf_k: int = 60,
        promote_at: float = PROMOTE_AT, demote_at: float = DEMOTE_AT,
    ) -> None:
        self.policy = policy
        self.toolbox = toolbox
        self.budget = budget
        self.rrf_k = rrf_k
        self.promote_at, self.demote_at = promote_at, demote_at
        self.compiled = self._build()

    def _build(self):
        graph = StateGraph(AgentState)
        graph.add_node("analyse", self.analyse)
        graph.add_node("decide", self.decide)
        graph.add_node("retrieve", self.retrieve)
        graph.add_node("judge", self.judge)
        graph.add_node("rank", self.rank)
        graph.add_edge(START, "analyse")
        graph.add_edge("analyse", "decide")
        graph.add_conditional_edges("decide", _after_decide, {"retrieve": "retrieve", "rank": "rank"})
        graph.add_conditional_edges("retrieve", _after_retrieve, {"judge": "judge", "decide": "decide"})
        graph.add_edge("judge", "decide")
        graph.add_edge("rank", END)
        return graph.compile()

    def run(self, *, query_id: str, query: str, k: int, on_step: StepCallback | None = None) -> dict[str, Any]:
        """Run one query to the end; returns the final state (``result``, ``spent`` ...)."""
        state: dict[str, Any] = {
            "query_id": query_id, "query": query, "search_k": k, "action": None, "rankings": {},
            "pending": [], "judged": {}, "rounds": [], "spent": {}, "stop_reason": "", "result": {},
        }
        config = {"recursion_limit": self.budget.graph_recursion_limit()}
        for chunk in self.compiled.stream(state, config=config, stream_mode="updates"):
            for node, update in chunk.items():
                state.update(update)
                if on_step is not None:
                    on_step(node, update)
        return state

    # -- nodes -----------------------------------------------------------------------------
    def _meter(self, state: AgentState) -> Meter:
        return Meter(remaining=self.budget.remaining(state.get("spent", {})))

    def analyse(self, state: AgentState) -> dict[str, Any]:
        meter = self._meter(state)
        plan = self.policy.analyse(query=state["query"], tools=self.toolbox.infos(), meter=meter)
        if not isinstance(plan, Plan):
            raise ConfigError(f"policy {self.policy.name!r}: analyse() must return a Plan, got {type(plan).__name__}")
        plan = dataclasses.replace(plan, query_id=state["query_id"])
        log = {"plan": plan.summary(), "notes": meter.notes, "cost": meter.spent}
        return {"plan": plan, "spent": add_counters(state["spent"], meter.spent), "log": log}

    def decide(self, state: AgentState) -> dict[str, Any]:
        spent = state["spent"]
        exhausted = self.budget.exhausted(spent)
        if exhausted is not None:
            return {"action": None, "stop_reason": f"budget: {exhausted}", "log": {"stop": f"budget: {exhausted}"}}
        meter = self._meter(state)
        view = AgentView(
            plan=state["plan"], tools=self.toolbox.infos(), judged=state["judged"], rounds=tuple(state["rounds"]),
            rankings=state["rankings"], spent=spent, remaining=self.budget.remaining(spent), search_k=state["search_k"],
        )
        action = self.policy.decide(view=view, meter=meter)
        problem = _invalid(action, view)
        if problem is not None:
            meter.add(faults=1)
            meter.note(problem)
            action = None
        stop = "" if action is not None else (problem or "policy stopped")
        log: dict[str, Any] = {"action": _action_log(action), "stop": stop or None, "notes": meter.notes, "cost": meter.spent}
        return {"action": action, "stop_reason": stop, "spent": add_counters(spent, meter.spent), "log": log}

    def retrieve(self, state: AgentState) -> dict[str, Any]:
        action: Action = state["action"]  # type: ignore[assignment]
        spent = state["spent"]
        judged = state["judged"]
        want = min(action.read, self.budget.remaining(spent)["docs_read"])
        rankings = dict(state["rankings"])
        key = (action.tool, action.query)
        ranking = rankings.get(key)
        delta: dict[str, float] = {"rounds": 1}
        log: dict[str, Any] = {"tool": action.tool, "query": action.query}
        if _needs_call(ranking, judged=judged, want=want, depth=action.depth or 0):
            depth = max(action.depth or 0, state["search_k"], len(judged) + want, 2 * ranking.depth if ranking else 0)
            depth = min(depth, max(1, self.toolbox.corpus_size))
            try:
                docs = self.toolbox.search(tool=action.tool, text=action.query, k=depth)
            except ToolUnavailable as error:
                delta["faults"] = 1
                log["error"] = str(error)
                return {"pending": [], "spent": add_counters(spent, delta), "log": {**log, "cost": delta}}
            complete = len(docs) < depth or depth >= self.toolbox.corpus_size
            ranking = Ranking(tool=action.tool, query=action.query, docs=tuple(docs), depth=depth, complete=complete)
            rankings[key] = ranking
            delta.update(tool_calls=1, docs_retrieved=len(docs))
            log.update(called=True, depth=depth, returned=len(docs))
        pending = [doc_id for doc_id, _ in ranking.docs if doc_id not in judged][:want] if ranking else []
        log.update(to_read=pending, cost=delta)
        return {"rankings": rankings, "pending": pending, "spent": add_counters(spent, delta), "log": log}

    def judge(self, state: AgentState) -> dict[str, Any]:
        action: Action = state["action"]  # type: ignore[assignment]
        plan: Plan = state["plan"]
        documents = [self.toolbox.read(doc_id) for doc_id in state["pending"]]
        meter = self._meter(state)
        meter.add(docs_read=len(documents))
        verdicts = self.policy.judge(plan=plan, documents=documents, meter=meter) if documents and plan.judgeable else {}
        judged = dict(state["judged"])
        for doc in documents:
            judgment = verdicts.get(doc.id)
            judged[doc.id] = judgment if isinstance(judgment, Judgment) else Judgment(relevant=None, confidence=0.0, reason="not judged")
        ranking = state["rankings"].get((action.tool, action.query))
        exhausted = ranking is None or (ranking.complete and all(d in judged for d, _ in ranking.docs))
        record = RoundRecord(
            tool=action.tool, query=action.query, read=tuple(d.id for d in documents),
            verdicts=tuple(judged[d.id].relevant for d in documents), exhausted=exhausted,
        )
        log = {
            "read": {d.id: _judgment_log(judged[d.id]) for d in documents},
            "notes": meter.notes,
            "cost": meter.spent,
        }
        return {
            "judged": judged, "rounds": [*state["rounds"], record], "pending": [],
            "spent": add_counters(state["spent"], meter.spent), "log": log,
        }

    def rank(self, state: AgentState) -> dict[str, Any]:
        rankings = [[doc_id for doc_id, _ in r.docs] for r in state["rankings"].values()]
        result = final_ranking(
            rankings=rankings, judged=state["judged"], k=state["search_k"], rrf_k=self.rrf_k,
            promote_at=self.promote_at, demote_at=self.demote_at,
        )
        # the same retrievals without what was read: what "never worse than its tools" is measured against
        fused = final_ranking(rankings=rankings, judged={}, k=state["search_k"], rrf_k=self.rrf_k)
        relevant = [d for d, j in state["judged"].items() if j.relevant is True]
        log = {"stop": state.get("stop_reason") or None, "relevant": relevant, "top": list(result)[:10], "spent": state["spent"]}
        return {"result": result, "fused": fused, "log": log}


def _after_decide(state: AgentState) -> str:
    return "retrieve" if state.get("action") is not None else "rank"


def _after_retrieve(state: AgentState) -> str:
    action = state.get("action")
    return "judge" if action is not None and action.read > 0 else "decide"


def _needs_call(ranking: Ranking | None, *, judged: dict[str, Judgment], want: int, depth: int) -> bool:
    if ranking is None:
        return True
    if ranking.complete:
        return False
    unread = sum(1 for doc_id, _ in ranking.docs if doc_id not in judged)
    return unread < want or ranking.depth < depth


def _invalid(action: Any, view: AgentView) -> str | None:
    """Why a policy's action cannot be carried out (None: it can)."""
    if action is None:
        return None
    if not isinstance(action, Action):
        return f"policy returned {type(action).__name__}, not an Action: stopping"
    if view.tool(action.tool) is None:
        return f"policy chose unknown or unavailable tool {action.tool!r}: stopping"
    if action.read < 0 or not action.query.strip():
        return "policy chose an empty query or a negative read count: stopping"
    return None


def _judgment_log(judgment: Judgment) -> dict[str, Any]:
    return {
        "relevant": judgment.relevant, "confidence": round(float(judgment.confidence), 3), "evidence": judgment.span,
        "reason": judgment.reason, "by": judgment.by,
    }


def _action_log(action: Action | None) -> dict[str, Any] | None:
    if action is None:
        return None
    return {"tool": action.tool, "query": action.query, "read": action.read, "depth": action.depth, "why": action.reason}
