"""The practitioner's multi-vector retriever: one dense vector per passage.

Each document is cut into overlapping passages of ``window`` words every ``stride``
words (the last passage is aligned to the document's end so no word is lost), every
passage is embedded by :class:`~limitbench.retrievers.encoder.DenseEncoder` (cached),
and a document scores as its best passage:

    s(q, d) = max_{p ∈ passages(d)} cos(q, p)

— the MaxP aggregation of Dai & Callan, "Deeper Text Understanding for IR with
Contextual Neural Language Modeling", SIGIR 2019. Fewer facts per vector is how
chunking works around the single-vector bound of Weller et al. (2025): a passage
holds only ``window`` words of a document's attribute list. The default (16 words,
stride 8) is measured against other windows in ``configs/colbert-limit-small.yaml``.
"""

from __future__ import annotations

from typing import Mapping, Sequence

import numpy as np

from .encoder import DenseEncoder
from .errors import ConfigError, DataError
from .types import CostLog, Document, Query, Run, top_k

__all__ = ["ChunkedDenseRetriever", "split_passages"]


def split_passages(text: str, *, window: int, stride: int) -> list[str]:
    """Overlapping word windows of ``text``; a text of ``window`` words or fewer is one passage."""
    words = text.split()
    if len(words) <= window:
        return [" ".join(words)]
    starts = list(range(0, len(words) - window + 1, stride))
    if starts[-1] + window < len(words):
        starts.append(len(words) - window)
    return [" ".join(words[start : start + window]) for start in starts]


class ChunkedDenseRetriever:
    """Dense retrieval over passages, documents scored by their best passage."""

    def __init__(
        self,
        *,
        model: str | None = None,
        window: int = 16,
        stride: int = 8,
        batch_size: int = 64,
        device: str | None = None,
        use_cache: bool = True,
        show_progress: bool = False,
    ) -> None:
        if window < 1 or not 1 <= stride <= window:
            raise ConfigError(f"chunked-dense: need window >= 1 and 1 <= stride <= window (got window={window}, stride={stride})")
        self.window, self.stride = window, stride
        self.name = f"chunked-dense-w{window}s{stride}"
        self.encoder = DenseEncoder(
            model=model, batch_size=batch_size, device=device, use_cache=use_cache, show_progress=show_progress
        )
        self.cost = CostLog()
        self._doc_ids: list[str] = []
        self._positions: dict[str, int] = {}
        self._passages: np.ndarray | None = None  # (n_passages, dim), grouped by document
        self._starts: np.ndarray | None = None  # first passage row of each document

    def index(self, *, corpus: Sequence[Document]) -> None:
        if not corpus:
            raise DataError("chunked-dense: cannot index an empty corpus")
        self.cost.reset()
        texts: list[str] = []
        starts = np.empty(len(corpus), dtype=np.int64)
        for i, doc in enumerate(corpus):
            starts[i] = len(texts)
            texts.extend(split_passages(doc.full_text, window=self.window, stride=self.stride))
        self._doc_ids = [doc.id for doc in corpus]
        self._positions = {doc_id: i for i, doc_id in enumerate(self._doc_ids)}
        self._passages = self.encoder.encode(texts, role="document")
        self._starts = starts

    def _document_scores(self, queries: Sequence[Query]) -> np.ndarray:
        if self._passages is None:
            raise ConfigError("chunked-dense: search() called before index()")
        vectors = self.encoder.encode([q.text for q in queries], role="query")
        # passages of a document are contiguous, so a segmented max gives MaxP
        return np.maximum.reduceat(vectors @ self._passages.T, self._starts, axis=1)

    def search(self, *, queries: Sequence[Query], k: int, query_batch: int = 256) -> Run:
        run: Run = {}
        n = len(self._doc_ids)
        keep = min(k, n)
        for start in range(0, len(queries), query_batch):
            batch = queries[start : start + query_batch]
            scores = self._document_scores(batch)
            for row, query in enumerate(batch):
                best = np.argpartition(-scores[row], keep - 1)[:keep] if keep < n else range(n)
                run[query.id] = top_k({self._doc_ids[i]: float(scores[row, i]) for i in best}, k)
                self.cost.add(query.id, docs_scored=n, passages_scored=len(self._passages))
        return run

    def score(self, *, queries: Sequence[Query], candidates: Mapping[str, Sequence[str]]) -> Run:
        """Best-passage scores of each query's candidate documents only."""
        if self._passages is None:
            raise ConfigError("chunked-dense: score() called before index()")
        vectors = self.encoder.encode([q.text for q in queries], role="query")
        ends = np.append(self._starts[1:], len(self._passages))
        run: Run = {}
        for vector, query in zip(vectors, queries):
            ids = list(dict.fromkeys(candidates.get(query.id, ())))
            run[query.id] = {}
            passages = 0
            for doc_id in ids:
                if doc_id not in self._positions:
                    raise DataError(f"chunked-dense: candidate document {doc_id!r} of query {query.id!r} is not in the indexed corpus")
                i = self._positions[doc_id]
                run[query.id][doc_id] = float((self._passages[self._starts[i] : ends[i]] @ vector).max())
                passages += int(ends[i] - self._starts[i])
            self.cost.add(query.id, docs_scored=len(ids), passages_scored=passages)
        return run
