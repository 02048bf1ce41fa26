"""The ONNX export of the bundled encoder: checked against torch on padded batches of text
nobody here wrote (official LIMIT-small), kept in a validated, content-keyed cache."""

import json

import numpy as np
import pytest
import torch

from limitbench.benchmarks.datasets import load_beir
from limitbench.retrievers import ConfigError
from limitbench.retrievers import onnx_export
from limitbench.retrievers.models import load_sentence_transformer, resolve_model, resolve_runtime
from limitbench.retrievers.onnx_export import FP32_TOLERANCE, export_key, exported_model
from limitbench.retrievers.onnx_runtime import load_onnx_encoder


@pytest.fixture(scope="module")
def texts(limit_small_dir):
    dataset = load_beir(limit_small_dir)
    # documents (~170 word pieces) and queries (~8) in one batch: heavy padding
    return [doc.full_text for doc in dataset.corpus[:20]] + [q.text for q in dataset.queries[:20]]


@pytest.fixture(scope="module")
def export_root(tmp_path_factory):
    return tmp_path_factory.mktemp("onnx-exports")


def _encoders(root, precision="fp32"):
    spec = resolve_model(None)
    model = load_sentence_transformer(None)
    return model, load_onnx_encoder(model, spec, precision=precision, threads=2, cache_root=root)


def test_fp32_reproduces_torch_on_padded_batches(texts, export_root):
    model, onnx = _encoders(export_root)
    assert onnx.exported.check["max_abs_diff_tokens"] <= FP32_TOLERANCE
    for batch in (texts, texts[:3], texts[-1:]):  # mixed lengths, a short batch, one text (no padding)
        features = model.tokenize(batch)
        with torch.no_grad():
            expected = model.forward(dict(features))
        mine = onnx.forward(dict(features))
        mask = features["attention_mask"].bool()
        token_diff = (mine["token_embeddings"] - expected["token_embeddings"]).abs()[mask].max().item()
        sentence_diff = (mine["sentence_embedding"] - expected["sentence_embedding"]).abs().max().item()
        assert token_diff <= FP32_TOLERANCE and sentence_diff <= FP32_TOLERANCE


def test_attention_mask_is_kept_in_the_graph(export_root):
    import onnx

    _, encoder = _encoders(export_root)
    graph = onnx.load(str(encoder.exported.path)).graph
    consumed = {name for node in graph.node for name in node.input}
    assert "attention_mask" in [i.name for i in graph.input] and "attention_mask" in consumed
    # padding a text must not change its vector: the mask really is applied
    model = load_sentence_transformer(None)
    alone = encoder.forward(dict(model.tokenize(["Who likes Quokkas?"])))["sentence_embedding"]
    padded = encoder.forward(dict(model.tokenize(["Who likes Quokkas?", "a much longer text " * 20])))
    assert (alone[0] - padded["sentence_embedding"][0]).abs().max().item() <= FP32_TOLERANCE


def test_cache_file_is_verified_and_a_corrupt_one_rebuilt(export_root):
    spec = resolve_model(None)
    first = exported_model(spec, precision="fp32", cache_root=export_root)
    sidecar = json.loads(first.path.with_name(first.path.name + ".json").read_text())
    assert sidecar["key"] == first.key == export_key(spec, "fp32")
    data = bytearray(first.path.read_bytes())
    data[len(data) // 2] ^= 0xFF  # one flipped byte inside the weights
    first.path.write_bytes(bytes(data))
    rebuilt = exported_model(spec, precision="fp32", cache_root=export_root)
    assert rebuilt.path.read_bytes() != bytes(data)
    assert onnx_export.file_sha256(rebuilt.path) == json.loads(rebuilt.path.with_name(rebuilt.path.name + ".json").read_text())["sha256"]


def test_key_follows_weights_precision_and_versions(monkeypatch):
    spec = resolve_model(None)
    base = export_key(spec, "fp32")
    assert export_key(spec, "int8") != base
    other = type(spec)(name=spec.name, location=spec.location, weights_id="0" * 64, local=True)
    assert export_key(other, "fp32") != base
    monkeypatch.setattr(onnx_export, "_versions", lambda: {"onnxruntime": "0.0.0"})
    assert export_key(spec, "fp32") != base


def test_int8_is_quantised_close_to_but_not_torch(texts, export_root):
    model, int8 = _encoders(export_root, precision="int8")
    fp32_bytes = _encoders(export_root)[1].exported.path.stat().st_size
    # int8 MatMul weights; the 47 MB word-embedding table stays fp32
    assert int8.precision == "int8" and int8.exported.path.stat().st_size < 0.7 * fp32_bytes
    features = model.tokenize(texts)
    with torch.no_grad():
        expected = torch.nn.functional.normalize(model.forward(dict(features))["sentence_embedding"], dim=1).numpy()
    mine = torch.nn.functional.normalize(int8.forward(dict(features))["sentence_embedding"], dim=1).numpy()
    cosine = (mine * expected).sum(axis=1)
    assert np.abs(mine - expected).max() > FP32_TOLERANCE  # it is a different computation
    assert cosine.min() > 0.9  # but still the same model (measured mean ~0.99)


def test_backend_and_precision_are_checked():
    spec = resolve_model(None)
    assert resolve_runtime(spec, backend="auto", precision="fp32", owner="dense").backend == "onnx"
    assert resolve_runtime(spec, backend="auto", precision="int8", owner="dense").label_suffix == "-onnx-int8"
    with pytest.raises(ConfigError, match="dense: precision 'int8' needs backend: onnx"):
        resolve_runtime(spec, backend="torch", precision="int8", owner="dense")
    with pytest.raises(ConfigError, match="dense: backend 'tensorrt'"):
        resolve_runtime(spec, backend="tensorrt", precision="fp32", owner="dense")
    with pytest.raises(ConfigError, match="precision 'fp16'"):
        resolve_runtime(spec, backend="onnx", precision="fp16", owner="dense")
    assert resolve_runtime(spec, backend="auto", precision="fp32", owner="dense", device="cuda").backend == "torch"
    with pytest.raises(ConfigError, match="runs on the CPU"):
        resolve_runtime(spec, backend="onnx", precision="fp32", owner="dense", device="cuda")
    hub = resolve_model("someone/some-model")
    assert resolve_runtime(hub, backend="auto", precision="fp32", owner="dense").backend == "torch"
    with pytest.raises(ConfigError, match="needs a local model folder"):
        resolve_runtime(hub, backend="onnx", precision="fp32", owner="dense")
