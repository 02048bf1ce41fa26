"""One forward pass fills the dense cache and the colbert token cache, each with
exactly what its own encoder would have stored."""

import numpy as np
import pytest

from limitbench.benchmarks.datasets import load_beir
from limitbench.retrievers import ConfigError
from limitbench.retrievers.cache import ArrayCache
from limitbench.retrievers.encoder import DenseEncoder
from limitbench.retrievers.joint_encoder import JointEncoder
from limitbench.retrievers.late_interaction import ColBERTRetriever


@pytest.fixture(scope="module")
def corpus(limit_small_dir):
    return load_beir(limit_small_dir).corpus


def _pair(root, *, batch_size=8, backend="auto"):
    cache = ArrayCache(root)
    dense = DenseEncoder(batch_size=batch_size, cache=cache, show_progress=False, backend=backend)
    colbert = ColBERTRetriever(cache_dir=str(root), batch_size=batch_size, chunk_size=16, backend=backend)
    return dense, colbert


@pytest.mark.parametrize("backend", ["onnx", "torch"])
def test_one_pass_fills_both_caches_bit_identically(corpus, tmp_path, backend):
    texts = [doc.full_text for doc in corpus]
    # what each encoder computes on its own, with separate caches
    alone_dense, alone_colbert = _pair(tmp_path / "alone", backend=backend)
    expected_dense = alone_dense.encode(texts, role="document")
    alone_colbert.index(corpus=corpus)

    dense, colbert = _pair(tmp_path / "joint", backend=backend)
    report = JointEncoder(colbert=colbert, dense=dense).encode_corpus(corpus=corpus)
    assert not report.dense_cached and report.token_chunks_encoded == 3  # 46 texts, chunks of 16

    joint_dense = dense.encode(texts, role="document")
    assert dense.last_encode_cached
    np.testing.assert_array_equal(joint_dense, expected_dense)

    colbert.index(corpus=corpus)
    assert colbert.stats["chunks_cached"] == 3 and colbert.stats["chunks_encoded"] == 0
    np.testing.assert_array_equal(colbert._store.vectors, alone_colbert._store.vectors)
    np.testing.assert_array_equal(colbert._store.offsets, alone_colbert._store.offsets)

    again = JointEncoder(colbert=colbert, dense=dense).encode_corpus(corpus=corpus)
    assert again.dense_cached and again.token_chunks_encoded == 0


def test_resumes_dense_rows_when_tokens_are_cached(corpus, tmp_path):
    texts = [doc.full_text for doc in corpus]
    dense, colbert = _pair(tmp_path)
    colbert.index(corpus=corpus)  # tokens cached, dense not
    report = JointEncoder(colbert=colbert, dense=dense).encode_corpus(corpus=corpus)
    assert not report.dense_cached and report.token_chunks_cached == 3
    reference = DenseEncoder(batch_size=8, use_cache=False, show_progress=False).encode(texts, role="document")
    np.testing.assert_array_equal(dense.encode(texts, role="document"), reference)


def test_mismatched_encoders_are_config_errors(tmp_path):
    dense, colbert = _pair(tmp_path, batch_size=8)
    with pytest.raises(ConfigError, match="batch sizes"):
        JointEncoder(colbert=colbert, dense=DenseEncoder(batch_size=64, show_progress=False))
    with pytest.raises(ConfigError, match="one runtime"):
        JointEncoder(colbert=ColBERTRetriever(backend="torch", batch_size=8), dense=dense)
    with pytest.raises(ConfigError, match="token"):
        JointEncoder(colbert=ColBERTRetriever(model="lightonai/GTE-ModernColBERT-v1"), dense=dense)
