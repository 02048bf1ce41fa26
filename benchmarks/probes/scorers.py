"""Scorers: how similar the system under test finds two number strings.

A scorer turns a family's items into an ``n x n`` similarity matrix ``S`` (row i:
item i as the query, column j: item j as the document) and scores every item
against one anchor (the "similarity to zero" curve).

* :class:`DenseCosineScorer` — cosine of the dense model's embeddings
  (:class:`~limitbench.retrievers.encoder.DenseEncoder`), as in Jina's study;
* :class:`RetrieverScorer` — any registered retriever (``bm25``, ``colbert``,
  ``dense`` ...): the items are indexed as a corpus and each item (or a question
  about it) is the query. A retriever that can score given candidates (the
  ``score(queries=, candidates=)`` rescoring protocol of ``limitbench.retrievers.rerank``,
  implemented by ``colbert``) scores every pair, as does one with ``score_all(text)``
  (``bm25``); any other is searched with ``k = n`` and pairs it does not return get
  its lowest score;
* the reranker-style form is ``RetrieverScorer(..., template="what is the closest
  item to {item}?")`` or ``DenseCosineScorer(template=...)``: the query is a question
  about the item, the documents are the bare items (Jina's reranker experiment).
"""

from __future__ import annotations

import math
from typing import Any, Protocol, Sequence

import numpy as np

from limitbench.retrievers.boundary import RetrieverResultError, call_retriever, checked_run
from limitbench.retrievers.types import Document, Query

__all__ = ["Scorer", "DenseCosineScorer", "RetrieverScorer", "QUESTION_TEMPLATE"]

QUESTION_TEMPLATE = "what is the closest item to {item}?"


class Scorer(Protocol):
    label: str

    def matrix(self, items: Sequence[str]) -> np.ndarray:
        """``S[i, j]``: similarity of item j (document) for item i (query)."""
        ...

    def to_anchor(self, anchor: str, items: Sequence[str]) -> np.ndarray:
        """Similarity of every item (document) for ``anchor`` (query)."""
        ...


def _queries(texts: Sequence[str], template: str) -> list[str]:
    return [template.format(item=text) for text in texts]


class DenseCosineScorer:
    """Cosine similarity of L2-normalised dense embeddings."""

    def __init__(self, *, model: str | None = None, template: str = "{item}", label: str | None = None) -> None:
        from limitbench.retrievers.encoder import DenseEncoder

        self.encoder = DenseEncoder(model=model, show_progress=False)
        self.template = template
        form = "" if template == "{item}" else "-question"
        self.label = label or f"dense-cosine{form}"

    def _embed(self, texts: Sequence[str], role: str) -> np.ndarray:
        return self.encoder.encode(list(texts), role=role)

    def matrix(self, items: Sequence[str]) -> np.ndarray:
        documents = self._embed(items, "document")
        if self.template == "{item}":
            return documents @ documents.T
        return self._embed(_queries(items, self.template), "query") @ documents.T

    def to_anchor(self, anchor: str, items: Sequence[str]) -> np.ndarray:
        query = self._embed(_queries([anchor], self.template), "query" if self.template != "{item}" else "document")
        return (query @ self._embed(items, "document").T)[0]


class RetrieverScorer:
    """Any limitbench retriever as a scorer (index the items, query each item)."""

    def __init__(self, *, retriever: str, options: dict[str, Any] | None = None, template: str = "{item}",
                 label: str | None = None) -> None:
        from limitbench.retrievers.registry import create_retriever

        self.retriever = create_retriever(retriever, **(options or {}))
        self.template = template
        form = "" if template == "{item}" else "-question"
        self.label = label or f"{retriever}{form}"

    def _index(self, items: Sequence[str]) -> list[str]:
        ids = [f"item{j}" for j in range(len(items))]
        corpus = [Document(id=doc_id, text=text) for doc_id, text in zip(ids, items)]
        # a rescorer (limitbench.retrievers.rerank.Rescorer) may have a lighter index for scoring only
        prepare = getattr(self.retriever, "index_for_rescoring", None)
        if callable(getattr(self.retriever, "score", None)) and callable(prepare):
            prepare(corpus=corpus)
        else:
            self.retriever.index(corpus=corpus)
        return ids

    def _scores(self, query_texts: Sequence[str], ids: list[str]) -> np.ndarray:
        queries = [Query(id=f"q{i}", text=text) for i, text in enumerate(query_texts)]
        rescore = getattr(self.retriever, "score", None)
        score_all = getattr(self.retriever, "score_all", None)
        if callable(rescore):
            run = call_retriever(self.retriever, "score", label=self.label, queries=queries,
                                 candidates={q.id: ids for q in queries})
        elif callable(score_all):  # BM25: every document's score for one query, in corpus order
            rows = np.vstack([np.asarray(score_all(query.text), dtype=float) for query in queries])
            if rows.shape != (len(queries), len(ids)) or not np.isfinite(rows).all():
                raise RetrieverResultError(f"retriever {self.label!r}: score_all() gave {rows.shape} scores "
                                           f"(expected {len(ids)} finite scores per query)")
            return rows
        else:
            run = call_retriever(self.retriever, "search", label=self.label, queries=queries, k=len(ids))
        run = checked_run(run, retriever=self.label, queries=queries, corpus_ids=set(ids), k=len(ids))
        matrix = np.full((len(queries), len(ids)), np.nan)
        column = {doc_id: j for j, doc_id in enumerate(ids)}
        for i, query in enumerate(queries):
            for doc_id, score in run.get(query.id, {}).items():
                matrix[i, column[doc_id]] = score
        # a pair the retriever did not return ranks below everything it returned
        floor = np.nanmin(matrix) if np.isfinite(matrix).any() else 0.0
        return np.where(np.isnan(matrix), min(floor, 0.0) if not math.isnan(floor) else 0.0, matrix)

    def matrix(self, items: Sequence[str]) -> np.ndarray:
        ids = self._index(items)
        return self._scores(_queries(items, self.template), ids)

    def to_anchor(self, anchor: str, items: Sequence[str]) -> np.ndarray:
        ids = self._index(items)
        return self._scores(_queries([anchor], self.template), ids)[0]
