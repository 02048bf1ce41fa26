"""Two runs on one page: the changes and the paired test, computed by hand."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from scipy import stats
from test_report_data import PER_QUERY, TREC, write_folder  # same folder, on sys.path

from limitbench.benchmarks.cli import main
from limitbench.benchmarks.reports.compare import compare_report_data
from limitbench.retrievers.errors import DataError


def test_changed_queries_means_and_paired_test(tmp_path: Path) -> None:
    a = write_folder(tmp_path / "a", trec=TREC, per_query=PER_QUERY)
    moved = {"bm25": {"q1": {"R@2": 50.0}, "q2": {"R@2": 100.0}}, "agent": PER_QUERY["agent"]}
    b = write_folder(tmp_path / "b", trec=TREC, per_query=moved)
    data = compare_report_data(a, b)
    assert [s["name"] for s in data["datasets"][0]["systems"]] == ["A · bm25", "A · agent", "B · bm25", "B · agent"]
    change = data["changes"][0]
    bm25 = next(p for p in change["pairs"] if p["system"] == "bm25")
    summary = bm25["metrics"]["R@2"]
    # A: q1 100, q2 50 -> B: q1 50, q2 100: means equal, one up and one down
    assert (summary["mean_a"], summary["mean_b"], summary["delta"]) == (75.0, 75.0, 0.0)
    assert (summary["improved"], summary["worsened"], summary["unchanged"]) == (1, 1, 0)
    assert summary["p"] == 1.0  # differences -50 and +50: mean 0, t = 0
    # largest change first, ties in query order: [query index, A, B]
    assert bm25["changed"]["R@2"] == [[0, 100.0, 50.0], [1, 50.0, 100.0]]
    agent = next(p for p in change["pairs"] if p["system"] == "agent")
    assert agent["changed"]["R@2"] == [] and agent["metrics"]["R@2"]["unchanged"] == 2
    assert [r["run"] for r in data["rows"]] == ["A", "A", "B", "B"]


def test_paired_t_test_by_hand(tmp_path: Path) -> None:
    a = write_folder(tmp_path / "a", trec=TREC, per_query=PER_QUERY)
    up = {"bm25": PER_QUERY["bm25"], "agent": {"q1": {"R@2": 100.0}, "q2": {"R@2": 100.0}}}
    b = write_folder(tmp_path / "b", trec=TREC, per_query=up)
    agent = next(p for p in compare_report_data(a, b)["changes"][0]["pairs"] if p["system"] == "agent")
    # agent A: 50, 100 -> B: 100, 100. Differences 50, 0: mean 25, sd 35.36, se 25, t = 1 with 1 df,
    # two-sided p = P(|T_1| > 1) = 1 - 2 atan(1) / pi = 0.5
    assert agent["metrics"]["R@2"]["delta"] == 25.0
    assert agent["metrics"]["R@2"]["p"] == pytest.approx(0.5)
    assert agent["metrics"]["R@2"]["p"] == pytest.approx(stats.ttest_rel([100, 100], [50, 100]).pvalue)


def test_runs_of_different_data_are_refused(tmp_path: Path, capsys) -> None:
    a = write_folder(tmp_path / "a", trec=TREC, per_query=PER_QUERY, fingerprint="a" * 64)
    b = write_folder(tmp_path / "b", trec=TREC, per_query=PER_QUERY, fingerprint="b" * 64)
    with pytest.raises(DataError, match="ran different data under the name 'tiny'"):
        compare_report_data(a, b)
    with pytest.raises(SystemExit) as exit_info:
        main(["compare", str(a), str(b), "--out", str(tmp_path / "c.html")])
    assert exit_info.value.code == 2 and not (tmp_path / "c.html").exists()
    assert capsys.readouterr().err.count("limitbench: error:") == 1


def test_limitbench_compare_writes_the_page(tmp_path: Path, capsys) -> None:
    a = write_folder(tmp_path / "a", trec=TREC, per_query=PER_QUERY)
    with pytest.raises(SystemExit) as exit_info:
        main(["compare", str(a), str(a), "--out", str(tmp_path / "same.html")])
    assert exit_info.value.code in (0, None)
    page = (tmp_path / "same.html").read_text()
    assert '"kind":"compare"' in page and "comparison written to" in capsys.readouterr().err
    assert json.loads((a / "results.json").read_text())[0]["retriever"] == "bm25"
