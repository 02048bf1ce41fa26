"""The sweep over d (cells, outputs, resume) and the ``free-embedding`` command."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from limitbench.benchmarks.free_embedding.config import load_free_embedding_config
from limitbench.benchmarks.free_embedding.optimise import OptimiseSettings
from limitbench.benchmarks.free_embedding.paper_optimise import PaperSettings
from limitbench.benchmarks.free_embedding.sweep import parse_dims, run_sweep
from limitbench.retrievers.errors import ConfigError
from test_free_embedding_optimise import FAST, _one_torch_thread  # noqa: F401  (shared settings, autouse fixture)


def test_parse_dims_ranges_and_lists():
    assert parse_dims("4-6") == [4, 5, 6]
    assert parse_dims("8,4-5, 12") == [4, 5, 8, 12]
    for bad, message in (("0-3", "at least 1"), ("a", "not a number"), ("9-4", "backwards"), ("", "no dimension")):
        with pytest.raises(ConfigError, match=message):
            parse_dims(bad)


def test_sweep_writes_json_and_png_and_reuses_cells(tmp_path):
    result = run_sweep([2, 3], out=tmp_path, settings=FAST, device="cpu")
    assert [(row["d"], row["critical_n"]) for row in result.rows] == [(2, 4), (3, 5)]
    written = json.loads(result.json_path.read_text())
    assert [row["critical_n"] for row in written["rows"]] == [4, 5]
    assert written["fit"] is None and written["extrapolation"] == []  # a cubic needs 4 dimensions
    assert result.png_path.read_bytes()[:4] == b"\x89PNG"
    cells = sorted((tmp_path / "cells").glob("*.json"))
    trials = sorted((tmp_path / "trials").glob("*.json"))
    assert len(cells) == 2 and trials
    stamps = {path: path.stat().st_mtime_ns for path in cells + trials}
    again = run_sweep([2, 3], out=tmp_path, settings=FAST, device="cpu")
    assert again.rows == result.rows
    assert {path: path.stat().st_mtime_ns for path in cells + trials} == stamps  # nothing recomputed


def test_interrupted_dimension_resumes_from_its_attempts(tmp_path):
    first = run_sweep([3], out=tmp_path, settings=FAST, device="cpu")
    for cell in (tmp_path / "cells").glob("*.json"):
        cell.unlink()  # as if stopped after the attempts but before the cell was stored
    resumed = run_sweep([3], out=tmp_path, settings=FAST, device="cpu")
    assert all(trial["n"] for trial in resumed.rows[0]["trials"])
    assert resumed.rows[0]["critical_n"] == first.rows[0]["critical_n"]
    assert resumed.rows[0]["trials"] == first.rows[0]["trials"]


def test_config_file_and_flags(tmp_path):
    path = tmp_path / "fe.yaml"
    path.write_text("dims: [4, 5]\nseeds: [0, 1]\noptimiser: {learning_rate: 0.02}\nsearch: {recheck: 0}\n")
    config = load_free_embedding_config(path, overrides={"optimiser": {"patience": 50, "temperature": None}})
    assert config.dims_text() == "4,5" and config.seeds == [0, 1]
    settings = config.optimise_settings()
    assert settings.learning_rate == 0.02 and settings.patience == 50 and settings.temperature == 0.1
    path.write_text("optimiser: {learnig_rate: 0.02}\n")
    with pytest.raises(ConfigError, match="fe.yaml: field optimiser.learnig_rate"):
        load_free_embedding_config(path)
    path.write_text("optimiser: {query_init: zeros}\n")
    with pytest.raises(ConfigError, match="query_init"):
        load_free_embedding_config(path)


def test_repository_config_is_valid():
    from pathlib import Path

    config = load_free_embedding_config(Path(__file__).resolve().parents[2] / "configs" / "free-embedding.yaml")
    assert parse_dims(config.dims_text()) == list(range(4, 21))
    assert config.optimise_settings() == OptimiseSettings()  # the file documents the code's defaults
    assert config.paper_settings() == PaperSettings() and config.protocol == "paper"


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "limitbench.benchmarks.cli", *args], capture_output=True, text=True,
                          timeout=300)


def test_command_runs_a_tiny_sweep(tmp_path):
    done = _cli("free-embedding", "--dims", "2-3", "--out", str(tmp_path), "--patience", "200", "--device", "cpu")
    assert done.returncode == 0, done.stderr
    assert "| 2 | 4 |" in done.stdout and "| 3 | 5 |" in done.stdout
    assert (tmp_path / "critical-n.json").is_file() and (tmp_path / "critical-n.png").is_file()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--dims", "0-2"], "dimension d must be at least 1"),
        (["--dims", "2", "--executor", "slurm"], "unknown executor 'slurm'"),
        (["--dims", "2", "--seeds", "x"], "--seeds"),
        (["--dims", "2", "--k", "0"], "field k"),
        (["--dims", "2", "--device", "tpu"], "field device: 'tpu' is not auto, cpu or cuda"),
    ],
)
def test_command_bad_input_is_one_line(tmp_path, capsys, args, message):
    from limitbench.benchmarks.cli import main

    with pytest.raises(SystemExit) as stopped:
        main(["free-embedding", "--out", str(tmp_path / "out"), *args])
    error = capsys.readouterr().err
    assert stopped.value.code == 2
    assert message in error and len(error.strip().splitlines()) == 1 and error.startswith("limitbench: error:")
    assert not (tmp_path / "out" / "critical-n.json").exists()
