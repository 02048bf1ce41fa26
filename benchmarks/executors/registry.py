"""Find an executor by name: ``sequential`` (default), ``process``, ``ray``."""

from __future__ import annotations

from .base import Executor, ExecutorUnavailableError, UnknownExecutorError
from .local import ProcessExecutor, SequentialExecutor
from .ray_executor import RayExecutor

__all__ = ["EXECUTORS", "available_executors", "get_executor"]

EXECUTORS = {cls.name: cls for cls in (SequentialExecutor, ProcessExecutor, RayExecutor)}


def available_executors() -> dict[str, bool]:
    """Every executor name and whether it can run here."""
    return {name: cls.is_available() for name, cls in EXECUTORS.items()}


def get_executor(name: str | Executor = "sequential", *, workers: int | None = None) -> Executor:
    """An executor instance; an :class:`Executor` passed in is returned as it is."""
    if not isinstance(name, str):
        return name
    cls = EXECUTORS.get(name)
    if cls is None:
        raise UnknownExecutorError(f"unknown executor {name!r} (choose from {', '.join(EXECUTORS)})")
    if not cls.is_available():
        raise ExecutorUnavailableError(f"executor {name!r} is not installed: {cls.install_hint}")
    return cls(workers=workers)
