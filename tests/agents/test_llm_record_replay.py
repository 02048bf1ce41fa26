"""Record every chat-completions call of an LLM-policy run, then replay it with the
server down: same results, same traces, same counted cost; a request the recording
does not hold stops the run with one clear line; no key is ever written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openai_server import ChatServer, Reply

from limitbench.agents import AgentRetriever
from limitbench.agents.llm_client import ReplayMissing, request_key, settings_from
from limitbench.benchmarks.cli import main
from limitbench.retrievers.errors import ConfigError

SECRET = "sk-test-record-replay-never-written-5678"
TIMES = {"wall_time_s", "seconds_per_query", "search_seconds", "index_seconds", "peak_rss_mb"}


def llm_options(url: str, **extra) -> dict:
    return {"base_url": url, "model": "scripted", "api_key_env": "LIMITBENCH_TEST_KEY", "backoff": 0.01, "timeout": 2.0, **extra}


def agent(url: str, trace: Path, **llm) -> AgentRetriever:
    return AgentRetriever(tools=["bm25"], policy="llm", llm=llm_options(url, **llm), trace_path=str(trace))


def trace_steps(path: Path) -> list[dict]:
    return [{k: v for k, v in json.loads(line).items() if k != "run"} for line in path.read_text().splitlines()]


def test_replay_with_the_server_down_repeats_the_recorded_run(tiny, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("LIMITBENCH_TEST_KEY", SECRET)
    tape = tmp_path / "calls.jsonl"
    with ChatServer() as server:
        url = server.url
        recording = agent(url, tmp_path / "recorded.jsonl", record=str(tape))
        recording.index(corpus=tiny.corpus)
        recorded_run = recording.search(queries=tiny.queries, k=5)
        calls = len(server.requests)
    # the server is down now: a live client would fall back to the heuristic
    replaying = agent(url, tmp_path / "replayed.jsonl", replay=str(tape))
    replaying.index(corpus=tiny.corpus)
    replayed_run = replaying.search(queries=tiny.queries, k=5)
    assert replayed_run == recorded_run
    for query in tiny.queries:
        recorded, replayed = recording.cost.per_query[query.id], replaying.cost.per_query[query.id]
        assert {k: v for k, v in replayed.items() if k not in TIMES} == {k: v for k, v in recorded.items() if k not in TIMES}
        assert replayed["llm_calls"] >= 3 and replayed["fallbacks"] == 0
    assert trace_steps(tmp_path / "replayed.jsonl") == trace_steps(tmp_path / "recorded.jsonl")
    lines = [json.loads(line) for line in tape.read_text().splitlines()]
    assert len(lines) == calls
    assert all(line["key"] == request_key(line["request"]) and "response" in line for line in lines)
    text = tape.read_text()
    assert SECRET not in text and "authorization" not in text.lower() and "bearer" not in text.lower()


def test_failures_and_retries_replay_in_the_recorded_order(tiny, tmp_path) -> None:
    tape = tmp_path / "calls.jsonl"
    with ChatServer() as server:
        server.script(Reply(status=503))  # the first call fails, its retry succeeds
        recording = agent(server.url, tmp_path / "a.jsonl", record=str(tape))
        recording.index(corpus=tiny.corpus)
        recorded_run = recording.search(queries=tiny.queries[:1], k=5)
        url = server.url
    failures = [json.loads(line) for line in tape.read_text().splitlines() if "failure" in line]
    assert [f["failure"] for f in failures] == [{"message": "HTTP 503", "retryable": True}]
    replaying = agent(url, tmp_path / "b.jsonl", replay=str(tape))
    replaying.index(corpus=tiny.corpus)
    assert replaying.search(queries=tiny.queries[:1], k=5) == recorded_run
    assert replaying.cost.per_query["q1"]["faults"] == recording.cost.per_query["q1"]["faults"] == 1


def test_a_request_the_recording_lacks_is_an_error_not_a_fallback(tiny, tmp_path) -> None:
    tape = tmp_path / "calls.jsonl"
    with ChatServer() as server:
        recording = agent(server.url, tmp_path / "a.jsonl", record=str(tape))
        recording.index(corpus=tiny.corpus)
        recording.search(queries=tiny.queries[:1], k=5)
        url = server.url
    other_model = agent(url, tmp_path / "b.jsonl", replay=str(tape), model="another-model")
    other_model.index(corpus=tiny.corpus)
    with pytest.raises(ReplayMissing, match=r"calls\.jsonl holds no answer for this 'analysis' request to model 'another-model'"):
        other_model.search(queries=tiny.queries[:1], k=5)


def test_replay_file_problems_are_named(tmp_path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"key": "k", "response": {}}\nnot json\n')
    from limitbench.agents.llm_client import LLMClient

    with pytest.raises(ConfigError, match=r"bad\.jsonl, line 2"):
        LLMClient(settings_from({"model": "m", "replay": str(bad)}))
    with pytest.raises(ConfigError, match="cannot read"):
        LLMClient(settings_from({"model": "m", "replay": str(tmp_path / "absent.jsonl")}))
    with pytest.raises(ConfigError, match="record and replay exclude each other"):
        settings_from({"model": "m", "record": "a", "replay": "b"})


def test_request_key_is_canonical() -> None:
    assert request_key({"b": 1, "a": [1, "é"]}) == request_key({"a": [1, "é"], "b": 1})
    assert request_key({"a": 1}) != request_key({"a": 2})


# -- through the command line ----------------------------------------------------------------
def run_cli(*args: str) -> int:
    with pytest.raises(SystemExit) as exit_info:
        main(["run", *args])
    return exit_info.value.code or 0


def test_limitbench_run_record_then_replay_gives_identical_results_and_traces(limit_small_dir, tmp_path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("LIMITBENCH_TEST_KEY", SECRET)
    tape = tmp_path / "llm.jsonl"
    common = ["-d", "limit-small", "--data-dir", str(limit_small_dir.parent), "--max-queries", "12", "--k", "10", "-m", "R@2", "-m", "R@10"]
    with ChatServer() as server:
        options = json.dumps(llm_options(server.url))
        retriever = f"agent[policy=llm,tools=[bm25],llm={options}]"
        assert run_cli(*common, "-r", retriever, "--llm-record", str(tape), "--out", str(tmp_path / "recorded")) == 0
        assert len(server.requests) >= 36
    capsys.readouterr()
    # server down: replay
    assert run_cli(*common, "-r", retriever, "--llm-replay", str(tape), "--out", str(tmp_path / "replayed")) == 0
    recorded, replayed = tmp_path / "recorded", tmp_path / "replayed"
    rows = [json.loads((folder / "results.json").read_text())[0] for folder in (recorded, replayed)]
    assert rows[0]["metrics"] == rows[1]["metrics"] and rows[0]["metrics"]["R@2"] == 100.0
    assert {k: v for k, v in rows[0]["cost"].items() if k not in TIMES} == {k: v for k, v in rows[1]["cost"].items() if k not in TIMES}
    assert rows[0]["cost"]["llm_calls"] >= 3 and rows[1]["cost"]["fallbacks"] == 0
    assert rows[1]["run"]["config"]["retrievers"][0]["options"]["llm"]["replay"] == str(tape.resolve())
    def trec(folder):  # named and tagged by each run's label (its options name the tape), so compare the rankings
        lines = (folder / json.loads((folder / "results.json").read_text())[0]["files"]["trec"]).read_text().splitlines()
        return [line.split(" ")[:5] for line in lines]

    assert trec(recorded) == trec(replayed)
    traces = [trace_steps(next((folder / "traces" / "limit-small").glob("*.jsonl"))) for folder in (recorded, replayed)]
    assert traces[0] == traces[1] and len(traces[0]) >= 12 * 5
    assert (replayed / "report.html").is_file()
    for path in [tape, *recorded.rglob("*"), *replayed.rglob("*")]:
        if path.is_file():
            assert SECRET not in path.read_text(errors="replace"), path
    # a request the recording does not hold: one line, exit status 2, nothing written
    other = retriever.replace('"scripted"', '"another-model"')
    assert run_cli(*common, "-r", other, "--llm-replay", str(tape), "--out", str(tmp_path / "missing")) == 2
    err = capsys.readouterr().err
    errors = [line for line in err.splitlines() if line.startswith("limitbench: error:")]
    # one line, naming the plug-in (the retriever boundary prefixes its label) and the missing request
    assert len(errors) == 1 and errors[0].startswith("limitbench: error: ") and "llm replay file" in errors[0]
    assert "another-model" in errors[0]
    assert "Traceback" not in err
    assert not (tmp_path / "missing").exists()


def test_record_flag_needs_an_llm_retriever(tmp_path, capsys) -> None:
    assert run_cli("-r", "bm25", "--llm-record", str(tmp_path / "x.jsonl"), "--out", str(tmp_path / "out")) == 2
    assert "no retriever in this run calls an LLM" in capsys.readouterr().err
