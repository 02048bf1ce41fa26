"""Export a sentence-transformers encoder to ONNX once, into the content-keyed cache.

The transformer of a local sentence-transformers model (the bundled all-MiniLM-L6-v2 by
default) is exported with ``torch.onnx.export`` to a graph whose inputs are the
tokeniser's tensors and whose output is the last hidden state; pooling and normalisation
stay in sentence-transformers' own modules (:mod:`.onnx_runtime`), so they cannot drift.
The graph is traced with eager attention and then fused by onnxruntime's transformer
optimiser (attention, embedding LayerNorm, bias-GELU, skip-LayerNorm kernels): in one
alternating run on this project's loaded 2-core machine that took the fp32 forward pass
from 1.66x to 1.84x torch's (2.08x with thread spinning off, see :mod:`.onnx_runtime`);
the README's ``limitbench perf`` run measured 2.03x (int8: 3.64x).

Three things make the export trustworthy:

* **Padded example batch.** Tracing records only the branches taken. Traced on one
  unpadded text, the exporter may decide the attention mask is unused and drop it;
  padded batches then give different vectors. The example batch therefore holds texts of
  different lengths, so the mask has zeros and its use is recorded. Batch and sequence
  axes are dynamic.
* **Checked against torch.** Right after export, the ONNX graph and the torch model run
  on validation batches of other shapes (padded and unpadded); the largest absolute
  difference of token states (non-padding positions) and of normalised sentence vectors
  must be at most :data:`FP32_TOLERANCE` (1e-4), or the export is refused.
* **Validated cache.** Files live in ``<cache root>/onnx/<key>/`` where the key hashes the
  weights' SHA-256, the precision and the versions of torch, transformers, onnx and
  onnxruntime (and this exporter's version). A JSON sidecar records the file's SHA-256;
  a file that does not match its sidecar, or a sidecar of another key, is deleted and
  rebuilt before use.

``int8`` is onnxruntime's dynamic quantisation (``quantize_dynamic``: int8 weights with
per-channel scales in the MatMul and Attention nodes, activations quantised per batch at
run time; onnxruntime documentation, "Quantize ONNX models") of the checked fp32 export.
It does not reproduce torch; its difference from torch is measured on the same validation
batches and recorded in the sidecar, and its recall cost is reported by ``limitbench perf``.
"""

from __future__ import annotations

import fcntl
import json
import os
import warnings
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Iterator, Sequence

from .atomic import atomic_open, atomic_write_json
from .cache import content_key
from .errors import ConfigError
from .hashing import file_sha256
from .models import PRECISIONS, ModelSpec

__all__ = [
    "FP32_TOLERANCE",
    "ExportedModel",
    "onnx_available",
    "export_key",
    "exported_model",
]

FP32_TOLERANCE = 1e-4
OPSET = 17
_EXPORT_VERSION = 2  # bump when the export or quantisation recipe changes
_INPUT_NAMES = ("input_ids", "attention_mask", "token_type_ids")
# texts of different lengths: batches with padding, so the mask's use is traced and checked
_EXAMPLE_TEXTS = ("A short text.", "A longer example text, so that the first one is padded in this batch.")
_CHECK_BATCHES = (
    ("Who likes Quokkas?", "Ellis likes apples, quokkas and the colour of wet slate in late November.", "Tea."),
    ("One text alone, so the batch has no padding at all; the mask is all ones here.",),
)
_INSTALL = "pip install onnx onnxruntime (both are limitbench dependencies)"


def onnx_available() -> str | None:
    """None when the ONNX path can run here, else why not and how to install it."""
    for module in ("onnx", "onnxruntime"):
        try:
            __import__(module)
        except ImportError:
            return f"the ONNX backend needs the package {module!r} ({_INSTALL})"
    return None


def _versions() -> dict[str, str]:
    found = {}
    for package in ("torch", "transformers", "sentence-transformers", "onnx", "onnxruntime"):
        try:
            found[package] = version(package)
        except PackageNotFoundError:
            found[package] = "missing"
    return found


def export_key(spec: ModelSpec, precision: str) -> str:
    """Content key of an export: weights, precision, exporter and runtime versions."""
    return content_key(
        kind="onnx-encoder", version=_EXPORT_VERSION, opset=OPSET, weights=spec.weights_id, precision=precision,
        versions=_versions(),
    )


@dataclass(frozen=True)
class ExportedModel:
    """A validated ONNX file and what its check against torch found."""

    path: Path
    precision: str
    key: str
    check: dict  # max_abs_diff_tokens, max_abs_diff_sentence, min_cosine, texts


# -- cache files ---------------------------------------------------------------------------------
def _sidecar(path: Path) -> Path:
    return path.with_name(path.name + ".json")


