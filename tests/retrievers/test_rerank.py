"""``rerank``: first-stage candidates re-scored by a second retriever."""

import pytest

from limitbench.benchmarks.datasets import load_beir
from limitbench.benchmarks.metrics import evaluate
from limitbench.retrievers import ConfigError
from limitbench.retrievers.dense import DenseRetriever
from limitbench.retrievers.registry import create_retriever
from limitbench.retrievers.rerank import Rescorer, RerankRetriever
from limitbench.retrievers.types import Run


@pytest.fixture(scope="module")
def limit_small(limit_small_dir):
    return load_beir(limit_small_dir)


def test_dense_then_colbert_lifts_dense(limit_small):
    queries = limit_small.queries[:300]
    qrels = {q.id: limit_small.qrels[q.id] for q in queries}
    reranker = create_retriever(
        "rerank", first_stage={"name": "dense", "options": {"show_progress": False}},
        reranker={"name": "colbert", "options": {"index": "exact"}}, depth=20,
    )
    assert reranker.name == "dense>colbert"
    reranker.index(corpus=limit_small.corpus)
    run = reranker.search(queries=queries, k=10)
    candidates = reranker.candidates(queries)
    for q in queries:
        assert set(run[q.id]) <= set(candidates[q.id]) and len(candidates[q.id]) == 20
        assert list(run[q.id].values()) == sorted(run[q.id].values(), reverse=True)
    scores, _ = evaluate(qrels, run, ["R@2", "R@20"])
    first, _ = evaluate(qrels, reranker.first_stage.search(queries=queries, k=20), ["R@2", "R@20"])
    assert scores["R@20"] == pytest.approx(first["R@20"])  # same candidate set
    assert scores["R@2"] > first["R@2"] + 30
    cost = reranker.cost.mean()
    assert cost["reranker_docs_scored"] == 20
    assert cost["docs_scored"] == cost["first_stage_docs_scored"] + 20


def test_bm25_then_colbert(limit_small):
    reranker = RerankRetriever(first_stage="bm25", reranker={"name": "colbert"}, depth=10)
    reranker.index(corpus=limit_small.corpus)
    run = reranker.search(queries=limit_small.queries, k=10)
    scores, _ = evaluate(limit_small.qrels, run, ["R@2"])
    assert scores["R@2"] >= 95.0


class _SearchOnly:
    """A retriever without score(): exercises the search-then-restrict fallback."""

    def __init__(self) -> None:
        self.inner = DenseRetriever(show_progress=False)
        self.name = "search-only"

    def index(self, *, corpus):
        self.inner.index(corpus=corpus)

    def search(self, *, queries, k) -> Run:
        return self.inner.search(queries=queries, k=k)


def test_reranker_without_score_falls_back_to_restricted_search(limit_small):
    fallback = _SearchOnly()
    assert not isinstance(fallback, Rescorer)
    reranker = RerankRetriever(first_stage="bm25", reranker=fallback, depth=5)
    reranker.index(corpus=limit_small.corpus)
    queries = limit_small.queries[:20]
    run = reranker.search(queries=queries, k=5)
    full = fallback.search(queries=queries, k=len(limit_small.corpus))
    for q in queries:
        candidates = reranker.candidates([q])[q.id]
        expected = sorted(candidates, key=lambda d: -full[q.id][d])
        assert list(run[q.id]) == expected
        assert run[q.id] == pytest.approx({d: full[q.id][d] for d in candidates})


def test_bad_stage_specs_are_config_errors():
    with pytest.raises(ConfigError, match="first_stage"):
        RerankRetriever(first_stage={"options": {}}, reranker="bm25")
    with pytest.raises(ConfigError, match="unknown key"):
        RerankRetriever(first_stage={"name": "bm25", "opts": {}}, reranker="bm25")
    with pytest.raises(ConfigError, match="depth"):
        create_retriever("rerank", first_stage="bm25", reranker="bm25", depth=0)
    with pytest.raises(ConfigError, match="unknown option"):
        RerankRetriever(first_stage="bm25", reranker={"name": "colbert", "options": {"nope": 1}})
