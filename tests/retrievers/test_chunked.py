"""``chunked-dense``: passages of w words, documents scored by their best passage."""

import numpy as np
import pytest

from limitbench.benchmarks.datasets import load_beir
from limitbench.benchmarks.metrics import evaluate
from limitbench.retrievers import ConfigError
from limitbench.retrievers.chunked import ChunkedDenseRetriever, split_passages
from limitbench.retrievers.dense import DenseRetriever
from limitbench.retrievers.registry import create_retriever
from limitbench.retrievers.rerank import Rescorer


@pytest.fixture(scope="module")
def limit_small(limit_small_dir):
    return load_beir(limit_small_dir)


def test_split_passages_covers_every_word():
    words = [f"w{i}" for i in range(23)]
    passages = split_passages(" ".join(words), window=8, stride=5)
    assert passages[0].split() == words[:8]
    assert passages[-1].split() == words[-8:]  # last window aligned to the end
    assert all(len(p.split()) == 8 for p in passages)
    assert set(" ".join(passages).split()) == set(words)
    assert split_passages("a b c", window=8, stride=4) == ["a b c"]


def test_best_passage_beats_one_vector_per_document(limit_small):
    chunked = create_retriever("chunked-dense", window=16, stride=8)
    assert isinstance(chunked, ChunkedDenseRetriever) and isinstance(chunked, Rescorer)
    chunked.index(corpus=limit_small.corpus)
    dense = DenseRetriever(show_progress=False)
    dense.index(corpus=limit_small.corpus)
    metrics = ["R@2", "R@10"]
    chunked_scores, _ = evaluate(limit_small.qrels, chunked.search(queries=limit_small.queries, k=10), metrics)
    dense_scores, _ = evaluate(limit_small.qrels, dense.search(queries=limit_small.queries, k=10), metrics)
    assert chunked_scores["R@2"] > dense_scores["R@2"] + 10
    assert chunked.cost.mean()["docs_scored"] == len(limit_small.corpus)


def test_score_matches_search(limit_small):
    chunked = ChunkedDenseRetriever(window=16, stride=8)
    chunked.index(corpus=limit_small.corpus)
    queries = limit_small.queries[:5]
    run = chunked.search(queries=queries, k=4)
    rescored = chunked.score(queries=queries, candidates={q.id: list(run[q.id]) for q in queries})
    for q in queries:
        assert rescored[q.id] == pytest.approx(run[q.id], abs=1e-6)
    single = ChunkedDenseRetriever(window=1000, stride=1000)  # one passage = the whole document
    single.index(corpus=limit_small.corpus[:5])
    dense = DenseRetriever(show_progress=False)
    dense.index(corpus=limit_small.corpus[:5])
    a, b = single.search(queries=queries, k=5), dense.search(queries=queries, k=5)
    for q in queries:
        assert list(a[q.id]) == list(b[q.id])
        np.testing.assert_allclose(list(a[q.id].values()), list(b[q.id].values()), atol=1e-5)


def test_bad_windows_are_config_errors():
    with pytest.raises(ConfigError, match="window"):
        ChunkedDenseRetriever(window=8, stride=9)
    with pytest.raises(ConfigError, match="window"):
        create_retriever("chunked-dense", window=0)
