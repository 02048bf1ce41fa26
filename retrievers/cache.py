"""A content-keyed on-disk cache for numeric arrays (embeddings, token vectors).

Entries are ``<root>/<key[:2]>/<key>.npy`` plus a JSON sidecar recording shape, dtype
and the SHA-256 of the ``.npy`` bytes. An entry is used only if the sidecar matches
the file; anything else is deleted and rebuilt. Arrays are read with
``allow_pickle=False``: nothing is ever unpickled from disk.
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

__all__ = ["ArrayCache", "default_cache_dir", "content_key", "texts_digest"]


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

    def get(self, key: str) -> np.ndarray | None:
        """The cached array, or ``None`` if absent or failing validation (then it is removed)."""
        array_path, meta_path = self._paths(key)
        if not (array_path.is_file() and meta_path.is_file()):
            return None
        try:
            meta = json.loads(meta_path.read_text())
            if file_sha256(array_path) != meta["sha256"]:
                raise ValueError("checksum mismatch")
            array = np.load(array_path, allow_pickle=False)
            if list(array.shape) != meta["shape"] or str(array.dtype) != meta["dtype"]:
                raise ValueError("shape or dtype mismatch")
        except (ValueError, KeyError, OSError, json.JSONDecodeError):
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
