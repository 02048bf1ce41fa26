"""The ``colbert`` late-interaction retriever: quality of the offline default, no
random parameters, cache integrity, PLAID index, re-scoring, bad input."""

from pathlib import Path

import numpy as np
import pytest
from safetensors.torch import load_file

from limitbench.benchmarks.datasets import load_beir
from limitbench.benchmarks.metrics import evaluate
from limitbench.retrievers import ConfigError, OfflineError
from limitbench.retrievers.cache import ArrayCache
from limitbench.retrievers.late_interaction import ColBERTRetriever, TokenEncoder
from limitbench.retrievers.late_interaction.token_cache import TokenCache
from limitbench.retrievers.models import load_sentence_transformer, resolve_model
from limitbench.retrievers.registry import create_retriever
from limitbench.retrievers.rerank import Rescorer
from limitbench.retrievers.types import Document


@pytest.fixture(scope="module")
def limit_small(limit_small_dir):
    return load_beir(limit_small_dir)


@pytest.fixture(scope="module")
def exact(limit_small, tmp_path_factory):
    retriever = ColBERTRetriever(cache_dir=str(tmp_path_factory.mktemp("colbert-cache")))
    retriever.index(corpus=limit_small.corpus)
    return retriever


def test_offline_default_reaches_r2_95_on_limit_small(limit_small, exact):
    run = exact.search(queries=limit_small.queries, k=10)
    scores, _ = evaluate(limit_small.qrels, run, ["R@2", "R@10"])
    assert scores["R@2"] >= 95.0
    assert exact.stats["mode"] == "exact" and exact.stats["dim"] == 384
    cost = exact.cost.mean()
    assert cost["docs_scored"] == len(limit_small.corpus)
    assert cost["index_bytes"] == exact.stats["index_bytes"] > 0
    assert cost["peak_memory_mb"] > 0


def test_entry_point_and_protocols():
    retriever = create_retriever("colbert", index="exact")
    assert retriever.name == "colbert"
    assert isinstance(retriever, Rescorer)


def test_offline_default_has_no_random_parameters(limit_small):
    """Two independent loads give bit-identical token vectors, and every weight is
    the bundled checkpoint's own: no projection layer, no added tokens."""
    texts = [doc.full_text for doc in limit_small.corpus[:4]] + [q.text for q in limit_small.queries[:4]]
    runs = []
    for _ in range(2):
        load_sentence_transformer.cache_clear()
        encoder = TokenEncoder(use_cache=False)
        runs.append(encoder.encode(texts, role="document"))
        model = encoder.model
    np.testing.assert_array_equal(runs[0].tokens.vectors, runs[1].tokens.vectors)
    np.testing.assert_array_equal(runs[0].tokens.offsets, runs[1].tokens.offsets)

    location = Path(resolve_model(None).location)
    checkpoint = load_file(str(location / "model.safetensors"))
    transformer = model[0].auto_model
    for name, parameter in transformer.named_parameters():
        stored = checkpoint.get(name, checkpoint.get(f"{transformer.base_model_prefix}.{name}"))
        assert stored is not None, f"parameter {name} is not in the bundled checkpoint"
        assert np.array_equal(parameter.detach().numpy(), stored.numpy()), name
    assert [type(m).__name__ for m in model] == ["Transformer", "Pooling", "Normalize"]
    vocabulary = (location / "vocab.txt").read_text(encoding="utf-8").splitlines()
    assert len(model.tokenizer) == len(vocabulary)
    assert runs[0].tokens.dim == transformer.config.hidden_size


def test_special_and_punctuation_tokens_are_skipped(limit_small):
    encoder = TokenEncoder(use_cache=False)
    tokenizer = encoder.model.tokenizer
    skip = set(encoder.skip_ids("document").tolist())
    assert {tokenizer.cls_token_id, tokenizer.sep_token_id, tokenizer.pad_token_id} <= skip
    assert set(tokenizer.convert_tokens_to_ids([",", "?", "."])) <= skip
    assert tokenizer.convert_tokens_to_ids("trees") not in skip
    text = limit_small.queries[0].text  # "Who likes Joshua Trees?"
    [matrix] = encoder.encode([text], role="query").in_text_order()
    assert matrix.shape[0] == len(tokenizer(text, add_special_tokens=False)["input_ids"]) - 1  # minus "?"
    np.testing.assert_allclose(np.linalg.norm(matrix.astype(np.float32), axis=1), 1.0, atol=1e-3)


def test_corrupt_or_mismatched_cache_is_rebuilt(limit_small, tmp_path):
    corpus = limit_small.corpus[:10]
    first = ColBERTRetriever(cache_dir=str(tmp_path), chunk_size=64)
    first.index(corpus=corpus)
    reference = first.search(queries=limit_small.queries[:20], k=5)
    assert first.stats["chunks_encoded"] == 1

    for npy in tmp_path.rglob("*.npy"):  # flip bytes in every cached array
        data = bytearray(npy.read_bytes())
        data[-8:] = bytes(255 - b for b in data[-8:])
        npy.write_bytes(bytes(data))
    second = ColBERTRetriever(cache_dir=str(tmp_path), chunk_size=64)
    second.index(corpus=corpus)
    assert second.stats["chunks_encoded"] == 1 and second.stats["chunks_cached"] == 0
    assert second.search(queries=limit_small.queries[:20], k=5) == reference

    # a well-formed entry of the wrong shape (checksum fine) is refused too
    keys = second.encoder.encode([d.full_text for d in corpus], role="document").keys
    vectors_key, _ = TokenCache.part_keys(keys[0])
    ArrayCache(tmp_path).put(vectors_key, np.zeros((3, 384), dtype=np.float16))
    third = ColBERTRetriever(cache_dir=str(tmp_path), chunk_size=64)
    third.index(corpus=corpus)
    assert third.stats["chunks_encoded"] == 1
    assert third.search(queries=limit_small.queries[:20], k=5) == reference

    fourth = ColBERTRetriever(cache_dir=str(tmp_path), chunk_size=64)
    fourth.index(corpus=corpus)
    assert fourth.stats["chunks_cached"] == 1 and fourth.stats["chunks_encoded"] == 0


