"""Shrink embeddings to ``d`` dimensions, so recall can be plotted against d as in
Weller et al. 2025 (arXiv 2508.21038), Fig. 3.

* ``truncate``: keep the first d coordinates (Matryoshka-style, Kusupati et al. 2022),
* ``pca``: project onto the top-d principal components fitted on the *corpus*
  embeddings (faiss ``PCAMatrix``); queries use the same projection.

Either way the result is re-normalised to unit length, so inner product is cosine.
"""

from __future__ import annotations

import numpy as np

from .errors import ConfigError

__all__ = ["REDUCTIONS", "DimensionReducer"]

REDUCTIONS = ("truncate", "pca")


def _normalise(vectors: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return (vectors / np.maximum(norms, 1e-12)).astype(np.float32, copy=False)


class DimensionReducer:
    def __init__(self, *, dim: int | None, method: str = "truncate") -> None:
        if method not in REDUCTIONS:
            raise ConfigError(f"reduction: unknown method {method!r} (choose from {', '.join(REDUCTIONS)})")
        if dim is not None and dim < 1:
            raise ConfigError(f"dim must be a positive integer, got {dim}")
        self.dim = dim
        self.method = method
        self._pca = None

    def fit(self, corpus_vectors: np.ndarray) -> "DimensionReducer":
        full = corpus_vectors.shape[1]
        if self.dim is not None and self.dim > full:
            raise ConfigError(f"dim {self.dim} exceeds the model's {full} dimensions")
        if self.dim is not None and self.dim < full and self.method == "pca":
            import faiss

            if corpus_vectors.shape[0] < self.dim:
                raise ConfigError(f"pca to {self.dim} dimensions needs at least {self.dim} documents")
            pca = faiss.PCAMatrix(full, self.dim)
            pca.train(np.ascontiguousarray(corpus_vectors, dtype=np.float32))
            self._pca = pca
        return self

    def transform(self, vectors: np.ndarray) -> np.ndarray:
        if self.dim is None or self.dim >= vectors.shape[1]:
            return vectors
        if self.method == "truncate":
            return _normalise(vectors[:, : self.dim])
        if self._pca is None:
            raise ConfigError("pca reduction used before fit()")
        return _normalise(self._pca.apply(np.ascontiguousarray(vectors, dtype=np.float32)))
