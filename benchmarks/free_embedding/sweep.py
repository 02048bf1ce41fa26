"""The free-embedding sweep: critical n for every d, through an executor.

Each dimension is one :class:`~limitbench.benchmarks.executors.Cell` (named by d, k,
seeds, settings and code version), so dimensions run in parallel on a process pool or
Ray and a rerun skips the finished ones; inside a dimension every optimisation attempt
is cached as well (:mod:`.trials`), so a stopped dimension resumes where it was.

The protocol follows the settings: :class:`.paper_optimise.PaperSettings` runs the paper's
released optimiser and search (:mod:`.paper_search`), :class:`.optimise.OptimiseSettings`
limitbench's tuned ones (:mod:`.search`).

Writes to ``out``: ``critical-n.json`` (the protocol; per d: critical n, iterations, seconds,
every attempt; the cubic fit with r^2; its extrapolation to 512..4096 when at least 10 d were
measured), ``critical-n.png``, and the caches ``cells/`` and ``trials/``.
"""

from __future__ import annotations

import os
import sys
import time
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Sequence

from limitbench.benchmarks.executors import Cell, CellStore, Executor, code_version, run_cells
from limitbench.retrievers.atomic import atomic_write_json
from limitbench.retrievers.errors import ConfigError

from . import optimise as _optimise_module
from . import paper_optimise as _paper_module
from . import paper_search as _paper_search_module
from . import pattern as _pattern_module
from . import search as _search_module
from .fit import CubicFit, extrapolate, fit_cubic
from .optimise import OptimiseSettings, resolve_device
from .paper import PAPER_TABLE6
from .paper_optimise import PaperSettings
from .paper_search import find_critical_n_paper
from .plot import plot_critical_n
from .search import SearchSettings, find_critical_n
from .trials import Settings, protocol_of

__all__ = ["SweepResult", "dimension_cell", "solve_dimension", "run_sweep", "parse_dims", "MIN_POINTS_TO_EXTRAPOLATE"]

#: fewer measured dimensions than this: the cubic fit is reported, its extrapolation is not
MIN_POINTS_TO_EXTRAPOLATE = 10


def parse_dims(text: str) -> list[int]:
    """``"4-20"``, ``"4,8,16"`` or a mix (``"4-8,12"``), each d at least 1."""
    dims: list[int] = []
    for part in filter(None, (piece.strip() for piece in text.split(","))):
        first, dash, last = part.partition("-")
        try:
            values = range(int(first), int(last) + 1) if dash else [int(first)]
        except ValueError:
            raise ConfigError(f"--dims: {part!r} is not a number or a range like 4-20") from None
        if dash and int(last) < int(first):
            raise ConfigError(f"--dims: range {part!r} runs backwards")
        dims.extend(values)
    if not dims:
        raise ConfigError("--dims: no dimension given")
    bad = [d for d in dims if d < 1]
    if bad:
        raise ConfigError(f"--dims: dimension d must be at least 1 (got {bad[0]})")
    return sorted(set(dims))


@lru_cache(maxsize=1)
def _sweep_code_version() -> str:
    return code_version(_pattern_module, _optimise_module, _search_module, _paper_module, _paper_search_module,
                        packages=("torch",))


def dimension_cell(
    d: int,
    *,
    k: int,
    seeds: Sequence[int],
    settings: Settings,
    search: SearchSettings,
    trial_dir: str | os.PathLike[str],
    device: str = "auto",
    threads: int = 1,
) -> Cell:
    protocol = protocol_of(settings)
    return Cell(
        kind="free-embedding-d",
        config={"d": d, "k": k, "seeds": list(seeds), "protocol": protocol, "settings": settings.as_dict(),
                # the paper's search is fixed (gallop from k + 1, binary search, sweep)
                "search": search.as_dict() if protocol == "tuned" else {"max_n": search.max_n}},
        code=_sweep_code_version(),
        context={"trial_dir": str(trial_dir), "device": device, "threads": threads},
    )


