"""Dense sentence embeddings with an on-disk, content-keyed cache.

One :class:`DenseEncoder` wraps a sentence-transformers model. ``encode`` returns
L2-normalised float32 vectors and stores them in :class:`ArrayCache` under a key built
from the model's weights, the encoding options and the texts themselves, so a rerun
(or another retriever on the same corpus) does not encode again.
"""

from __future__ import annotations

from typing import Sequence

import numpy as np

from .cache import ArrayCache, content_key, texts_digest
from .models import ModelSpec, load_sentence_transformer, resolve_model

__all__ = ["DenseEncoder"]


class DenseEncoder:
    def __init__(
        self,
        *,
        model: str | None = None,
        batch_size: int = 64,
        device: str | None = None,
        cache: ArrayCache | None = None,
        use_cache: bool = True,
        show_progress: bool = True,
        cache_min_texts: int = 16,
    ) -> None:
        self.spec: ModelSpec = resolve_model(model)
        self.batch_size = batch_size
        self.device = device
        self.cache = cache if cache is not None else ArrayCache()
        self.use_cache = use_cache
        self.show_progress = show_progress
        # a handful of texts (an agent's one query) is cheaper to encode than to keep on disk
        self.cache_min_texts = cache_min_texts
        self.last_encode_cached = False

    @property
    def model(self):
        return load_sentence_transformer(self.spec.name, self.device)

    def cache_key(self, texts: Sequence[str], *, role: str) -> str:
        return content_key(
            kind="dense",
            model=self.spec.name,
            weights=self.spec.weights_id,
            role=role,
            max_seq_length=self.model.max_seq_length,
            texts=texts_digest(texts),
        )

    def encode(self, texts: Sequence[str], *, role: str = "document") -> np.ndarray:
        """Normalised ``(len(texts), dim)`` float32 embeddings, from cache when possible."""
        texts = list(texts)
        use_cache = self.use_cache and len(texts) >= self.cache_min_texts
        key = self.cache_key(texts, role=role) if use_cache else ""
        if use_cache:
            cached = self.cache.get(key)
            if cached is not None and cached.shape[0] == len(texts):
                self.last_encode_cached = True
                return cached
        self.last_encode_cached = False
        embeddings = self.model.encode(
            texts,
            batch_size=self.batch_size,
            convert_to_numpy=True,
            normalize_embeddings=True,
            show_progress_bar=self.show_progress and len(texts) > self.batch_size,
        ).astype(np.float32, copy=False)
        if use_cache:
            self.cache.put(key, embeddings, model=self.spec.name, role=role, count=len(texts))
        return embeddings
