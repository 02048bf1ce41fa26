"""Recall-versus-cost: the reference curve of a plain run, and the figure."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from limitbench.benchmarks.reports.recall_cost import (
    plot_recall_vs_cost,
    recall_cost_figure,
    recall_cost_points,
    reference_curve,
)

RUN = {
    "q1": {"a": 0.9, "x": 0.8, "y": 0.7, "b": 0.6, "z": 0.5},  # relevant at ranks 1 and 4
    "q2": {"x": 0.9, "c": 0.8, "d": 0.7, "e": 0.6, "y": 0.5},  # three relevant at ranks 2-4
}
QRELS = {"q1": {"a": 1, "b": 1}, "q2": {"c": 1, "d": 1, "e": 1}}


def test_reference_curve_is_recall_after_reading_m() -> None:
    points = reference_curve(run=RUN, qrels=QRELS, label="plain", depths=[1, 2, 3, 4, 5, 50])
    recall = {p["docs_read"]: round(p["recall"], 2) for p in points}
    # q1 (a x y b z; a, b relevant): reading 1 or 2 finds a, unread ranks fill the top 2 (x, then y);
    # reading 3 pushes x, y back, so b moves up: 1/2, 1/2, 2/2 ...
    # q2 (x c d e y; three relevant): reading x pushes it back, c d move up: 2/3 from depth 1 on
    assert recall == {1.0: 58.33, 2.0: 58.33, 3.0: 83.33, 4.0: 83.33, 5.0: 83.33}
    assert {p["label"] for p in points} == {"plain"}
    every = reference_curve(run=RUN, qrels=QRELS, label="plain", depths=None)
    assert [p["docs_read"] for p in every] == [1.0, 2.0, 3.0, 4.0, 5.0]


def test_points_from_rows() -> None:
    rows = [
        {"retriever": "agent", "cost": {"docs_read": 2.5}, "metrics": {"R@2": 99.0}},
        {"retriever": "dense", "cost": {}, "metrics": {"R@2": 20.0, "R@10": 60.0, "nDCG@10": 30.0}},
    ]
    points = recall_cost_points(rows=rows)
    assert points == [
        {"label": "agent", "docs_read": 2.5, "recall": 99.0},
        {"label": "dense", "docs_read": 2.0, "recall": 20.0},
        {"label": "dense", "docs_read": 10.0, "recall": 60.0},
    ]
    sweep = [{"retriever": f"agent-b{b}", "family": "agent", "cost": {"docs_read": b}, "metrics": {"R@2": 10.0 * b}} for b in (2, 4)]
    assert {p["label"] for p in recall_cost_points(rows=sweep)} == {"agent"}
    exact = recall_cost_points(rows=rows[1:], runs={"dense": RUN}, qrels=QRELS)
    assert [p["docs_read"] for p in exact] == [1.0, 2.0, 3.0, 4.0, 5.0]


def test_plot_writes_a_png(tmp_path) -> None:
    points = reference_curve(run=RUN, qrels=QRELS, label="dense") + [{"label": "agent", "docs_read": 3, "recall": 90}]
    target = plot_recall_vs_cost(points, tmp_path / "out" / "recall_cost.png")
    data = target.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 5000
    assert not [p for p in target.parent.iterdir() if p.name.endswith(".tmp")]


def test_runner_entry_point_one_file_per_dataset(tmp_path) -> None:
    rows, cells = [], []
    for dataset in ("limit-small", "limit-50k"):
        for label, cost in (("agent", {"docs_read": 2.0}), ("bm25", {})):
            row = {"dataset": dataset, "retriever": label, "cost": cost, "metrics": {"R@2": 90.0, "R@10": 95.0}}
            rows.append(row)
            cells.append(SimpleNamespace(row=row, run=RUN))
    written = recall_cost_figure(rows=rows, cells=cells, path=tmp_path / "recall_vs_cost.png", qrels={"limit-small": QRELS})
    assert sorted(p.name for p in written) == ["recall_vs_cost-limit-50k.png", "recall_vs_cost-limit-small.png"]


@pytest.mark.parametrize("depths", [[0], []])
def test_no_valid_depth_gives_no_points(depths) -> None:
    assert reference_curve(run=RUN, qrels=QRELS, label="x", depths=depths) == []
