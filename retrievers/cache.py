"""A content-keyed on-disk cache for numeric arrays (embeddings, token vectors).

Entries are ``<root>/<key[:2]>/<key>.npy`` plus a JSON sidecar recording shape, dtype
and the SHA-256 of the ``.npy`` bytes. An entry is used only if the sidecar matches
the file *and* the array is plausible: floating-point values must all be finite (a
sidecar forged to match NaN vectors used to give all-zero metrics), and a caller that
knows more says so — ``columns`` (the model's width), ``rows``, ``unit_rows`` (rows of
L2 norm 1, as normalised embeddings are). Anything else is deleted and reported as a
miss, so the caller rebuilds it. Arrays are read with ``allow_pickle=False``: nothing is
ever unpickled from disk.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Iterable

import numpy as np

from .atomic import atomic_open, atomic_write_json
from .hashing import file_sha256

__all__ = ["ArrayCache", "array_problem", "default_cache_dir", "content_key", "texts_digest"]

_UNIT_TOLERANCE = 1e-2  # float16 storage keeps norms within ~1e-3 of 1


def array_problem(
    array: np.ndarray, *, rows: int | None = None, columns: int | None = None, unit_rows: bool = False
) -> str:
    """Why ``array`` cannot be a cached result ('' when it can)."""
    if rows is not None and (array.ndim < 1 or array.shape[0] != rows):
        return f"shape {array.shape}, expected {rows} rows"
    if columns is not None and (array.ndim != 2 or array.shape[1] != columns):
        return f"shape {array.shape}, expected {columns} columns"
    if array.dtype.kind == "f" and not np.isfinite(array).all():
        return "holds NaN or infinite values"
    if unit_rows and array.ndim == 2 and len(array):
        norms = np.linalg.norm(array.astype(np.float32, copy=False), axis=1)
        if np.abs(norms - 1.0).max() > _UNIT_TOLERANCE:
            return "rows are not unit vectors"
    return ""


def default_cache_dir() -> Path:
    """``$LIMITBENCH_CACHE`` if set, else ``~/.cache/limitbench``."""
    return Path(os.environ.get("LIMITBENCH_CACHE") or Path.home() / ".cache" / "limitbench")


def texts_digest(texts: Iterable[str]) -> str:
    """SHA-256 over the texts, length-prefixed so that boundaries count."""
    digest = hashlib.sha256()
    for text in texts:
        data = text.encode("utf-8")
        digest.update(len(data).to_bytes(8, "little"))
        digest.update(data)
    return digest.hexdigest()


def content_key(**parts: object) -> str:
    """A stable key from named parts (model id, weights hash, options, texts digest)."""
    return hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode()).hexdigest()


class ArrayCache:
    """Store and fetch validated ``numpy`` arrays by content key."""

    def __init__(self, root: str | os.PathLike[str] | None = None) -> None:
        self.root = Path(root) if root is not None else default_cache_dir()

    def _paths(self, key: str) -> tuple[Path, Path]:
        folder = self.root / key[:2]
        return folder / f"{key}.npy", folder / f"{key}.json"

    def get(
        self, key: str, *, rows: int | None = None, columns: int | None = None, unit_rows: bool = False
    ) -> np.ndarray | None:
        """The cached array, or ``None`` if absent or failing validation (then it is removed)."""
        array_path, meta_path = self._paths(key)
        if not (array_path.is_file() and meta_path.is_file()):
            return None
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            if not isinstance(meta, dict) or file_sha256(array_path) != meta["sha256"]:
                raise ValueError("checksum mismatch")
            array = np.load(array_path, allow_pickle=False)
            if list(array.shape) != meta["shape"] or str(array.dtype) != meta["dtype"]:
                raise ValueError("shape or dtype mismatch")
            problem = array_problem(array, rows=rows, columns=columns, unit_rows=unit_rows)
            if problem:
                raise ValueError(problem)
        except (ValueError, KeyError, TypeError, OSError):  # JSONDecodeError and UnicodeDecodeError are ValueErrors
            self.discard(key)
            return None
        return array

    def put(self, key: str, array: np.ndarray, **info: object) -> None:
        array_path, meta_path = self._paths(key)
        with atomic_open(array_path, "wb") as handle:
            np.save(handle, np.ascontiguousarray(array), allow_pickle=False)
        meta = {"shape": list(array.shape), "dtype": str(array.dtype), "sha256": file_sha256(array_path), **info}
        atomic_write_json(meta_path, meta)

    def discard(self, key: str) -> None:
        for path in self._paths(key):
            path.unlink(missing_ok=True)

    def size_bytes(self, key: str) -> int:
        array_path, _ = self._paths(key)
        return array_path.stat().st_size if array_path.is_file() else 0