@pytest.mark.parametrize("mode", ["ivf", "plaid"])
def test_index_agrees_with_exact_and_is_reused(limit_small, tmp_path, mode):
    indexed = ColBERTRetriever(index=mode, cache_dir=str(tmp_path))
    indexed.index(corpus=limit_small.corpus)
    assert indexed.stats["mode"] == mode and indexed.stats["dim"] == 128 and indexed.stats["index_rebuilt"]
    queries = limit_small.queries[:200]
    run = indexed.search(queries=queries, k=10)
    scores, _ = evaluate({q.id: limit_small.qrels[q.id] for q in queries}, run, ["R@2"])
    assert scores["R@2"] >= 90.0
    assert 0 < indexed.cost.mean()["docs_scored"] <= len(limit_small.corpus)
    # ivf re-scores candidates exactly; PLAID scores on its decompressed (4-bit residual) vectors
    exact = indexed.score(queries=queries[:5], candidates={q.id: list(run[q.id]) for q in queries[:5]})
    for q in queries[:5]:
        assert run[q.id] == pytest.approx(exact[q.id], abs=1e-4 if mode == "ivf" else 0.25)

    again = ColBERTRetriever(index=mode, cache_dir=str(tmp_path))
    again.index(corpus=limit_small.corpus)
    assert not again.stats["index_rebuilt"] and again.stats["chunks_cached"] == 1
    assert again.search(queries=queries, k=10) == run

    index_file = max((p for p in (tmp_path / f"colbert-{mode}").rglob("*") if p.is_file()), key=lambda p: p.stat().st_size)
    data = bytearray(index_file.read_bytes())
    data[-16:] = bytes(255 - b for b in data[-16:])
    index_file.write_bytes(bytes(data))
    rebuilt = ColBERTRetriever(index=mode, cache_dir=str(tmp_path))
    rebuilt.index(corpus=limit_small.corpus)
    assert rebuilt.stats["index_rebuilt"]
    assert rebuilt.search(queries=queries, k=10) == run


def test_score_equals_exact_search_scores(limit_small, exact):
    queries = limit_small.queries[:10]
    run = exact.search(queries=queries, k=5)
    rescored = exact.score(queries=queries, candidates={q.id: list(reversed(list(run[q.id]))) for q in queries})
    for q in queries:
        assert rescored[q.id] == pytest.approx(run[q.id], abs=1e-5)
    with pytest.raises(Exception, match="not in the indexed corpus"):
        exact.score(queries=queries[:1], candidates={queries[0].id: ["nobody"]})


def test_unloadable_checkpoint_names_the_offline_default(monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    retriever = create_retriever("colbert", model="lightonai/GTE-ModernColBERT-v1")
    with pytest.raises(OfflineError, match="all-MiniLM-L6-v2") as caught:
        retriever.index(corpus=[Document(id="d", text="a document")])
    assert "\n" not in str(caught.value)


def test_bad_options_are_config_errors():
    with pytest.raises(ConfigError, match="index"):
        create_retriever("colbert", index="faiss")
    with pytest.raises(ConfigError, match="backend"):
        create_retriever("colbert", backend="magic")
    with pytest.raises(ConfigError, match="index_dim"):
        create_retriever("colbert", index_dim=0)


def test_onnx_token_vectors_match_torch_on_limit_small(limit_small, tmp_path):
    """Token vectors from onnxruntime: LIMIT-small recall within 0.2 of torch."""
    scores = {}
    for backend in ("torch", "onnx"):
        retriever = ColBERTRetriever(backend=backend, cache_dir=str(tmp_path / backend), index="exact")
        assert retriever.name == f"colbert-{backend}" and retriever.encoder.backend == "token"
        retriever.index(corpus=limit_small.corpus)
        scores[backend], _ = evaluate(limit_small.qrels, retriever.search(queries=limit_small.queries, k=20), ["R@2", "R@10", "R@20"])
    for metric, value in scores["torch"].items():
        assert abs(scores["onnx"][metric] - value) <= 0.2, metric


def test_precision_is_checked_and_labelled():
    assert ColBERTRetriever(precision="int8").name == "colbert-onnx-int8"
    assert ColBERTRetriever().name == "colbert"
    with pytest.raises(ConfigError, match="needs backend: onnx"):
        ColBERTRetriever(backend="torch", precision="int8")
    with pytest.raises(ConfigError, match="precision 'int8' needs token vectors"):
        ColBERTRetriever(backend="pylate", precision="int8")
