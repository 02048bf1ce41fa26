"""BM25 keyword retrieval with two interchangeable backends.

Score of document D for query Q (Robertson & Zaragoza 2009, "The Probabilistic
Relevance Framework: BM25 and Beyond", eq. 3.15, with the idf floored at zero):

    score(D, Q) = sum_{t in Q} idf(t) * tf(t, D) / (tf(t, D) + k1 * (1 - b + b * |D| / avgdl))
    idf(t)      = max(0, ln((N - df(t) + 0.5) / (df(t) + 0.5)))

* ``backend="bm25s"`` (default): bm25s' sparse, precomputed scores (Lù 2024,
  arXiv 2407.03618), method ``robertson``.
* ``backend="rank_bm25"``: the reference ``rank_bm25.BM25Okapi`` with ``epsilon=0``,
  which floors negative idf at zero exactly as above. Its scores carry an extra
  constant factor (k1 + 1), so the two backends rank identically
  (``tests/retrievers/test_bm25_parity.py``).
"""

from __future__ import annotations

from typing import Sequence

import numpy as np

from .errors import ConfigError
from .tokenize import word_tokens
from .types import CostLog, Document, Query, Run

__all__ = ["BM25Retriever", "BACKENDS"]

BACKENDS = ("bm25s", "rank_bm25")


def _bm25s_backend() -> str:
    """bm25s' numba backend is ~30x faster than its numpy one once compiled, but its
    "auto" choice does not pick it here; use it whenever numba imports."""
    try:
        import numba  # noqa: F401
    except ImportError:
        return "numpy"
    return "numba"


class BM25Retriever:
    """Keyword retrieval; see the module docstring for the exact scoring."""

    def __init__(
        self,
        *,
        backend: str = "bm25s",
        k1: float = 1.5,
        b: float = 0.75,
        stopwords: bool = True,
        show_progress: bool = True,
    ) -> None:
        if backend not in BACKENDS:
            raise ConfigError(f"bm25: unknown backend {backend!r} (choose from {', '.join(BACKENDS)})")
        self.backend = backend
        self.k1 = k1
        self.b = b
        self.stopwords = stopwords
        self.show_progress = show_progress
        self.name = "bm25" if backend == "bm25s" else f"bm25-{backend}"
        self.cost = CostLog()
        self._doc_ids: list[str] = []
        self._engine: object | None = None

    def index(self, *, corpus: Sequence[Document]) -> None:
        self.cost.reset()
        self._doc_ids = [doc.id for doc in corpus]
        tokens = [word_tokens(doc.full_text, stopwords=self.stopwords) for doc in corpus]
        if self.backend == "bm25s":
            import logging

            import bm25s

            logging.getLogger("bm25s").setLevel(logging.WARNING)  # bm25s sets DEBUG on import
            engine = bm25s.BM25(k1=self.k1, b=self.b, method="robertson")
            engine.index(tokens, show_progress=self.show_progress)
        else:
            from rank_bm25 import BM25Okapi

            engine = BM25Okapi(tokens, k1=self.k1, b=self.b, epsilon=0.0)
        self._engine = engine

    def _require_index(self) -> object:
        if self._engine is None:
            raise ConfigError(f"{self.name}: search() called before index()")
        return self._engine

    def known_tokens(self, query_text: str) -> list[str]:
        """The query's tokens that occur in the indexed corpus (others cannot score)."""
        engine = self._require_index()
        vocabulary = engine.vocab_dict if self.backend == "bm25s" else engine.idf  # type: ignore[attr-defined]
        return [t for t in word_tokens(query_text, stopwords=self.stopwords) if t in vocabulary]

    def score_all(self, query_text: str) -> np.ndarray:
        """BM25 score of every indexed document for one query, in corpus order."""
        engine = self._require_index()
        tokens = self.known_tokens(query_text)
        if not tokens:
            return np.zeros(len(self._doc_ids))
        return np.asarray(engine.get_scores(tokens), dtype=np.float64)  # type: ignore[attr-defined]

    def search(self, *, queries: Sequence[Query], k: int) -> Run:
        engine = self._require_index()
        k = min(k, len(self._doc_ids))
        if self.backend == "bm25s":
            return self._search_bm25s(engine, queries, k)
        from tqdm.auto import tqdm

        run: Run = {}
        for query in tqdm(queries, desc=f"{self.name} search", disable=not self.show_progress, leave=False):
            self.cost.add(query.id, docs_scored=len(self._doc_ids))
            if not self.known_tokens(query.text):
                run[query.id] = {}  # no query word occurs in the corpus: no evidence to rank by
                continue
            scores = self.score_all(query.text)
            top = np.argsort(-scores, kind="stable")[:k]
            run[query.id] = {self._doc_ids[i]: float(scores[i]) for i in top}
        return run

    def _search_bm25s(self, engine: object, queries: Sequence[Query], k: int) -> Run:
        tokens = [self.known_tokens(q.text) for q in queries]
        searchable = [i for i, t in enumerate(tokens) if t]  # no known word: no evidence to rank by
        run: Run = {q.id: {} for q in queries}
        for query in queries:
            self.cost.add(query.id, docs_scored=len(self._doc_ids))
        if not searchable:
            return run
        documents, scores = engine.retrieve(  # type: ignore[attr-defined]
            # a bar for one query (an agent's tool call) is noise
            [tokens[i] for i in searchable], k=k, show_progress=self.show_progress and len(searchable) > 1, n_threads=0,
            backend_selection=_bm25s_backend(),
        )
        for row, query in enumerate(queries[i] for i in searchable):
            # equal scores in corpus order, as the reference backend's stable sort gives
            ranked = sorted(zip(documents[row], scores[row]), key=lambda pair: (-float(pair[1]), int(pair[0])))
            run[query.id] = {self._doc_ids[int(i)]: float(s) for i, s in ranked}
        return run
