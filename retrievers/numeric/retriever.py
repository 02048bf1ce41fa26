"""NumericRetriever: answer numeric-constraint queries by filtering, not similarity.

``index`` reads every document's quantities, dates and versions into a
:class:`~.index.NumericIndex`; ``search`` parses each query's constraints
(:func:`~.parse.parse_report`) and ranks:

* documents that satisfy every constraint first, all with score 1.0 (ties are
  broken by document id, as everywhere in limitbench);
* then, if ``near_misses`` is on, documents that state the attribute but miss,
  scored ``0.5 / (1 + violation)`` so the closest misses come first — a fallback
  that keeps recall when the query's boundary wording is read differently than meant.

A query with no parsable constraint gets an empty ranking. Per query the cost log
records ``constraint_parsed`` (1 or 0), ``constraints`` (how many), ``docs_scored``
(documents stating the constrained kind) and ``tool_calls`` (1); the reasons a
query was not understood are kept in ``problems`` and logged at WARNING level.

This is the approach NumConQ (2025) motivates: dense retrievers meet numeric
constraints in a small share of cases, a structured filter meets all of them.
"""

from __future__ import annotations

import logging
from typing import Sequence

from limitbench.retrievers.types import CostLog, Document, Query, Run, top_k

from .index import NumericIndex
from .parse import parse_report

__all__ = ["NumericRetriever"]

log = logging.getLogger(__name__)


class NumericRetriever:
    """Structured numeric filter as a retriever (registered as ``numeric``)."""

    name = "numeric"

    def __init__(self, *, near_misses: bool = True) -> None:
        self.near_misses = near_misses
        self.cost = CostLog()
        self.problems: dict[str, list[str]] = {}
        self._index: NumericIndex | None = None

    @property
    def numeric_index(self) -> NumericIndex:
        if self._index is None:
            raise RuntimeError("NumericRetriever.search() called before index()")
        return self._index

    def index(self, *, corpus: Sequence[Document]) -> None:
        self.cost.reset()
        self.problems = {}
        self._index = NumericIndex.build(corpus)

    def search(self, *, queries: Sequence[Query], k: int) -> Run:
        index = self.numeric_index
        run: Run = {}
        for query in queries:
            run[query.id] = self._search_one(index, query, k)
        return run

    def _search_one(self, index: NumericIndex, query: Query, k: int) -> dict[str, float]:
        parsed = parse_report(query.text)
        if parsed.problems:
            self.problems[query.id] = parsed.problems
            for problem in parsed.problems:
                log.warning("numeric: query %s: %s", query.id, problem)
        if not parsed.constraints:
            self.cost.add(query.id, constraint_parsed=0, constraints=0, docs_scored=0, tool_calls=1)
            return {}
        verdicts = index.evaluate(parsed.constraints)
        self.cost.add(query.id, constraint_parsed=1, constraints=len(parsed.constraints), docs_scored=len(verdicts), tool_calls=1)
        scores = {v.doc_id: 1.0 for v in verdicts if v.satisfied}
        if self.near_misses:
            scores.update({v.doc_id: 0.5 / (1.0 + v.violation) for v in verdicts if not v.satisfied})
        return top_k(scores, k)
