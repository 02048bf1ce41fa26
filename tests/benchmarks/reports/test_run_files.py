"""Traces caught while an agent searches, and the dataset extract a run writes."""

from __future__ import annotations

import json
from urllib.parse import unquote
from pathlib import Path

from limitbench.agents import AgentRetriever
from limitbench.benchmarks.config import build_config
from limitbench.benchmarks.reports.run_files import capture_trace
from limitbench.benchmarks.runner import run_benchmark
from limitbench.retrievers.bm25 import BM25Retriever
from limitbench.retrievers.types import Document, Query

CORPUS = [
    Document(id="Ann Lee", text="Ann Lee likes Quokkas and Jazz."),
    Document(id="Bo Chen", text="Bo Chen likes Tapirs and Chess."),
    Document(id="Cy Diaz", text="Cy Diaz likes Quokkas and Tapirs."),
]
QUERIES = [Query(id="q1", text="Who likes Quokkas?"), Query(id="q2", text="Who likes Tapirs?")]


def test_agent_without_a_trace_path_is_traced_to_a_scratch_file() -> None:
    agent = AgentRetriever(tools=["bm25"])
    agent.index(corpus=CORPUS)
    with capture_trace(agent) as trace:
        agent.search(queries=QUERIES, k=3)
    assert agent.trace_path is None  # put back as it was
    assert [step["node"] for step in trace if step["query_id"] == "q1"][0] == "analyse"
    assert {step["query_id"] for step in trace} == {"q1", "q2"}
    judged = {doc for step in trace if step["node"] == "judge" for doc in step["read"]}
    assert judged <= {"Ann Lee", "Cy Diaz", "Bo Chen"} and judged


def test_a_users_own_trace_file_is_kept_and_only_new_lines_are_caught(tmp_path: Path) -> None:
    own = tmp_path / "mine.jsonl"
    own.write_text('{"earlier": "line"}\n')
    agent = AgentRetriever(tools=["bm25"], trace_path=str(own))
    agent.index(corpus=CORPUS)
    with capture_trace(agent) as trace:
        agent.search(queries=QUERIES[:1], k=3)
    lines = own.read_text().splitlines()
    assert lines[0] == '{"earlier": "line"}' and len(lines) == 1 + len(trace)
    assert all(step["query_id"] == "q1" for step in trace)


def test_retrievers_without_a_trace_give_nothing() -> None:
    bm25 = BM25Retriever()
    bm25.index(corpus=CORPUS)
    with capture_trace(bm25) as trace:
        bm25.search(queries=QUERIES, k=3)
    assert trace == []


def test_run_folder_holds_the_extract_and_the_trace(tmp_path: Path) -> None:
    dataset = {"name": "generated", "options": {"n_relevant": 6, "n_queries": 8, "n_distractors": 10, "distractor_items": 4}}
    out = tmp_path / "out"
    config = build_config({"datasets": [dataset], "retrievers": ["bm25", "agent[tools=[bm25]]"], "k": 3,
                           "metrics": ["R@2"], "out": str(out)})
    run_benchmark(config, echo=lambda _: None, fresh=True)
    extract = out / "datasets" / "generated"
    qrels = json.loads((extract / "qrels.json").read_text())
    shown = {json.loads(line)["_id"] for line in (extract / "docs.jsonl").read_text().splitlines()}
    retrieved = {unquote(line.split()[2]) for path in (out / "runs" / "generated").glob("*.trec") for line in path.read_text().splitlines()}
    relevant = {doc for docs in qrels.values() for doc in docs}
    assert shown == relevant | retrieved  # not the whole corpus
    assert json.loads((extract / "dataset.json").read_text())["documents"] == 6 + 10
    [trace_file] = (out / "traces" / "generated").iterdir()  # the agent's, under its label's file name
    assert trace_file.name.startswith("agent")
    trace = trace_file.read_text().splitlines()
    assert {json.loads(line)["query_id"] for line in trace} == set(qrels)
    assert not (out / "traces" / "generated" / "bm25.jsonl").exists()
    assert (out / "report.html").stat().st_size > 10_000
