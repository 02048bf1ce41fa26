"""Write files so that a reader never sees half of one: write a sibling temp file,
then ``os.replace`` it over the target (atomic on POSIX and Windows). The file gets the
mode an ordinary ``open`` would give it (``0666`` less the umask), not ``mkstemp``'s 0600."""

from __future__ import annotations

import json
import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any, Iterable, Iterator

__all__ = ["atomic_open", "atomic_write_text", "atomic_write_json", "atomic_write_lines", "current_umask"]


def current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextmanager
def atomic_open(path: str | os.PathLike[str], mode: str = "w") -> Iterator[IO[Any]]:
    """Open a temp file next to ``path``; on success it replaces ``path``, on error it vanishes."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temp_name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name[:100]}.", suffix=".tmp")
    try:
        if hasattr(os, "fchmod"):
            os.fchmod(descriptor, 0o666 & ~current_umask())
        encoding = None if "b" in mode else "utf-8"
        with os.fdopen(descriptor, mode, encoding=encoding) as handle:
            yield handle
        os.replace(temp_name, target)
    except BaseException:
        if os.path.exists(temp_name):
            os.unlink(temp_name)
        raise


def atomic_write_text(path: str | os.PathLike[str], text: str) -> None:
    with atomic_open(path) as handle:
        handle.write(text)


def atomic_write_lines(path: str | os.PathLike[str], lines: Iterable[str]) -> None:
    with atomic_open(path) as handle:
        for line in lines:
            handle.write(line)


def atomic_write_json(path: str | os.PathLike[str], value: Any) -> None:
    atomic_write_text(path, json.dumps(value, indent=2, ensure_ascii=False, sort_keys=False) + "\n")
