"""Test support for the Ray executor: whether Ray may be missing, and a real Ray head
on 127.0.0.1 run as a subprocess and stopped by its own process ids.

Ray is the optional extra ``limitbench[ray]``. Without it the Ray tests skip, saying
why; CI sets ``LIMITBENCH_REQUIRE_RAY=1`` and then a missing Ray fails them instead.
"""

from __future__ import annotations

import ipaddress
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import psutil
import pytest

__all__ = [
    "LoopbackHead", "loopback_environment", "loopback_only", "require_ray", "start_loopback_head", "stop_head",
    "stop_processes",
]

INSTALL = "pip install -e '.[ray]'"


def require_ray() -> None:
    """Skip (locally) or fail (``LIMITBENCH_REQUIRE_RAY=1``, as in CI) when Ray is missing."""
    import importlib.util

    if importlib.util.find_spec("ray") is not None:
        return
    reason = f"Ray is not installed; it is the optional extra limitbench[ray] ({INSTALL})"
    if os.environ.get("LIMITBENCH_REQUIRE_RAY") == "1":
        pytest.fail(f"LIMITBENCH_REQUIRE_RAY=1 but {reason}", pytrace=False)
    pytest.skip(reason)


def _free_ports(count: int) -> list[int]:
    """``count`` distinct ports free on 127.0.0.1 now (all held open until all are chosen)."""
    sockets = []
    try:
        for _ in range(count):
            handle = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            handle.bind(("127.0.0.1", 0))
            sockets.append(handle)
        return [handle.getsockname()[1] for handle in sockets]
    finally:
        for handle in sockets:
            handle.close()


def _is_loopback(ip: str) -> bool:
    address = ipaddress.ip_address(ip.split("%", 1)[0])
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return address.is_loopback


def loopback_only(processes: list[psutil.Process]) -> list[str]:
    """Every TCP/UDP socket of ``processes`` that is bound to, or talks to, an address
    outside 127.0.0.0/8 (``::1`` counts as loopback). Empty when all stay on loopback."""
    offending = []
    for process in processes:
        try:
            connections = process.net_connections(kind="inet")
            name = process.name()
        except (psutil.NoSuchProcess, psutil.ZombieProcess):
            continue
        for connection in connections:
            addresses = [connection.laddr] + ([connection.raddr] if connection.raddr else [])
            for address in addresses:
                if address and not _is_loopback(address.ip):
                    offending.append(f"{name} (pid {process.pid}) {connection.status} {address.ip}:{address.port}")
    return offending


@dataclass
class LoopbackHead:
    """A running ``ray start --head --block`` and where it listens."""

    process: subprocess.Popen
    address: str
    temp_dir: Path
    log: Path
    ports: dict[str, int] = field(default_factory=dict)

    def processes(self) -> list[psutil.Process]:
        """The head and every process it started (GCS, raylet, agents, workers)."""
        try:
            root = psutil.Process(self.process.pid)
            return [root, *root.children(recursive=True)]
        except psutil.NoSuchProcess:
            return []


def loopback_environment(**extra: str) -> dict[str, str]:
    """This environment for a Ray process that must stay on loopback: Ray's switch that
    keeps 127.0.0.1 from being rewritten, no usage reports, no inherited RAY_ADDRESS."""
    environment = {name: value for name, value in os.environ.items() if name != "RAY_ADDRESS"}
    environment.update(RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER="0", RAY_USAGE_STATS_ENABLED="0", **extra)
    return environment


def start_loopback_head(*, cpus: int = 2, object_store_bytes: int = 200 * 1024 * 1024,
                        env: dict[str, str] | None = None, timeout: float = 120.0) -> LoopbackHead:
    """A Ray head whose every server (GCS, raylet, object manager, agents, client server)
    binds to 127.0.0.1 on ports free now, dashboard off, in its own temporary folder
    (short: Ray's Unix socket paths must stay under 108 bytes), which is also its working
    directory (so its tasks do not start where any driver runs)."""
    ray_cli = Path(sys.executable).with_name("ray")
    temp_dir = Path(tempfile.mkdtemp(prefix="lbray-", dir="/tmp"))
    names = ["gcs", "node_manager", "object_manager", "client_server", "dashboard", "dashboard_agent_listen",
             "dashboard_agent_grpc", "runtime_env_agent", "metrics_export", "autoscaler_metrics", "dashboard_metrics"]
    ports = dict(zip(names, _free_ports(len(names))))
    command = [
        str(ray_cli if ray_cli.exists() else shutil.which("ray") or "ray"), "start", "--head", "--block",
        "--node-ip-address=127.0.0.1", f"--port={ports['gcs']}",
        f"--node-manager-port={ports['node_manager']}", f"--object-manager-port={ports['object_manager']}",
        f"--ray-client-server-port={ports['client_server']}", "--include-dashboard=false",
        f"--dashboard-port={ports['dashboard']}", f"--dashboard-agent-listen-port={ports['dashboard_agent_listen']}",
        f"--dashboard-agent-grpc-port={ports['dashboard_agent_grpc']}",
        f"--runtime-env-agent-port={ports['runtime_env_agent']}", f"--metrics-export-port={ports['metrics_export']}",
        f"--num-cpus={cpus}", f"--object-store-memory={object_store_bytes}", "--disable-usage-stats",
        f"--temp-dir={temp_dir}",
    ]
    environment = loopback_environment(
        AUTOSCALER_METRIC_PORT=str(ports["autoscaler_metrics"]), DASHBOARD_METRIC_PORT=str(ports["dashboard_metrics"]),
        **(env or {}),
    )
    log = temp_dir / "head.log"
    with log.open("wb") as sink:
        process = subprocess.Popen(command, stdout=sink, stderr=subprocess.STDOUT, env=environment,
                                   cwd=temp_dir, start_new_session=True)
    head = LoopbackHead(process=process, address=f"127.0.0.1:{ports['gcs']}", temp_dir=temp_dir, log=log, ports=ports)
    deadline = time.monotonic() + timeout
    while b"Ray runtime started" not in log.read_bytes():
        if process.poll() is not None or time.monotonic() > deadline:
            output = log.read_text(errors="replace")[-3000:]
            stop_head(head)
            raise RuntimeError(f"the Ray head did not start (exit {process.poll()}):\n{output}")
        time.sleep(0.5)
    return head


def stop_processes(processes: list[psutil.Process], *, grace: float = 15.0) -> list[int]:
    """SIGTERM these processes (only these, by pid), SIGKILL what is left after
    ``grace`` seconds; the pids that were still alive at the end (should be none)."""
    for process in processes:
        try:
            process.send_signal(signal.SIGTERM)
        except psutil.NoSuchProcess:
            pass
    _, alive = psutil.wait_procs(processes, timeout=grace)
    for process in alive:
        try:
            process.kill()
        except psutil.NoSuchProcess:
            pass
    _, alive = psutil.wait_procs(alive, timeout=5)
    return [process.pid for process in alive]


def stop_head(head: LoopbackHead) -> list[int]:
    """Stop the head and everything it started, by their own pids: ``ray stop`` is never
    used, it would stop every Ray on this machine, other people's too."""
    processes = head.processes()
    # the head first: on SIGTERM `ray start --block` stops its own children in order
    left = stop_processes(processes[:1], grace=20.0) + stop_processes(processes[1:])
    if head.process.poll() is None:
        head.process.wait(timeout=5)
    shutil.rmtree(head.temp_dir, ignore_errors=True)
    return left
