"""Cache entries forged together with their sidecar (checksum recomputed) are rebuilt,
never used: NaN vectors, a wrong width, vectors that are not unit length, ColBERT offsets
that give a document no token. Generated data, so no official files are needed."""

import numpy as np
import pytest

from limitbench.benchmarks.datasets import generate_limit_style
from limitbench.benchmarks.metrics import evaluate
from limitbench.retrievers.cache import ArrayCache, array_problem
from limitbench.retrievers.dense import DenseRetriever
from limitbench.retrievers.late_interaction import ColBERTRetriever
from limitbench.retrievers.late_interaction.token_cache import TokenCache


@pytest.fixture(scope="module")
def data():
    return generate_limit_style(n_relevant=12, n_queries=20, n_distractors=8, distractor_items=6, seed=5)


def _forge(cache: ArrayCache, key: str, array: np.ndarray) -> None:
    """Replace an entry by ``array`` with a matching sidecar, as a forger would."""
    cache.put(key, array)


def _dense_run(data, cache_dir):
    retriever = DenseRetriever(show_progress=False)
    retriever.encoder.cache = ArrayCache(cache_dir)
    retriever.encoder.cache_min_texts = 1
    retriever.index(corpus=data.corpus)
    return retriever, retriever.search(queries=data.queries, k=5)


@pytest.mark.parametrize(
    "forged",
    [
        lambda n, d: np.full((n, d), np.nan, dtype=np.float32),
        lambda n, d: np.ones((n, 10), dtype=np.float32) / np.sqrt(10),
        lambda n, d: np.ones((n, d), dtype=np.float32),
    ],
    ids=["nan-vectors", "wrong-width", "not-unit-length"],
)
def test_forged_dense_entry_is_rebuilt(data, tmp_path, forged):
    first, reference = _dense_run(data, tmp_path)
    cache = first.encoder.cache
    texts = [doc.full_text for doc in data.corpus]
    key = first.encoder.cache_key(texts, role="document")
    _forge(cache, key, forged(len(texts), 384))
    second, run = _dense_run(data, tmp_path)
    assert run == reference
    assert evaluate(data.qrels, run, ["R@2"])[0]["R@2"] == evaluate(data.qrels, reference, ["R@2"])[0]["R@2"]
    assert array_problem(cache.get(key), rows=len(texts), columns=384, unit_rows=True) == ""  # rebuilt in place


def test_array_cache_refuses_non_finite_values(tmp_path):
    cache = ArrayCache(tmp_path)
    cache.put("k" * 64, np.array([[1.0, np.inf]], dtype=np.float32))
    assert cache.get("k" * 64) is None and not any(tmp_path.rglob("*.npy"))


@pytest.mark.parametrize("forgery", ["empty-document", "nan-vectors"])
def test_forged_colbert_entry_is_rebuilt(data, tmp_path, forgery):
    corpus = data.corpus
    first = ColBERTRetriever(cache_dir=str(tmp_path), chunk_size=64)
    first.index(corpus=corpus)
    reference = first.search(queries=data.queries, k=5)
    keys = first.encoder.encode([d.full_text for d in corpus], role="document").keys
    vectors_key, offsets_key = TokenCache.part_keys(keys[0])
    cache = ArrayCache(tmp_path)
    vectors, offsets = cache.get(vectors_key), cache.get(offsets_key)
    if forgery == "empty-document":  # document 0 owns no token, the rest still partition the store
        forged = offsets.copy()
        forged[1] = 0
        _forge(cache, offsets_key, forged)
    else:
        _forge(cache, vectors_key, np.full_like(vectors, np.nan))
    second = ColBERTRetriever(cache_dir=str(tmp_path), chunk_size=64)
    second.index(corpus=corpus)
    assert second.stats["chunks_encoded"] == 1 and second.stats["chunks_cached"] == 0
    assert second.search(queries=data.queries, k=5) == reference
