"""Single-vector dense retrieval: a sentence-transformers encoder plus a FAISS index.

Documents and queries are embedded by :class:`DenseEncoder` (cached on disk; run by
torch or onnxruntime, ``backend``/``precision``, see :mod:`.models`),
optionally reduced to ``dim`` dimensions (:mod:`.reduce`), and searched by inner
product — exact (``IndexFlatIP``) by default, or approximately with HNSW
(Malkov & Yashunin 2018) or IVF (Jégou et al. 2011) for large corpora.
"""

from __future__ import annotations

from typing import Sequence

import numpy as np

from .cache import array_problem
from .encoder import DenseEncoder
from .errors import ConfigError
from .reduce import DimensionReducer
from .types import CostLog, Document, Query, Run

__all__ = ["DenseRetriever", "INDEX_TYPES"]

INDEX_TYPES = ("flat", "hnsw", "ivf")


_QUERY_MEMO = 4096  # query vectors kept in memory per retriever


class DenseRetriever:
    def __init__(
        self,
        *,
        model: str | None = None,
        backend: str = "auto",
        precision: str = "fp32",
        num_threads: int | None = None,
        dim: int | None = None,
        reduction: str = "truncate",
        index: str = "flat",
        hnsw_m: int = 32,
        hnsw_ef_search: int = 128,
        ivf_lists: int | None = None,
        ivf_probe: int = 16,
        batch_size: int = 64,
        device: str | None = None,
        use_cache: bool = True,
        show_progress: bool = True,
    ) -> None:
        if index not in INDEX_TYPES:
            raise ConfigError(f"dense: unknown index {index!r} (choose from {', '.join(INDEX_TYPES)})")
        self.encoder = DenseEncoder(
            model=model, backend=backend, precision=precision, num_threads=num_threads, batch_size=batch_size,
            device=device, use_cache=use_cache, show_progress=show_progress,
        )
        self.reducer = DimensionReducer(dim=dim, method=reduction)
        self.index_type = index
        self.hnsw_m = hnsw_m
        self.hnsw_ef_search = hnsw_ef_search
        self.ivf_lists = ivf_lists
        self.ivf_probe = ivf_probe
        self.dim = dim
        self.show_progress = show_progress
        base = "dense" if dim is None else f"dense-d{dim}" + ("" if reduction == "truncate" else f"-{reduction}")
        # an explicitly chosen backend, and int8 always, show in the label
        self.name = base + self.encoder.runtime.label_suffix
        self.cost = CostLog()
        self._doc_ids: list[str] = []
        self._index = None
        self.doc_vectors: np.ndarray | None = None

    def index(self, *, corpus: Sequence[Document]) -> None:
        self.cost.reset()
        self._doc_ids = [doc.id for doc in corpus]
        vectors = self._embed([doc.full_text for doc in corpus], role="document")
        vectors = self.reducer.fit(vectors).transform(vectors)
        self.doc_vectors = vectors
        self._index = self._build_index(vectors)

    def _build_index(self, vectors: np.ndarray):
        import faiss

        dim = vectors.shape[1]
        if self.index_type == "flat":
            index = faiss.IndexFlatIP(dim)
        elif self.index_type == "hnsw":
            index = faiss.IndexHNSWFlat(dim, self.hnsw_m, faiss.METRIC_INNER_PRODUCT)
            index.hnsw.efSearch = self.hnsw_ef_search
        else:
            # sqrt(N) lists is the usual starting point (faiss wiki, "Guidelines to choose an index")
            lists = self.ivf_lists or max(1, int(np.sqrt(len(vectors))))
            quantizer = faiss.IndexFlatIP(dim)
            index = faiss.IndexIVFFlat(quantizer, dim, lists, faiss.METRIC_INNER_PRODUCT)
            index.train(vectors)
            index.nprobe = min(self.ivf_probe, lists)
        index.add(vectors)
        return index

    @property
    def dimension(self) -> int | None:
        """Dimensions actually searched (after any reduction); None before indexing."""
        return None if self.doc_vectors is None else int(self.doc_vectors.shape[1])

    def encode_queries(self, queries: Sequence[Query]) -> np.ndarray:
        """Query vectors; each text is encoded once per retriever (an agent searches the
        same text again, deeper, and encoding is the costly part)."""
        texts = [q.text for q in queries]
        missing = [text for text in dict.fromkeys(texts) if text not in self._query_vectors]
        if missing:
            for text, vector in zip(missing, self._embed(missing, role="query")):
                if len(self._query_vectors) >= _QUERY_MEMO:
                    self._query_vectors.pop(next(iter(self._query_vectors)))  # oldest first
                self._query_vectors[text] = vector
        vectors = np.stack([self._query_vectors[text] for text in texts])
        return self.reducer.transform(vectors)

    @property
    def _query_vectors(self) -> dict[str, np.ndarray]:
        memo = self.__dict__.get("_query_memo")
        if memo is None:
            memo = self.__dict__["_query_memo"] = {}
        return memo

    def _embed(self, texts: list[str], *, role: str) -> np.ndarray:
        """Embeddings that fit the model (rows, width, finite, unit length); a cache entry
        that does not — damaged, or forged together with its sidecar — is dropped and the
        texts are encoded again instead of reaching FAISS."""
        vectors = self.encoder.encode(texts, role=role)
        if self.encoder.last_encode_cached:
            width = self.encoder.model.get_sentence_embedding_dimension()
            if array_problem(vectors, rows=len(texts), columns=width, unit_rows=True):
                self.encoder.cache.discard(self.encoder.cache_key(texts, role=role))
                vectors = self.encoder.encode(texts, role=role)
        return vectors

    def _search_in_chunks(self, vectors: np.ndarray, k: int, chunk: int = 256) -> tuple[np.ndarray, np.ndarray]:
        from tqdm.auto import tqdm

        starts = range(0, len(vectors), chunk)
        parts = [
            self._index.search(vectors[start : start + chunk], k)
            for start in tqdm(starts, desc=f"{self.name} search", disable=not self.show_progress or len(starts) < 2, leave=False)
        ]
        return np.concatenate([p[0] for p in parts]), np.concatenate([p[1] for p in parts])

    def search(self, *, queries: Sequence[Query], k: int) -> Run:
        if self._index is None:
            raise ConfigError(f"{self.name}: search() called before index()")
        k = min(k, len(self._doc_ids))
        vectors = self.encode_queries(queries)
        scores, positions = self._search_in_chunks(vectors, k)
        run: Run = {}
        for row, query in enumerate(queries):
            run[query.id] = {self._doc_ids[p]: float(s) for p, s in zip(positions[row], scores[row]) if p >= 0}
            self.cost.add(query.id, docs_scored=len(self._doc_ids) if self.index_type == "flat" else k)
        return run
