"""The agent's typed state and the value types its policies exchange.

:class:`AgentState` is the LangGraph state (one per query). Nodes never mutate it in
place: each returns the keys it changes, with new containers, so every step's update
is a self-contained record for the trace.

Policies see an :class:`AgentView` (read-only) and answer with a :class:`Plan`,
:class:`Judgment` objects and :class:`Action` or ``None`` (stop).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Mapping, TypedDict

from .expressions import Expr, to_text

__all__ = [
    "ToolInfo",
    "SubQuery",
    "Plan",
    "Judgment",
    "Action",
    "Ranking",
    "RoundRecord",
    "AgentView",
    "AgentState",
]


@dataclass(frozen=True, slots=True)
class ToolInfo:
    """A retrieval tool as policies see it. ``kind`` is lexical, semantic or numeric."""

    name: str
    retriever: str
    kind: str


@dataclass(frozen=True, slots=True)
class SubQuery:
    """A retrieval text with its tools in order of preference. An ``optional`` one is
    tried only if the required ones found nothing relevant."""

    text: str
    tools: tuple[str, ...]
    optional: bool = False


@dataclass(frozen=True, slots=True)
class Plan:
    """What the policy understood of a query and how it means to retrieve for it."""

    query: str
    expression: Expr | None
    sub_queries: tuple[SubQuery, ...]
    constraints: tuple[Any, ...] = ()
    target: int | None = None
    by: str = ""
    query_id: str = ""  # set by the graph; an oracle judge needs it to look up the answers

    @property
    def judgeable(self) -> bool:
        """Whether candidates can be judged at all (else: rank by the tools alone)."""
        return self.expression is not None or bool(self.constraints)

    def summary(self) -> dict[str, Any]:
        return {
            "expression": to_text(self.expression) if self.expression is not None else None,
            "constraints": [str(c) for c in self.constraints],
            "sub_queries": [{"text": s.text, "tools": list(s.tools), "optional": s.optional} for s in self.sub_queries],
            "target": self.target,
            "by": self.by,
        }


@dataclass(frozen=True, slots=True)
class Judgment:
    """A judge's verdict on one document: ``relevant`` True/False, or None (unsure);
    ``confidence`` in [0, 1] (a judge that does not grade itself is taken at its word:
    1.0); ``span`` the words that decided it; ``evidence`` the verdict per key phrase;
    ``by`` the judge."""

    relevant: bool | None
    evidence: Mapping[str, bool | None] = field(default_factory=dict)
    reason: str = ""
    by: str = ""
    confidence: float = 1.0
    span: str = ""


@dataclass(frozen=True, slots=True)
class Action:
    """Retrieve ``query`` with ``tool`` and read the next ``read`` candidates of that
    ranking not judged yet; ``depth`` asks the tool for at least that many results."""

    tool: str
    query: str
    read: int = 2
    depth: int | None = None
    reason: str = ""


@dataclass(frozen=True, slots=True)
class Ranking:
    """A tool's answer for one text: ``docs`` in rank order. ``complete`` means the tool
    returned fewer than asked, so going deeper cannot give more."""

    tool: str
    query: str
    docs: tuple[tuple[str, float], ...]
    depth: int
    complete: bool


@dataclass(frozen=True, slots=True)
class RoundRecord:
    """One retrieve-then-judge round: which documents were read and their verdicts."""

    tool: str
    query: str
    read: tuple[str, ...]
    verdicts: tuple[bool | None, ...]
    exhausted: bool

    @property
    def hits(self) -> int:
        return sum(1 for v in self.verdicts if v is True)


@dataclass(frozen=True)
class AgentView:
    """Everything a policy may look at when deciding the next step (read-only)."""

    plan: Plan
    tools: tuple[ToolInfo, ...]
    judged: Mapping[str, Judgment]
    rounds: tuple[RoundRecord, ...]
    rankings: Mapping[tuple[str, str], Ranking]
    spent: Mapping[str, float]
    remaining: Mapping[str, int]
    search_k: int

    def __post_init__(self) -> None:
        object.__setattr__(self, "judged", MappingProxyType(dict(self.judged)))
        object.__setattr__(self, "rankings", MappingProxyType(dict(self.rankings)))

    @property
    def relevant(self) -> list[str]:
        """Documents judged relevant so far, in the order they were judged."""
        return [doc_id for doc_id, judgment in self.judged.items() if judgment.relevant is True]

    def tool(self, name: str) -> ToolInfo | None:
        return next((t for t in self.tools if t.name == name), None)

    def rounds_for(self, *, tool: str, query: str) -> list[RoundRecord]:
        return [r for r in self.rounds if r.tool == tool and r.query == query]

    def unread(self, *, tool: str, query: str) -> int | None:
        """Candidates of that ranking not judged yet; None if it was never retrieved."""
        ranking = self.rankings.get((tool, query))
        if ranking is None:
            return None
        return sum(1 for doc_id, _ in ranking.docs if doc_id not in self.judged)


class AgentState(TypedDict, total=False):
    """LangGraph state of one query."""

    query_id: str
    query: str
    search_k: int
    plan: Plan
    action: Action | None
    rankings: dict[tuple[str, str], Ranking]
    pending: list[str]
    judged: dict[str, Judgment]
    rounds: list[RoundRecord]
    spent: dict[str, float]
    stop_reason: str
    result: dict[str, float]
    fused: dict[str, float]
    log: dict[str, Any]
