"""The one retriever interface every system in limitbench implements.

In the spirit of MTEB's search protocol (``mteb/models/models_protocols.py``):
index a corpus once, then search a batch of queries for their top ``k``. Agents
implement the same protocol, so all systems land in the same results table.

A retriever may also carry a :class:`~limitbench.retrievers.types.CostLog` as
``cost`` (see :class:`CostReporting`); the runner then reports its counters.
"""

from __future__ import annotations

from typing import Protocol, Sequence, runtime_checkable

from .types import CostLog, Document, Query, Run

__all__ = ["Retriever", "CostReporting"]


@runtime_checkable
class Retriever(Protocol):
    """Index a corpus, then rank documents for a batch of queries."""

    name: str

    def index(self, *, corpus: Sequence[Document]) -> None:
        """Build whatever the retriever needs over ``corpus`` (replacing any earlier index)."""
        ...

    def search(self, *, queries: Sequence[Query], k: int) -> Run:
        """Return ``{query_id: {doc_id: score}}`` with at most ``k`` documents per query."""
        ...


@runtime_checkable
class CostReporting(Protocol):
    """Optional: a retriever that counts what each query costs."""

    cost: CostLog
