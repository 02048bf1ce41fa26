"""Executors for sweeps and the cell store that makes their cells idempotent.

``run_cells(fn, cells, executor="process", store_dir=...)`` computes every cell not
yet stored, in this process (``sequential``), a local process pool (``process``) or
Ray (``ray``, the optional extra ``limitbench[ray]``).
"""

from .base import Executor, ExecutorUnavailableError, UnknownExecutorError
from .cells import Cell, CellStore, code_version, run_cells
from .local import ProcessExecutor, SequentialExecutor, default_workers
from .ray_executor import RayExecutor
from .registry import EXECUTORS, available_executors, get_executor

__all__ = [
    "Cell",
    "CellStore",
    "EXECUTORS",
    "Executor",
    "ExecutorUnavailableError",
    "ProcessExecutor",
    "RayExecutor",
    "SequentialExecutor",
    "UnknownExecutorError",
    "available_executors",
    "code_version",
    "default_workers",
    "get_executor",
    "run_cells",
]
