"""Run cells as Ray tasks, for sweeps that outgrow one machine.

On one machine this starts a local Ray instance with ``workers`` CPUs; with
``RAY_ADDRESS`` set (or ``address=``) it joins that cluster instead. Ray is the
optional extra ``limitbench[ray]``. Cells write their results to the cell store
themselves, so on a cluster ``store_dir`` must be on a file system every node sees.
"""

from __future__ import annotations

import os
import sys
from typing import Any, Callable, Iterable

from limitbench.retrievers.errors import ConfigError, LimitbenchError

from .base import ExecutorUnavailableError

__all__ = ["RayExecutor"]


class RayExecutor:
    """One Ray task (1 CPU) per item; results returned in input order."""

    name = "ray"
    install_hint = "pip install 'limitbench[ray]'  (or: pip install 'ray[default]>=2.9')"

    def __init__(self, *, workers: int | None = None, address: str | None = None) -> None:
        if workers is not None and workers < 1:
            raise ConfigError(f"workers must be at least 1 (got {workers})")
        if not self.is_available():
            raise ExecutorUnavailableError(f"executor 'ray' needs Ray, which is not installed: {self.install_hint}")
        self.workers = workers
        self.address = address or os.environ.get("RAY_ADDRESS")

    @staticmethod
    def is_available() -> bool:
        try:
            import ray  # noqa: F401
        except ImportError:
            return False
        return True

    def _ensure_started(self) -> None:
        import ray

        if ray.is_initialized():
            return
        if self.address:
            ray.init(address=self.address, ignore_reinit_error=True, log_to_driver=False)
        else:
            # local workers see this process's import path, so cell functions defined in
            # scripts or test modules unpickle there as they do in a spawned process pool
            path = os.pathsep.join(entry for entry in sys.path if entry)
            # Ray starts its workers at nice 15; on a machine shared with other work they then
            # get a small share of the CPU (measured here: 3-5x slower cells), so use nice 0
            ray.init(num_cpus=self.workers, include_dashboard=False, ignore_reinit_error=True, log_to_driver=False,
                     runtime_env={"env_vars": {"PYTHONPATH": path}}, _system_config={"worker_niceness": 0})

    def map(self, fn: Callable[[Any], Any], items: Iterable[Any]) -> list[Any]:
        import ray
        from ray.exceptions import RayTaskError

        pending = list(items)
        if not pending:
            return []
        self._ensure_started()
        remote = ray.remote(num_cpus=1, max_retries=0)(fn)
        try:
            return ray.get([remote.remote(item) for item in pending])
        except RayTaskError as error:
            # a user mistake inside a task should read as the same one-line error as locally
            cause = getattr(error, "cause", None)
            if isinstance(cause, LimitbenchError):
                raise cause from None
            raise
