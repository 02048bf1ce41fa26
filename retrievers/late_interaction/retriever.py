"""The ``colbert`` retriever: late interaction (MaxSim over token vectors).

Documents and queries become matrices of unit token vectors (:mod:`.encoder`); a
document's score is ColBERT's MaxSim (Khattab & Zaharia, SIGIR 2020, eq. 3):
``s(q, d) = Σ_i max_j q_i · d_j``.

Two ways to search, picked by corpus size (``index: auto``) or forced:

``exact``
    every document is scored by exact MaxSim on the full-width float16 token vectors
    (:mod:`.maxsim`, PyLate's kernel). The default up to ``exact_max_docs`` documents.
``ivf``
    token vectors shrunk to ``index_dim`` by a projection fitted on the corpus
    (:mod:`.projection`) in a FAISS IVF-PQ index; candidates from token hits, re-scored
    by exact MaxSim on the stored vectors (:mod:`.ivf`). Used above ``exact_max_docs``.
``plaid``
    the same projected vectors in a PLAID index (:mod:`.plaid`, fast-plaid); only when
    asked for, since its build takes hours for 50,000 documents on two CPU cores.

It also scores given candidates (:class:`~limitbench.retrievers.rerank.Rescorer`), so
it can be the second stage of the ``rerank`` retriever. Costs per query: documents
scored, bytes of the token store and index on disk, and the process' peak memory.
"""

from __future__ import annotations

import resource
import time
from typing import Mapping, Sequence

import numpy as np

from ..cache import ArrayCache, content_key
from ..errors import ConfigError, DataError
from ..types import CostLog, Document, Query, Run, top_k
from .encoder import EncodedTexts, TokenEncoder
from .ivf import TokenIVFIndex
from .maxsim import maxsim_candidates, maxsim_scores
from .plaid import PlaidIndex
from .token_cache import RaggedTokens

__all__ = ["ColBERTRetriever", "INDEX_MODES", "peak_memory_mb"]

INDEX_MODES = ("auto", "exact", "ivf", "plaid")


