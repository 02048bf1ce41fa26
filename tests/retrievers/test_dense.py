import numpy as np
import pytest

from limitbench.benchmarks.datasets import load_beir
from limitbench.benchmarks.metrics import evaluate
from limitbench.retrievers import ConfigError
from limitbench.retrievers.dense import DenseRetriever


@pytest.fixture(scope="module")
def limit_small(limit_small_dir):
    return load_beir(limit_small_dir)


def test_default_model_matches_mteb_figure(limit_small):
    """all-MiniLM-L6-v2 on LIMIT-small: R@2 16.2 (MTEB), R@10 48.0, R@20 69.4."""
    retriever = DenseRetriever(show_progress=False)
    retriever.index(corpus=limit_small.corpus)
    scores, _ = evaluate(limit_small.qrels, retriever.search(queries=limit_small.queries, k=20), ["R@2", "R@10", "R@20"])
    assert scores["R@2"] == pytest.approx(16.2, abs=0.5)
    assert scores["R@10"] == pytest.approx(48.0, abs=0.5)
    assert scores["R@20"] == pytest.approx(69.4, abs=0.5)
    assert retriever.dimension == 384


@pytest.mark.parametrize("reduction", ["truncate", "pca"])
def test_reduced_dimension(limit_small, reduction):
    retriever = DenseRetriever(dim=16, reduction=reduction, show_progress=False)
    retriever.index(corpus=limit_small.corpus)
    assert retriever.dimension == 16
    norms = np.linalg.norm(retriever.doc_vectors, axis=1)
    np.testing.assert_allclose(norms, 1.0, rtol=1e-5)
    run = retriever.search(queries=limit_small.queries[:5], k=3)
    assert all(len(docs) == 3 for docs in run.values())


@pytest.mark.parametrize("index", ["hnsw", "ivf"])
def test_approximate_indexes_agree_with_exact_on_top1(limit_small, index):
    exact = DenseRetriever(show_progress=False)
    exact.index(corpus=limit_small.corpus)
    approximate = DenseRetriever(index=index, ivf_lists=4, ivf_probe=4, show_progress=False)
    approximate.index(corpus=limit_small.corpus)
    queries = limit_small.queries[:50]
    exact_top = [next(iter(docs)) for docs in exact.search(queries=queries, k=1).values()]
    approx_top = [next(iter(docs)) for docs in approximate.search(queries=queries, k=1).values()]
    assert exact_top == approx_top  # 46 documents, all lists probed: approximate search is exact here


def test_bad_options_are_config_errors():
    with pytest.raises(ConfigError, match="unknown index"):
        DenseRetriever(index="annoy")
    with pytest.raises(ConfigError, match="unknown method"):
        DenseRetriever(reduction="random")
