"""Judges as plug-ins: the registry, the simulated oracle, the embedding judge, and the
LLM judge's corpus-agnostic prompt."""

from __future__ import annotations

import pytest

from limitbench.agents import JUDGES, AgentRetriever, Judge, Plan, Term
from limitbench.agents.budget import Meter
from limitbench.agents.expressions import And, Not
from limitbench.agents.judges.llm import SYSTEM_PROMPT
from limitbench.benchmarks.metrics import evaluate
from limitbench.retrievers.errors import ConfigError
from limitbench.retrievers.types import Document


def _meter() -> Meter:
    return Meter(remaining={"llm_tokens": 1000})


def test_registry_knows_the_built_ins_and_checks_options() -> None:
    assert {"reader", "embedding", "llm", "simulated"} <= set(JUDGES.names())
    assert isinstance(JUDGES.create("reader"), Judge)
    with pytest.raises(ConfigError, match="judge 'simulated'.*error_rate"):
        JUDGES.create("simulated", error_rate="lots")
    with pytest.raises(ConfigError, match="unknown judge 'oracle'"):
        JUDGES.create("oracle")


def test_reader_judges_an_expression_with_confidence() -> None:
    plan = Plan(query="Who likes Jazz but not Golf?", expression=And((Term("Jazz"), Not(Term("Golf")))), sub_queries=())
    docs = [
        Document(id="a", text="Ann loves Jazz. She can't stand Golf."),
        Document(id="b", text="Bo loves Jazz and Golf."),
        Document(id="c", text="Cy grew up in Ohio."),
    ]
    verdicts = JUDGES.create("reader").judge(plan=plan, documents=docs, meter=_meter())
    assert verdicts["a"].relevant is True and verdicts["a"].confidence >= 0.9 and "Jazz" in verdicts["a"].span
    assert verdicts["b"].relevant is False and verdicts["b"].by == "reader"
    assert verdicts["c"].relevant is None and verdicts["c"].confidence == 0.0


def test_simulated_judge_errs_at_its_rates_deterministically() -> None:
    docs = [Document(id=f"d{i}", text="") for i in range(4000)]
    qrels = {"q": {f"d{i}": 1 for i in range(2000)}}
    plan = Plan(query="?", expression=Term("x"), sub_queries=(), query_id="q")
    judge = JUDGES.create("simulated", false_positive_rate=0.1, false_negative_rate=0.3, seed=7)
    with pytest.raises(ConfigError, match="needs the qrels"):
        judge.judge(plan=plan, documents=docs[:1], meter=_meter())
    judge.provide_oracle(qrels=qrels)
    first = judge.judge(plan=plan, documents=docs, meter=_meter())
    again = judge.judge(plan=plan, documents=list(reversed(docs)), meter=_meter())
    assert {d: j.relevant for d, j in first.items()} == {d: j.relevant for d, j in again.items()}
    misses = sum(not first[f"d{i}"].relevant for i in range(2000)) / 2000
    false_alarms = sum(first[f"d{i}"].relevant for i in range(2000, 4000)) / 2000
    assert abs(misses - 0.3) < 0.04 and abs(false_alarms - 0.1) < 0.03
    assert "simulated" in judge.oracle_hints[0] and "qrels" in judge.oracle_hints[0]


def test_agent_with_the_simulated_judge_is_labelled_an_oracle(tiny) -> None:
    agent = AgentRetriever(tools=["bm25"], policy_options={"judge": "simulated", "target": 2})
    hints = agent.oracle_hints
    assert any("simulated" in h for h in hints) and any("target=2" in h for h in hints)
    agent.provide_oracle(qrels=tiny.qrels)
    agent.index(corpus=tiny.corpus)
    run = agent.search(queries=tiny.queries, k=3)
    # an error-free oracle never ranks below the fused tools it read from
    ours, _ = evaluate(tiny.qrels, run, ["R@2", "R@3"])
    tools, _ = evaluate(tiny.qrels, agent.fused_run, ["R@2", "R@3"])
    assert ours["R@2"] >= tools["R@2"] and ours["R@3"] >= tools["R@3"]


def test_embedding_judge_promotes_but_never_demotes() -> None:
    plan = Plan(query="Who likes Jazz?", expression=Term("Jazz"), sub_queries=())
    docs = [Document(id="a", text="Ann is a big fan of jazz music."), Document(id="b", text="Bo repairs bicycles in Ohio.")]
    verdicts = JUDGES.create("embedding").judge(plan=plan, documents=docs, meter=_meter())
    assert verdicts["a"].relevant is True and verdicts["a"].span.startswith("Ann")
    assert verdicts["b"].relevant is None


def test_llm_prompt_assumes_nothing_about_the_corpus() -> None:
    for word in ("person", "people", "like", "profile"):
        assert word not in SYSTEM_PROMPT.lower()