def peak_memory_mb() -> float:
    """Peak resident memory of this process so far (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


class ColBERTRetriever:
    """Multi-vector retrieval with exact MaxSim or a PLAID index."""

    name = "colbert"

    def __init__(
        self,
        *,
        model: str | None = None,
        backend: str = "auto",
        precision: str = "fp32",
        index: str = "auto",
        exact_max_docs: int = 5000,
        index_dim: int | None = 128,
        n_full_scores: int = 256,
        ivf_lists: int | None = None,
        nprobe: int = 32,
        token_k: int = 256,
        pq_m: int = 32,
        nbits: int = 4,
        n_ivf_probe: int = 8,
        kmeans_niters: int = 4,
        seed: int = 42,
        batch_size: int = 64,
        chunk_size: int = 1024,
        skip_punctuation: bool = True,
        query_skiplist: Sequence[str] = (),
        device: str | None = None,
        cache_dir: str | None = None,
        use_cache: bool = True,
        show_progress: bool = False,
        num_threads: int | None = None,
    ) -> None:
        if index not in INDEX_MODES:
            raise ConfigError(f"colbert: index {index!r} is not one of {', '.join(INDEX_MODES)}")
        if index_dim is not None and index_dim < 1:
            raise ConfigError(f"colbert: index_dim must be a positive integer or null, got {index_dim!r}")
        if isinstance(query_skiplist, str):
            raise ConfigError("colbert: query_skiplist must be a list of words")
        self.index_mode = index
        self.exact_max_docs = exact_max_docs
        self.index_dim = index_dim
        self.ivf_options = dict(
            nlist=ivf_lists, pq_m=pq_m, nprobe=nprobe, token_k=token_k, n_full_scores=n_full_scores, seed=seed,
            num_threads=num_threads,
        )
        self.plaid_options = dict(
            nbits=nbits, kmeans_niters=kmeans_niters, seed=seed, n_ivf_probe=n_ivf_probe,
            n_full_scores=n_full_scores, num_threads=num_threads,
        )
        self.cache = ArrayCache(cache_dir) if cache_dir else ArrayCache()
        self.encoder = TokenEncoder(
            model=model, backend=backend, precision=precision, num_threads=num_threads,
            batch_size=batch_size, chunk_size=chunk_size,
            skip_punctuation=skip_punctuation, query_skiplist=query_skiplist, device=device,
            cache=self.cache, use_cache=use_cache, show_progress=show_progress,
        )
        runtime = self.encoder.runtime
        # an explicitly chosen runtime, and int8 always, show in the label
        self.name = "colbert" + (runtime.label_suffix if runtime is not None else "")
        self.cost = CostLog()
        self.stats: dict[str, object] = {}
        self._store: RaggedTokens | None = None
        self._ids: list[str] = []
        self._positions: dict[str, int] = {}
        self._projection: np.ndarray | None = None
        self._index: TokenIVFIndex | PlaidIndex | None = None
        self._disk_bytes = 0

    @property
    def token_store(self) -> RaggedTokens:
        """The indexed documents' token matrices (encode order; see :attr:`document_ids`)."""
        if self._store is None:
            raise RuntimeError("colbert: index() has not been called")
        return self._store

    @property
    def document_ids(self) -> list[str]:
        return list(self._ids)

    # -- indexing -------------------------------------------------------------------
    def resolved_mode(self, documents: int) -> str:
        if self.index_mode != "auto":
            return self.index_mode
        return "exact" if documents <= self.exact_max_docs else "ivf"

    def encode_corpus(self, corpus: Sequence[Document], *, hook=None) -> EncodedTexts:
        """Token matrices of ``corpus`` as this retriever stores them (used by
        :mod:`limitbench.retrievers.joint_encoder` to fill the cache in one pass)."""
        projection_dim = self.index_dim if self.resolved_mode(len(corpus)) != "exact" else None
        return self.encoder.encode(
            [doc.full_text for doc in corpus], role="document", projection_dim=projection_dim, hook=hook
        )

    def _load(self, corpus: Sequence[Document], *, build_index: bool) -> None:
        if not corpus:
            raise DataError("colbert: cannot index an empty corpus")
        self.cost.reset()
        mode = self.resolved_mode(len(corpus))
        started = time.perf_counter()
        encoded = self.encode_corpus(corpus)
        encoded_at = time.perf_counter()
        self._store, self._projection = encoded.tokens, encoded.projection
        self._ids = [corpus[int(i)].id for i in encoded.order]
        self._positions = {doc_id: position for position, doc_id in enumerate(self._ids)}
        if len(self._positions) != len(self._ids):
            raise DataError("colbert: the corpus has duplicate document ids")
        self._disk_bytes = sum(self.encoder.token_cache.size_bytes(key) for key in encoded.keys)
        self._index = None
        if mode != "exact" and build_index:
            self._index = self._open_index(mode, encoded.keys).load_or_build(self._store)
            self._disk_bytes += self._index.size_bytes
        self.stats = {
            "mode": mode if build_index else "rescore",
            "documents": len(self._ids),
            "token_vectors": int(self._store.vectors.shape[0]),
            "dim": self._store.dim,
            "token_store_bytes": sum(self.encoder.token_cache.size_bytes(key) for key in encoded.keys),
            "index_bytes": self._disk_bytes,
            "chunks_cached": encoded.chunks_cached,
            "chunks_encoded": encoded.chunks_encoded,
            "encode_s": encoded_at - started,
            "index_build_s": time.perf_counter() - encoded_at,
            "index_rebuilt": bool(self._index.rebuilt) if self._index else False,
        }

    def _open_index(self, mode: str, token_keys: list[str]) -> TokenIVFIndex | PlaidIndex:
        """The index object for ``mode``, in a folder keyed by the tokens and build options."""
        if mode == "ivf":
            build = {k: self.ivf_options[k] for k in ("nlist", "pq_m", "seed")}
            folder = self.cache.root / "colbert-ivf" / content_key(tokens=token_keys, **build)
            return TokenIVFIndex(folder=folder, **self.ivf_options)
        build = {k: self.plaid_options[k] for k in ("nbits", "kmeans_niters", "seed")}
        folder = self.cache.root / "colbert-plaid" / content_key(tokens=token_keys, **build)
        return PlaidIndex(folder=folder, **self.plaid_options)

    def index(self, *, corpus: Sequence[Document]) -> None:
        self._load(corpus, build_index=True)

    def index_for_rescoring(self, *, corpus: Sequence[Document]) -> None:
        """Only what :meth:`score` needs: the token store, no PLAID index."""
        self._load(corpus, build_index=False)

    # -- searching --------------------------------------------------------------------
    def _query_tokens(self, queries: Sequence[Query]) -> list[np.ndarray]:
        if self._store is None:
            raise RuntimeError("colbert: index() must be called before search()")
        encoded = self.encoder.encode([q.text for q in queries], role="query", projection=self._projection)
        return [m.astype(np.float32) for m in encoded.in_text_order()]

    def _log(self, query_id: str, scored: int) -> None:
        self.cost.add(query_id, docs_scored=scored)
        row = self.cost.per_query[query_id]
        row["index_bytes"] = float(self._disk_bytes)  # a size, not a sum
        row["peak_memory_mb"] = peak_memory_mb()

    def search(self, *, queries: Sequence[Query], k: int) -> Run:
        query_tokens = self._query_tokens(queries)
        if self._index is not None:
            return self._search_index(queries, query_tokens, k)
        run: Run = {}
        scores = maxsim_scores(query_tokens, self._store)
        keep = min(k, scores.shape[1])
        for row, query in enumerate(queries):
            best = np.argpartition(-scores[row], keep - 1)[:keep] if keep < scores.shape[1] else range(scores.shape[1])
            run[query.id] = top_k({self._ids[i]: float(scores[row, i]) for i in best}, k)
            self._log(query.id, scores.shape[1])
        return run

    def _search_index(self, queries: Sequence[Query], query_tokens: list[np.ndarray], k: int) -> Run:
        results = self._index.search(query_tokens, k=k)
        run: Run = {}
        for query, hits, scored in zip(queries, results, self._index.last_scored):
            run[query.id] = top_k({self._ids[position]: float(score) for position, score in hits}, k)
            self._log(query.id, scored)
        return run

    def score(self, *, queries: Sequence[Query], candidates: Mapping[str, Sequence[str]]) -> Run:
        """Exact MaxSim of each query against its candidate documents only."""
        query_tokens = self._query_tokens(queries)
        run: Run = {}
        for query, tokens in zip(queries, query_tokens):
            ids = list(dict.fromkeys(candidates.get(query.id, ())))
            unknown = [doc_id for doc_id in ids if doc_id not in self._positions]
            if unknown:
                raise DataError(f"colbert: candidate document {unknown[0]!r} of query {query.id!r} is not in the indexed corpus")
            scores = maxsim_candidates(tokens, self._store, [self._positions[doc_id] for doc_id in ids])
            run[query.id] = {doc_id: float(s) for doc_id, s in zip(ids, scores)}
            self._log(query.id, len(ids))
        return run
