"""Sweeps over nested options (a judge's error rate) and oracle hints in results tables."""

from __future__ import annotations

from limitbench.benchmarks.config import RetrieverSpec
from limitbench.benchmarks.reports.table import markdown_table


def test_dotted_sweep_keys_reach_nested_options_and_the_last_key_draws_the_curve() -> None:
    spec = RetrieverSpec(
        name="agent", label="ag", options={"tools": ["dense"], "policy_options": {"judge": "simulated"}},
        sweep={"policy_options.judge_options.error_rate": [0.0, 0.1], "max_docs_read": [2, 4]},
    )
    members = spec.expand()
    assert [m.label for m in members] == [
        "ag-error_rate0.0-max_docs_read2", "ag-error_rate0.0-max_docs_read4",
        "ag-error_rate0.1-max_docs_read2", "ag-error_rate0.1-max_docs_read4",
    ]
    assert members[2].options["policy_options"] == {"judge": "simulated", "judge_options": {"error_rate": 0.1}}
    assert spec.options["policy_options"] == {"judge": "simulated"}  # the template is not changed in place
    assert {m.family for m in members} == {"ag-error_rate0.0", "ag-error_rate0.1"}


def test_rows_given_oracle_hints_are_marked() -> None:
    rows = [
        {"dataset": "d", "retriever": "plain", "metrics": {"R@2": 50.0}, "cost": {}},
        {"dataset": "d", "retriever": "sim", "metrics": {"R@2": 90.0}, "cost": {}, "oracle_hints": ["judge=simulated"]},
    ]
    table = markdown_table(rows, ["R@2"])
    assert "| d | sim † | 90.0 |" in table and "| d | plain | 50.0 |" in table
    assert "† sim: oracle hint — judge=simulated" in table
