"""The run grid through executors: idempotent cells, equal results from any executor."""

import json

from limitbench.benchmarks.config import build_config
from limitbench.benchmarks.runner import run_benchmark

DATASET = {"name": "generated", "options": {"n_relevant": 12, "n_queries": 30, "n_distractors": 40, "distractor_items": 8}}


def _config(out, executor="sequential"):
    return build_config(
        {
            "datasets": [DATASET],
            "retrievers": ["bm25", "bm25[backend=rank_bm25]"],
            "k": 10,
            "metrics": ["R@2", "R@10"],
            "out": str(out),
            "executor": executor,
            "workers": 2,
        }
    )


def test_rerun_reuses_finished_cells(tmp_path):
    lines: list[str] = []
    first = run_benchmark(_config(tmp_path / "a"), echo=lines.append)
    assert any("2 cells, 2 to compute" in line for line in lines)
    lines.clear()
    second = run_benchmark(_config(tmp_path / "b"), echo=lines.append)
    assert any("2 cells, 0 to compute" in line for line in lines)
    assert [r["metrics"] for r in first.rows] == [r["metrics"] for r in second.rows]
    lines.clear()
    run_benchmark(_config(tmp_path / "c"), echo=lines.append, fresh=True)
    assert any("2 to compute" in line for line in lines)


def test_process_pool_gives_the_same_results(tmp_path):
    sequential = run_benchmark(_config(tmp_path / "s"), echo=lambda _: None, fresh=True)
    pooled = run_benchmark(_config(tmp_path / "p", executor="process"), echo=lambda _: None, fresh=True)
    assert [(r["retriever"], r["metrics"]) for r in sequential.rows] == [(r["retriever"], r["metrics"]) for r in pooled.rows]
    trec = (tmp_path / "p" / "runs" / "generated" / "bm25.trec").read_text()
    assert trec == (tmp_path / "s" / "runs" / "generated" / "bm25.trec").read_text()
    assert json.loads((tmp_path / "p" / "results.json").read_text())[0]["run"]["config"]["executor"] == "process"
