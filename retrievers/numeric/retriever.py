"""NumericRetriever: constraint satisfaction first, then what the query is about.

``index`` reads every document's facts — quantities, dates and versions bound to the
attribute they measure (:mod:`.extract`, :mod:`.attributes`) — into a
:class:`~.index.NumericIndex`, and the words of each document for topical relevance
(:class:`~.topic.TopicIndex`). ``search`` parses each query's constraints and topic
(:func:`~.parse.parse_report`) and ranks every document by

    score = 2 * [meets every constraint] + 1 * [states nothing decisive] + 0.9 * topic

where ``topic`` in [0, 1] is how well the document matches the query's topic words
("headphones" in "headphones whose battery lasts more than three days"; attribute words
such as "battery" are left out, every document of the category states them). Documents that miss a constraint come last (with ``near_misses``, the
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

from limitbench.retrievers.types import CostLog, Document, Query, Run, top_k

from .attributes import cue_words
from .index import NumericIndex
from .parse import parse_report
from .topic import CATEGORIES, TopicIndex

_CATEGORY_WORDS = {word for names in CATEGORIES.values() for name in names for word in name.split()} | {
    f"{word}s" for names in CATEGORIES.values() for name in names for word in name.split()}

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
        self._topic = TopicIndex(corpus) if self.use_topic else None

    def search(self, *, queries: Sequence[Query], k: int) -> Run:
        index = self.numeric_index
        return {query.id: self._search_one(index, query, k) for query in queries}

    def topic_scores(self, topic: str, entity: str = "") -> dict[str, float]:
        """Each document's topical relevance to ``topic`` in [0, 1] (:mod:`.topic`)."""
        if self._topic is None:
            return {}
        cues = cue_words() - _CATEGORY_WORDS  # "race" is a cue (race time) and a category
        return self._topic.scores(" ".join(w for w in topic.split() if w not in cues), entity=entity)

    def _search_one(self, index: NumericIndex, query: Query, k: int) -> dict[str, float]:
        parsed = parse_report(query.text)
        if parsed.problems:
            self.problems[query.id] = parsed.problems
            for problem in parsed.problems:
                log.warning("numeric: query %s: %s", query.id, problem)
        if not parsed.constraints:
            self.cost.add(query.id, constraint_parsed=0, constraints=0, docs_scored=0, tool_calls=1)
            return {}
        topic = self.topic_scores(parsed.topic, parsed.entity)
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
