"""One cached optimisation attempt: does (n, d, k, seed, settings) reach 100%?

Each attempt is a :class:`~limitbench.benchmarks.executors.Cell` whose name hashes n,
d, k, seed, the optimiser settings and the source of the optimiser, so an interrupted
sweep resumes from the attempts it has already made and a changed optimiser never
reuses old answers. The settings choose the protocol: :class:`.optimise.OptimiseSettings`
(``tuned``) or :class:`.paper_optimise.PaperSettings` (``paper``, the released script's).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from limitbench.benchmarks.executors import Cell, CellStore, code_version

from . import margin as _margin_module
from . import optimise as _optimise_module
from . import paper_optimise as _paper_module
from . import pattern as _pattern_module
from .margin import margin_summary
from .optimise import OptimiseSettings, Outcome, optimise, resolve_device
from .paper_optimise import PaperSettings, optimise_paper
from .pattern import RelevancePattern, all_subsets_pattern

__all__ = ["Settings", "Trial", "protocol_of", "trial_code_version", "run_trial", "run_pattern_trial"]

Settings = OptimiseSettings | PaperSettings


def protocol_of(settings: Settings) -> str:
    """``paper`` for the released script's optimiser, ``tuned`` for limitbench's."""
    return "paper" if isinstance(settings, PaperSettings) else "tuned"


def _optimise(pattern: RelevancePattern, *, d: int, settings: Settings, seed: int, device: str) -> Outcome:
    if isinstance(settings, PaperSettings):
        return optimise_paper(pattern, dim=d, settings=settings, seed=seed, device=device)
    return optimise(pattern, dim=d, settings=settings, seed=seed, device=device)


@lru_cache(maxsize=1)
def trial_code_version() -> str:
    """Hash of the optimiser's source as loaded by this process (read once, so a file
    edited while a sweep runs cannot relabel results of the code that is running)."""
    return code_version(_pattern_module, _optimise_module, _paper_module, packages=("torch",))


@lru_cache(maxsize=1)
def _margin_code_version() -> str:
    return code_version(_margin_module, packages=("numpy",))


@dataclass(frozen=True)
class Trial:
    n: int
    d: int
    k: int
    seed: int
    solved: bool
    accuracy: float
    iterations: int
    seconds: float
    stop: str
    cpu_seconds: float = 0.0
    cached: bool = False

    @classmethod
    def from_record(cls, record: dict[str, Any], *, cached: bool) -> "Trial":
        fields = {name: record[name] for name in ("n", "d", "k", "seed", "solved", "accuracy", "iterations", "seconds", "stop")}
        return cls(**fields, cpu_seconds=record.get("cpu_seconds", 0.0), cached=cached)

    def record(self) -> dict[str, Any]:
        return {
            "n": self.n, "d": self.d, "k": self.k, "seed": self.seed, "solved": self.solved,
            "accuracy": round(self.accuracy, 6), "iterations": self.iterations, "seconds": round(self.seconds, 3),
            "cpu_seconds": round(self.cpu_seconds, 3), "stop": self.stop,
        }


def run_pattern_trial(
    pattern: RelevancePattern,
    *,
    d: int,
    seed: int,
    settings: Settings,
    device: str = "auto",
    store: CellStore | None = None,
    label: dict[str, Any] | None = None,
    with_margins: bool = False,
) -> tuple[dict[str, Any], bool]:
    """Optimise ``pattern`` in ``d`` dimensions once, or read the stored attempt.
    Returns the record and whether it came from the store. ``with_margins`` adds the
    final vectors' margins and rounding checks (:func:`.margin.margin_summary`)."""
    cell = Cell(
        kind="free-embedding-trial",
        config={"d": d, "seed": seed, "settings": settings.as_dict(), **({"margins": _margin_code_version()} if with_margins else {})},
        data=pattern.fingerprint,
        code=trial_code_version(),
    )
    if store is not None:
        stored = store.load(cell)
        if stored is not None:
            return stored, True
    outcome = _optimise(pattern, d=d, settings=settings, seed=seed, device=device)
    record = {
        **(label or {}),
        "d": d,
        "seed": seed,
        "solved": outcome.solved,
        "accuracy": outcome.accuracy,
        "iterations": outcome.iterations,
        "seconds": round(outcome.seconds, 3),
        "cpu_seconds": round(outcome.cpu_seconds, 3),
        "stop": outcome.stop,
        "device": resolve_device(device).type,
    }
    if with_margins:
        record["margins"] = margin_summary(outcome.queries, outcome.documents, pattern)
    if store is not None:
        store.save(cell, record)
    return record, False


def run_trial(
    *, n: int, d: int, k: int, seed: int, settings: Settings, device: str = "auto", store: CellStore | None = None
) -> Trial:
    """One attempt on the all-k-subsets pattern of ``n`` documents."""
    pattern = all_subsets_pattern(n=n, k=k)
    record, cached = run_pattern_trial(
        pattern, d=d, seed=seed, settings=settings, device=device, store=store, label={"n": n, "k": k}
    )
    return Trial.from_record(record, cached=cached)
