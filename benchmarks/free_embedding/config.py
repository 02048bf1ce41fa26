"""Settings of the free-embedding sweep and capacity check, from YAML and flags.

``configs/free-embedding.yaml`` holds the defaults; every key is optional::

    dims: 4-20            # a range, a list, or a mix ("4-8,12")
    k: 2
    seeds: [0]
    protocol: paper       # paper (the released script's), tuned (limitbench's), or both
    paper: {learning_rate: 0.01, temperature: 0.1, max_iterations: 100000, patience: 1000,
            min_delta: 1.0e-5, check_every: 50}
    optimiser: {learning_rate: 0.05, temperature: 0.1, patience: 500, min_delta: 1.0e-4,
                max_iterations: 20000, query_init: centroid}      # the tuned protocol
    search: {start: fit, first_step: 0.08, recheck: 2}            # the tuned protocol
    executor: sequential  # or process, ray
    workers: null         # default: the CPUs available
    device: auto          # GPU when torch sees one
    threads: 1            # torch threads per worker
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, PositiveInt, field_validator

from limitbench.retrievers.errors import ConfigError

from ..yaml_config import read_yaml_mapping, validate_config

from .optimise import OptimiseSettings
from .paper_optimise import PaperSettings
from .search import SearchSettings

__all__ = ["FreeEmbeddingConfig", "PROTOCOLS", "load_free_embedding_config"]

PROTOCOLS = ("paper", "tuned", "both")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class _Optimiser(_Strict):
    learning_rate: float = Field(OptimiseSettings.learning_rate, gt=0)
    temperature: float = Field(OptimiseSettings.temperature, gt=0)
    max_iterations: PositiveInt = OptimiseSettings.max_iterations
    patience: PositiveInt = OptimiseSettings.patience
    min_delta: float = Field(OptimiseSettings.min_delta, ge=0)
    query_init: str = OptimiseSettings.query_init


class _Paper(_Strict):
    learning_rate: float = Field(PaperSettings.learning_rate, gt=0)
    temperature: float = Field(PaperSettings.temperature, gt=0)
    max_iterations: PositiveInt = PaperSettings.max_iterations
    patience: PositiveInt = PaperSettings.patience
    min_delta: float = Field(PaperSettings.min_delta, ge=0)
    check_every: PositiveInt = PaperSettings.check_every


class _Search(_Strict):
    start: str = SearchSettings.start
    first_step: float = Field(SearchSettings.first_step, gt=0)
    recheck: int = Field(SearchSettings.recheck, ge=0)
    max_n: PositiveInt | None = None


class FreeEmbeddingConfig(_Strict):
    dims: str | list[int] = "4-20"
    k: PositiveInt = 2
    seeds: list[int] = Field(default_factory=lambda: [0], min_length=1)
    protocol: str = "paper"
    paper: _Paper = Field(default_factory=_Paper)
    optimiser: _Optimiser = Field(default_factory=_Optimiser)
    search: _Search = Field(default_factory=_Search)
    executor: str = "sequential"
    workers: PositiveInt | None = None
    device: str = "auto"
    threads: PositiveInt = 1

    @field_validator("protocol")
    @classmethod
    def _known_protocol(cls, value: str) -> str:
        if value not in PROTOCOLS:
            raise ValueError(f"{value!r} is not {', '.join(PROTOCOLS[:-1])} or {PROTOCOLS[-1]}")
        return value

    @field_validator("device")
    @classmethod
    def _known_device(cls, value: str) -> str:
        """``auto``, ``cpu`` or ``cuda[:N]``; a GPU asked for must be there."""
        kind = value.split(":")[0]
        if kind not in ("auto", "cpu", "cuda"):
            raise ValueError(f"{value!r} is not auto, cpu or cuda")
        if kind == "cuda":
            import torch

            if not torch.cuda.is_available():
                raise ValueError(f"{value!r} asked for, but torch sees no GPU (use auto or cpu)")
        return value

    def optimise_settings(self) -> OptimiseSettings:
        return OptimiseSettings(**self.optimiser.model_dump())

    def paper_settings(self) -> PaperSettings:
        return PaperSettings(**self.paper.model_dump())

    def protocol_settings(self) -> dict[str, OptimiseSettings | PaperSettings]:
        """protocol name -> its optimiser settings, for the protocol(s) asked for."""
        chosen = ("paper", "tuned") if self.protocol == "both" else (self.protocol,)
        return {name: self.paper_settings() if name == "paper" else self.optimise_settings() for name in chosen}

    def search_settings(self) -> SearchSettings:
        return SearchSettings(**self.search.model_dump())

    def dims_text(self) -> str:
        return self.dims if isinstance(self.dims, str) else ",".join(str(d) for d in self.dims)


def load_free_embedding_config(path: str | Path | None, *, overrides: dict[str, Any] | None = None) -> FreeEmbeddingConfig:
    """The YAML file (or the defaults) with ``overrides`` (flags given) laid over it."""
    data: dict[str, Any] = read_yaml_mapping(path) if path is not None else {}
    source = str(path) if path is not None else "defaults"
    for key, value in (overrides or {}).items():
        if value is None:
            continue
        if key in ("optimiser", "paper", "search"):
            data[key] = {**(data.get(key) or {}), **{k: v for k, v in value.items() if v is not None}}
        else:
            data[key] = value
    config = validate_config(FreeEmbeddingConfig, data, source=source)
    try:
        config.optimise_settings(), config.paper_settings(), config.search_settings()  # their own checks
    except ConfigError as error:
        raise ConfigError(f"{source}: {error}") from None
    return config
