"""The command line as a user meets it: a real subprocess, exit codes, stderr, files."""

import json
import subprocess
import sys

import pytest

CLI = [sys.executable, "-m", "limitbench.benchmarks.cli"]


def limitbench(*args, cwd=None):
    return subprocess.run([*CLI, *args], capture_output=True, text=True, cwd=cwd, timeout=600)


def _one_clear_line(result):
    assert result.returncode == 2
    lines = [line for line in result.stderr.splitlines() if line.startswith("limitbench: error:")]
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    return lines[0]


def test_bm25_on_limit_small_end_to_end(tmp_path, limit_small_dir):
    out = tmp_path / "out"
    result = limitbench(
        "run", "-d", "limit-small", "--data-dir", str(limit_small_dir.parent), "-r", "bm25", "-r", "bm25[backend=rank_bm25]",
        "--k", "10", "-m", "R@2", "-m", "R@10", "--baseline", "bm25", "--out", str(out),
    )
    assert result.returncode == 0, result.stderr
    rows = json.loads((out / "results.json").read_text())
    assert [row["retriever"] for row in rows] == ["bm25", "bm25[backend=rank_bm25]"]
    assert rows[0]["metrics"]["R@2"] >= 97.8 and rows[0]["metrics"]["R@10"] == 100.0
    assert rows[0]["run"]["versions"]["bm25s"] and len(rows[0]["dataset_fingerprint"]) == 64
    assert rows[0]["cost"]["docs_scored"] == 46
    trec = (out / "runs" / "limit-small" / "bm25.trec").read_text().splitlines()
    assert len(trec) == 10_000 and trec[0].split()[1] == "Q0"
    assert len(json.loads((out / "per_query" / "limit-small" / "bm25.json").read_text())) == 1000
    assert json.loads((out / "significance.json").read_text())[0]["baseline"] == "bm25"
    assert "| limit-small | bm25 |" in result.stdout and (out / "results.md").is_file()


def test_dimension_sweep_writes_plot(tmp_path):
    config = tmp_path / "sweep.yaml"
    config.write_text(
        "datasets: [{name: generated, options: {n_relevant: 12, n_queries: 30, n_distractors: 20, distractor_items: 8}}]\n"
        "retrievers: [{name: dense, sweep: {dim: [8, 32]}}]\n"
        f"k: 10\nmetrics: [R@2, R@10]\nout: {tmp_path / 'out'}\n"
    )
    result = limitbench("run", str(config))
    assert result.returncode == 0, result.stderr
    rows = json.loads((tmp_path / "out" / "results.json").read_text())
    assert [(r["retriever"], r["dimension"]) for r in rows] == [("dense-d8", 8), ("dense-d32", 32)]
    assert (tmp_path / "out" / "recall_vs_dimension.png").read_bytes()[:4] == b"\x89PNG"


def test_generate_writes_beir_layout(tmp_path):
    result = limitbench("generate", "--out", str(tmp_path / "g"), "--n-relevant", "10", "--n-queries", "20", "--n-distractors", "5")
    assert result.returncode == 0, result.stderr
    assert sum(1 for _ in open(tmp_path / "g" / "corpus.jsonl")) == 15


@pytest.mark.parametrize(
    "args, expected",
    [
        (["run", "-r", "nope"], "unknown retriever 'nope'"),
        (["run", "-r", "bm25[colour=red]"], "unknown option(s) colour"),
        (["run", "--k", "0"], "--k must be a positive integer"),
        (["run", "-d", "./missing-dir"], "missing-dir: dataset directory not found"),
        (["run", "missing.yaml"], "missing.yaml: config file not found"),
        (["run", "-d", "limit-50k"], "dataset 'limit-50k' is built from a local limit/ directory"),
    ],
)
def test_bad_input_gives_one_line_and_no_output(tmp_path, args, expected):
    out = tmp_path / "out"
    line = _one_clear_line(limitbench(*args, "--out", str(out), cwd=tmp_path))
    assert expected in line
    assert not out.exists()


def test_malformed_dataset_line_leaves_nothing_half_written(tmp_path):
    folder = tmp_path / "d"
    folder.mkdir()
    (folder / "corpus.jsonl").write_text('{"_id": "a", "text": "x"}\n{"_id": "b", "text": \n')
    (folder / "queries.jsonl").write_text('{"_id": "q", "text": "x"}\n')
    (folder / "qrels.jsonl").write_text('{"query-id": "q", "corpus-id": "a", "score": 1}\n')
    out = tmp_path / "out"
    line = _one_clear_line(limitbench("run", "-d", str(folder), "-r", "bm25", "--out", str(out)))
    assert "corpus.jsonl:2: malformed JSON" in line
    assert not out.exists()
