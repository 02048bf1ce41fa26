"""``limitbench probe-numbers`` end to end on small families (real models, real files)."""

from __future__ import annotations

import json
import subprocess
import sys

from limitbench.benchmarks.probes.config import build_probe_config
from limitbench.benchmarks.probes.runner import run_probes


def _png(path) -> bool:
    return path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and path.stat().st_size > 10_000


def test_dense_and_bm25_scorers_write_json_and_png(tmp_path):
    config = build_probe_config({
        "families": [{"name": "tens", "start": 10, "step": 10, "count": 12}],
        "scorers": ["dense", {"name": "dense", "form": "question"}, "bm25"],
    })
    report = run_probes(config, out=tmp_path)
    on_disk = json.loads((tmp_path / "probes.json").read_text())
    assert on_disk["families"]["tens"]["scorers"].keys() == {"dense-cosine", "dense-cosine-question", "bm25"}
    dense = on_disk["families"]["tens"]["scorers"]["dense-cosine"]
    assert -1 <= dense["spearman"] <= 1 and 0 <= dense["order_accuracy"] <= 1
    assert len(dense["mean_by_gap"]) == 11 and len(dense["similarity_to_zero"]) == 12
    # BM25 shares no term between distinct numbers: no order at all
    bm25 = report["families"]["tens"]["scorers"]["bm25"]
    assert bm25["spearman"] is None and bm25["order_accuracy"] == 0.5
    assert _png(tmp_path / "tens.png")


def _limitbench(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "limitbench.benchmarks.cli", *args], capture_output=True, text=True,
                          timeout=600)


def test_cli_runs_a_config_file_and_reports_bad_input(tmp_path):
    config = tmp_path / "probe.yaml"
    config.write_text("families:\n  - {name: sizes, items: ['1 kg', '2 kg', '3 kg', '4 kg']}\n"
                      "scorers: [bm25]\n")
    result = _limitbench("probe-numbers", str(config), "--out", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out" / "probes.json").is_file() and _png(tmp_path / "out" / "sizes.png")

    bad = tmp_path / "bad.yaml"
    bad.write_text("families:\n  - {name: x, start: 1, step: 1, count: 5, format: '{v}'}\n")
    result = _limitbench("probe-numbers", str(bad), "--out", str(tmp_path / "bad-out"))
    errors = [line for line in result.stderr.splitlines() if line.startswith("limitbench: error:")]
    assert result.returncode == 2 and len(errors) == 1 and "Traceback" not in result.stderr
    assert "bad.yaml: field families: item 0 ('x')" in errors[0] and "cannot write 1" in errors[0]
    assert not (tmp_path / "bad-out").exists()
