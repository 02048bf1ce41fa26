"""Questions with numeric constraints go to the ``numeric`` tool and are judged with
``document_satisfies``; keyword parts still have to hold."""

from __future__ import annotations

import json

import pytest

from limitbench.agents import AgentRetriever, HeuristicPolicy, Meter, ToolInfo
from limitbench.retrievers.types import Document, Query

pytest.importorskip("limitbench.retrievers.numeric")

PEOPLE = {
    "Ann": "Ann is 45 years old and likes Quokkas, Jazz and Chess.",
    "Bo": "Bo is 31 years old and likes Quokkas, Opera and Rowing.",
    "Cy": "Cy is 52 years old and likes Tapirs, Jazz and Karate.",
    "Di": "Di is 28 years old and likes Chess, Opera and Tapirs.",
    "Ed": "Ed is 60 years old and likes Quokkas, Mops and Sailing.",
    "Flo": "Flo is 39 years old and likes Jazz, Tapirs and 3D Modeling.",
}


@pytest.fixture()
def agent(tmp_path):
    agent = AgentRetriever(tools=["bm25", "numeric"], trace_path=str(tmp_path / "trace.jsonl"))
    agent.index(corpus=[Document(id=name, text=text) for name, text in PEOPLE.items()])
    return agent


def test_constraint_routes_to_numeric_tool(agent, tmp_path) -> None:
    run = agent.search(queries=[Query(id="old", text="Who is older than 40?")], k=6)
    assert set(list(run["old"])[:3]) == {"Ann", "Cy", "Ed"}
    steps = [json.loads(line) for line in (tmp_path / "trace.jsonl").read_text().splitlines()]
    first_retrieval = next(s for s in steps if s["node"] == "retrieve")
    assert first_retrieval["tool"] == "numeric"


def test_keywords_and_constraints_together(agent) -> None:
    run = agent.search(queries=[Query(id="q", text="Who likes Quokkas and is older than 40?")], k=6)
    assert set(list(run["q"])[:2]) == {"Ann", "Ed"}


def test_number_inside_a_liked_thing_keeps_its_literal_reading(agent) -> None:
    run = agent.search(queries=[Query(id="q", text="Who likes 3D Modeling?")], k=6)
    assert list(run["q"])[0] == "Flo"
    # "3D" read as three dimes is weak evidence: the phrase search answered, numeric never ran
    assert "numeric" not in agent.toolbox.index_seconds()


def test_plan_without_numeric_tool_still_judges_constraints() -> None:
    plan = HeuristicPolicy().analyse(
        query="Who is older than 40?", tools=[ToolInfo("bm25", "bm25", "lexical")], meter=Meter(remaining={})
    )
    assert plan.constraints and plan.judgeable
    assert [s.tools for s in plan.sub_queries] == [("bm25",)]


def test_a_numeric_question_is_judged_on_its_topic_too(tmp_path) -> None:
    from limitbench.retrievers.types import Document, Query

    corpus = [
        Document("w", "The Pila Z5 is a fitness smartwatch. It costs $199. Pairs well with a phone."),
        Document("p", "The Zellaix Sok40 is a smartphone. It costs $459."),
        Document("q", "The Triahos Lek is a budget phone. It costs $149."),
    ]
    agent = AgentRetriever(tools=["numeric"], trace_path=str(tmp_path / "trace.jsonl"))
    agent.index(corpus=corpus)
    run = agent.search(queries=[Query(id="cheap", text="phones under $300")], k=3)
    assert list(run["cheap"])[0] == "q"  # the watch meets the price, but is no phone
    steps = [json.loads(line) for line in (tmp_path / "trace.jsonl").read_text().splitlines()]
    verdicts = {doc: v for step in steps if step["node"] == "judge" for doc, v in step["read"].items()}
    assert verdicts["q"]["relevant"] is True and verdicts.get("w", {}).get("relevant") is not True
