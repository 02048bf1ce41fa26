"""Ragged token matrices and their validated on-disk cache.

A late-interaction model gives each text a *matrix* of token vectors whose row count
varies per text. :class:`RaggedTokens` keeps many such matrices as one concatenated
``(total_tokens, dim)`` array plus an ``offsets`` array of length ``n + 1`` (text ``i``
owns rows ``offsets[i]:offsets[i + 1]``), the layout PLAID and most ColBERT stores use
(Santhanam et al., "ColBERTv2", NAACL 2022, §3).

:class:`TokenCache` stores the two arrays in :class:`~limitbench.retrievers.cache.ArrayCache`
(SHA-256 checked, no pickle) and re-checks their shapes on load: an entry whose
checksum, dtype, dimension or offsets do not fit is deleted and reported as a miss,
so the caller rebuilds it instead of using it. A stored text must own at least one
token vector (the encoder never gives fewer; MaxSim over an empty matrix has no maximum),
and every vector must be finite.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np

from ..cache import ArrayCache, content_key

__all__ = ["RaggedTokens", "TokenCache", "STORE_DTYPE"]

# float16 halves the bytes of float32; cosine scores of unit vectors lose < 1e-3.
STORE_DTYPE = np.dtype(np.float16)


@dataclass(frozen=True)
class RaggedTokens:
    """``len(offsets) - 1`` token matrices stored back to back in ``vectors``."""

    vectors: np.ndarray  # (total_tokens, dim)
    offsets: np.ndarray  # (n + 1,) int64, offsets[0] == 0

    def __post_init__(self) -> None:
        problem = ragged_problem(self.vectors, self.offsets, dim=None, count=None)
        if problem:
            raise ValueError(f"inconsistent ragged token matrices: {problem}")

    @classmethod
    def from_matrices(cls, matrices: Sequence[np.ndarray], *, dim: int, dtype: np.dtype = STORE_DTYPE) -> "RaggedTokens":
        lengths = np.fromiter((m.shape[0] for m in matrices), dtype=np.int64, count=len(matrices))
        offsets = np.zeros(len(matrices) + 1, dtype=np.int64)
        np.cumsum(lengths, out=offsets[1:])
        vectors = np.empty((int(offsets[-1]), dim), dtype=dtype)
        for i, matrix in enumerate(matrices):
            vectors[offsets[i] : offsets[i + 1]] = matrix
        return cls(vectors=vectors, offsets=offsets)

    @classmethod
    def concatenate(cls, parts: Sequence["RaggedTokens"]) -> "RaggedTokens":
        if len(parts) == 1:
            return parts[0]
        vectors = np.concatenate([p.vectors for p in parts], axis=0)
        lengths = np.concatenate([np.diff(p.offsets) for p in parts])
        offsets = np.zeros(len(lengths) + 1, dtype=np.int64)
        np.cumsum(lengths, out=offsets[1:])
        return cls(vectors=vectors, offsets=offsets)

    def __len__(self) -> int:
        return len(self.offsets) - 1

    @property
    def dim(self) -> int:
        return int(self.vectors.shape[1])

    @property
    def lengths(self) -> np.ndarray:
        return np.diff(self.offsets)

    @property
    def nbytes(self) -> int:
        return int(self.vectors.nbytes + self.offsets.nbytes)

    def matrix(self, i: int) -> np.ndarray:
        return self.vectors[self.offsets[i] : self.offsets[i + 1]]

    def matrices(self, indices: Sequence[int] | None = None) -> list[np.ndarray]:
        order = range(len(self)) if indices is None else indices
        return [self.matrix(int(i)) for i in order]


def ragged_problem(vectors: np.ndarray, offsets: np.ndarray, *, dim: int | None, count: int | None) -> str:
    """Why ``vectors``/``offsets`` are not a valid ragged store ('' if they are)."""
    if vectors.ndim != 2:
        return f"vectors have {vectors.ndim} dimensions, expected 2"
    if offsets.ndim != 1 or offsets.dtype != np.int64 or len(offsets) < 1:
        return "offsets must be a non-empty 1-d int64 array"
    if count is not None and len(offsets) != count + 1:
        return f"{len(offsets) - 1} matrices, expected {count}"
    if dim is not None and vectors.shape[1] != dim:
        return f"dimension {vectors.shape[1]}, expected {dim}"
    if offsets[0] != 0 or offsets[-1] != vectors.shape[0] or np.any(np.diff(offsets) < 0):
        return "offsets do not partition the vectors"
    return ""


class TokenCache:
    """Content-keyed storage of :class:`RaggedTokens` (two arrays per entry)."""

    def __init__(self, cache: ArrayCache | None = None) -> None:
        self.cache = cache if cache is not None else ArrayCache()

    @staticmethod
    def part_keys(key: str) -> tuple[str, str]:
        """The :class:`ArrayCache` keys of an entry's ``vectors`` and ``offsets``."""
        return content_key(entry=key, part="vectors"), content_key(entry=key, part="offsets")

    def get(self, key: str, *, count: int, dim: int) -> RaggedTokens | None:
        """The entry for ``key`` if present and consistent with ``count`` texts of ``dim``;
        a corrupt or mismatched entry is deleted and ``None`` returned."""
        vectors_key, offsets_key = self.part_keys(key)
        vectors = self.cache.get(vectors_key)
        offsets = self.cache.get(offsets_key)
        if vectors is None or offsets is None:
            self.discard(key)
            return None
        if (
            vectors.dtype != STORE_DTYPE
            or ragged_problem(vectors, offsets, dim=dim, count=count)
            or (count and int(np.diff(offsets).min()) < 1)
        ):
            self.discard(key)
            return None
        return RaggedTokens(vectors=vectors, offsets=offsets)

    def put(self, key: str, tokens: RaggedTokens, **info: object) -> None:
        vectors_key, offsets_key = self.part_keys(key)
        # offsets first: a crash in between leaves an entry that get() rejects
        self.cache.put(offsets_key, tokens.offsets, part="offsets", **info)
        self.cache.put(vectors_key, tokens.vectors.astype(STORE_DTYPE, copy=False), part="vectors", **info)

    def discard(self, key: str) -> None:
        for part in self.part_keys(key):
            self.cache.discard(part)

    def size_bytes(self, key: str) -> int:
        return sum(self.cache.size_bytes(part) for part in self.part_keys(key))
