"""Run an exported encoder with onnxruntime: same tokenisation, same pooling as torch.

:class:`OnnxSentenceEncoder` stands in for a ``SentenceTransformer`` wherever the code
calls ``tokenize`` and ``forward`` (:func:`~.late_interaction.forward.forward_batch`):

* ``tokenize`` *is* the sentence-transformers model's own ``tokenize`` (same tokeniser,
  lower-casing, ``max_seq_length`` truncation);
* ``forward`` runs the exported transformer (:mod:`.onnx_export`) with onnxruntime on
  CPU, then the model's own Pooling and Normalize modules in torch, and returns the same
  keys ``SentenceTransformer.forward`` returns (``token_embeddings``,
  ``sentence_embedding``, ``attention_mask``, ``input_ids`` ...), as torch tensors.

Threads: onnxruntime's intra-op pool gets ``num_threads`` threads (default: the CPUs this
process may run on), one inter-op thread, no spinning while idle, full graph optimisation.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Sequence

from .cache import default_cache_dir
from .errors import ConfigError
from .onnx_export import ExportedModel, exported_model

__all__ = ["OnnxSentenceEncoder", "default_threads", "load_onnx_encoder"]

_SUPPORTED_HEADS = ("Pooling", "Normalize")


def default_threads() -> int:
    """CPUs this process may use (the machine's cores unless restricted)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


@lru_cache(maxsize=8)
def _session(path: str, key: str, threads: int, pid: int):
    """One session per file, thread count and process (a forked child must not reuse its
    parent's session: onnxruntime's thread pool does not survive a fork)."""
    import onnxruntime

    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    # idle pool threads sleep instead of spinning: on a machine shared with other work,
    # spinning burns the cores the other threads need (measured faster here under load)
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_ALL
    return onnxruntime.InferenceSession(path, options, providers=["CPUExecutionProvider"])


class OnnxSentenceEncoder:
    """A sentence-transformers model whose transformer runs in onnxruntime."""

    device = "cpu"

    def __init__(self, model, exported: ExportedModel, *, threads: int) -> None:
        heads = list(model)[1:]
        kinds = [type(module).__name__ for module in heads]
        if type(model[0]).__name__ != "Transformer" or any(kind not in _SUPPORTED_HEADS for kind in kinds):
            raise ConfigError(
                f"backend 'onnx' supports Transformer + Pooling (+ Normalize) models; this one has "
                f"{[type(model[0]).__name__, *kinds]} (use backend: torch)"
            )
        self.model, self.exported, self.threads = model, exported, threads
        self.heads = heads
        self.input_names = list(exported.check["inputs"])
        self.session = _session(str(exported.path), exported.key, threads, os.getpid())

    # what forward_batch and the encoders read from a SentenceTransformer
    @property
    def tokenizer(self):
        return self.model.tokenizer

    @property
    def max_seq_length(self) -> int:
        return self.model.max_seq_length

    @property
    def precision(self) -> str:
        return self.exported.precision

    def tokenize(self, texts: Sequence[str]) -> dict:
        return self.model.tokenize(list(texts))

    def hidden_states(self, features: dict):
        """The exported transformer's last hidden state as a numpy array."""
        return self.session.run(["last_hidden_state"], {name: features[name].numpy() for name in self.input_names})[0]

    def forward(self, features: dict) -> dict:
        import torch

        output = dict(features, token_embeddings=torch.from_numpy(self.hidden_states(features)))
        with torch.no_grad():
            for module in self.heads:
                output = module(output)
        return output


def load_onnx_encoder(
    model, spec, *, precision: str, threads: int | None, cache_root: str | os.PathLike[str] | None = None
) -> OnnxSentenceEncoder:
    """The ONNX encoder for the loaded sentence-transformers ``model`` of ``spec``; the
    export lives in ``cache_root`` (default: the limitbench cache, shared by every
    retriever whatever its own cache folder, since the export depends only on the model)."""
    exported = exported_model(spec, precision=precision, cache_root=Path(cache_root or default_cache_dir()))
    return OnnxSentenceEncoder(model, exported, threads=threads or default_threads())
