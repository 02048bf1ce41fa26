"""The agent behind the common interface: protocol, ranking, budgets, cost, trace."""

from __future__ import annotations

import json

import pytest

from limitbench.agents import AgentRetriever, HeuristicPolicy, Policy
from limitbench.benchmarks.metrics import evaluate
from limitbench.retrievers.errors import ConfigError
from limitbench.retrievers.protocol import CostReporting, Retriever
from limitbench.retrievers.registry import create_retriever
from limitbench.retrievers.types import Query

COUNTERS = {"tool_calls", "docs_retrieved", "docs_read", "rounds", "llm_calls", "llm_tokens", "faults", "fallbacks", "wall_time_s"}


def test_registry_and_protocols() -> None:
    agent = create_retriever("agent", tools=["bm25"])
    assert isinstance(agent, Retriever) and isinstance(agent, CostReporting)
    assert isinstance(agent.policy, Policy) and isinstance(agent.policy, HeuristicPolicy)
    with pytest.raises(ConfigError, match="unknown option"):
        create_retriever("agent", tool=["bm25"])
    with pytest.raises(ConfigError, match="max_docs_read"):
        AgentRetriever(tools=["bm25"], max_docs_read=-1)
    with pytest.raises(ConfigError, match="unknown policy"):
        AgentRetriever(tools=["bm25"], policy="oracle")


def test_limit_small_with_bm25_tool(limit_small) -> None:
    queries = limit_small.queries[:150]
    agent = AgentRetriever(tools=["bm25"])
    agent.index(corpus=limit_small.corpus)
    run = agent.search(queries=queries, k=10)
    aggregate, _ = evaluate({q.id: limit_small.qrels[q.id] for q in queries}, run, ["R@2"])
    cost = agent.cost.mean([q.id for q in queries])
    assert aggregate["R@2"] >= 99.0
    assert cost["docs_read"] <= 5.0
    assert set(cost) == COUNTERS
    assert all(len(ranking) == 10 for ranking in run.values())


def test_compositional_questions(tiny) -> None:
    agent = AgentRetriever(tools=["bm25"])
    agent.index(corpus=tiny.corpus)
    questions = {
        "and": ("Which people like Quokkas as well as Tapirs?", {"Bo Chen", "Flo Gil"}),
        "or": ("Who likes either Chess or Sailing?", {"Bo Chen", "Di Egan", "Hal Ito"}),
        "not": ("Who likes Tapirs and not Jazz?", {"Bo Chen"}),
        "item": ("Who enjoys Fish and Chips?", {"Ann Lee", "Gus Hu"}),
        "fan": ("Who is a fan of Opera but doesn't like Rowing?", {"Di Egan", "Gus Hu"}),
    }
    run = agent.search(queries=[Query(id=key, text=text) for key, (text, _) in questions.items()], k=8)
    for key, (_, expected) in questions.items():
        top = list(run[key])[: len(expected)]
        assert set(top) == expected, (key, run[key])


def test_unparsable_query_still_ranked(tiny) -> None:
    agent = AgentRetriever(tools=["bm25"])
    agent.index(corpus=tiny.corpus)
    run = agent.search(queries=[Query(id="x", text="quokkas tapirs")], k=5)
    assert len(run["x"]) == 5
    assert agent.cost.per_query["x"].get("docs_read", 0) == 0  # nothing it could judge


def test_budgets_are_enforced_in_state(tiny, tmp_path) -> None:
    trace = tmp_path / "trace.jsonl"
    agent = AgentRetriever(tools=["bm25"], max_docs_read=1, trace_path=str(trace), policy_options={"target": 3})
    agent.index(corpus=tiny.corpus)
    agent.search(queries=[Query(id="q", text="Who likes Quokkas?")], k=5)
    assert agent.cost.per_query["q"]["docs_read"] == 1
    lines = [json.loads(line) for line in trace.read_text().splitlines()]
    assert lines[-1]["node"] == "rank" and lines[-1]["stop"] == "budget: docs_read"

    agent = AgentRetriever(tools=["bm25"], max_rounds=1, policy_options={"target": 3})
    agent.index(corpus=tiny.corpus)
    agent.search(queries=[Query(id="q", text="Who likes Quokkas?")], k=5)
    assert agent.cost.per_query["q"]["rounds"] == 1


def test_trace_has_one_line_per_step(tiny, tmp_path) -> None:
    trace = tmp_path / "deep" / "trace.jsonl"
    agent = AgentRetriever(tools=["bm25"], trace_path=str(trace))
    agent.index(corpus=tiny.corpus)
    agent.search(queries=tiny.queries, k=5)
    lines = [json.loads(line) for line in trace.read_text().splitlines()]
    for query in tiny.queries:
        steps = [line for line in lines if line["query_id"] == query.id]
        assert [s["step"] for s in steps] == list(range(1, len(steps) + 1))
        assert steps[0]["node"] == "analyse" and steps[-1]["node"] == "rank"
        assert {"retrieve", "judge", "decide"} <= {s["node"] for s in steps}
        reads = [s for s in steps if s["node"] == "judge"]
        assert sum(len(s["read"]) for s in reads) == agent.cost.per_query[query.id]["docs_read"]
    # a second search appends, under a new run id
    agent.search(queries=tiny.queries[:1], k=5)
    runs = {json.loads(line)["run"] for line in trace.read_text().splitlines()}
    assert len(runs) == 2


def test_index_resets_cost_and_reindexes_tools(tiny) -> None:
    agent = AgentRetriever(tools=["bm25"])
    agent.index(corpus=tiny.corpus)
    agent.search(queries=tiny.queries, k=3)
    assert agent.cost.per_query
    agent.index(corpus=tiny.corpus[:4])
    assert not agent.cost.per_query
    run = agent.search(queries=tiny.queries[:1], k=8)
    assert set(run["q1"]) <= {d.id for d in tiny.corpus[:4]}