def _valid(path: Path, key: str) -> dict | None:
    """The sidecar if ``path`` matches it, else None (and both files are removed)."""
    sidecar = _sidecar(path)
    if not (path.is_file() and sidecar.is_file()):
        return None
    try:
        meta = json.loads(sidecar.read_text(encoding="utf-8"))
        if meta.get("key") != key or _sha256(path) != meta.get("sha256"):
            raise ValueError("stale or corrupt")
        return meta
    except (ValueError, OSError, AttributeError):
        path.unlink(missing_ok=True)
        sidecar.unlink(missing_ok=True)
        return None


@lru_cache(maxsize=8)
def _sha256_of(path: str, size: int, mtime_ns: int) -> str:
    return file_sha256(path)


def _sha256(path: Path) -> str:
    """File SHA-256, computed once per process for an unchanged file."""
    stat = path.stat()
    return _sha256_of(str(path), stat.st_size, stat.st_mtime_ns)


@contextmanager
def _building(folder: Path) -> Iterator[None]:
    """Exclusive lock while one process exports, so concurrent runs do not export twice."""
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _publish(path: Path, temp: Path, key: str, precision: str, check: dict) -> dict:
    os.replace(temp, path)
    meta = {"key": key, "precision": precision, "sha256": file_sha256(path), "bytes": path.stat().st_size,
            "check": check, "versions": _versions(), "opset": OPSET}
    atomic_write_json(_sidecar(path), meta)
    return meta


# -- export and check ----------------------------------------------------------------------------
def _fresh_model(spec: ModelSpec, *, attention: str | None = None):
    """A private torch model: tracing toggles train/eval on the modules it sees, which must
    not touch the instance the torch backend shares. ``attention="eager"`` is the explicit
    softmax(QK^T)V graph, the pattern onnxruntime's transformer optimiser fuses."""
    from sentence_transformers import SentenceTransformer
    from transformers.utils import logging as transformers_logging

    transformers_logging.set_verbosity_error()  # as load_sentence_transformer: the load report is not news
    kwargs = {"model_kwargs": {"attn_implementation": attention}} if attention else {}
    model = SentenceTransformer(spec.location, device="cpu", local_files_only=True, **kwargs)
    return model.eval()


