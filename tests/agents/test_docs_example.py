"""The custom policy in the README is under 50 lines and works as printed — on official
LIMIT-small when ``../shared/data`` is there, and on generated data always."""

from __future__ import annotations

import re
from pathlib import Path

from limitbench.agents import AgentRetriever, Policy
from limitbench.benchmarks.datasets import generate_limit_style
from limitbench.benchmarks.metrics import evaluate
from limitbench.retrievers.dense import DenseRetriever

GUIDE = Path(__file__).resolve().parents[2] / "README.md"


def _example() -> str:
    section = GUIDE.read_text(encoding="utf-8").split("### Write your own policy", 1)[1]
    return re.search(r"```python\n(.*?)```", section, re.DOTALL).group(1)


def test_guide_policy_runs(limit_small) -> None:
    code = _example()
    assert len(code.strip().splitlines()) < 50
    namespace: dict = {}
    exec(compile(code, str(GUIDE), "exec"), namespace)
    agent = namespace["agent"]
    assert isinstance(agent, AgentRetriever) and isinstance(agent.policy, Policy)
    queries = limit_small.queries[:20]
    agent.index(corpus=limit_small.corpus)
    run = agent.search(queries=queries, k=10)
    aggregate, _ = evaluate({q.id: limit_small.qrels[q.id] for q in queries}, run, ["R@2"])
    cost = agent.cost.mean([q.id for q in queries])
    assert 0 < cost["docs_read"] <= 12
    # reading to find two people beats plain dense R@2 (16.2 on LIMIT-small)
    assert aggregate["R@2"] > 30


def test_guide_policy_runs_on_generated_data() -> None:
    """No official files needed: the guide's agent reads a few documents and beats plain
    dense R@2 on the same generated LIMIT-style queries."""
    namespace: dict = {}
    exec(compile(_example(), str(GUIDE), "exec"), namespace)
    agent = namespace["agent"]
    data = generate_limit_style(n_relevant=46, n_queries=60, n_distractors=100, distractor_items=20, seed=7)
    queries = data.queries[:20]
    qrels = {q.id: data.qrels[q.id] for q in queries}
    agent.index(corpus=data.corpus)
    agent_r2 = evaluate(qrels, agent.search(queries=queries, k=10), ["R@2"])[0]["R@2"]
    dense = DenseRetriever(show_progress=False)
    dense.index(corpus=data.corpus)
    dense_r2 = evaluate(qrels, dense.search(queries=queries, k=10), ["R@2"])[0]["R@2"]
    assert 0 < agent.cost.mean([q.id for q in queries])["docs_read"] <= 12
    assert agent_r2 > dense_r2
