"""The executor interface: run one function over many independent cells.

An executor only decides *where* ``fn(cell)`` runs (this process, a local process
pool, a Ray cluster); results always come back as a list in the order of the input.
Availability follows the pattern of ir_measures' providers: each executor class says
whether it can run here (``is_available()``) and, if not, how to install what it needs
(``install_hint``).
"""

from __future__ import annotations

from typing import Any, Callable, Iterable, Protocol, runtime_checkable

from limitbench.retrievers.errors import ConfigError

__all__ = ["Executor", "UnknownExecutorError", "ExecutorUnavailableError"]


@runtime_checkable
class Executor(Protocol):
    """Maps ``fn`` over ``items``; ``fn`` must be a picklable top-level callable for
    executors that leave the process."""

    name: str

    def map(self, fn: Callable[[Any], Any], items: Iterable[Any]) -> list[Any]: ...


class UnknownExecutorError(ConfigError):
    """No executor has the requested name."""


class ExecutorUnavailableError(ConfigError):
    """The executor exists but its optional dependency is not installed."""
