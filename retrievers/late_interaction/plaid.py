"""A PLAID index over cached token vectors, through fast-plaid (PyLate's PLAID backend).

PLAID (Santhanam et al., "PLAID: An Efficient Engine for Late Interaction Retrieval",
CIKM 2022) clusters all document token vectors with k-means, stores each token as its
centroid id plus a residual quantised to ``nbits`` per dimension (ColBERTv2's residual
compression), and searches by probing the ``n_ivf_probe`` nearest centroids per query
token, pruning with centroid scores, then MaxSim-scoring the ``n_full_scores`` best
candidates on decompressed vectors.

``pylate.indexes.PLAID`` wraps the same ``fast_plaid.search.FastPlaid`` but keeps its
document-id maps as pickle files on disk; limitbench never unpickles from disk, so it
drives ``FastPlaid`` directly and maps PLAID ids (positions in the token store) to
document ids in memory. The index folder is content-keyed; a manifest with every
file's size and SHA-256 is written last, and an index whose files do not match it is
deleted and rebuilt.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Sequence

import numpy as np
import torch

from ..atomic import atomic_write_json
from ..hashing import file_sha256
from .token_cache import RaggedTokens

__all__ = ["PlaidIndex"]

_MANIFEST = "limitbench-manifest.json"
_UNTRACKED = {_MANIFEST, "plaid.lock"}


class PlaidIndex:
    """Build or reopen the PLAID index stored in ``folder``."""

    def __init__(
        self,
        *,
        folder: str | Path,
        nbits: int = 4,
        kmeans_niters: int = 4,
        seed: int = 42,
        n_ivf_probe: int = 8,
        n_full_scores: int = 1024,
        num_threads: int | None = None,
    ) -> None:
        self.folder = Path(folder)
        self.nbits = nbits
        self.kmeans_niters = kmeans_niters
        self.seed = seed
        self.n_ivf_probe = n_ivf_probe
        self.n_full_scores = n_full_scores
        self.num_threads = num_threads
        self._plaid = None
        self.documents = 0
        self.rebuilt = False
        self.last_scored: list[int] = []  # upper bound: PLAID fully scores at most n_full_scores

    # -- integrity ---------------------------------------------------------------
    def _files(self) -> list[Path]:
        return sorted(p for p in self.folder.iterdir() if p.is_file() and p.name not in _UNTRACKED)

    def _valid(self, documents: int) -> bool:
        try:
            manifest = json.loads((self.folder / _MANIFEST).read_text())
            if manifest["documents"] != documents or manifest["nbits"] != self.nbits:
                return False
            files = manifest["files"]
            if sorted(files) != [p.name for p in self._files()]:
                return False
            return all(
                (self.folder / name).stat().st_size == meta["bytes"] and file_sha256(self.folder / name) == meta["sha256"]
                for name, meta in files.items()
            )
        except (OSError, KeyError, TypeError, json.JSONDecodeError):
            return False

    def _write_manifest(self, documents: int) -> None:
        files = {p.name: {"bytes": p.stat().st_size, "sha256": file_sha256(p)} for p in self._files()}
        atomic_write_json(self.folder / _MANIFEST, {"documents": documents, "nbits": self.nbits, "files": files})

    # -- build / open -------------------------------------------------------------
    def _open(self):
        from fast_plaid.search import FastPlaid

        return FastPlaid(index=str(self.folder), device="cpu")

    def load_or_build(self, tokens: RaggedTokens) -> "PlaidIndex":
        """Reopen a valid index for these ``tokens`` or build a new one."""
        self.documents = len(tokens)
        if self.folder.is_dir() and self._valid(self.documents):
            self._plaid = self._open()
            self.rebuilt = False
            return self
        shutil.rmtree(self.folder, ignore_errors=True)
        self.folder.mkdir(parents=True)
        plaid = self._open()
        embeddings = [torch.from_numpy(tokens.matrix(i)) for i in range(len(tokens))]
        # fast-plaid samples k-means points with torch's global generator: seed a private copy
        with torch.random.fork_rng(devices=[]):
            torch.manual_seed(self.seed)
            plaid.create(
                documents_embeddings=embeddings,
                nbits=self.nbits,
                kmeans_niters=self.kmeans_niters,
                seed=self.seed,
                use_triton_kmeans=False,
                start_from_scratch=0,  # never write the pickled raw-embedding copy
            )
        del embeddings
        plaid.close()
        self._plaid = self._open()  # loading merges the chunk files; then record them
        self._write_manifest(self.documents)
        self.rebuilt = True
        return self

    @property
    def size_bytes(self) -> int:
        return sum(p.stat().st_size for p in self._files()) if self.folder.is_dir() else 0

    def search(
        self, queries: Sequence[np.ndarray], *, k: int, subset: list[list[int]] | None = None
    ) -> list[list[tuple[int, float]]]:
        """Top ``k`` ``(store position, score)`` per query (optionally within ``subset``)."""
        if self._plaid is None:
            raise RuntimeError("PlaidIndex.search called before load_or_build")
        if not len(queries):
            return []
        tensors = [torch.from_numpy(np.asarray(q, dtype=np.float32)) for q in queries]
        self.last_scored = [min(max(self.n_full_scores, k), self.documents)] * len(queries)
        return self._plaid.search(
            queries_embeddings=tensors,
            top_k=min(k, self.documents),
            n_full_scores=max(self.n_full_scores, k),
            n_ivf_probe=self.n_ivf_probe,
            show_progress=False,
            subset=subset,
            n_processes=self.num_threads,
        )
