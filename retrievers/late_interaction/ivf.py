"""Token-level IVF-PQ candidate generation + exact MaxSim, the CPU-friendly index.

End-to-end ColBERT retrieval as in Khattab & Zaharia ("ColBERT", SIGIR 2020, §3.6):
every document token vector goes into one FAISS IVF-PQ index (Jégou, Douze & Schmid,
"Product Quantization for Nearest Neighbor Search", TPAMI 2011); each query token
fetches its ``token_k`` nearest document tokens; the documents they belong to are
ranked by the XTR estimate (Lee et al., "Rethinking the Role of Token Retrieval in
Multi-Vector Retrieval", NeurIPS 2023: per query token the best retrieved similarity,
a missing one imputed by that token's lowest retrieved similarity; ``pylate.rank.score_xtr``)
and the best ``n_full_scores`` are re-scored by exact MaxSim on the stored vectors.

Why not PLAID here: fast-plaid sizes its k-means to 2^⌊log2(16·√tokens)⌋ centroids
(32,768 for LIMIT's 6 M tokens) and assigns every token to them, which takes hours on
two CPU cores; ``nlist ≈ √tokens`` IVF lists keep the build to minutes. PLAID stays
available (``index: plaid``) for machines with more cores or a GPU.

The FAISS file (binary, not pickle) is content-keyed and recorded with its SHA-256;
a file that does not match is deleted and rebuilt.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Sequence

import numpy as np
from pylate.rank import score_xtr

from ..atomic import atomic_open, atomic_write_json
from ..hashing import file_sha256
from .maxsim import maxsim_candidates
from .token_cache import RaggedTokens

__all__ = ["TokenIVFIndex"]

_ADD_BATCH = 1 << 18


class TokenIVFIndex:
    """IVF-PQ over token vectors in ``folder``; search returns ``(store position, score)``."""

    def __init__(
        self,
        *,
        folder: str | Path,
        nlist: int | None = None,
        pq_m: int = 32,
        nprobe: int = 32,
        token_k: int = 256,
        n_full_scores: int = 256,
        seed: int = 42,
        num_threads: int | None = None,
    ) -> None:
        self.folder = Path(folder)
        self.nlist, self.pq_m, self.nprobe, self.token_k = nlist, pq_m, nprobe, token_k
        self.n_full_scores, self.seed = n_full_scores, seed
        self.num_threads = num_threads
        self.rebuilt = False
        self._index = None
        self._tokens: RaggedTokens | None = None
        self._owner: np.ndarray | None = None  # token row -> store position
        self.last_scored: list[int] = []  # documents exactly scored per query of the last search

    @property
    def _file(self) -> Path:
        return self.folder / "tokens.faiss"

    @property
    def _meta(self) -> Path:
        return self.folder / "tokens.faiss.json"

    def _lists(self, rows: int) -> int:
        # √N lists (FAISS wiki, "Guidelines to choose an index"), >= 39 training points each
        return self.nlist or max(1, min(int(math.sqrt(rows)), rows // 39))

    def _valid(self, tokens: RaggedTokens) -> bool:
        try:
            meta = json.loads(self._meta.read_text())
            return (
                meta["rows"] == int(tokens.vectors.shape[0])
                and meta["dim"] == tokens.dim
                and self._file.stat().st_size == meta["bytes"]
                and file_sha256(self._file) == meta["sha256"]
            )
        except (OSError, KeyError, TypeError, json.JSONDecodeError):
            return False

    def _build(self, tokens: RaggedTokens):
        import faiss

        rows, dim = tokens.vectors.shape
        lists = self._lists(rows)
        quantizer = faiss.IndexFlatIP(dim)
        pq_m = self.pq_m if dim % self.pq_m == 0 else 1
        # 8-bit codes need 256 x 39 training points; small stores get fewer bits instead
        bits = int(min(8, max(1, math.floor(math.log2(max(rows, 78) / 39)))))
        index = faiss.IndexIVFPQ(quantizer, dim, lists, pq_m, bits, faiss.METRIC_INNER_PRODUCT)
        index.cp.seed = self.seed
        # evenly spaced rows: a deterministic training sample of <= 100 points per list
        sample = min(rows, max(100 * lists, (1 << bits) * 39))
        index.train(np.ascontiguousarray(tokens.vectors[np.linspace(0, rows - 1, sample).astype(np.int64)], dtype=np.float32))
        for start in range(0, rows, _ADD_BATCH):
            index.add(np.ascontiguousarray(tokens.vectors[start : start + _ADD_BATCH], dtype=np.float32))
        return index

    def _set_threads(self) -> None:
        # FAISS's OpenMP pool is process-wide; on a shared machine fewer threads than
        # cores avoids spin-waiting against other processes
        if self.num_threads:
            import faiss

            faiss.omp_set_num_threads(self.num_threads)

    def load_or_build(self, tokens: RaggedTokens) -> "TokenIVFIndex":
        import faiss

        self._set_threads()

        self._tokens = tokens
        self._owner = np.repeat(np.arange(len(tokens), dtype=np.int64), tokens.lengths)
        if self._valid(tokens):
            self._index = faiss.read_index(str(self._file))
            self.rebuilt = False
            return self
        self._meta.unlink(missing_ok=True)
        self._index = self._build(tokens)
        self.folder.mkdir(parents=True, exist_ok=True)
        with atomic_open(self._file, "wb") as handle:
            handle.write(faiss.serialize_index(self._index).tobytes())
        atomic_write_json(
            self._meta,
            {"rows": int(tokens.vectors.shape[0]), "dim": tokens.dim, "lists": int(self._index.nlist),
             "bytes": self._file.stat().st_size, "sha256": file_sha256(self._file)},
        )
        self.rebuilt = True
        return self

    @property
    def size_bytes(self) -> int:
        return self._file.stat().st_size if self._file.is_file() else 0

    def candidates(self, queries: Sequence[np.ndarray], *, limit: int) -> list[list[int]]:
        """Up to ``limit`` store positions per query, best XTR estimate first."""
        if self._index is None:
            raise RuntimeError("TokenIVFIndex.search called before load_or_build")
        self._set_threads()
        self._index.nprobe = min(self.nprobe, self._index.nlist)
        stacked = np.ascontiguousarray(np.concatenate(queries), dtype=np.float32)
        similarities, rows = self._index.search(stacked, min(self.token_k, self._index.ntotal))
        found, start = [], 0
        for query in queries:
            block = slice(start, start + len(query))
            start += len(query)
            doc_ids, doc_scores = [], []
            for row_ids, row_scores in zip(rows[block], similarities[block]):
                hit = row_ids >= 0
                doc_ids.append(self._owner[row_ids[hit]].tolist())
                doc_scores.append(row_scores[hit].tolist())
            ranked = score_xtr(doc_ids, doc_scores, k=limit) if any(doc_ids) else []
            found.append([int(r["id"]) for r in ranked])
        return found

    def search(self, queries: Sequence[np.ndarray], *, k: int) -> list[list[tuple[int, float]]]:
        """Exact MaxSim top ``k`` among each query's ``max(n_full_scores, k)`` candidates."""
        results, self.last_scored = [], []
        for query, positions in zip(queries, self.candidates(queries, limit=max(self.n_full_scores, k))):
            self.last_scored.append(len(positions))
            scores = maxsim_candidates(query, self._tokens, positions)
            best = np.argsort(-scores, kind="stable")[:k]
            results.append([(positions[i], float(scores[i])) for i in best])
        return results
