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
import time
import uuid
from typing import Any, Mapping, Sequence

from limitbench.retrievers.errors import ConfigError
from limitbench.retrievers.types import CostLog, Document, Query, Run

from .budget import COUNTERS, Budget
from .graph import AgentGraph
from .policies import Policy, resolve_policy
from .tools import ToolBox, parse_tools
from .trace import TraceWriter

__all__ = ["AgentRetriever"]


class AgentRetriever:
    """Agentic retriever (registry name ``agent``).

    Options: ``tools`` (default: bm25, colbert, dense, numeric — those available),
    ``policy`` (heuristic | llm | package.module:Class | object), ``policy_options``,
    ``llm`` (``base_url``, ``model``, ``api_key_env``, ``timeout``, ``max_retries``,
    ``backoff``), budgets ``max_rounds``, ``max_docs_read``, ``max_tool_calls``,
    ``max_llm_tokens``, ``trace_path``, ``rrf_k``, ``name``, ``index_tools`` (lazy | eager).
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
        self.graph = AgentGraph(policy=self.policy, toolbox=self.toolbox, budget=self.budget, rrf_k=rrf_k)
        self.trace_path = trace_path
        self.name = name
        self.index_tools = index_tools
        self.show_progress = show_progress
        self.cost = CostLog()

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
        writer = TraceWriter(self.trace_path) if self.trace_path else None
        with writer if writer is not None else contextlib.nullcontext():
            for query in _progress(queries, enabled=self.show_progress):
                run[query.id] = self._search_one(query, k=k, run_id=run_id, writer=writer)
        return run

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
        return dict(final.get("result", {}))


def _progress(queries: Sequence[Query], *, enabled: bool):
    if not enabled:
        return queries
    from tqdm import tqdm

    return tqdm(queries, desc="agent", unit="query")
