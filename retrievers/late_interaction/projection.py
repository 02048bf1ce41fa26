"""A fitted (not random) linear map that shrinks token vectors for the index.

PCA without centring: the ``k`` leading eigenvectors of the second-moment matrix
``M = XᵀX / n`` of sample token vectors ``X`` (rows of unit length). Projecting a unit
vector ``x`` to ``Pᵀx`` and normalising keeps the directions carrying most of the
tokens' energy, so cosine similarities — and hence MaxSim — change little (Jolliffe,
*Principal Component Analysis*, 2nd ed., 2002, §3.3 on uncentred PCA). ColBERT learns
its 768→128 map; here it is fitted without labels on the corpus' own tokens, which is
allowed for an index because nothing is drawn at random. Eigenvector signs are fixed
(largest-magnitude entry positive) so the same sample always gives the same matrix.
"""

from __future__ import annotations

import hashlib

import numpy as np

__all__ = ["fit_projection", "project", "projection_id"]


def fit_projection(sample: np.ndarray, *, dim: int) -> np.ndarray:
    """``(sample.shape[1], dim)`` float32 matrix whose columns span the top-``dim``
    principal subspace of ``sample`` (uncentred)."""
    if sample.ndim != 2 or sample.shape[0] == 0:
        raise ValueError("need a non-empty 2-d sample of token vectors to fit a projection")
    if not 0 < dim <= sample.shape[1]:
        raise ValueError(f"projection dimension {dim} must be in 1..{sample.shape[1]}")
    data = sample.astype(np.float64, copy=False)
    moment = data.T @ data / data.shape[0]
    eigenvalues, eigenvectors = np.linalg.eigh(moment)  # ascending order
    top = eigenvectors[:, np.argsort(eigenvalues)[::-1][:dim]]
    signs = np.sign(top[np.abs(top).argmax(axis=0), np.arange(dim)])
    signs[signs == 0] = 1.0
    return np.ascontiguousarray((top * signs).astype(np.float32))


def projection_id(projection: np.ndarray | None) -> str:
    """A short stable name for a projection matrix (``identity`` for none), for cache keys."""
    if projection is None:
        return "identity"
    digest = hashlib.sha256(np.ascontiguousarray(projection).tobytes()).hexdigest()
    return f"pca{projection.shape[1]}-{digest[:16]}"


def project(vectors: np.ndarray, projection: np.ndarray | None) -> np.ndarray:
    """Rows of ``vectors`` mapped by ``projection`` and renormalised (unchanged if ``None``)."""
    if projection is None:
        return vectors
    mapped = vectors.astype(np.float32, copy=False) @ projection
    norms = np.linalg.norm(mapped, axis=1, keepdims=True)
    return mapped / np.maximum(norms, 1e-12)
