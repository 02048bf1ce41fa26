"""The LLM policy against a real HTTP server on 127.0.0.1 speaking chat-completions:
structured output, token accounting, retries, fall-back, and no key anywhere."""

from __future__ import annotations

import json
import logging
import socket

import pytest
from openai_server import ChatServer, Reply, keyword_responder, schema_name

from limitbench.agents import AgentRetriever
from limitbench.agents.budget import Meter
from limitbench.agents.llm_client import LLMClient, LLMFailure, settings_from
from limitbench.agents.policies.llm import JudgmentsReply
from limitbench.benchmarks.metrics import evaluate
from limitbench.retrievers.errors import ConfigError

SECRET = "sk-test-never-written-anywhere-1234"


def _agent(server_url: str, tmp_path, **options) -> AgentRetriever:
    llm = {"base_url": server_url, "model": "scripted", "api_key_env": "LIMITBENCH_TEST_KEY", "backoff": 0.01, "timeout": 2.0}
    llm.update(options.pop("llm", {}))
    return AgentRetriever(tools=["bm25"], policy="llm", llm=llm, trace_path=str(tmp_path / "trace.jsonl"), **options)


def test_llm_policy_end_to_end(limit_small, chat_server, tmp_path, monkeypatch, caplog) -> None:
    monkeypatch.setenv("LIMITBENCH_TEST_KEY", SECRET)
    caplog.set_level(logging.DEBUG)
    queries = [q for q in limit_small.queries if " and " not in q.text][:8]
    agent = _agent(chat_server.url, tmp_path)
    agent.index(corpus=limit_small.corpus)
    run = agent.search(queries=queries, k=10)
    aggregate, _ = evaluate({q.id: limit_small.qrels[q.id] for q in queries}, run, ["R@2"])
    cost = agent.cost.mean([q.id for q in queries])
    assert aggregate["R@2"] == 100.0
    assert cost["llm_calls"] >= 3 and cost["llm_tokens"] == 50 * cost["llm_calls"]
    assert cost["faults"] == 0 and cost["fallbacks"] == 0
    # structured output was requested with a strict JSON schema for every call
    names = {schema_name(r) for r in chat_server.requests}
    assert names == {"analysis", "judgments", "decision"}
    assert all(r["response_format"]["json_schema"]["strict"] for r in chat_server.requests)
    # the key went to the server, and nowhere else
    assert all(h.get("authorization") == f"Bearer {SECRET}" for h in chat_server.headers)
    trace = (tmp_path / "trace.jsonl").read_text()
    judged_by = {v["by"] for line in trace.splitlines() for v in json.loads(line).get("read", {}).values()}
    assert judged_by == {"llm"}
    assert SECRET not in trace and SECRET not in caplog.text and SECRET not in repr(agent.policy.client)
    assert SECRET not in json.dumps(agent.cost.per_query)


def test_server_errors_are_retried_with_backoff(tiny, chat_server, tmp_path) -> None:
    chat_server.script(Reply(status=500), Reply(status=503))
    agent = _agent(chat_server.url, tmp_path, llm={"max_retries": 2})
    agent.index(corpus=tiny.corpus)
    agent.search(queries=tiny.queries[:1], k=5)
    cost = agent.cost.per_query["q1"]
    assert cost["faults"] == 2 and cost["fallbacks"] == 0  # third attempt succeeded


@pytest.mark.parametrize(
    "failure",
    [
        Reply(content="this is not JSON"),
        Reply(content=json.dumps({"unexpected": True})),
        Reply(raw_body="{broken http body"),
        Reply(status=502),
        Reply(delay=1.0, content="{}"),  # slower than the client's timeout
    ],
    ids=["malformed", "wrong-schema", "broken-body", "5xx", "timeout"],
)
def test_faults_fall_back_to_the_heuristic(tiny, tmp_path, failure) -> None:
    with ChatServer(responder=lambda request: failure) as server:
        agent = _agent(server.url, tmp_path, llm={"max_retries": 1, "timeout": 0.3})
        agent.index(corpus=tiny.corpus)
        run = agent.search(queries=tiny.queries, k=5)
    for query in tiny.queries:
        assert set(list(run[query.id])[:3]) == set(tiny.qrels[query.id])  # the heuristic answered
        assert agent.cost.per_query[query.id]["fallbacks"] >= 3  # analyse, judge, decide
    first = agent.cost.per_query[tiny.queries[0].id]
    assert first["faults"] == 2 * 3  # two attempts for each of the three failing steps
    lines = [json.loads(line) for line in (tmp_path / "trace.jsonl").read_text().splitlines()]
    assert any("fell back to heuristic" in note for line in lines for note in line.get("notes", []))


