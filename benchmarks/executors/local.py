"""Executors on this machine: in-process (the default) and a process pool."""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from typing import Any, Callable, Iterable

from limitbench.retrievers.errors import ConfigError

__all__ = ["SequentialExecutor", "ProcessExecutor", "default_workers"]


def default_workers() -> int:
    """The CPUs this process may use (``sched_getaffinity`` honours containers' limits)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


class SequentialExecutor:
    """Run every item in this process, one after the other."""

    name = "sequential"
    install_hint = ""

    def __init__(self, *, workers: int | None = None) -> None:
        self.workers = 1

    @staticmethod
    def is_available() -> bool:
        return True

    def map(self, fn: Callable[[Any], Any], items: Iterable[Any]) -> list[Any]:
        return [fn(item) for item in items]


class ProcessExecutor:
    """A pool of ``workers`` processes on this machine.

    Workers are started with ``spawn``, not ``fork``: a forked child of a process that
    has already used torch's thread pools can deadlock.
    """

    name = "process"
    install_hint = ""

    def __init__(self, *, workers: int | None = None) -> None:
        if workers is not None and workers < 1:
            raise ConfigError(f"workers must be at least 1 (got {workers})")
        self.workers = workers or default_workers()

    @staticmethod
    def is_available() -> bool:
        return True

    def map(self, fn: Callable[[Any], Any], items: Iterable[Any]) -> list[Any]:
        pending = list(items)
        if not pending:
            return []
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(max_workers=min(self.workers, len(pending)), mp_context=context) as pool:
            return list(pool.map(fn, pending))
