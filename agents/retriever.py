"""``AgentRetriever``: an agentic, iterative retriever behind the common interface.

The LIMIT paper (Weller et al. 2025, arXiv 2508.21038) shows that one query vector of
dimension ``d`` cannot place every combination of documents in its top ``k``. An
agent that retrieves several times, reads what comes back and chooses the next tool
is not bound that way; this class lets the benchmark measure whether it helps and
what it costs. Per query it records in ``cost`` (a :class:`CostLog`):

``tool_calls``, ``docs_retrieved``, ``docs_read``, ``rounds``, ``llm_calls``,
``llm_tokens``, ``faults``, ``fallbacks`` and ``wall_time_s``.

With ``trace_path`` every graph step of every query is appended to a JSONL file.
"""

from __future__ import annotations

import contextlib
import logging
import time
import uuid
from typing import Any, Mapping, Sequence

from limitbench.retrievers.errors import ConfigError, LimitbenchError
from limitbench.retrievers.types import CostLog, Document, Qrels, Query, Run

from .budget import COUNTERS, Budget
from .fusion import DEMOTE_AT, PROMOTE_AT
from .graph import AgentGraph
from .policies import Policy, resolve_policy
from .tools import ToolBox, parse_tools
from .trace import TraceWriter

__all__ = ["AgentRetriever"]

log = logging.getLogger(__name__)


class AgentRetriever:
    """Agentic retriever (registry name ``agent``).

    Options: ``tools`` (default: bm25, colbert, dense, numeric — those available),
    ``policy`` (heuristic | llm | package.module:Class | object), ``policy_options``,
    ``llm`` (``base_url``, ``model``, ``api_key_env``, ``timeout``, ``max_retries``,
    ``backoff``), budgets ``max_rounds``, ``max_docs_read``, ``max_tool_calls``,
    ``max_llm_tokens``, ``trace_path``, ``rrf_k``, ``promote_at`` / ``demote_at`` (the
    judge confidence that moves a document above / below the fused ranking), ``name``,
    ``index_tools`` (lazy | eager).

    ``oracle_hints`` lists what the agent was given that comes from the answers (a
    ``target`` count option, the ``simulated`` judge); the runner records it with the
    results. ``notes`` lists what a reader of the results must know (an LLM endpoint that
    never answered). ``fused_run`` holds, for the last ``search``, each query's fused tool
    ranking before reading changed it — the baseline the agent must never fall below.
    """

    def __init__(
        self,
        *,
        tools: Any = None,
        policy: str | Policy = "heuristic",
        policy_options: Mapping[str, Any] | None = None,
        llm: Mapping[str, Any] | None = None,
        max_rounds: int = 12,
        max_docs_read: int = 40,
        max_tool_calls: int = 24,
        max_llm_tokens: int = 60_000,
        trace_path: str | None = None,
        rrf_k: int = 60,
        promote_at: float = PROMOTE_AT,
        demote_at: float = DEMOTE_AT,
        name: str = "agent",
        index_tools: str = "lazy",
        show_progress: bool = False,
    ) -> None:
        if index_tools not in ("lazy", "eager"):
            raise ConfigError(f"agent option 'index_tools' must be lazy or eager, got {index_tools!r}")
        specs, explicit = parse_tools(tools)
        self.toolbox = ToolBox(specs, explicit=explicit)
        self.budget = Budget(
            max_rounds=max_rounds, max_docs_read=max_docs_read, max_tool_calls=max_tool_calls, max_llm_tokens=max_llm_tokens
        )
        self.policy = resolve_policy(policy, options=policy_options, llm=llm)
        for option, value in {"promote_at": promote_at, "demote_at": demote_at}.items():
            if not 0.0 <= float(value) <= 1.0:
                raise ConfigError(f"agent option {option!r} must be in [0, 1], got {value!r}")
        self.graph = AgentGraph(
            policy=self.policy, toolbox=self.toolbox, budget=self.budget, rrf_k=rrf_k,
            promote_at=float(promote_at), demote_at=float(demote_at),
        )
        self.trace_path = trace_path
        self.name = name
        self.index_tools = index_tools
        self.show_progress = show_progress
        self.cost = CostLog()
        self.notes: list[str] = []
        self.fused_run: Run = {}

    @property
    def oracle_hints(self) -> list[str]:
        return list(getattr(self.policy, "oracle_hints", []))

    def provide_oracle(self, *, qrels: Qrels) -> None:
        """Pass the answers to a policy or judge that simulates reading them (an oracle)."""
        provide = getattr(self.policy, "provide_oracle", None)
        if provide is not None:
            provide(qrels=qrels)

    @property
    def tools(self) -> list[str]:
        """Names of the tools currently available to the policy."""
        return [info.name for info in self.toolbox.infos()]

    def index(self, *, corpus: Sequence[Document]) -> None:
        """Remember the corpus; each tool indexes it on first use (``index_tools="lazy"``,
        so tool indexing counts in search time) or now (``"eager"``, every tool)."""
        self.cost.reset()
        self.toolbox.attach(corpus)
        if self.index_tools == "eager":
            self.toolbox.index_all()

    def search(self, *, queries: Sequence[Query], k: int) -> Run:
        run_id = uuid.uuid4().hex[:12]
        run: Run = {}
        self.fused_run = {}
        writer = TraceWriter(self.trace_path) if self.trace_path else None
        with writer if writer is not None else contextlib.nullcontext():
            for query in _progress(queries, enabled=self.show_progress):
                run[query.id] = self._search_one(query, k=k, run_id=run_id, writer=writer)
        self._check_llm([q.id for q in queries])
        return run

    def _check_llm(self, query_ids: list[str]) -> None:
        """An LLM policy whose endpoint never answered ran on its fall-back: say so."""
        if not getattr(self.policy, "uses_llm", False) or not query_ids:
            return
        totals = self.cost.mean(query_ids)
        if totals.get("llm_calls", 0.0) > 0:
            return
        note = (f"agent {self.name!r}: the LLM endpoint never answered ({totals.get('faults', 0.0) * len(query_ids):.0f} "
                "failed attempts); every step ran on the heuristic fall-back")
        if getattr(self.policy, "require_llm", False):
            raise LimitbenchError(note + " (require_llm is set)")
        self.notes.append(note)
        log.warning(note)

    def _search_one(self, query: Query, *, k: int, run_id: str, writer: TraceWriter | None) -> dict[str, float]:
        started = time.perf_counter()
        indexing_before = self.toolbox.total_index_seconds()
        step = 0

        def on_step(node: str, update: dict[str, Any]) -> None:
            nonlocal step
            step += 1
            if writer is not None:
                writer.write({"run": run_id, "agent": self.name, "query_id": query.id, "step": step, "node": node, **update.get("log", {})})

        final = self.graph.run(query_id=query.id, query=query.text, k=k, on_step=on_step)
        spent = dict(final.get("spent", {}))
        # a tool indexed lazily during this query: that time is indexing, not this query's
        indexing = self.toolbox.total_index_seconds() - indexing_before
        spent["wall_time_s"] = time.perf_counter() - started - max(0.0, indexing)
        self.cost.add(query.id, **{name: spent.get(name, 0.0) for name in COUNTERS})
        self.fused_run[query.id] = dict(final.get("fused", {}))
        return dict(final.get("result", {}))


def _progress(queries: Sequence[Query], *, enabled: bool):
    if not enabled:
        return queries
    from tqdm import tqdm

    return tqdm(queries, desc="agent", unit="query")
