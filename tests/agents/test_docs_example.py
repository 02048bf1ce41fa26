"""The custom policy in the README is under 50 lines and works as printed."""

from __future__ import annotations

import re
from pathlib import Path

from limitbench.agents import AgentRetriever, Policy
from limitbench.benchmarks.metrics import evaluate

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
