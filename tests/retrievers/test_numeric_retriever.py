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


def _tiers(scores: dict[str, float]) -> dict[str, set[str]]:
    """Documents by tier: met (score >= 2), unknown (1..2), missed (< 1)."""
    return {
        "met": {d for d, s in scores.items() if s >= 2},
        "unknown": {d for d, s in scores.items() if 1 <= s < 2},
        "missed": {d for d, s in scores.items() if s < 1},
    }


def test_satisfying_documents_rank_first():
    run = _retriever(near_misses=False).search(queries=[Query("q1", "Who is older than 40?")], k=10)
    assert _tiers(run["q1"]) == {"met": {"a", "c"}, "unknown": {"d"}, "missed": set()}  # b is 30: left out
    assert set(list(run["q1"])[:2]) == {"a", "c"}


def test_near_misses_come_last():
    run = _retriever().search(queries=[Query("q1", "Who earns more than $52,000?")], k=10)
    ranking = list(run["q1"])
    assert ranking[0] == "a" and ranking[-1] == "d"  # d earns 50,000: a near miss
    assert _tiers(run["q1"])["missed"] == {"d"}


def test_versions_are_filtered_in_release_order():
    run = _retriever(near_misses=False).search(queries=[Query("q1", "Who uses a version newer than 9.9?")], k=10)
    assert _tiers(run["q1"])["met"] == {"b"} and "c" not in run["q1"]  # 9.11 > 9.9


def test_unparsable_query_gets_empty_ranking_and_a_reason(caplog):
    retriever = _retriever()
    with caplog.at_level(logging.WARNING):
        run = retriever.search(queries=[Query("q1", "Who is taller than 5 blorps?"), Query("q2", "Who likes tea?"),
                                        Query("q3", "Who is younger than 35?")], k=5)
    assert run["q1"] == {} and run["q2"] == {}
    assert _tiers(run["q3"])["met"] == {"b"} and list(run["q3"])[0] == "b"
    assert "unknown unit" in retriever.problems["q1"][0] and "unknown unit" in caplog.text
    assert retriever.cost.per_query["q1"]["constraint_parsed"] == 0.0
    assert retriever.cost.per_query["q3"]["constraint_parsed"] == 1.0
    assert retriever.cost.mean()["constraint_parsed"] == 1 / 3


def test_index_resets_the_cost_log():
    retriever = _retriever()
    retriever.search(queries=[Query("q1", "Who is older than 40?")], k=3)
    retriever.index(corpus=CORPUS)
    assert retriever.cost.mean() == {}
