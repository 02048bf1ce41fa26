"""NumericRetriever: constraint satisfaction first, then what the query is about.

``index`` reads every document's facts — quantities, dates and versions bound to the
attribute they measure (:mod:`.extract`, :mod:`.attributes`) — into a
:class:`~.index.NumericIndex`, and indexes the text for topical relevance (BM25 through
:class:`limitbench.retrievers.bm25.BM25Retriever`). ``search`` parses each query's
constraints and topic (:func:`~.parse.parse_report`) and ranks every document by

    score = 2 * [meets every constraint] + 1 * [states nothing decisive] + 0.9 * topic

where ``topic`` is the BM25 score of the query's topical words ("headphones" in
"headphones whose battery lasts more than three days") divided by the best score for
that query. Documents that miss a constraint come last (with ``near_misses``, the
closest misses first, by a tenth of a point). So among documents that satisfy the
constraint, the ones about what was asked come first; and a document about something
else (a laptop for a headphones question) can satisfy a battery constraint without
outranking the headphones.

A query with no parsable constraint gets an empty ranking (this is a numeric tool; the
agent uses text tools for such a query). Per query the cost log records
``constraint_parsed`` (1 or 0), ``constraints`` (how many), ``docs_scored`` and
``tool_calls`` (1); the reasons a query was not understood are kept in ``problems`` and
logged at WARNING level.

This is the approach NumConQ (2025) motivates: dense retrievers meet numeric
constraints in a small share of cases, a structured filter meets all of them.
"""

from __future__ import annotations

import logging
from typing import Sequence

import numpy as np

from limitbench.retrievers.types import CostLog, Document, Query, Run, top_k

from .index import NumericIndex
from .parse import parse_report

__all__ = ["NumericRetriever"]

log = logging.getLogger(__name__)


class NumericRetriever:
    """Structured numeric filter as a retriever (registered as ``numeric``)."""

    name = "numeric"

    def __init__(self, *, near_misses: bool = True, topic: bool = True) -> None:
        self.near_misses = near_misses
        self.use_topic = topic
        self.cost = CostLog()
        self.problems: dict[str, list[str]] = {}
        self._index: NumericIndex | None = None
        self._topic = None

    @property
    def numeric_index(self) -> NumericIndex:
        if self._index is None:
            raise RuntimeError("NumericRetriever.search() called before index()")
        return self._index

    def index(self, *, corpus: Sequence[Document]) -> None:
        self.cost.reset()
        self.problems = {}
        self._index = NumericIndex.build(corpus)
        if self.use_topic:
            from limitbench.retrievers.bm25 import BM25Retriever

            self._topic = BM25Retriever(show_progress=False)
            self._topic.index(corpus=corpus)

    def search(self, *, queries: Sequence[Query], k: int) -> Run:
        index = self.numeric_index
        return {query.id: self._search_one(index, query, k) for query in queries}

    def topic_scores(self, topic: str) -> dict[str, float]:
        """Each document's topical relevance to ``topic`` in [0, 1] (BM25 / best)."""
        if self._topic is None or not topic.strip():
            return {}
        scores = self._topic.score_all(topic)
        best = float(np.max(scores)) if len(scores) else 0.0
        if best <= 0:
            return {}
        return {doc_id: float(score) / best for doc_id, score in zip(self.numeric_index.order, scores) if score > 0}

    def _search_one(self, index: NumericIndex, query: Query, k: int) -> dict[str, float]:
        parsed = parse_report(query.text)
        if parsed.problems:
            self.problems[query.id] = parsed.problems
            for problem in parsed.problems:
                log.warning("numeric: query %s: %s", query.id, problem)
        if not parsed.constraints:
            self.cost.add(query.id, constraint_parsed=0, constraints=0, docs_scored=0, tool_calls=1)
            return {}
        topic = self.topic_scores(parsed.topic)
        scores: dict[str, float] = {}
        for doc_id in index.order:
            met, distance = index.verdict(doc_id, parsed.constraints)
            relevance = 0.9 * topic.get(doc_id, 0.0)
            if met is True:
                scores[doc_id] = 2.0 + relevance
            elif met is None:
                scores[doc_id] = 1.0 + relevance
            elif self.near_misses:
                scores[doc_id] = 0.9 * relevance + 0.1 / (1.0 + distance)
        self.cost.add(query.id, constraint_parsed=1, constraints=len(parsed.constraints), docs_scored=len(index.order), tool_calls=1)
        return top_k(scores, k)
