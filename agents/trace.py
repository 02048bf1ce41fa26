"""One JSON line per graph step, so a user can see why the agent did what it did.

Lines are appended with a single ``write(2)`` on a file opened with ``O_APPEND``:
POSIX appends each such write at the end of the file as a unit, so concurrent
writers and a crash leave whole lines (a reader should skip a torn last line only
if the disk itself filled up). Each line carries the run id, query id and step::

    {"run": "...", "query_id": "q1", "step": 2, "node": "retrieve", "tool": "bm25", ...}

What goes in is the node's ``log`` summary — never document bodies, never secrets.
"""

from __future__ import annotations

import dataclasses
import json
import os
from pathlib import Path
from typing import Any, Mapping

__all__ = ["TraceWriter", "jsonable"]


def jsonable(value: Any) -> Any:
    """Plain JSON types for dataclasses, tuples, sets and mappings."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Mapping):
        return {str(k) if not isinstance(k, tuple) else "|".join(map(str, k)): jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [jsonable(v) for v in value]
    if isinstance(value, float):
        return round(value, 6)
    if value is None or isinstance(value, (str, int, bool)):
        return value
    return str(value)


class TraceWriter:
    """Append trace lines to ``path`` (created with its folder if needed)."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._fd: int | None = None

    def __enter__(self) -> "TraceWriter":
        self._fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        return self

    def __exit__(self, *exc: object) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None

    def write(self, record: Mapping[str, Any]) -> None:
        line = json.dumps(jsonable(record), ensure_ascii=False, separators=(",", ":")) + "\n"
        data = line.encode("utf-8")
        if self._fd is None:
            raise RuntimeError("TraceWriter.write outside its 'with' block")
        written = os.write(self._fd, data)
        while written < len(data):  # a short write (signal, full pipe): finish the line
            written += os.write(self._fd, data[written:])
