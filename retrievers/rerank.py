"""Two-stage retrieval: candidates from one retriever, re-scored by another.

The classic retrieve-then-rerank pipeline (e.g. BM25 then a neural scorer, Nogueira &
Cho, "Passage Re-ranking with BERT", 2019; BM25 or dense then ColBERT MaxSim, Khattab &
Zaharia 2020, §3.5): the first stage returns its top ``depth`` documents per query and
only those are re-scored and re-ordered. Documents outside the candidates are never
returned, so recall at any cut-off is bounded by the first stage's recall at ``depth``.

A second stage that can score given documents implements :class:`Rescorer`; any other
retriever is searched over the whole corpus and its scores are kept for the candidates
only (candidates it does not return stay below, in first-stage order).
"""

from __future__ import annotations

from typing import Any, Mapping, Protocol, Sequence, runtime_checkable

from .errors import ConfigError
from .protocol import Retriever
from .registry import create_retriever
from .types import CostLog, Document, Query, Run, top_k

__all__ = ["Rescorer", "RerankRetriever", "build_stage"]


@runtime_checkable
class Rescorer(Protocol):
    """Optional: a retriever that scores given candidate documents per query."""

    def score(self, *, queries: Sequence[Query], candidates: Mapping[str, Sequence[str]]) -> Run:
        """``{query_id: {doc_id: score}}`` for exactly the ``candidates`` of each query."""
        ...


def build_stage(spec: Any, *, field: str) -> Retriever:
    """A retriever from ``name``, ``{name: ..., options: {...}}`` or an instance."""
    if isinstance(spec, Retriever):
        return spec
    if isinstance(spec, str):
        return create_retriever(spec)
    if isinstance(spec, Mapping) and isinstance(spec.get("name"), str):
        unknown = sorted(set(spec) - {"name", "options"})
        if unknown:
            raise ConfigError(f"rerank: {field} has unknown key(s) {', '.join(unknown)} (expected name, options)")
        options = spec.get("options") or {}
        if not isinstance(options, Mapping):
            raise ConfigError(f"rerank: {field}.options must be a mapping")
        return create_retriever(spec["name"], **options)
    raise ConfigError(f"rerank: {field} must be a retriever name or {{name: ..., options: {{...}}}}, got {spec!r}")


class RerankRetriever:
    """``first_stage`` top-``depth`` candidates, re-ordered by ``reranker``."""

    def __init__(self, *, first_stage: Any, reranker: Any, depth: int = 100) -> None:
        if not isinstance(depth, int) or depth < 1:
            raise ConfigError(f"rerank: depth must be a positive integer, got {depth!r}")
        self.first_stage = build_stage(first_stage, field="first_stage")
        self.reranker = build_stage(reranker, field="reranker")
        self.depth = depth
        self.name = f"{self.first_stage.name}>{self.reranker.name}"
        self.cost = CostLog()
        self._corpus_size = 0

    def index(self, *, corpus: Sequence[Document]) -> None:
        self.cost.reset()
        self._corpus_size = len(corpus)
        self.first_stage.index(corpus=corpus)
        # a re-scorer needs no search structure, only what score() reads
        prepare = getattr(self.reranker, "index_for_rescoring", None)
        if callable(prepare) and isinstance(self.reranker, Rescorer):
            prepare(corpus=corpus)
        else:
            self.reranker.index(corpus=corpus)

    def candidates(self, queries: Sequence[Query]) -> dict[str, list[str]]:
        """First-stage top-``depth`` document ids per query, best first."""
        run = self.first_stage.search(queries=queries, k=self.depth)
        return {q.id: list(top_k(run.get(q.id, {}), self.depth)) for q in queries}

    def _rescore(self, queries: Sequence[Query], candidates: dict[str, list[str]]) -> Run:
        if isinstance(self.reranker, Rescorer):
            return self.reranker.score(queries=queries, candidates=candidates)
        full = self.reranker.search(queries=queries, k=self._corpus_size)
        return {q.id: {d: full.get(q.id, {})[d] for d in candidates[q.id] if d in full.get(q.id, {})} for q in queries}

    def search(self, *, queries: Sequence[Query], k: int) -> Run:
        candidates = self.candidates(queries)
        scores = self._rescore(queries, candidates)
        run: Run = {}
        for query in queries:
            scored = scores.get(query.id, {})
            ranked = dict(top_k(scored, len(scored)))
            # candidates the reranker did not score keep their first-stage order, below the rest
            floor = min(ranked.values(), default=0.0)
            missing = [d for d in candidates[query.id] if d not in ranked]
            for offset, doc_id in enumerate(missing, start=1):
                ranked[doc_id] = floor - offset
            run[query.id] = dict(list(ranked.items())[:k])
            self._log(query.id)
        return run

    def _log(self, query_id: str) -> None:
        row: dict[str, float] = {}
        for prefix, stage in (("first_stage_", self.first_stage), ("reranker_", self.reranker)):
            log = getattr(stage, "cost", None)
            if isinstance(log, CostLog):
                row.update({prefix + name: value for name, value in log.per_query.get(query_id, {}).items()})
        row["docs_scored"] = row.get("first_stage_docs_scored", 0.0) + row.get("reranker_docs_scored", 0.0)
        self.cost.per_query[query_id] = row
