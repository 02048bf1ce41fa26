"""Dense sentence embeddings with an on-disk, content-keyed cache.

One :class:`DenseEncoder` wraps a sentence-transformers model, run by torch or by
onnxruntime (``backend``, ``precision``; see :mod:`.models`). ``encode`` returns
L2-normalised float32 vectors and stores them in :class:`ArrayCache` under a key built
from the model's weights, the backend, the encoding options and the texts themselves, so
a rerun (or another retriever on the same corpus) does not encode again.

Texts longer than the model's window are clipped before tokenisation
(:func:`~.late_interaction.forward.clip_to_window`), on both backends. The ONNX path walks
the texts in ``SentenceTransformer.encode``'s own order and batches
(:mod:`.late_interaction.forward`) and normalises as ``encode`` does, so torch and ONNX
differ only by the forward pass itself.
"""

from __future__ import annotations

from typing import Sequence

import numpy as np

from .cache import ArrayCache, content_key, texts_digest
from .late_interaction.forward import clip_texts, encode_order, forward_batch, ordered_batches
from .models import ModelSpec, Runtime, load_runtime, load_sentence_transformer, resolve_model, resolve_runtime

__all__ = ["DenseEncoder"]


class DenseEncoder:
    def __init__(
        self,
        *,
        model: str | None = None,
        backend: str = "auto",
        precision: str = "fp32",
        num_threads: int | None = None,
        batch_size: int = 64,
        device: str | None = None,
        cache: ArrayCache | None = None,
        use_cache: bool = True,
        show_progress: bool = True,
        cache_min_texts: int = 16,
    ) -> None:
        self.spec: ModelSpec = resolve_model(model)
        self.runtime: Runtime = resolve_runtime(self.spec, backend=backend, precision=precision, owner="dense", device=device)
        self.num_threads = num_threads
        self.batch_size = batch_size
        self.device = device
        self.cache = cache if cache is not None else ArrayCache()
        self.use_cache = use_cache
        self.show_progress = show_progress
        # a handful of texts (an agent's one query) is cheaper to encode than to keep on disk
        self.cache_min_texts = cache_min_texts
        self.last_encode_cached = False
        self._forward = None

    @property
    def model(self):
        """The sentence-transformers model (tokeniser, window, pooling modules)."""
        return load_sentence_transformer(self.spec.name, self.device)

    @property
    def forward_model(self):
        """What runs the forward pass: the model itself, or its ONNX stand-in."""
        if self._forward is None:
            self._forward = load_runtime(self.spec, self.runtime, device=self.device, threads=self.num_threads)
        return self._forward

    def clip(self, texts: Sequence[str]) -> list[str]:
        """``texts`` clipped to the model's window (unchanged unless far longer than it)."""
        return clip_texts(texts, self.model)

    def cache_key(self, texts: Sequence[str], *, role: str) -> str:
        """Key of the embeddings of ``texts`` (already clipped, see :meth:`clip`)."""
        runtime = self.runtime.key_parts()
        if runtime:
            runtime["export"] = self.forward_model.exported.key
        return content_key(
            kind="dense",
            model=self.spec.name,
            weights=self.spec.weights_id,
            role=role,
            max_seq_length=self.model.max_seq_length,
            texts=texts_digest(texts),
            **runtime,
        )

    def encode(self, texts: Sequence[str], *, role: str = "document") -> np.ndarray:
        """Normalised ``(len(texts), dim)`` float32 embeddings, from cache when possible."""
        texts = self.clip(texts)
        use_cache = self.use_cache and len(texts) >= self.cache_min_texts
        key = self.cache_key(texts, role=role) if use_cache else ""
        if use_cache:
            cached = self.cache.get(key)
            if cached is not None and cached.shape[0] == len(texts):
                self.last_encode_cached = True
                return cached
        self.last_encode_cached = False
        if self.runtime.backend == "torch":
            embeddings = self.model.encode(
                texts,
                batch_size=self.batch_size,
                convert_to_numpy=True,
                normalize_embeddings=True,
                show_progress_bar=self.show_progress and len(texts) > self.batch_size,
            ).astype(np.float32, copy=False)
        else:
            embeddings = self._encode_in_order(texts)
        if use_cache:
            self.cache.put(key, embeddings, model=self.spec.name, role=role, count=len(texts))
        return embeddings

    def _encode_in_order(self, texts: list[str]) -> np.ndarray:
        """``SentenceTransformer.encode``'s loop (longest first, same batches, same
        normalisation) around :attr:`forward_model`."""
        import torch
        from tqdm.auto import tqdm

        runtime = self.forward_model
        dimension = self.model.get_sentence_embedding_dimension()
        embeddings = np.zeros((len(texts), dimension), dtype=np.float32)
        batches = list(ordered_batches(encode_order(texts), self.batch_size))
        show = self.show_progress and len(texts) > self.batch_size
        for batch in tqdm(batches, desc="Batches", disable=not show):
            output = forward_batch(runtime, [texts[i] for i in batch])
            embeddings[batch] = torch.nn.functional.normalize(output["sentence_embedding"], p=2, dim=1).numpy()
        return embeddings
