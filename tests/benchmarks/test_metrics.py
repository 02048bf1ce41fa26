import pytest

from limitbench.benchmarks.metrics import evaluate
from limitbench.benchmarks.significance import compare_to_baseline, holm_adjust
from limitbench.retrievers import ConfigError


def test_values_in_percent_and_missing_queries_count_as_zero():
    qrels = {"q1": {"a": 1, "b": 1}, "q2": {"c": 1}}
    aggregate, per_query = evaluate(qrels, {"q1": {"a": 2.0, "x": 1.0}}, ["R@2", "RR"])
    assert per_query["q1"] == {"R@2": 50.0, "RR": 100.0}
    assert per_query["q2"] == {"R@2": 0.0, "RR": 0.0}
    assert aggregate == {"R@2": 25.0, "RR": 50.0}


def test_unknown_metric():
    with pytest.raises(ConfigError, match="unknown metric 'Recall-ish'"):
        evaluate({"q": {"a": 1}}, {"q": {"a": 1.0}}, ["Recall-ish"])


def test_holm_adjustment():
    # Holm 1979: sorted p 0.005, 0.01, 0.03, 0.04 -> 0.02, 0.03, 0.06, 0.06
    assert holm_adjust([0.01, 0.04, 0.03, 0.005]) == pytest.approx([0.03, 0.06, 0.06, 0.02])


def test_paired_comparison_finds_a_real_difference():
    queries = [f"q{i}" for i in range(40)]
    per_query = {
        "base": {q: {"R@2": 0.0 if i % 4 else 100.0} for i, q in enumerate(queries)},
        "better": {q: {"R@2": 100.0 if i % 5 else 0.0} for i, q in enumerate(queries)},
        "same": {q: {"R@2": 0.0 if i % 4 else 100.0} for i, q in enumerate(queries)},
    }
    results = {c.system: c for c in compare_to_baseline(per_query, baseline="base", metrics=["R@2"])}
    assert results["better"].significant and results["better"].delta == pytest.approx(55.0)
    assert not results["same"].significant and results["same"].p_value == 1.0
    with pytest.raises(ConfigError, match="baseline"):
        compare_to_baseline(per_query, baseline="missing", metrics=["R@2"])


def test_ties_are_broken_the_same_way_for_metrics_and_run_files() -> None:
    """pytrec_eval alone breaks ties by id descending; limitbench evaluates the canonical
    order (score descending, id ascending) that its TREC files are written in."""
    from limitbench.benchmarks.metrics import canonical_order, evaluate

    qrels = {"q": {"a": 1}}
    run = {"q": {"a": 1.0, "b": 1.0}}  # a tie: canonical order puts "a" first
    assert [doc for doc, _ in canonical_order(run["q"])] == ["a", "b"]
    aggregate, _ = evaluate(qrels, run, ["P@1"])
    assert aggregate["P@1"] == 100.0
