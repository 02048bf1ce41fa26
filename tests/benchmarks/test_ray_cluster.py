"""The distributed path as a user meets it: a real Ray head on 127.0.0.1, joined through
``RAY_ADDRESS`` by ``limitbench run`` and ``limitbench free-embedding``, whose cells must
equal the sequential executor's cell for cell; and nothing may leave 127.0.0.0/8.

The head is a subprocess (``ray start --head --block``) stopped by its own process ids;
``ray stop`` is never used, it would stop every Ray on the machine.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from ray_support import loopback_only, require_ray, start_loopback_head, stop_head, stop_processes

CLI = [sys.executable, "-m", "limitbench.benchmarks.cli"]

# the timings and memory of a cell are measurements, not results
# what a run measures rather than computes, and the stored checksum, which covers it too
MEASURED = {"cost", "seconds", "cpu_seconds", "wall_seconds", "optimisation_seconds", "sha256"}

# A driver that joins (RAY_ADDRESS) or starts (no address) Ray through limitbench's
# executor and reports where everything is; run as its own process, like the CLI.
PROBE = r"""
import json, sys, psutil, ray
from limitbench.benchmarks.executors import RayExecutor
sys.path.insert(0, sys.argv[1])
from ray_support import loopback_only

def node_ip(_):
    return ray.util.get_node_ip_address()

task_ips = RayExecutor(workers=1).map(node_ip, [0, 1])
me = psutil.Process()
print(json.dumps({
    "gcs": ray.get_runtime_context().gcs_address,
    "driver_ip": ray.util.get_node_ip_address(),
    "task_ips": task_ips,
    "nodes": [{"ip": node["NodeManagerAddress"], "alive": node["Alive"]} for node in ray.nodes()],
    "pids": [me.pid] + [child.pid for child in me.children(recursive=True)],
    "outside_loopback": loopback_only([me, *me.children(recursive=True)]),
}))
"""

# the cluster's token (Ray's token authentication): loopback is open to every user here
TOKEN = {"RAY_AUTH_MODE": "token", "RAY_AUTH_TOKEN": secrets.token_hex(32)}


def probe_command() -> list[str]:
    return [sys.executable, "-c", PROBE, str(Path(__file__).resolve().parent)]


@pytest.fixture(scope="module")
def head(tmp_path_factory):
    require_ray()
    # the head's own cache: the drivers' LIMITBENCH_CACHE must reach their tasks instead
    head_cache = tmp_path_factory.mktemp("head-cache")
    started = start_loopback_head(cpus=2, env={"LIMITBENCH_CACHE": str(head_cache), **TOKEN})
    started.cache = head_cache
    yield started
    left = stop_head(started)
    assert not left, f"Ray processes still alive after SIGKILL: {left}"


def driver_environment(*, cache: Path, address: str | None) -> dict[str, str]:
    """A clean environment for a CLI process: Ray's loopback switch is *not* inherited,
    limitbench's executor must set it itself."""
    environment = {name: value for name, value in os.environ.items()
                   if name not in ("RAY_ADDRESS", "RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER", *TOKEN)}
    environment["LIMITBENCH_CACHE"] = str(cache)
    if address:
        environment.update(RAY_ADDRESS=address, **TOKEN)
    return environment


