"""Fill the dense and the late-interaction caches from one transformer pass.

The offline dense default (mean-pooled, normalised all-MiniLM-L6-v2 sentence vectors)
and the offline ``colbert`` default (the same model's token vectors) read the same
forward pass: sentence-transformers' Pooling module averages exactly the token states
the late-interaction store keeps. Walking the corpus in ``encode``'s own batches
(:mod:`limitbench.retrievers.late_interaction.forward`), one pass gives

* the sentence vectors, normalised as ``encode(normalize_embeddings=True)`` does and
  bit-identical to what :class:`~limitbench.retrievers.encoder.DenseEncoder` would
  compute, stored under ``DenseEncoder.cache_key(texts, role="document")``;
* the token matrices, stored chunk by chunk in the ``colbert`` token cache,

which halves the cold cost of running both retrievers. Dense rows are also cached per
chunk while the pass runs, so an interrupted run resumes without re-encoding.

Both encoders must run the same forward pass: same model, batch size, device, and the
same runtime (torch, or onnxruntime at the same precision; :mod:`.models`). Texts are
clipped to the model's window first, exactly as each encoder alone clips them.
"""

from __future__ import annotations

import time
from dataclasses import asdict, dataclass
from typing import Sequence

import numpy as np
import torch

from .cache import content_key, texts_digest
from .encoder import DenseEncoder
from .errors import ConfigError
from .late_interaction import ColBERTRetriever
from .types import Document

__all__ = ["JointEncoder", "JointReport"]


@dataclass
class JointReport:
    documents: int
    dense_cached: bool
    token_chunks_cached: int
    token_chunks_encoded: int
    seconds: float

    def as_dict(self) -> dict:
        return asdict(self)


class _DenseSink:
    """Collects pooled sentence vectors from the forward outputs the token encoder sees."""

    def __init__(self, dense: DenseEncoder, texts: Sequence[str], key: str) -> None:
        self.dense, self.texts, self.key = dense, texts, key
        self.vectors: np.ndarray | None = None
        self.filled = np.zeros(len(texts), dtype=bool)
        self.done: set[str] = set()

    def _chunk_key(self, positions: np.ndarray) -> str:
        return content_key(kind="joint-dense-chunk", dense=self.key, texts=texts_digest(self.texts[i] for i in positions))

    def _store(self, positions: np.ndarray, rows: np.ndarray) -> None:
        if self.vectors is None:
            self.vectors = np.zeros((len(self.texts), rows.shape[1]), dtype=np.float32)
        self.vectors[positions] = rows
        self.filled[positions] = True

    def wants(self, positions: np.ndarray) -> bool:
        key = self._chunk_key(positions)
        if key in self.done:
            return False
        rows = self.dense.cache.get(key)
        if rows is not None and rows.shape[0] == len(positions) and rows.dtype == np.float32:
            self._store(positions, rows)
            self.done.add(key)
            return False
        return True

    def consume(self, positions: np.ndarray, output: dict[str, torch.Tensor]) -> None:
        # the exact expression SentenceTransformer.encode(normalize_embeddings=True) applies
        rows = torch.nn.functional.normalize(output["sentence_embedding"].detach(), p=2, dim=1).cpu().numpy()
        self._store(positions, rows.astype(np.float32, copy=False))

    def chunk_done(self, positions: np.ndarray) -> None:
        key = self._chunk_key(positions)
        self.dense.cache.put(key, self.vectors[positions], kind="joint-dense-chunk")
        self.done.add(key)

    def finish(self) -> None:
        if self.vectors is None or not self.filled.all():
            raise RuntimeError("joint encoder: some documents received no sentence vector")
        self.dense.cache.put(self.key, self.vectors, model=self.dense.spec.name, role="document", count=len(self.texts))
        for key in self.done:  # the whole-corpus entry replaces the resume points
            self.dense.cache.discard(key)


class JointEncoder:
    """One forward pass over a corpus fills ``dense``'s and ``colbert``'s caches."""

    def __init__(self, *, colbert: ColBERTRetriever, dense: DenseEncoder) -> None:
        tokens = colbert.encoder
        if tokens.backend != "token":
            raise ConfigError("joint encoder: the colbert retriever must use the 'token' backend (untrained token vectors)")
        if (tokens.spec.name, tokens.spec.weights_id) != (dense.spec.name, dense.spec.weights_id):
            raise ConfigError(
                f"joint encoder: colbert model {tokens.spec.name!r} and dense model {dense.spec.name!r} differ; one pass needs one model"
            )
        if (tokens.runtime.backend, tokens.runtime.precision) != (dense.runtime.backend, dense.runtime.precision):
            raise ConfigError(
                f"joint encoder: colbert runs on {tokens.runtime.backend} {tokens.runtime.precision} and dense on "
                f"{dense.runtime.backend} {dense.runtime.precision}; one pass needs one runtime"
            )
        if tokens.batch_size != dense.batch_size or tokens.device != dense.device:
            raise ConfigError(
                f"joint encoder: batch sizes ({tokens.batch_size} vs {dense.batch_size}) and devices must match "
                "so that both caches hold what each encoder alone would compute"
            )
        if not (dense.use_cache and tokens.use_cache):
            raise ConfigError("joint encoder: both encoders must have their cache enabled")
        self.colbert, self.dense = colbert, dense

    def encode_corpus(self, *, corpus: Sequence[Document]) -> JointReport:
        started = time.perf_counter()
        texts = self.dense.clip([doc.full_text for doc in corpus])
        key = self.dense.cache_key(texts, role="document")
        cached = self.dense.cache.get(key)
        dense_cached = cached is not None and cached.shape[0] == len(texts)
        sink = None if dense_cached else _DenseSink(self.dense, texts, key)
        encoded = self.colbert.encode_corpus(corpus, hook=sink)
        if sink is not None:
            sink.finish()
        return JointReport(
            documents=len(texts),
            dense_cached=dense_cached,
            token_chunks_cached=encoded.chunks_cached,
            token_chunks_encoded=encoded.chunks_encoded,
            seconds=time.perf_counter() - started,
        )
