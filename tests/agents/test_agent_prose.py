"""The agent on profiles written as prose in styles its reader was not written against:
it finds the people who like X, reading few documents, and never ranks below its own
fused tools (the ranking reading started from)."""

from __future__ import annotations

import pytest

from limitbench.agents import AgentRetriever
from limitbench.benchmarks.datasets import generate_limit_style
from limitbench.benchmarks.datasets.prose import prose_dataset
from limitbench.benchmarks.metrics import evaluate


@pytest.fixture(scope="module")
def people():
    return generate_limit_style(n_relevant=24, k=2, n_queries=60, n_distractors=0, seed=5)


@pytest.mark.parametrize("style", ["dev", "heldout-a", "heldout-b"])
def test_agent_reads_prose_and_never_ranks_below_its_tools(people, style) -> None:
    data = prose_dataset(people, style=style, seed=3)
    agent = AgentRetriever(tools=["bm25"], show_progress=False)
    agent.index(corpus=data.corpus)
    run = agent.search(queries=data.queries, k=10)
    ours, per_query = evaluate(data.qrels, run, ["R@2", "R@10"])
    tools, tool_per_query = evaluate(data.qrels, agent.fused_run, ["R@2", "R@10"])
    assert ours["R@2"] >= 90.0, ours
    assert ours["R@10"] >= tools["R@10"] and ours["R@2"] >= tools["R@2"]
    assert agent.cost.mean()["docs_read"] <= 5.0


def test_limit_small_prose(limit_small) -> None:
    data = prose_dataset(limit_small, style="heldout-a", seed=0)
    agent = AgentRetriever(show_progress=False)
    agent.index(corpus=data.corpus)
    run = agent.search(queries=data.queries[:200], k=10)
    qrels = {q.id: data.qrels[q.id] for q in data.queries[:200]}
    ours, _ = evaluate(qrels, run, ["R@2", "R@10"])
    tools, _ = evaluate(qrels, agent.fused_run, ["R@2", "R@10"])
    assert ours["R@2"] >= 95.0 and ours["R@10"] >= tools["R@10"]
    assert agent.cost.mean()["docs_read"] <= 5.0