def run(args, *, cwd: Path, cache: Path, address: str | None = None) -> subprocess.CompletedProcess:
    cwd.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(args, cwd=cwd, env=driver_environment(cache=cache, address=address),
                            capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stderr[-4000:]
    return result


def without_measurements(value):
    if isinstance(value, dict):
        return {key: without_measurements(item) for key, item in value.items() if key not in MEASURED}
    if isinstance(value, list):
        return [without_measurements(item) for item in value]
    return value


def stored_cells(folder: Path) -> dict[str, dict]:
    """Cell name -> stored record (config and result), measurements left out."""
    return {path.stem: without_measurements(json.loads(path.read_text())) for path in sorted(folder.glob("*.json"))}


def assert_joined(result: subprocess.CompletedProcess, address: str) -> None:
    assert f"Connecting to existing Ray cluster at address: {address}" in result.stderr, result.stderr[-3000:]
    assert "Started a local Ray instance" not in result.stderr


def test_head_and_driver_stay_on_loopback(head, tmp_path):
    log = re.sub(r"\x1b\[[0-9;]*m", "", head.log.read_text(errors="replace"))  # without terminal colours
    assert "Local node IP: 127.0.0.1" in log
    probe = json.loads(run(probe_command(), cwd=tmp_path, cache=tmp_path / "cache",
                           address=head.address).stdout.splitlines()[-1])
    assert probe["gcs"] == head.address
    assert probe["nodes"] == [{"ip": "127.0.0.1", "alive": True}]  # one node, advertised on loopback
    assert probe["driver_ip"] == "127.0.0.1" and probe["task_ips"] == ["127.0.0.1", "127.0.0.1"]
    assert probe["outside_loopback"] == []  # the driver's own sockets
    assert loopback_only(head.processes()) == []  # every socket of GCS, raylet, agents, workers


def test_local_mode_starts_its_own_instance_on_loopback(head, tmp_path):
    """Without an address the executor starts a private instance, bound to loopback,
    even though a head runs on this machine (a colleague's, on a shared machine)."""
    import psutil

    result = run(probe_command(), cwd=tmp_path, cache=tmp_path / "cache")
    probe = json.loads(result.stdout.splitlines()[-1])
    assert "Started a local Ray instance" in result.stderr
    assert probe["gcs"] != head.address and probe["gcs"].startswith("127.0.0.1:")
    assert probe["nodes"] == [{"ip": "127.0.0.1", "alive": True}]
    assert probe["driver_ip"] == "127.0.0.1" and probe["task_ips"] == ["127.0.0.1", "127.0.0.1"]
    assert probe["outside_loopback"] == []  # the driver and the Ray processes it started
    survivors = []
    for pid in probe["pids"][1:]:
        try:
            survivors.append(psutil.Process(pid))
        except psutil.NoSuchProcess:
            pass
    _, alive = psutil.wait_procs(survivors, timeout=20)
    alive = [process for process in alive if process.status() != psutil.STATUS_ZOMBIE]
    stop_processes(alive)  # ours: the probe started them
    assert not alive, f"the local instance outlived its driver: {alive}"


def test_run_grid_on_the_cluster_equals_the_sequential_cells(head, tmp_path):
    # a small generated dataset (30 documents, 40 queries): the cost is loading the model
    run([*CLI, "generate", "--out", "data", "--n-relevant", "10", "--n-queries", "40", "--n-distractors", "20"],
        cwd=tmp_path, cache=tmp_path / "cache")
    grid = ["run", "-d", "data", "-r", "bm25", "-r", "dense"]
    run([*CLI, *grid, "--out", "sequential"], cwd=tmp_path, cache=tmp_path / "sequential-cache")
    on_ray = run([*CLI, *grid, "--out", "ray", "--executor", "ray"], cwd=tmp_path, cache=tmp_path / "ray-cache",
                 address=head.address)
    assert_joined(on_ray, head.address)
    assert "2 cells, 2 to compute" in on_ray.stderr and "(ray executor)" in on_ray.stderr

    expected, got = stored_cells(tmp_path / "sequential-cache" / "cells"), stored_cells(tmp_path / "ray-cache" / "cells")
    assert len(expected) == 2 and got.keys() == expected.keys()  # same names: same config, data and code
    for name in expected:  # rankings with their scores, per-query and mean metrics
        assert got[name] == expected[name], f"cell {name} differs between executors"
    for path in sorted((tmp_path / "sequential").rglob("*.*")):
        if path.suffix == ".trec" or path.parent.parent.name == "per_query":
            twin = tmp_path / "ray" / path.relative_to(tmp_path / "sequential")
            assert twin.read_bytes() == path.read_bytes(), f"{twin} differs"
    rows = [[without_measurements({**row, "run": None}) for row in json.loads((tmp_path / side / "results.json").read_text())]
            for side in ("sequential", "ray")]
    assert rows[0] == rows[1] and len(rows[0]) == 2
    # the tasks used the driver's LIMITBENCH_CACHE (forwarded), not the head's
    assert not any(head.cache.iterdir()) and len(list((tmp_path / "ray-cache").iterdir())) > 1
    assert loopback_only(head.processes()) == []


def test_free_embedding_sweep_on_the_cluster_equals_the_sequential_cells(head, tmp_path):
    # a relative --out: the cells must land where the driver looks, not in the head's folder
    sweep = ["free-embedding", "--dims", "4-5", "--out", "fe"]
    run([*CLI, *sweep], cwd=tmp_path / "sequential", cache=tmp_path / "cache")
    on_ray = run([*CLI, *sweep, "--executor", "ray"], cwd=tmp_path / "ray", cache=tmp_path / "cache",
                 address=head.address)
    assert_joined(on_ray, head.address)

    for cache in ("cells", "trials"):
        expected = stored_cells(tmp_path / "sequential" / "fe" / cache)
        got = stored_cells(tmp_path / "ray" / "fe" / cache)
        assert expected and got == expected, f"{cache} differ between executors"
    rows = [without_measurements(json.loads((tmp_path / side / "fe" / "critical-n.json").read_text())["rows"])
            for side in ("sequential", "ray")]
    assert rows[0] == rows[1] and [row["d"] for row in rows[1]] == [4, 5]
    assert all(row["critical_n"] for row in rows[1])
    assert loopback_only(head.processes()) == []