def solve_dimension(cell: Cell) -> dict[str, Any]:
    """Top-level (picklable) worker: the critical n of one dimension cell."""
    import torch

    torch.set_num_threads(int(cell.context.get("threads", 1)))
    config = cell.config
    common = {"d": config["d"], "k": config["k"], "seeds": config["seeds"], "device": cell.context.get("device", "auto"),
              "store": CellStore(cell.context["trial_dir"]), "log": lambda line: print(line, file=sys.stderr, flush=True)}
    if config.get("protocol") == "paper":
        settings = {key: value for key, value in config["settings"].items() if key != "protocol"}
        result = find_critical_n_paper(settings=PaperSettings(**settings), max_n=config["search"]["max_n"], **common)
    else:
        result = find_critical_n(settings=OptimiseSettings(**config["settings"]),
                                 search=SearchSettings(**config["search"]), **common)
    record = result.record()
    record["device"] = resolve_device(cell.context.get("device", "auto")).type
    return record


@dataclass
class SweepResult:
    rows: list[dict[str, Any]]
    fit: CubicFit | None
    extrapolation: list[dict[str, Any]]
    json_path: Path
    png_path: Path
    wall_seconds: float


def _row(record: dict[str, Any]) -> dict[str, Any]:
    paper = PAPER_TABLE6.get(record["d"]) if record["k"] == 2 else None
    critical = record["critical_n"]
    ratio = round(critical / paper, 4) if paper and critical else None
    return {**record, "paper_table6": paper, "ratio_to_paper": ratio}


def run_sweep(
    dims: Sequence[int],
    *,
    out: str | os.PathLike[str],
    k: int = 2,
    seeds: Sequence[int] = (0,),
    settings: Settings = OptimiseSettings(),
    search: SearchSettings = SearchSettings(),
    executor: str | Executor = "sequential",
    workers: int | None = None,
    device: str = "auto",
    threads: int = 1,
    cache_dir: str | os.PathLike[str] | None = None,
) -> SweepResult:
    """Critical n for every d in ``dims``; the fit, the extrapolation and the plot."""
    if k < 1:
        raise ConfigError(f"k must be at least 1 (got {k})")
    out_dir = Path(out)
    cache = Path(cache_dir) if cache_dir is not None else out_dir
    started = time.perf_counter()
    # largest d first: the longest cells start early, so a pool finishes together
    cells = [
        dimension_cell(d, k=k, seeds=seeds, settings=settings, search=search, trial_dir=cache / "trials",
                       device=device, threads=threads)
        for d in sorted(set(dims), reverse=True)
    ]
    records = run_cells(solve_dimension, cells, executor=executor, store_dir=cache / "cells", workers=workers)
    rows = sorted((_row(record) for record in records), key=lambda row: row["d"])
    measured = [row for row in rows if row["critical_n"] is not None]
    fit = fit_cubic([row["d"] for row in measured], [row["critical_n"] for row in measured]) if len(measured) >= 4 else None
    # a cubic through a handful of small d says nothing at d = 512 (the paper fits 42 points)
    extrapolation = extrapolate(fit) if fit and len(measured) >= MIN_POINTS_TO_EXTRAPOLATE else []
    wall = time.perf_counter() - started
    json_path, png_path = out_dir / "critical-n.json", out_dir / "critical-n.png"
    atomic_write_json(
        json_path,
        {
            "experiment": "free embedding, critical n (Weller et al. 2025, arXiv 2508.21038, section 4, Table 6)",
            "protocol": protocol_of(settings),
            "k": k,
            "seeds": list(seeds),
            "settings": settings.as_dict(),
            "search": search.as_dict() if protocol_of(settings) == "tuned" else
            {"start": "k + 1", "phases": "gallop, binary search, sweep N-4..N+5", "max_n": search.max_n},
            "rows": rows,
            "fit": fit.record() if fit else None,
            "extrapolation": extrapolation,
            "wall_seconds": round(wall, 3),
            "optimisation_seconds": round(sum(row["seconds"] for row in rows), 3),
            "cpu_seconds": round(sum(row.get("cpu_seconds", 0.0) for row in rows), 3),
        },
    )
    if measured:
        plot_critical_n(png_path, dims=[row["d"] for row in measured], critical=[row["critical_n"] for row in measured],
                        fit=fit, k=k, label=f"measured ({protocol_of(settings)} protocol)")
    return SweepResult(rows=rows, fit=fit, extrapolation=extrapolation, json_path=json_path, png_path=png_path,
                       wall_seconds=wall)
