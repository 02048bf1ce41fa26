"""Idempotent cells and the store that remembers them.

A *cell* is one independent unit of a sweep (one dimension of the free-embedding
sweep, one retriever x dataset of a run grid). Its name is a content hash of what
determines its result: its config, a fingerprint of its data and the version of the
code that computes it. Results are JSON files named after the cell, written
atomically by the worker that computed them, so

* a rerun skips every finished cell (an interrupted sweep resumes),
* results computed by different executors, or on different machines sharing the
  store, merge by name,
* a change in config, data or code gives a new name and is never confused with an
  old result.

Each stored result carries the SHA-256 of its canonical JSON, as the embedding caches
carry their arrays' checksums: a cell file that is malformed, belongs to another cell,
was edited by hand or fails the caller's own check (``valid``) is never used; the cell
is computed again and the file replaced.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any, Callable, Iterable, Mapping, Sequence

from limitbench.retrievers.atomic import atomic_write_json
from limitbench.retrievers.cache import content_key

from .base import Executor
from .registry import get_executor

__all__ = ["Cell", "CellStore", "code_version", "result_digest", "run_cells"]

Validator = Callable[["Cell", Any], bool]


def code_version(*modules: ModuleType, packages: Sequence[str] = ()) -> str:
    """SHA-256 (16 hex digits) over the source of ``modules`` and the installed versions
    of ``packages``: any edit to the code that computes a result renames its cells."""
    digest = hashlib.sha256()
    for module in modules:
        source = getattr(module, "__file__", None)
        digest.update(module.__name__.encode())
        if source and os.path.isfile(source):
            digest.update(Path(source).read_bytes())
    for package in packages:
        try:
            digest.update(f"{package}=={importlib.metadata.version(package)}".encode())
        except importlib.metadata.PackageNotFoundError:
            digest.update(f"{package}==?".encode())
    return digest.hexdigest()[:16]


@dataclass(frozen=True)
class Cell:
    """``kind``: what computes it; ``config``: JSON-able parameters; ``data``: a data
    fingerprint (``Dataset.fingerprint``); ``code``: :func:`code_version`. ``context``
    holds run-time options that do not change the result (paths, device, threads) and
    is left out of the name."""

    kind: str
    config: Mapping[str, Any] = field(default_factory=dict)
    data: str = ""
    code: str = ""
    context: Mapping[str, Any] = field(default_factory=dict, compare=False)

    @property
    def key(self) -> str:
        return content_key(kind=self.kind, config=self.config, data=self.data, code=self.code)

    @property
    def name(self) -> str:
        return f"{self.kind}-{self.key[:20]}"

    def describe(self) -> dict[str, Any]:
        described = asdict(self)
        described.pop("context")
        return {"name": self.name, "key": self.key, **described}


def result_digest(result: Any) -> str:
    """SHA-256 of a result's canonical JSON (sorted keys, no spaces)."""
    text = json.dumps(result, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


class CellStore:
    """``<root>/<cell.name>.json`` holding ``{"cell": ..., "result": ..., "sha256": ...}``."""

    def __init__(self, root: str | os.PathLike[str], *, valid: Validator | None = None) -> None:
        self.root = Path(root)
        self.valid = valid

    def path(self, cell: Cell) -> Path:
        return self.root / f"{cell.name}.json"

    def load(self, cell: Cell) -> Any | None:
        """The stored result, or ``None`` when absent, not this cell's, altered or failing
        ``valid`` (then it is recomputed)."""
        try:
            stored = json.loads(self.path(cell).read_text(encoding="utf-8"))
        except (OSError, ValueError):  # missing, unreadable, not UTF-8, not JSON
            return None
        if not isinstance(stored, dict) or not isinstance(stored.get("cell"), dict):
            return None
        if stored["cell"].get("key") != cell.key or "result" not in stored:
            return None
        result = stored["result"]
        try:
            if stored.get("sha256") != result_digest(result):
                return None
            if self.valid is not None and not self.valid(cell, result):
                return None
        except Exception:  # a hand-made file can hold anything; it is simply not used
            return None
        return result

    def done(self, cell: Cell) -> bool:
        return self.load(cell) is not None

    def save(self, cell: Cell, result: Any) -> None:
        atomic_write_json(self.path(cell), {"cell": cell.describe(), "result": result, "sha256": result_digest(result)})


def _execute(task: tuple[Callable[[Cell], Any], str, Cell]) -> Any:
    """Runs in the worker: compute one cell and store it there, so a finished cell
    survives the sweep being stopped."""
    fn, store_dir, cell = task
    store = CellStore(store_dir)
    result = fn(cell)
    store.save(cell, result)
    return result


def run_cells(
    fn: Callable[[Cell], Any],
    cells: Iterable[Cell],
    *,
    executor: str | Executor = "sequential",
    store_dir: str | os.PathLike[str],
    workers: int | None = None,
    valid: Validator | None = None,
) -> list[Any]:
    """``fn(cell)`` for every cell not already in ``store_dir``; all results in cell order.

    ``fn`` must be a picklable top-level function returning a JSON-able value. Results
    are read back from the store, so a fresh and a skipped cell look the same. ``valid``
    (run in this process) rejects a stored result, which is then computed again.
    """
    cells = list(cells)
    chosen = get_executor(executor, workers=workers)  # a bad name fails even when nothing is left to do
    store = CellStore(store_dir, valid=valid)
    pending: dict[str, Cell] = {}
    for cell in cells:
        if cell.key not in pending and not store.done(cell):
            pending[cell.key] = cell
    if pending:
        chosen.map(_execute, [(fn, str(store.root), cell) for cell in pending.values()])
    results = []
    for cell in cells:
        result = store.load(cell)
        if result is None:  # the store is not writable, was changed under us, or fn broke its own check
            raise RuntimeError(f"cell {cell.name} finished but no valid result of it is in {store.root}")
        results.append(result)
    return results
