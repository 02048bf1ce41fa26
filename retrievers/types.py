"""Core value types shared by every retriever, agent and benchmark.

A *run* follows the TREC / ir_measures convention used by MTEB's search protocol:
``{query_id: {doc_id: score}}`` with higher scores ranked first.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Mapping

__all__ = ["Document", "Query", "Run", "Qrels", "CostLog", "top_k"]

Run = dict[str, dict[str, float]]
Qrels = dict[str, dict[str, int]]


@dataclass(frozen=True, slots=True)
class Document:
    """One corpus entry. ``full_text`` is what retrievers index (title, then text)."""

    id: str
    text: str
    title: str = ""

    @property
    def full_text(self) -> str:
        return f"{self.title} {self.text}".strip() if self.title else self.text


@dataclass(frozen=True, slots=True)
class Query:
    id: str
    text: str


@dataclass
class CostLog:
    """Per-query cost counters a retriever fills while it searches.

    Counters are free-form names (``tool_calls``, ``docs_read``, ``docs_scored``,
    ``llm_tokens`` ...) so a retriever reports what it actually spends; the runner
    averages them over queries into ``results.json``'s ``cost`` field.
    """

    per_query: dict[str, dict[str, float]] = field(default_factory=lambda: defaultdict(dict))

    def add(self, query_id: str, **counters: float) -> None:
        row = self.per_query.setdefault(query_id, {})
        for name, value in counters.items():
            row[name] = row.get(name, 0.0) + float(value)

    def reset(self) -> None:
        self.per_query = defaultdict(dict)

    def mean(self, query_ids: list[str] | None = None) -> dict[str, float]:
        """Mean of every counter over ``query_ids`` (default: all logged queries);
        a query that never touched a counter counts as zero for it."""
        ids = list(self.per_query) if query_ids is None else list(query_ids)
        if not ids:
            return {}
        names = sorted({name for row in self.per_query.values() for name in row})
        return {
            name: sum(self.per_query.get(qid, {}).get(name, 0.0) for qid in ids) / len(ids)
            for name in names
        }


def top_k(scores: Mapping[str, float], k: int) -> dict[str, float]:
    """The ``k`` best ``doc_id -> score`` entries, ties broken by doc id for determinism."""
    ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))[:k]
    return dict(ranked)
