"""Run cells as Ray tasks, for sweeps that outgrow one machine.

Without an address this starts a private Ray instance on this machine (never one it
finds running), bound to 127.0.0.1 only. With ``RAY_ADDRESS`` set (or ``address=``) it
joins that cluster instead; an address in 127.0.0.0/8 keeps this driver on loopback too.
Ray is the optional extra ``limitbench[ray]``. Cells write their results to the cell
store themselves, so on a cluster ``store_dir`` must be on a file system every node
sees, at the same path.

Why loopback needs help: Ray replaces ``127.0.0.1`` and ``localhost`` -- in
``--node-ip-address``, in ``ray.init(_node_ip_address=...)`` and in ``RAY_ADDRESS`` --
by the address of the machine's network interface, and then binds its servers to
every interface (``ray._private.services.resolve_ip_for_localhost``, Ray 2.x). It keeps
loopback only when its multi-node switch ``RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER`` is
``0``; :func:`keep_ray_on_loopback` sets it for this process and the Ray processes it
starts. A head for a loopback cluster needs the same variable (see the README,
"Running on a Ray cluster").
"""

from __future__ import annotations

import ipaddress
import os
import secrets
import sys
from typing import Any, Callable, Iterable

from limitbench.retrievers.errors import ConfigError, LimitbenchError

from .base import ExecutorUnavailableError

__all__ = ["LOOPBACK", "RayExecutor", "is_loopback_address", "keep_ray_on_loopback", "use_private_token"]

LOOPBACK = "127.0.0.1"
# Ray's own switch; "0" stops it from rewriting loopback addresses (ray_constants.ENABLE_RAY_CLUSTER)
SINGLE_MACHINE_SWITCH = "RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER"
# cells return small JSON and write their results to the cell store themselves, so the
# object store of a local instance only carries task arguments; Ray's default is 30% of RAM
LOCAL_OBJECT_STORE_BYTES = 200 * 1024 * 1024


def is_loopback_address(address: str) -> bool:
    """Whether ``host:port`` (or ``ray://host:port``) names this machine's loopback."""
    host = address.split("://", 1)[-1].rsplit(":", 1)[0].strip("[]")
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def keep_ray_on_loopback() -> None:
    """Stop Ray from replacing 127.0.0.1 by the network interface's address, in this
    process and in every Ray process started from it (they inherit the environment)."""
    os.environ[SINGLE_MACHINE_SWITCH] = "0"
    if "ray" in sys.modules:  # the switch is read once, when Ray is imported
        from ray._private import ray_constants

        ray_constants.ENABLE_RAY_CLUSTER = False


def use_private_token() -> None:
    """Token authentication for a local instance with a token of its own, unless
    ``RAY_AUTH_MODE`` says otherwise. Loopback is reachable by every user of this
    machine; Ray's default would write a token to ``~/.ray/auth_token``, which ``ray
    start`` then picks up for every later head of the same user (and their drivers,
    which do not, are refused). The token lives in this process's environment only,
    inherited by the Ray processes it starts."""
    if "RAY_AUTH_MODE" in os.environ:
        return
    os.environ["RAY_AUTH_MODE"] = "token"
    os.environ.setdefault("RAY_AUTH_TOKEN", secrets.token_hex(32))
    if "ray" in sys.modules:  # Ray reads its configuration when imported; read it again
        from ray._raylet import Config

        Config.initialize("")


def _forwarded_environment() -> dict[str, str]:
    """``LIMITBENCH_*`` settings of this driver (the embedding cache folder, ...): Ray
    tasks on a cluster run in the environment their node was started with, not ours."""
    return {name: value for name, value in os.environ.items() if name.startswith("LIMITBENCH_")}


def _in_directory(directory: str, fn: Callable[[Any], Any], item: Any) -> Any:
    """A Ray task: ``fn(item)`` in the driver's working directory when this node has it
    (one machine, or a shared file system at the same path), so relative paths -- an
    ``--out`` folder, ``data_dir`` -- mean what they mean under the other executors,
    whose workers inherit it. Elsewhere the task stays where its node started it."""
    if os.path.isdir(directory):
        os.chdir(directory)
    return fn(item)


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
        self.address = address or os.environ.get("RAY_ADDRESS") or None

    @staticmethod
    def is_available() -> bool:
        import importlib.util

        return importlib.util.find_spec("ray") is not None

    def _ensure_started(self) -> None:
        if self.address is None or is_loopback_address(self.address):
            keep_ray_on_loopback()
        import ray

        if ray.is_initialized():
            return
        if self.address:
            self._join_cluster(ray)
        else:
            self._start_local(ray)

    def _join_cluster(self, ray: Any) -> None:
        # a Ray client ("ray://") has no node of its own to place
        on_loopback = is_loopback_address(self.address) and not self.address.startswith("ray://")
        loopback = {"_node_ip_address": LOOPBACK} if on_loopback else {}
        forwarded = _forwarded_environment()
        ray.init(address=self.address, ignore_reinit_error=True, log_to_driver=False,
                 runtime_env={"env_vars": forwarded} if forwarded else None, **loopback)

    def _start_local(self, ray: Any) -> None:
        os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")  # nothing leaves this machine
        use_private_token()
        # local workers see this process's import path, so cell functions defined in
        # scripts or test modules unpickle there as they do in a spawned process pool
        path = os.pathsep.join(entry for entry in sys.path if entry)
        # "local": a new instance even when another Ray runs on this machine (address=None
        # would join any it finds, e.g. a colleague's on a shared machine).
        # Ray starts its workers at nice 15; on a machine shared with other work they then
        # get a small share of the CPU (measured here: 3-5x slower cells), so use nice 0
        ray.init(address="local", num_cpus=self.workers, _node_ip_address=LOOPBACK, include_dashboard=False,
                 object_store_memory=LOCAL_OBJECT_STORE_BYTES, ignore_reinit_error=True, log_to_driver=False,
                 runtime_env={"env_vars": {**_forwarded_environment(), "PYTHONPATH": path}},
                 _system_config={"worker_niceness": 0})

    def map(self, fn: Callable[[Any], Any], items: Iterable[Any]) -> list[Any]:
        pending = list(items)
        if not pending:
            return []
        self._ensure_started()
        import ray
        from ray.exceptions import RayTaskError

        remote = ray.remote(num_cpus=1, max_retries=0)(_in_directory)
        directory = os.getcwd()
        try:
            return ray.get([remote.remote(directory, fn, item) for item in pending])
        except RayTaskError as error:
            # a user mistake inside a task should read as the same one-line error as locally
            cause = getattr(error, "cause", None)
            if isinstance(cause, LimitbenchError):
                raise cause from None
            raise
