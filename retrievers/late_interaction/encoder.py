"""Token vectors for queries and documents, encoded once and cached on disk.

Texts are processed in ``SentenceTransformer.encode`` order (see :mod:`.forward`) and
cut into chunks of ``chunk_size`` texts (a multiple of ``batch_size``, so a chunk is a
run of whole encode batches). Each chunk's token matrices are stored in the
:class:`~.token_cache.TokenCache` as float16 under a key made of the model weights,
the token options, the projection and the chunk's texts: an interrupted encode resumes
where it stopped, and an unchanged corpus is never encoded twice.

Token vectors of the ``token`` kind come from a forward pass on torch or onnxruntime
(``runtime``; :mod:`limitbench.retrievers.models`), on texts clipped to the model's window
first (:func:`.forward.clip_to_window`). Cache keys of the torch runtime are those written
before the ONNX path existed; the ONNX runtime adds its precision and export key.

For large corpora an optional fitted projection (:mod:`.projection`) shrinks the
vectors; it is fitted on the first chunk's token vectors and cached too.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Protocol, Sequence

import numpy as np
import torch

from ..cache import ArrayCache, content_key, texts_digest
from ..errors import ConfigError
from ..models import ModelSpec, Runtime, load_runtime, resolve_model, resolve_runtime
from .forward import clip_texts, encode_order, forward_batch, ordered_batches, skip_token_ids, token_matrices
from .loading import load_pylate_model, load_token_model, resolve_backend
from .projection import fit_projection, project, projection_id
from .token_cache import STORE_DTYPE, RaggedTokens, TokenCache

__all__ = ["TokenEncoder", "EncodedTexts", "ForwardHook"]

_KEY_VERSION = 1


class ForwardHook(Protocol):
    """Receives the raw forward outputs of document batches (used by the joint encoder)."""

    def wants(self, positions: np.ndarray) -> bool:
        """Whether this chunk must go through the model even if its tokens are cached."""
        ...

    def consume(self, positions: np.ndarray, output: dict[str, torch.Tensor]) -> None: ...

    def chunk_done(self, positions: np.ndarray) -> None: ...


@dataclass
class EncodedTexts:
    """Token matrices in encode order: ``tokens.matrix(j)`` belongs to ``texts[order[j]]``."""

    tokens: RaggedTokens
    order: np.ndarray
    projection: np.ndarray | None
    keys: list[str]  # token-cache key of each chunk
    chunks_cached: int  # chunks found in the token cache
    chunks_encoded: int  # chunks whose tokens were computed (and stored)

    def in_text_order(self) -> list[np.ndarray]:
        inverse = np.empty_like(self.order)
        inverse[self.order] = np.arange(len(self.order))
        return self.tokens.matrices(inverse)


class TokenEncoder:
    """Encode texts to cached, unit-length token matrices with one model."""

    def __init__(
        self,
        *,
        model: str | None = None,
        backend: str = "auto",
        precision: str = "fp32",
        num_threads: int | None = None,
        batch_size: int = 64,
        chunk_size: int = 1024,
        skip_punctuation: bool = True,
        query_skiplist: Sequence[str] = (),
        device: str | None = None,
        cache: ArrayCache | None = None,
        use_cache: bool = True,
        show_progress: bool = False,
    ) -> None:
        if batch_size < 1 or chunk_size < 1:
            raise ValueError("batch_size and chunk_size must be positive")
        self.spec: ModelSpec = resolve_model(model)
        self.backend = resolve_backend(self.spec, backend)
        self.runtime: Runtime | None = None
        if self.backend == "token":
            runtime_backend = backend if backend in ("onnx", "torch") else "auto"
            self.runtime = resolve_runtime(self.spec, backend=runtime_backend, precision=precision, owner="colbert", device=device)
        elif precision != "fp32":
            raise ConfigError(f"colbert: precision {precision!r} needs token vectors on backend: onnx")
        self.num_threads = num_threads
        self.batch_size = batch_size
        # whole batches per chunk, so chunked encoding reproduces encode()'s batches
        self.chunk_size = -(-chunk_size // batch_size) * batch_size
        self.skip_punctuation = skip_punctuation
        self.query_skiplist = tuple(query_skiplist)
        self.device = device
        self.cache = cache if cache is not None else ArrayCache()
        self.token_cache = TokenCache(self.cache)
        self.use_cache = use_cache
        self.show_progress = show_progress
        self._dim: int | None = None
        self._skip: dict[str, np.ndarray] = {}
        self._forward = None

    # -- model -----------------------------------------------------------------
    @property
    def model(self):
        if self.backend == "token":
            return load_token_model(self.spec, self.device)
        return load_pylate_model(self.spec, self.device)

    @property
    def forward_model(self):
        """What runs the token forward pass: the model itself (torch) or its ONNX stand-in."""
        if self._forward is None:
            self._forward = load_runtime(self.spec, self.runtime, device=self.device, threads=self.num_threads)
        return self._forward

    @property
    def dim(self) -> int:
        """Width of the (unprojected) token vectors."""
        if self._dim is None:
            if self.backend == "token":
                self._dim = int(self.model[0].get_word_embedding_dimension())
            else:
                self._dim = int(np.asarray(self.model.encode(["probe"], is_query=False)[0]).shape[1])
        return self._dim

    def skip_ids(self, role: str) -> np.ndarray:
        if role not in self._skip:
            words = self.query_skiplist if role == "query" else ()
            self._skip[role] = skip_token_ids(self.model.tokenizer, punctuation=self.skip_punctuation, words=words)
        return self._skip[role]

    def _settings(self, role: str) -> dict[str, object]:
        """Everything besides the texts that changes the vectors of ``role``."""
        model = self.model
        settings: dict[str, object] = {
            "kind": "colbert-tokens",
            "version": _KEY_VERSION,
            "backend": self.backend,
            "model": self.spec.name,
            "weights": self.spec.weights_id,
            "role": role,
            "batch_size": self.batch_size,
            "max_seq_length": model.max_seq_length,
        }
        if self.backend == "token":
            settings["skip"] = hashlib.sha256(self.skip_ids(role).tobytes()).hexdigest()
            settings.update(self.runtime.key_parts())
            if self.runtime.backend == "onnx":
                settings["export"] = self.forward_model.exported.key
        else:
            for name in ("query_prefix", "document_prefix", "query_length", "document_length", "do_query_expansion"):
                settings[name] = repr(getattr(model, name, None))
        return settings

    # -- encoding ----------------------------------------------------------------
    def _raw_chunk(self, texts: Sequence[str], positions: np.ndarray, role: str, hook: ForwardHook | None) -> RaggedTokens:
        """float32 unit token matrices of ``texts[positions]`` (no cache, no projection)."""
        chunk_texts = [texts[i] for i in positions]
        if self.backend == "pylate":
            arrays = self.model.encode(
                chunk_texts, is_query=role == "query", batch_size=self.batch_size, show_progress_bar=False
            )
            return RaggedTokens.from_matrices([np.asarray(a, dtype=np.float32) for a in arrays], dim=self.dim, dtype=np.float32)
        skip = self.skip_ids(role)
        matrices: list[np.ndarray] = []
        for batch in ordered_batches(np.arange(len(positions)), self.batch_size):
            output = forward_batch(self.forward_model, [chunk_texts[i] for i in batch])
            if hook is not None:
                hook.consume(positions[batch], output)
            matrices.extend(token_matrices(output, skip_ids=skip))
        if hook is not None:
            hook.chunk_done(positions)
        return RaggedTokens.from_matrices(matrices, dim=self.dim, dtype=np.float32)

    def _projection(self, texts, first: np.ndarray, role: str, dim: int, hook) -> tuple[np.ndarray, RaggedTokens | None]:
        """The fitted projection (from cache, or fitted now on the first chunk, whose raw
        tokens are then returned so they are not encoded twice)."""
        key = content_key(**self._settings(role), projection=dim, texts=texts_digest(texts[i] for i in first))
        cached = self.cache.get(key) if self.use_cache else None
        if cached is not None and cached.shape == (self.dim, dim) and cached.dtype == np.float32:
            return cached, None
        raw = self._raw_chunk(texts, first, role, hook)
        matrix = fit_projection(raw.vectors, dim=dim)
        if self.use_cache:
            self.cache.put(key, matrix, kind="colbert-projection", sample_tokens=int(raw.vectors.shape[0]))
        return matrix, raw

    def encode(
        self,
        texts: Sequence[str],
        *,
        role: str,
        projection_dim: int | None = None,
        projection: np.ndarray | None = None,
        hook: ForwardHook | None = None,
    ) -> EncodedTexts:
        """Token matrices of ``texts`` (float16, encode order), from cache when possible.

        ``projection_dim`` fits (or reuses) a projection on the first chunk;
        ``projection`` applies a given one (queries use the documents' matrix).
        """
        texts = clip_texts(texts, self.model) if self.backend == "token" else list(texts)
        order = encode_order(texts)
        chunks = [order[start : start + self.chunk_size] for start in range(0, len(texts), self.chunk_size)]
        first_raw = None
        if projection is None and projection_dim is not None and projection_dim < self.dim and chunks:
            projection, first_raw = self._projection(texts, chunks[0], role, projection_dim, hook)
        settings = {**self._settings(role), "projection": projection_id(projection)}
        out_dim = self.dim if projection is None else projection.shape[1]
        parts, keys, cached_count = [], [], 0
        for number, positions in enumerate(self._progress(chunks)):
            key = content_key(**settings, texts=texts_digest(texts[i] for i in positions))
            keys.append(key)
            cached = self.token_cache.get(key, count=len(positions), dim=out_dim) if self.use_cache else None
            cached_count += cached is not None
            if cached is not None and (hook is None or not hook.wants(positions)):
                parts.append(cached)
                continue
            raw = first_raw if number == 0 and first_raw is not None else self._raw_chunk(texts, positions, role, hook)
            tokens = RaggedTokens(vectors=project(raw.vectors, projection).astype(STORE_DTYPE), offsets=raw.offsets)
            if cached is None and self.use_cache:
                self.token_cache.put(key, tokens, model=self.spec.name, role=role, texts=len(positions))
            parts.append(cached if cached is not None else tokens)
        tokens = RaggedTokens.concatenate(parts) if parts else RaggedTokens(
            vectors=np.zeros((0, out_dim), dtype=STORE_DTYPE), offsets=np.zeros(1, dtype=np.int64)
        )
        return EncodedTexts(tokens, order, projection, keys, cached_count, len(chunks) - cached_count)

    def _progress(self, chunks):
        if not self.show_progress or len(chunks) < 2:
            return chunks
        from tqdm.auto import tqdm

        return tqdm(chunks, desc="token chunks")
