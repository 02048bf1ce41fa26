"""Choose and load the model behind a late-interaction retriever, offline first.

Two kinds of model:

``token``
    Any sentence-transformers model, used *as is*: its last-layer token states are the
    token vectors. No projection layer, no [Q]/[D] marker tokens, no [MASK] query
    expansion — nothing that would need training or random initialisation. This is the
    offline default (the bundled all-MiniLM-L6-v2), an *untrained* late-interaction
    baseline, not a trained ColBERT. Its forward pass runs on torch or onnxruntime
    (:func:`~limitbench.retrievers.models.resolve_runtime`): ``backend: onnx`` and
    ``backend: torch`` are the token kind on that runtime; ``token`` takes the model's
    default runtime (onnx fp32 for the bundled model).
``pylate``
    A trained ColBERT checkpoint loaded with ``pylate.models.ColBERT`` (its own prefixes,
    projection and query expansion), e.g. ``lightonai/GTE-ModernColBERT-v1`` when online.

``auto`` picks ``token`` for the default model and for local sentence-transformers
folders, ``pylate`` for local folders written by PyLate and for hub names.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from ..errors import ConfigError, OfflineError
from ..models import DEFAULT_MODEL, ModelSpec, hub_reachable, load_sentence_transformer

__all__ = ["BACKENDS", "resolve_backend", "load_token_model", "load_pylate_model"]

BACKENDS = ("auto", "token", "pylate", "onnx", "torch")


def _is_pylate_folder(location: str) -> bool:
    modules = Path(location) / "modules.json"
    try:
        return "pylate" in json.dumps(json.loads(modules.read_text()))
    except (OSError, json.JSONDecodeError):
        return False


def resolve_backend(spec: ModelSpec, backend: str) -> str:
    """The kind of model, ``token`` or ``pylate`` (``onnx``/``torch`` are token runtimes)."""
    if backend not in BACKENDS:
        raise ConfigError(f"colbert: backend {backend!r} is not one of {', '.join(BACKENDS)}")
    if backend in ("onnx", "torch"):
        return "token"
    if backend != "auto":
        return backend
    if spec.local:
        return "pylate" if _is_pylate_folder(spec.location) else "token"
    return "pylate"


def load_token_model(spec: ModelSpec, device: str | None):
    """The sentence-transformers model whose token states are used unchanged (the same
    cached instance :class:`~limitbench.retrievers.encoder.DenseEncoder` uses)."""
    return load_sentence_transformer(spec.name, device)


def _offline_error(spec: ModelSpec, reason: str) -> OfflineError:
    return OfflineError(
        f"colbert model {spec.name!r} cannot be loaded ({reason}); offline, use the default "
        f"(model: null = untrained token vectors of the bundled {DEFAULT_MODEL}) or a local checkpoint folder"
    )


@lru_cache(maxsize=2)
def load_pylate_model(spec: ModelSpec, device: str | None):
    """``pylate.models.ColBERT`` for ``spec``: from a local folder, the local hub cache,
    or the hub when reachable; otherwise one :class:`OfflineError` line."""
    from pylate import models

    def attempt(local_only: bool):
        return models.ColBERT(model_name_or_path=spec.location, device=device or "cpu", local_files_only=local_only)

    try:
        return attempt(True)
    except Exception as error:  # the hub client raises many types
        if spec.local:
            raise ConfigError(f"colbert model folder {spec.location}: cannot load with pylate ({error})") from None
    if not hub_reachable():
        raise _offline_error(spec, "no network and not in the local Hugging Face cache")
    try:
        return attempt(False)
    except Exception as error:
        raise _offline_error(spec, type(error).__name__) from None
