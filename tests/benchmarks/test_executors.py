"""Executors (sequential, process pool, Ray) and the idempotent cell store."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import psutil
import pytest
from ray_support import loopback_only, require_ray, stop_processes

from limitbench.benchmarks.executors import (
    Cell,
    CellStore,
    Executor,
    ExecutorUnavailableError,
    RayExecutor,
    UnknownExecutorError,
    available_executors,
    code_version,
    get_executor,
    run_cells,
)
from limitbench.benchmarks.executors.ray_executor import is_loopback_address
from limitbench.retrievers.errors import ConfigError


def square(cell: Cell) -> dict:
    """A picklable top-level cell function; leaves a mark per call to count recomputation."""
    marks = Path(cell.context["marks"])
    marks.mkdir(parents=True, exist_ok=True)
    (marks / f"{cell.name}-{len(list(marks.iterdir()))}").touch()
    if cell.config["x"] < 0:
        raise ConfigError(f"x must not be negative (got {cell.config['x']})")
    return {"x": cell.config["x"], "square": cell.config["x"] ** 2}


def cells(values, marks) -> list[Cell]:
    return [Cell(kind="square", config={"x": x}, data="d0", code="v1", context={"marks": str(marks)}) for x in values]


def test_cell_names_hash_config_data_and_code_but_not_context(tmp_path):
    base = Cell(kind="square", config={"x": 1, "y": [1, 2]}, data="d0", code="v1", context={"path": "a"})
    assert base.name == Cell(kind="square", config={"y": [1, 2], "x": 1}, data="d0", code="v1", context={"path": "b"}).name
    for changed in (
        Cell(kind="square", config={"x": 2, "y": [1, 2]}, data="d0", code="v1"),
        Cell(kind="square", config={"x": 1, "y": [1, 2]}, data="d1", code="v1"),
        Cell(kind="square", config={"x": 1, "y": [1, 2]}, data="d0", code="v2"),
    ):
        assert changed.name != base.name
    assert base.name.startswith("square-")


def test_code_version_follows_the_source():
    import limitbench.benchmarks.executors.cells as module

    assert code_version(module) == code_version(module) and len(code_version(module)) == 16
    assert code_version(module) != code_version(module, packages=("numpy",))


@pytest.mark.parametrize("name", ["sequential", "process"])
def test_run_cells_in_order_and_skips_finished(tmp_path, name):
    store, marks = tmp_path / "store", tmp_path / "marks"
    results = run_cells(square, cells([3, 1, 2], marks), executor=name, workers=2, store_dir=store)
    assert [row["square"] for row in results] == [9, 1, 4]
    assert len(list(marks.iterdir())) == 3
    again = run_cells(square, cells([1, 2, 3, 4], marks), executor=name, workers=2, store_dir=store)
    assert [row["square"] for row in again] == [1, 4, 9, 16]
    assert len(list(marks.iterdir())) == 4  # only x = 4 was computed
    stored = json.loads(CellStore(store).path(cells([4], marks)[0]).read_text())
    assert stored["result"] == {"x": 4, "square": 16} and "context" not in stored["cell"]


def test_results_merge_across_executors(tmp_path):
    store, marks = tmp_path / "store", tmp_path / "marks"
    run_cells(square, cells([1, 2], marks), executor="sequential", store_dir=store)
    merged = run_cells(square, cells([1, 2, 3], marks), executor="process", workers=2, store_dir=store)
    assert [row["square"] for row in merged] == [1, 4, 9] and len(list(marks.iterdir())) == 3


def test_duplicate_cells_run_once(tmp_path):
    results = run_cells(square, cells([5, 5], tmp_path / "marks"), store_dir=tmp_path / "store")
    assert results == [{"x": 5, "square": 25}] * 2 and len(list((tmp_path / "marks").iterdir())) == 1


@pytest.mark.parametrize("name", ["sequential", "process"])
def test_user_errors_in_cells_come_back_as_themselves(tmp_path, name):
    with pytest.raises(ConfigError, match="x must not be negative"):
        run_cells(square, cells([1, -1], tmp_path / "marks"), executor=name, workers=2, store_dir=tmp_path / "store")
    assert not CellStore(tmp_path / "store").done(cells([-1], tmp_path / "marks")[0])


def test_unknown_and_unavailable_executors(monkeypatch, tmp_path):
    with pytest.raises(UnknownExecutorError, match="unknown executor 'slurm'.*process, ray, sequential"):
        get_executor("slurm")
    with pytest.raises(UnknownExecutorError):  # even when every cell is done already
        run_cells(square, [], executor="slurm", store_dir=tmp_path)
    monkeypatch.setattr(RayExecutor, "is_available", staticmethod(lambda: False))
    with pytest.raises(ExecutorUnavailableError, match=r"pip install 'limitbench\[ray\]'"):
        get_executor("ray")
    assert available_executors()["ray"] is False and available_executors()["sequential"] is True
    with pytest.raises(ConfigError, match="workers must be at least 1"):
        get_executor("process", workers=0)


def test_loopback_addresses():
    for address in ("127.0.0.1:6379", "127.3.2.1:1", "localhost:6379", "[::1]:6379", "ray://127.0.0.1:10001"):
        assert is_loopback_address(address), address
    for address in ("192.0.2.2:6379", "10.0.0.1:6379", "head-node:6379", "auto", "ray://10.1.2.3:10001"):
        assert not is_loopback_address(address), address


def test_executors_follow_the_protocol():
    for name in ("sequential", "process"):
        assert isinstance(get_executor(name, workers=1), Executor)


# A parent whose process pool runs cells that take minutes; each worker writes its pid.
HOLDER = """
import os, sys, time
from limitbench.benchmarks.executors import ProcessExecutor

