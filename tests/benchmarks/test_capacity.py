"""Capacity check: the moment-curve construction, the optimiser, margins, rounding, bounds."""

from __future__ import annotations

import itertools
import json

import numpy as np
import pytest

from limitbench.benchmarks.datasets import Dataset, load_beir, write_beir
from limitbench.benchmarks.executors import CellStore
from limitbench.benchmarks.free_embedding.bounds import known_lower_bound
from limitbench.benchmarks.free_embedding.capacity import dataset_pattern, measure_capacity, moment_curve_row
from limitbench.benchmarks.free_embedding.margin import query_margins, rounded_margins
from limitbench.benchmarks.free_embedding.moment_curve import face_query, face_scores, moment_curve_documents
from limitbench.benchmarks.free_embedding.pattern import all_subsets_pattern, pattern_from_qrels
from limitbench.retrievers.errors import ConfigError, DataError
from limitbench.retrievers.types import Document, Query
from test_free_embedding_optimise import FAST, _one_torch_thread  # noqa: F401  (shared settings, autouse fixture)


def all_pairs_dataset(n: int, *, distractors: int = 0) -> Dataset:
    corpus = [Document(id=f"doc{i}", text=f"person {i}") for i in range(n + distractors)]
    pairs = list(itertools.combinations(range(n), 2))
    queries = [Query(id=f"q{j}", text=f"who likes {j}?") for j in range(len(pairs))]
    qrels = {f"q{j}": {f"doc{a}": 1, f"doc{b}": 1} for j, (a, b) in enumerate(pairs)}
    return Dataset(name=f"pairs{n}", corpus=corpus, queries=queries, qrels=qrels)


def test_moment_curve_documents_are_unit_and_faces_are_exact():
    documents = moment_curve_documents(12, 5)  # two harmonics and one zero coordinate
    np.testing.assert_allclose(np.linalg.norm(documents, axis=1), 1.0)
    assert (documents[:, 4] == 0).all()
    relevant = np.array([3, 4])
    query = face_query(relevant, 12, 5)
    scores = documents @ query
    assert np.linalg.norm(query) == pytest.approx(1.0)
    assert scores[3] == pytest.approx(scores[4]) and np.delete(scores, relevant).max() < scores[3]
    values = face_scores(relevant, 12)
    assert values[3] == values[4] == 0 and (np.delete(values, relevant) < 0).all()
    with pytest.raises(ValueError, match="at most 2 vertices"):
        face_query(np.array([1, 2, 3]), 12, 5)


def test_face_query_matches_the_polynomial():
    # q . x_j differs from p_F(t_j) by the same constant (and a positive scale) for every j
    n, relevant = 9, np.array([0, 5])
    scores = moment_curve_documents(n, 4) @ face_query(relevant, n, 4)
    values = face_scores(relevant, n)
    scale = np.polyfit(values, scores, 1)
    assert scale[0] > 0
    np.testing.assert_allclose(np.polyval(scale, values), scores, atol=1e-12)


def test_margins_by_hand():
    pattern = pattern_from_qrels({"q1": {"a": 1, "b": 1}, "q2": {"c": 1}}, document_ids=["a", "b", "c", "d"])
    scores = np.array([[0.9, 0.7, 0.75, 0.1], [0.2, 0.3, 0.5, 0.45]])
    # q1: weakest relevant 0.7, strongest other 0.75 -> -0.05; q2: 0.5 - 0.45 = 0.05
    np.testing.assert_allclose(query_margins(scores, pattern), [-0.05, 0.05])
    wider = pattern_from_qrels({"q1": {"a": 1, "b": 1}, "q2": {"c": 1}}, document_ids=["a", "b", "c", "d"], k=3)
    # k = 3: q1 may keep one other above its weakest relevant: 0.7 - 0.1; q2 two: 0.5 - 0.2
    np.testing.assert_allclose(query_margins(scores, wider), [0.6, 0.3])


def test_rounding_breaks_a_small_margin():
    pattern = pattern_from_qrels({"q": {"a": 1}}, document_ids=["a", "b"])
    queries = np.array([[1.0, 0.0]])
    documents = np.array([[np.cos(1e-3), np.sin(1e-3)], [np.cos(2e-3), np.sin(2e-3)]])  # gap about 1.5e-6
    assert rounded_margins(queries, documents, pattern, "float32")[0] > 0
    assert rounded_margins(queries, documents, pattern, "float16")[0] <= 0  # both round to 1.0
    assert rounded_margins(queries, documents, pattern, "int8")[0] <= 0
    with pytest.raises(ValueError, match="unknown format"):
        rounded_margins(queries, documents, pattern, "bfloat8")


def test_lower_bounds_from_geometry():
    assert known_lower_bound(all_subsets_pattern(n=5, k=2)).d == 4  # 10 pairs > 3n - 6 = 9
    assert known_lower_bound(all_subsets_pattern(n=6, k=2)).d == 4  # 15 > 12
    assert known_lower_bound(all_subsets_pattern(n=4, k=2)).d == 3  # 6 pairs > n = 4, but not > 3n - 6 = 6
    assert known_lower_bound(all_subsets_pattern(n=4, k=1)).d == 2  # 4 singletons > 2
    cycle = pattern_from_qrels({f"q{i}": {f"d{i}": 1, f"d{(i + 1) % 6}": 1} for i in range(6)},
                               document_ids=[f"d{i}" for i in range(6)])
    assert known_lower_bound(cycle).d == 2  # arcs of a hexagon: realisable on a circle
    fixed = pattern_from_qrels({"q": {"a": 1}}, document_ids=["a", "b"], k=2)
    assert known_lower_bound(fixed).d == 1
    # distractors do not loosen the bound: the pairs among the 6 judged documents stay planar
    crowded = dataset_pattern(all_pairs_dataset(6, distractors=100))
    assert crowded.n_documents == 106 and known_lower_bound(crowded).d == 4


