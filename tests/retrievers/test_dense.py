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


def _scores(retriever, dataset):
    retriever.index(corpus=dataset.corpus)
    run = retriever.search(queries=dataset.queries, k=20)
    return evaluate(dataset.qrels, run, ["R@2", "R@10", "R@20"])[0], run


def test_onnx_backend_reproduces_torch(limit_small):
    """fp32 ONNX: vectors within 1e-4 of torch, LIMIT-small metrics identical."""
    torch_retriever, onnx_retriever = DenseRetriever(backend="torch", show_progress=False), DenseRetriever(backend="onnx", show_progress=False)
    torch_scores, _ = _scores(torch_retriever, limit_small)
    onnx_scores, _ = _scores(onnx_retriever, limit_small)
    assert onnx_scores == torch_scores
    assert np.abs(onnx_retriever.doc_vectors - torch_retriever.doc_vectors).max() <= 1e-4
    queries = limit_small.queries[:100]
    assert np.abs(onnx_retriever.encode_queries(queries) - torch_retriever.encode_queries(queries)).max() <= 1e-4


def test_backend_shows_in_the_label():
    from limitbench.retrievers.registry import create_retriever

    assert DenseRetriever(show_progress=False).name == "dense"  # the default runtime (onnx fp32) is not spelled out
    assert create_retriever("dense", backend="onnx").name == "dense-onnx"
    assert create_retriever("dense", backend="torch", dim=16).name == "dense-d16-torch"
    assert create_retriever("dense", precision="int8").name == "dense-onnx-int8"  # int8 is never silent
    with pytest.raises(ConfigError, match="needs backend: onnx"):
        create_retriever("dense", backend="torch", precision="int8")
