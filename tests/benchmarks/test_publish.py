"""The output folder holds the complete old result or the complete new one; TREC ids are
escaped reversibly; file names are unique per label; interrupted runs leave nothing behind;
stored cells are checked before use."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import unquote

import pytest

from limitbench.benchmarks import publish
from limitbench.benchmarks.config import build_config
from limitbench.benchmarks.executors.cells import result_digest
from limitbench.benchmarks.publish import OutputFolder, file_stem
from limitbench.benchmarks.runner import run_benchmark
from limitbench.benchmarks.trec import trec_id, trec_lines
from limitbench.retrievers.errors import ConfigError

DATASET = {"name": "generated", "options": {"n_relevant": 10, "n_queries": 12, "n_distractors": 10, "distractor_items": 6}}


def _config(out: Path, retrievers=("bm25",), **extra):
    return build_config({"datasets": [DATASET], "retrievers": list(retrievers), "k": 5, "metrics": ["R@2"],
                         "out": str(out), **extra})


def _files(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file()}


@pytest.mark.parametrize("identifier, written", [
    ("A B", "A%20B"), ("A_B", "A_B"), ("50%", "50%25"), ("tab\there", "tab%09here"), ("new\nline", "new%0Aline"),
    ("Zoë 名", "Zoë%20名"), ("nbsp\u00a0x", "nbsp%C2%A0x"), ("plain", "plain"),
])
def test_trec_ids_are_escaped_reversibly(identifier, written):
    assert trec_id(identifier) == written and unquote(written) == identifier


def test_trec_lines_have_six_fields_and_no_collisions():
    run = {"q 1": {"A B": 2.0, "A_B": 1.0, "x\ty": 0.5}}
    lines = list(trec_lines(run, "my tag"))
    assert all(len(line.split()) == 6 for line in lines)
    assert [line.split()[2] for line in lines] == ["A%20B", "A_B", "x%09y"] and lines[0].split()[0] == "q%201"


def test_file_stems_are_unique_and_stay_inside():
    labels = ["x y", "x_y", "x/y", "../etc", "..", "a" * 300, "bm25[k1=2.0]", "bm25"]
    stems = [file_stem(label) for label in labels]
    assert len(set(stems)) == len(stems)
    assert all("/" not in stem and not stem.startswith(".") and len(stem) <= 90 for stem in stems)
    assert file_stem("bm25") == "bm25" and file_stem("x_y") == "x_y"


def test_rerun_replaces_the_folder_whole(tmp_path):
    out = tmp_path / "out"
    run_benchmark(_config(out, retrievers=["bm25", "bm25[k1=2.0]"], significance={"baseline": "bm25"}), echo=lambda _: None)
    assert "significance.json" in _files(out)
    (out / "runs" / "generated" / "dense.trec").write_text("from an earlier run\n")
    run_benchmark(_config(out), echo=lambda _: None)
    assert _files(out) == {"results.json", "results.md", "report.html", "runs/generated/bm25.trec", "per_query/generated/bm25.json",
                           *(f"datasets/generated/{name}" for name in ("docs.jsonl", "queries.jsonl", "qrels.json", "dataset.json"))}
    assert not [p for p in tmp_path.iterdir() if p.name != "out"]  # no staging or old folder left


@pytest.mark.parametrize("exchange", [True, False], ids=["atomic-exchange", "two-renames"])
def test_a_failed_swap_leaves_the_old_folder(tmp_path, monkeypatch, exchange):
    out = tmp_path / "out"
    run_benchmark(_config(out), echo=lambda _: None)
    before = {name: (out / name).read_bytes() for name in _files(out)}
    real_rename = os.rename

    def failing_exchange(first, second):
        raise OSError(28, "No space left on device")

    def failing_rename(source, target):
        if ".limitbench-new-" in str(source):
            raise OSError(28, "No space left on device")
        return real_rename(source, target)

    if exchange:
        monkeypatch.setattr(publish, "_exchange", failing_exchange)
    else:
        monkeypatch.setattr(publish, "_exchange", lambda first, second: False)
        monkeypatch.setattr(publish.os, "rename", failing_rename)
    with pytest.raises(ConfigError, match="cannot put the new results in place .* the previous folder is unchanged"):
        run_benchmark(_config(out, retrievers=["bm25[k1=2.0]"]), echo=lambda _: None)
    assert {name: (out / name).read_bytes() for name in _files(out)} == before
    assert not [p for p in tmp_path.iterdir() if p.name != "out"]


def test_symlinked_out_is_followed(tmp_path):
    real = tmp_path / "real"
    real.mkdir()
    (tmp_path / "link").symlink_to(real)
    run_benchmark(_config(tmp_path / "link"), echo=lambda _: None)
    assert (tmp_path / "link").is_symlink() and (real / "results.json").is_file()


def test_stale_staging_of_a_dead_process_is_removed(tmp_path):
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    stale = tmp_path / f".out.limitbench-new-{dead.stdout.strip()}-abcd"
    stale.mkdir()
    mine = tmp_path / f".out.limitbench-new-{os.getpid()}-abcd"
    mine.mkdir()
    with OutputFolder.prepare(tmp_path / "out", marker="results.json"):
        pass
    assert not stale.exists() and mine.exists()  # a live process's staging is left alone


def test_stored_cells_are_checked_before_use(tmp_path, monkeypatch):
    monkeypatch.setenv("LIMITBENCH_CACHE", str(tmp_path / "cache"))
    lines: list[str] = []
    first = run_benchmark(_config(tmp_path / "a"), echo=lines.append)
    [cell_file] = (tmp_path / "cache" / "cells").glob("*.json")
    stored = json.loads(cell_file.read_text())

    def rerun(content) -> tuple[str, dict]:
        cell_file.write_text(content if isinstance(content, str) else json.dumps(content))
        lines.clear()
        outcome = run_benchmark(_config(tmp_path / "b"), echo=lines.append)
        return next(line for line in lines if "cells," in line), outcome.rows[0]["metrics"]

    tampered = json.loads(json.dumps(stored))
    tampered["result"]["row"]["metrics"]["R@2"] = 1.0  # edited by hand: checksum no longer fits
    assert rerun(tampered) == ("1 cells, 1 to compute, 0 from " + str(tmp_path / "cache" / "cells") + " (sequential executor)",
                               first.rows[0]["metrics"])
    assert "1 to compute" in rerun("{not json")[0]
    assert "1 to compute" in rerun({"cell": [], "result": 1})[0]
    forged = json.loads(json.dumps(stored))
    query = next(iter(forged["result"]["run"]))
    forged["result"]["run"][query] = {"nobody": 1.0}  # checksum recomputed, but the run is impossible
    forged["sha256"] = result_digest(forged["result"])
    assert "1 to compute" in rerun(forged)[0]
    forged = json.loads(json.dumps(stored))
    forged["result"]["row"]["metrics"]["R@2"] = 1.0  # checksum recomputed: metrics are not taken from cells
    forged["sha256"] = result_digest(forged["result"])
    line, metrics = rerun(forged)
    assert "0 to compute" in line and metrics == first.rows[0]["metrics"]


SLOW_PLUGIN = '''
import time


class Slow:
    name = "slow"

    def index(self, *, corpus):
        self.ids = [d.id for d in corpus]
        time.sleep(60)

    def search(self, *, queries, k):
        return {q.id: {} for q in queries}
'''


@pytest.mark.parametrize("how, status, message", [
    (signal.SIGINT, 130, "limitbench: interrupted"), (signal.SIGTERM, 143, "limitbench: terminated"), (signal.SIGKILL, -9, None),
])
def test_interrupted_run_leaves_old_output_and_no_temp_folders(tmp_path, how, status, message):
    (tmp_path / "slow_plugin.py").write_text(SLOW_PLUGIN)
    env = {**os.environ, "PYTHONPATH": str(tmp_path), "LIMITBENCH_CACHE": str(tmp_path / "cache")}
    out = tmp_path / "out"
    out.mkdir()
    (out / "results.json").write_text("[]\n")
    command = [sys.executable, "-m", "limitbench.benchmarks.cli", "run", "-d", "generated", "-r", "slow_plugin:Slow",
               "--k", "2", "-m", "R@1", "--fresh", "--out", str(out)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    deadline = time.time() + 120
    while time.time() < deadline and not list(tmp_path.glob(".out.limitbench-cells-*")):
        time.sleep(0.2)
    time.sleep(1.0)
    process.send_signal(how)
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == status and "Traceback" not in stderr
    assert (out / "results.json").read_text() == "[]\n" and _files(out) == {"results.json"}
    if message is not None:
        assert stderr.strip().splitlines()[-1] == message
        assert not list(tmp_path.glob(".out.limitbench-*"))
    else:  # kill -9 cannot clean up: the next run into the same folder does
        assert list(tmp_path.glob(".out.limitbench-*"))
        finished = subprocess.run([*command[:7], "bm25", *command[8:]], capture_output=True, text=True, env=env, timeout=300)
        assert finished.returncode == 0, finished.stderr
        assert not list(tmp_path.glob(".out.limitbench-*")) and (out / "runs" / "generated" / "bm25.trec").is_file()
