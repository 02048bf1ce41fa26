"""Executors on this machine: in-process (the default) and a process pool."""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import os
import signal
import sys
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from typing import Any, Callable, Iterable, Iterator

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


_PR_SET_PDEATHSIG = 1  # <linux/prctl.h>
PARENT_CHECK_SECONDS = 0.5


def _die_with_parent(parent_pid: int) -> None:
    """Worker initializer: end this worker as soon as ``parent_pid`` is gone.

    A worker holds a model (about 1 GB) and would otherwise finish its cell, minutes
    later, after its parent was killed. On Linux the kernel sends SIGKILL when the
    parent dies (``prctl(PR_SET_PDEATHSIG)``, prctl(2)); everywhere, a daemon thread
    notices that the worker was re-parented (``os.getppid()`` changed) and exits.
    prctl counts the death of the *thread* that started the worker; the pool starts its
    workers from the thread calling :meth:`ProcessExecutor.map`, which outlives the pool.
    """
    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):
            pass  # the watchdog below still applies
    if os.getppid() != parent_pid:  # the parent died before the line above ran
        os._exit(1)

    def watch() -> None:
        while os.getppid() == parent_pid:
            time.sleep(PARENT_CHECK_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="limitbench-parent-watch", daemon=True).start()


@contextlib.contextmanager
def _workers_ignore_ctrl_c() -> Iterator[None]:
    """Start workers with SIGINT ignored from their first instruction.

    A spawned worker inherits an ignored SIGINT through exec, and Python then keeps it
    ignored; the initializer alone would leave the seconds of interpreter start-up, when a
    Ctrl-C gives a worker traceback, uncovered. Only the main thread may set handlers.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _start_worker(parent_pid: int) -> None:
    """Worker initializer: die with the parent, and leave Ctrl-C to it.

    Ctrl-C sends SIGINT to the whole process group; a worker that took it would print
    its own KeyboardInterrupt traceback. The parent alone stops the run (and ends the
    workers, see :meth:`ProcessExecutor.map`).
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _die_with_parent(parent_pid)


class ProcessExecutor:
    """A pool of ``workers`` processes on this machine; they die with this process.

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
        pool = ProcessPoolExecutor(max_workers=min(self.workers, len(pending)), mp_context=context,
                                   initializer=_start_worker, initargs=(os.getpid(),))
        interrupted = False
        try:
            with _workers_ignore_ctrl_c():
                results = pool.map(fn, pending)  # submits every item, starting the workers
            return list(results)
        except KeyboardInterrupt:
            interrupted = True
            raise
        finally:
            # On Ctrl-C, waiting for the running cells would keep the user waiting for minutes.
            pool.shutdown(wait=not interrupted, cancel_futures=True)
            if interrupted:
                for worker in multiprocessing.active_children():
                    worker.terminate()