def _fuse(model, source: Path, target: Path) -> dict[str, int]:
    """onnxruntime's transformer optimiser (``onnxruntime.transformers.optimizer``): fuses
    attention, embedding + LayerNorm, bias + GELU and skip + LayerNorm into its CPU kernels.
    Models it does not know are copied unchanged. Returns the fused operator counts."""
    from onnxruntime.transformers.optimizer import MODEL_TYPES, optimize_model

    config = model[0].auto_model.config
    if config.model_type not in MODEL_TYPES:
        os.replace(source, target)
        return {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        optimised = optimize_model(
            str(source), model_type=config.model_type, num_heads=config.num_attention_heads,
            hidden_size=config.hidden_size, use_gpu=False,
        )
    optimised.save_model_to_file(str(target))
    source.unlink(missing_ok=True)
    return {name: count for name, count in optimised.get_fused_operator_statistics().items() if count}


def _input_names(model) -> list[str]:
    features = model.tokenize(list(_EXAMPLE_TEXTS))
    return [name for name in _INPUT_NAMES if name in features]


def _trace(model, names: Sequence[str], target: Path) -> None:
    import torch

    transformer = model[0].auto_model

    class LastHiddenState(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.transformer = transformer

        def forward(self, *inputs):
            return self.transformer(**dict(zip(names, inputs))).last_hidden_state

    features = model.tokenize(list(_EXAMPLE_TEXTS))
    if bool(features["attention_mask"].all()):
        raise RuntimeError("export example batch has no padding")  # guards the mask-dropping trap
    dynamic = {name: {0: "batch", 1: "sequence"} for name in (*names, "last_hidden_state")}
    wrapper = LastHiddenState().eval()
    with atomic_open(target, "wb") as handle, torch.no_grad(), warnings.catch_warnings():
        # the tracer warns about shape-dependent Python branches; the check against torch on
        # batches of other shapes (_compare) is what tells whether the graph generalises
        warnings.simplefilter("ignore")
        torch.onnx.export(
            wrapper, tuple(features[name] for name in names), handle, input_names=list(names),
            output_names=["last_hidden_state"], dynamic_axes=dynamic, opset_version=OPSET, dynamo=False,
        )


def _compare(model, session, names: Sequence[str]) -> dict:
    """Largest differences between torch and the ONNX session on the check batches."""
    import numpy as np
    import torch

    worst_tokens = worst_sentence = 0.0
    min_cosine = 1.0
    texts = 0
    for batch in _CHECK_BATCHES:
        features = model.tokenize(list(batch))
        with torch.no_grad():
            expected = model.forward(dict(features))
        hidden = session.run(["last_hidden_state"], {n: features[n].numpy() for n in names})[0]
        mask = features["attention_mask"].numpy().astype(bool)
        worst_tokens = max(worst_tokens, float(np.abs(hidden - expected["token_embeddings"].numpy())[mask].max()))
        pooled = dict(features, token_embeddings=torch.from_numpy(hidden))
        with torch.no_grad():
            for module in list(model)[1:]:
                pooled = module(pooled)
        mine = torch.nn.functional.normalize(pooled["sentence_embedding"], dim=1).numpy()
        theirs = torch.nn.functional.normalize(expected["sentence_embedding"], dim=1).numpy()
        worst_sentence = max(worst_sentence, float(np.abs(mine - theirs).max()))
        min_cosine = min(min_cosine, float((mine * theirs).sum(axis=1).min()))
        texts += len(batch)
    return {"max_abs_diff_tokens": worst_tokens, "max_abs_diff_sentence": worst_sentence, "min_cosine": min_cosine,
            "texts": texts}


def _session(path: Path):
    import onnxruntime

    return onnxruntime.InferenceSession(str(path), providers=["CPUExecutionProvider"])


def _build_fp32(spec: ModelSpec, path: Path, key: str) -> dict:
    model = _fresh_model(spec, attention="eager")
    names = _input_names(model)
    traced, temp = path.with_name(path.name + ".traced"), path.with_name(path.name + ".new")
    _trace(model, names, traced)
    fused = _fuse(model, traced, temp)
    # checked against the torch backend as it runs (default attention), not the export copy
    check = _compare(_fresh_model(spec), _session(temp), names)
    if max(check["max_abs_diff_tokens"], check["max_abs_diff_sentence"]) > FP32_TOLERANCE:
        temp.unlink(missing_ok=True)
        raise ConfigError(
            f"ONNX export of {spec.name!r} differs from torch by {check['max_abs_diff_tokens']:.2e} "
            f"(tolerance {FP32_TOLERANCE:g}); use backend: torch"
        )
    return _publish(path, temp, key, "fp32", {**check, "inputs": names, "fused": fused})


def _build_int8(spec: ModelSpec, fp32: ExportedModel, path: Path, key: str) -> dict:
    from onnx import TensorProto
    from onnxruntime.quantization import QuantType, quantize_dynamic

    temp = path.with_name(path.name + ".new")
    # per-channel int8 weights in the MatMuls and the fused Attention (its QKV projection); the
    # word-embedding table stays fp32. On generated LIMIT-style texts the sentence vectors kept
    # mean cosine 0.992 to torch (0.94 with per-tensor scales); the Attention weights took the
    # forward pass from 3.4x to 3.9x torch's in one alternating run. Fused operators come from
    # onnxruntime's contrib domain, whose outputs shape inference cannot type: they are float.
    quantize_dynamic(
        str(fp32.path), str(temp), weight_type=QuantType.QInt8, per_channel=True,
        op_types_to_quantize=["MatMul", "Attention"],
        extra_options={"DefaultTensorType": TensorProto.FLOAT},
    )
    model = _fresh_model(spec)
    names = list(fp32.check["inputs"])
    return _publish(path, temp, key, "int8", {**_compare(model, _session(temp), names), "inputs": names})


def exported_model(spec: ModelSpec, *, precision: str, cache_root: str | os.PathLike[str]) -> ExportedModel:
    """The validated ONNX file of ``spec`` at ``precision``, exported (and checked) if needed."""
    if precision not in PRECISIONS:
        raise ConfigError(f"precision {precision!r} is not one of {', '.join(PRECISIONS)}")
    if not spec.local:
        raise ConfigError(f"model {spec.name!r}: the ONNX backend needs a local model (its weights' hash keys the export)")
    problem = onnx_available()
    if problem:
        raise ConfigError(problem)
    key = export_key(spec, precision)
    folder = Path(cache_root) / "onnx" / key
    path = folder / f"model-{precision}.onnx"
    meta = _valid(path, key)
    if meta is None:
        fp32 = exported_model(spec, precision="fp32", cache_root=cache_root) if precision == "int8" else None
        with _building(folder):
            meta = _valid(path, key)  # another process may have finished it while we waited
            if meta is None:
                meta = _build_fp32(spec, path, key) if fp32 is None else _build_int8(spec, fp32, path, key)
    return ExportedModel(path=path, precision=precision, key=key, check=meta["check"])
