"""NumericRetriever: protocol, registry, filtering, cost log, and unparsable queries."""

from __future__ import annotations

import logging

from limitbench.retrievers.protocol import CostReporting, Retriever
from limitbench.retrievers.registry import create_retriever
from limitbench.retrievers.types import Document, Query
from limitbench.retrievers.numeric import NumericRetriever

CORPUS = [
    Document("a", "Ana is 42 years old. Ana earns $55,000 a year."),
    Document("b", "Bo is 30 years old. Bo uses version 9.11 of Orbitly."),
    Document("c", "Cy is 61 years old. Cy uses version 9.9 of Orbitly."),
    Document("d", "Di earns fifty thousand dollars a year and stands 1.62 m tall."),
]


def _retriever(**options) -> NumericRetriever:
    retriever = create_retriever("numeric", **options)
    retriever.index(corpus=CORPUS)
    return retriever


def test_registered_and_follows_the_protocol():
    retriever = _retriever()
    assert isinstance(retriever, NumericRetriever)
    assert isinstance(retriever, Retriever) and isinstance(retriever, CostReporting)


def test_satisfying_documents_rank_first():
    run = _retriever(near_misses=False).search(queries=[Query("q1", "Who is older than 40?")], k=10)
    assert run == {"q1": {"a": 1.0, "c": 1.0}}


def test_near_misses_follow_in_order_of_distance():
    run = _retriever().search(queries=[Query("q1", "Who earns more than $52,000?")], k=10)
    ranking = list(run["q1"])
    assert ranking == ["a", "d"] and run["q1"]["a"] == 1.0 and run["q1"]["d"] < 1.0


def test_versions_are_filtered_in_release_order():
    run = _retriever(near_misses=False).search(queries=[Query("q1", "Who uses a version newer than 9.9?")], k=10)
    assert list(run["q1"]) == ["b"]


def test_unparsable_query_gets_empty_ranking_and_a_reason(caplog):
    retriever = _retriever()
    with caplog.at_level(logging.WARNING):
        run = retriever.search(queries=[Query("q1", "Who is taller than 5 blorps?"), Query("q2", "Who likes tea?"),
                                        Query("q3", "Who is younger than 35?")], k=5)
    assert run["q1"] == {} and run["q2"] == {}
    assert run["q3"]["b"] == 1.0 and all(score < 1.0 for doc, score in run["q3"].items() if doc != "b")
    assert "unknown unit" in retriever.problems["q1"][0] and "unknown unit" in caplog.text
    assert retriever.cost.per_query["q1"]["constraint_parsed"] == 0.0
    assert retriever.cost.per_query["q3"]["constraint_parsed"] == 1.0
    assert retriever.cost.mean()["constraint_parsed"] == 1 / 3


def test_index_resets_the_cost_log():
    retriever = _retriever()
    retriever.search(queries=[Query("q1", "Who is older than 40?")], k=3)
    retriever.index(corpus=CORPUS)
    assert retriever.cost.mean() == {}