def test_all_pairs_of_six_need_and_get_four_dimensions(tmp_path):
    report = measure_capacity(all_pairs_dataset(6), dims=[3, 4], settings=FAST, device="cpu", store=CellStore(tmp_path))
    rows = {(row["d"], row["method"]): row for row in report.record()["rows"]}
    assert report.smallest_d == 4 and "moment-curve" in report.smallest_by and report.lower_bound.d == 4
    assert not rows[(3, "moment-curve")]["applicable"] and not rows[(3, "optimiser")]["realised"]
    assert rows[(4, "moment-curve")]["realised"] and rows[(4, "moment-curve")]["faces_verified"]
    assert rows[(4, "moment-curve")]["min_margin"] > 0 and rows[(4, "moment-curve")]["precision"]["float32"]["realised"]
    cached = measure_capacity(all_pairs_dataset(6), dims=[3, 4], settings=FAST, device="cpu", store=CellStore(tmp_path))
    assert [r for r in cached.record()["rows"] if r["method"] == "optimiser"] == \
        [r for r in report.record()["rows"] if r["method"] == "optimiser"]


def test_queries_with_different_numbers_of_relevant_documents():
    qrels = {"q1": {"a": 1}, "q2": {"a": 1, "b": 1, "c": 1}, "q3": {"d": 1, "e": 1}, "q4": {"b": 1, "f": 1}}
    data = Dataset(name="uneven", corpus=[Document(id=x, text=x) for x in "abcdefgh"],
                   queries=[Query(id=q, text=q) for q in qrels], qrels=qrels)
    pattern = dataset_pattern(data)
    assert moment_curve_row(pattern, 5)["applicable"] is False  # three relevant need d >= 6
    row = moment_curve_row(pattern, 6)
    assert row["realised"] and row["realised_queries"] == 4
    report = measure_capacity(data, settings=FAST, device="cpu", methods=["moment-curve"])
    assert report.smallest_d == 6 and report.max_relevant == 3 and [r["d"] for r in report.rows] == list(range(1, 9))


def test_bad_input_is_reported():
    data = all_pairs_dataset(4)
    with pytest.raises(ConfigError, match="k = 9 is larger than the number of documents n = 4"):
        measure_capacity(data, dims=[2], k=9, settings=FAST)
    with pytest.raises(ConfigError, match="dimension d must be at least 1"):
        measure_capacity(data, dims=[0], settings=FAST)
    with pytest.raises(ConfigError, match="unknown capacity method 'lattice'"):
        measure_capacity(data, dims=[2], methods=["lattice"], settings=FAST)
    empty = Dataset(name="empty", corpus=data.corpus, queries=data.queries, qrels={"q0": {"doc0": 0}})
    with pytest.raises(DataError, match="empty qrels"):
        measure_capacity(empty, settings=FAST)


def test_limit_small_is_realised_in_four_dimensions(limit_small_dir):
    data = load_beir(limit_small_dir)
    report = measure_capacity(data, dims=[4], settings=FAST, device="cpu", methods=["moment-curve"])
    row = report.record()["rows"][0]
    assert report.documents == 46 and report.queries == 1000
    assert report.smallest_d == 4 and report.smallest_by == ["moment-curve"] and report.lower_bound.d == 4
    assert row["realised_queries"] == 1000 and 0 < row["min_margin"] < 1e-3
    assert row["precision"]["float32"]["realised"] and not row["precision"]["int8"]["realised"]


def test_command_on_a_beir_folder(tmp_path, capsys):
    from limitbench.benchmarks.cli import main

    folder = write_beir(all_pairs_dataset(5), tmp_path / "data")
    with pytest.raises(SystemExit) as stopped:
        main(["capacity", str(folder), "--dims", "3-4", "--out", str(tmp_path / "out"), "--device", "cpu"])
    assert stopped.value.code == 0
    printed = capsys.readouterr().out
    assert "smallest d with every query realised: 4 (moment-curve" in printed
    assert "known lower bound: d >= 4" in printed and "| 4 | moment-curve | 10/10 | 100.0% |" in printed
    written = json.loads((tmp_path / "out" / "capacity.json").read_text())
    assert written["smallest_d"] == 4 and written["lower_bound"]["d"] == 4
    assert (tmp_path / "out" / "capacity-margin.png").read_bytes()[:4] == b"\x89PNG"


def test_command_errors_are_one_line(tmp_path, capsys):
    from limitbench.benchmarks.cli import main

    folder = write_beir(all_pairs_dataset(4), tmp_path / "data")
    for args, message in (
        ([str(folder), "--k", "7"], "k = 7 is larger than the number of documents"),
        ([str(folder), "--dims", "0"], "at least 1"),
        ([str(folder), "--methods", "lattice"], "unknown capacity method 'lattice'"),
        ([str(tmp_path / "missing")], "dataset directory not found"),
    ):
        with pytest.raises(SystemExit) as stopped:
            main(["capacity", *args])
        error = capsys.readouterr().err
        assert stopped.value.code == 2 and message in error and len(error.strip().splitlines()) == 1