def test_circuit_breaker_spares_a_dead_endpoint(tiny, tmp_path) -> None:
    with ChatServer(responder=lambda request: Reply(status=500)) as server:
        agent = _agent(server.url, tmp_path, llm={"max_retries": 0}, policy_options={"breaker": 2, "breaker_cooldown": 100})
        agent.index(corpus=tiny.corpus)
        agent.search(queries=tiny.queries, k=5)
        assert len(server.requests) == 2  # two failed steps, then the circuit stayed open
    assert sum(cost["fallbacks"] for cost in agent.cost.per_query.values()) >= 6


def test_endpoint_down(tiny, tmp_path) -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    agent = _agent(f"http://127.0.0.1:{port}/v1", tmp_path, llm={"max_retries": 1})
    agent.index(corpus=tiny.corpus)
    run = agent.search(queries=tiny.queries[:1], k=5)
    assert set(list(run["q1"])[:3]) == set(tiny.qrels["q1"])
    assert agent.cost.per_query["q1"]["faults"] >= 2


def test_token_budget_stops_llm_calls(tiny, chat_server, tmp_path) -> None:
    agent = _agent(chat_server.url, tmp_path, max_llm_tokens=100)  # two calls of 50 tokens
    agent.index(corpus=tiny.corpus)
    agent.search(queries=tiny.queries[:1], k=5)
    cost = agent.cost.per_query["q1"]
    assert cost["llm_calls"] == 2 and cost["llm_tokens"] == 100
    assert cost["fallbacks"] >= 1


def test_invalid_decision_is_rejected(tiny, tmp_path) -> None:
    """A model choosing a tool the agent does not have: rejected, heuristic decides."""
    bad = json.dumps({"action": "retrieve", "tool": "web-search", "query": "x", "read": 2, "reason": "?"})

    def responder(request):
        return Reply(content=bad) if schema_name(request) == "decision" else keyword_responder(request)

    with ChatServer(responder=responder) as server:
        agent = _agent(server.url, tmp_path)
        agent.index(corpus=tiny.corpus)
        run = agent.search(queries=tiny.queries[:1], k=5)
    assert set(list(run["q1"])[:3]) == set(tiny.qrels["q1"])
    assert agent.cost.per_query["q1"]["fallbacks"] >= 1


def test_client_validates_against_schema(chat_server) -> None:
    client = LLMClient(settings_from({"base_url": chat_server.url, "model": "m", "max_retries": 0}))
    chat_server.script(Reply(content='```json\n{"judgments": [{"doc_id": "a", "relevant": true, "confidence": 0.9, "evidence": "e", "reason": "r"}]}\n```'))
    meter = Meter(remaining={"llm_tokens": 1000})
    reply = client.structured(schema=JudgmentsReply, name="judgments", system="s", user="u", meter=meter)
    assert reply.judgments[0].doc_id == "a" and meter.spent["llm_tokens"] == 50
    chat_server.script(Reply(content='{"judgments": [{"doc_id": "a"}]}'))
    with pytest.raises(LLMFailure, match="not valid JSON for the schema"):
        client.structured(schema=JudgmentsReply, name="judgments", system="s", user="u", meter=meter)


def test_settings(monkeypatch) -> None:
    monkeypatch.delenv("LIMITBENCH_LLM_MODEL", raising=False)
    with pytest.raises(ConfigError, match="LIMITBENCH_LLM_MODEL"):
        settings_from({})
    with pytest.raises(ConfigError, match="api_key_env"):
        settings_from({"model": "m", "api_key": SECRET})
    with pytest.raises(ConfigError, match="unknown key"):
        settings_from({"model": "m", "temperture": 0})
    monkeypatch.setenv("LIMITBENCH_LLM_MODEL", "qwen2.5:7b")
    monkeypatch.setenv("OPENAI_BASE_URL", "http://localhost:11434/v1")
    settings = settings_from(None)
    assert (settings.model, settings.base_url) == ("qwen2.5:7b", "http://localhost:11434/v1")
