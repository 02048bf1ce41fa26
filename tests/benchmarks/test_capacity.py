"""Capacity check: the smallest d at which free embeddings realise a dataset's qrels."""

from __future__ import annotations

import itertools
import json

import pytest

from limitbench.benchmarks.datasets import Dataset, load_beir, write_beir
from limitbench.benchmarks.executors import CellStore
from limitbench.benchmarks.free_embedding.capacity import dataset_pattern, measure_capacity
from limitbench.retrievers.errors import ConfigError, DataError
from limitbench.retrievers.types import Document, Query
from test_free_embedding_optimise import FAST, _one_torch_thread  # noqa: F401  (shared settings, autouse fixture)


def all_pairs_dataset(n: int, *, distractors: int = 0) -> Dataset:
    corpus = [Document(id=f"doc{i}", text=f"person {i}") for i in range(n + distractors)]
    pairs = list(itertools.combinations(range(n), 2))
    queries = [Query(id=f"q{j}", text=f"who likes {j}?") for j in range(len(pairs))]
    qrels = {f"q{j}": {f"doc{a}": 1, f"doc{b}": 1} for j, (a, b) in enumerate(pairs)}
    return Dataset(name=f"pairs{n}", corpus=corpus, queries=queries, qrels=qrels)


def test_all_pairs_of_five_need_four_dimensions(tmp_path):
    # in d = 3 a top-2 pair must be an edge of the hull (at most 3n - 6 = 9 < 10 pairs)
    report = measure_capacity(all_pairs_dataset(5), settings=FAST, device="cpu", store=CellStore(tmp_path))
    assert report.smallest_d == 4
    rows = {row["d"]: row for row in report.record()["rows"]}
    assert set(rows) == {1, 2, 3, 4}  # doubling 1, 2, 4, then bisection tries 3
    assert rows[4]["share_solved"] == 1.0 and rows[4]["solved_queries"] == 10
    assert 0 < rows[3]["share_solved"] < 1 and rows[3]["queries"] == 10
    cached = measure_capacity(all_pairs_dataset(5), settings=FAST, device="cpu", store=CellStore(tmp_path))
    assert cached.record()["rows"] == report.record()["rows"]


def test_explicit_dims_fixed_k_and_unjudged_documents():
    data = all_pairs_dataset(5, distractors=3)
    assert dataset_pattern(data).n_documents == 8 and dataset_pattern(data, judged_only=True).n_documents == 5
    report = measure_capacity(data, dims=[2, 6], k=4, settings=FAST, device="cpu")
    assert [row["d"] for row in report.record()["rows"]] == [2, 6]
    assert report.smallest_d in (2, 6) and report.record()["rows"][1]["all_solved"]


def test_bad_input_is_reported():
    data = all_pairs_dataset(4)
    with pytest.raises(ConfigError, match="k = 9 is larger than the number of documents n = 4"):
        measure_capacity(data, dims=[2], k=9, settings=FAST)
    with pytest.raises(ConfigError, match="dimension d must be at least 1"):
        measure_capacity(data, dims=[0], settings=FAST)
    empty = Dataset(name="empty", corpus=data.corpus, queries=data.queries, qrels={"q0": {"doc0": 0}})
    with pytest.raises(DataError, match="empty qrels"):
        measure_capacity(empty, settings=FAST)


def test_limit_small_is_solved_at_16_not_at_4(limit_small_dir):
    data = load_beir(limit_small_dir)
    report = measure_capacity(data, dims=[4, 16], settings=FAST, device="cpu")
    rows = {row["d"]: row for row in report.record()["rows"]}
    assert report.documents == 46 and report.queries == 1000
    assert rows[16]["all_solved"] and rows[4]["share_solved"] < 0.5
    assert report.smallest_d == 16


def test_command_on_a_beir_folder(tmp_path, capsys):
    from limitbench.benchmarks.cli import main

    folder = write_beir(all_pairs_dataset(4), tmp_path / "data")
    with pytest.raises(SystemExit) as stopped:
        main(["capacity", str(folder), "--dims", "2-3", "--out", str(tmp_path / "out"), "--device", "cpu"])
    assert stopped.value.code == 0
    printed = capsys.readouterr().out
    assert "smallest d with every query solved: 3" in printed and "| 3 | 6/6 | 100.0% |" in printed
    assert json.loads((tmp_path / "out" / "capacity.json").read_text())["smallest_d"] == 3


def test_command_errors_are_one_line(tmp_path, capsys):
    from limitbench.benchmarks.cli import main

    folder = write_beir(all_pairs_dataset(4), tmp_path / "data")
    for args, message in (
        ([str(folder), "--k", "7"], "k = 7 is larger than the number of documents"),
        ([str(folder), "--dims", "0"], "at least 1"),
        ([str(tmp_path / "missing")], "dataset directory not found"),
    ):
        with pytest.raises(SystemExit) as stopped:
            main(["capacity", *args])
        error = capsys.readouterr().err
        assert stopped.value.code == 2 and message in error and len(error.strip().splitlines()) == 1