def hold(folder):
    (__import__("pathlib").Path(folder) / str(os.getpid())).touch()
    time.sleep(600)  # a long cell: the worker must not outlive its parent by this much

if __name__ == "__main__":
    ProcessExecutor(workers=2).map(hold, [sys.argv[1]] * 2)
"""


def test_process_workers_die_with_their_parent(tmp_path):
    script, pids = tmp_path / "holder.py", tmp_path / "pids"
    script.write_text(textwrap.dedent(HOLDER))
    pids.mkdir()
    parent = subprocess.Popen([sys.executable, str(script), str(pids)])
    deadline = time.monotonic() + 120
    while len(list(pids.iterdir())) < 2:
        assert parent.poll() is None and time.monotonic() < deadline, "the workers did not start"
        time.sleep(0.2)
    workers = [psutil.Process(int(path.name)) for path in pids.iterdir()]
    assert all(worker.ppid() == parent.pid for worker in workers)
    os.kill(parent.pid, signal.SIGKILL)  # no chance to clean up: only the workers can notice
    parent.wait()
    _, alive = psutil.wait_procs(workers, timeout=10)
    alive = [worker for worker in alive if worker.status() != psutil.STATUS_ZOMBIE]
    stop_processes(alive)  # ours, should the test fail
    assert not alive, f"workers outlived their killed parent: {[worker.pid for worker in alive]}"


# A pool interrupted by the user: one worker busy with a long cell, one idle after a short one.
INTERRUPTED = """
import os, sys, time
from limitbench.benchmarks.executors import ProcessExecutor

def hold(job):
    folder, seconds = job
    (__import__("pathlib").Path(folder) / str(os.getpid())).touch()
    time.sleep(seconds)

if __name__ == "__main__":
    try:
        ProcessExecutor(workers=2).map(hold, [(sys.argv[1], 600), (sys.argv[1], 0)])
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        sys.exit(130)
"""


def test_ctrl_c_stops_the_pool_without_worker_tracebacks(tmp_path):
    script, pids = tmp_path / "interrupted.py", tmp_path / "pids"
    script.write_text(textwrap.dedent(INTERRUPTED))
    pids.mkdir()
    # its own process group, as a shell gives a job: Ctrl-C reaches the parent and every worker
    parent = subprocess.Popen([sys.executable, str(script), str(pids)], stderr=subprocess.PIPE, text=True,
                              start_new_session=True)
    deadline = time.monotonic() + 120
    while len(list(pids.iterdir())) < 2:
        assert parent.poll() is None and time.monotonic() < deadline, "the workers did not start"
        time.sleep(0.2)
    workers = [psutil.Process(int(path.name)) for path in pids.iterdir()]
    time.sleep(1.0)  # the short cell's worker is back waiting for work
    os.killpg(parent.pid, signal.SIGINT)
    try:
        _, stderr = parent.communicate(timeout=60)  # not the cells' 600 s
    finally:
        _, alive = psutil.wait_procs(workers, timeout=10)
        stop_processes([worker for worker in alive if worker.status() != psutil.STATUS_ZOMBIE])
    assert parent.returncode == 130 and stderr == "interrupted\n"


@pytest.fixture(scope="module")
def ray_session():
    """One local Ray instance for this module's Ray tests (starting one takes seconds)."""
    require_ray()
    import ray

    yield
    ray.shutdown()


def test_ray_runs_cells_and_merges_with_local_results(tmp_path, ray_session):
    store, marks = tmp_path / "store", tmp_path / "marks"
    run_cells(square, cells([1], marks), executor="sequential", store_dir=store)
    results = run_cells(square, cells([1, 2, 3], marks), executor="ray", workers=2, store_dir=store)
    assert [row["square"] for row in results] == [1, 4, 9] and len(list(marks.iterdir())) == 3
    with pytest.raises(ConfigError, match="x must not be negative"):
        run_cells(square, cells([-2], marks), executor="ray", workers=2, store_dir=store)


def test_local_ray_binds_to_loopback_only(tmp_path, ray_session):
    import ray

    run_cells(square, cells([7], tmp_path / "marks"), executor="ray", workers=2, store_dir=tmp_path / "store")
    assert [node["NodeManagerAddress"] for node in ray.nodes()] == ["127.0.0.1"]
    assert ray.util.get_node_ip_address() == "127.0.0.1"
    assert ray.get_runtime_context().gcs_address.startswith("127.0.0.1:")
    # GCS, raylet, object manager, agents and workers: every socket on 127.0.0.0/8
    ray_processes = psutil.Process().children(recursive=True)
    assert any("raylet" in process.name() for process in ray_processes)
    assert loopback_only(ray_processes) == []


def test_free_embedding_sweep_under_ray(tmp_path, ray_session):
    from limitbench.benchmarks.free_embedding.optimise import OptimiseSettings
    from limitbench.benchmarks.free_embedding.sweep import run_sweep

    fast = OptimiseSettings(learning_rate=0.05, temperature=0.1, patience=100, min_delta=1e-4, max_iterations=3000)
    result = run_sweep([2, 3], out=tmp_path, settings=fast, executor="ray", workers=2, device="cpu")
    assert [(row["d"], row["critical_n"]) for row in result.rows] == [(2, 4), (3, 5)]
    assert result.json_path.is_file() and len(list((tmp_path / "cells").glob("*.json"))) == 2
