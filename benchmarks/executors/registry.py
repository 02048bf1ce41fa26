"""Find an executor by name: ``sequential`` (default), ``process``, ``ray`` — or any other
through the common plug-in :class:`~limitbench.retrievers.plugins.Registry` (the
``limitbench.executors`` entry-point group, or ``package.module:Class``).

An executor class says whether it can run here (``is_available()``) and, if not, how to
install what it needs (``install_hint``), as ir_measures' providers do."""

from __future__ import annotations

from limitbench.retrievers.plugins import Registry

from .base import Executor, ExecutorUnavailableError, UnknownExecutorError

__all__ = ["EXECUTORS", "available_executors", "get_executor"]

EXECUTORS: Registry[Executor] = Registry(
    "executor",
    protocol=Executor,
    builtins={
        "sequential": "limitbench.benchmarks.executors.local:SequentialExecutor",
        "process": "limitbench.benchmarks.executors.local:ProcessExecutor",
        "ray": "limitbench.benchmarks.executors.ray_executor:RayExecutor",
    },
    error=UnknownExecutorError,
)


def available_executors() -> dict[str, bool]:
    """Every executor name and whether it can run here."""
    available = {}
    for name in EXECUTORS.names():
        check = getattr(EXECUTORS.resolve(name), "is_available", None)
        available[name] = bool(check()) if callable(check) else True
    return available


def get_executor(name: str | Executor = "sequential", *, workers: int | None = None) -> Executor:
    """An executor instance; an :class:`Executor` passed in is returned as it is."""
    if not isinstance(name, str):
        return name
    factory = EXECUTORS.resolve(name)
    check = getattr(factory, "is_available", None)
    if callable(check) and not check():
        hint = getattr(factory, "install_hint", "") or "its optional dependency is missing"
        raise ExecutorUnavailableError(f"executor {name!r} is not installed: {hint}")
    return EXECUTORS.create(name, workers=workers)
