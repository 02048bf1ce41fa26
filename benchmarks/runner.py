"""Run every configured retriever on every configured dataset: the grid.

Each (dataset, retriever) *cell* is independent: index, search top-k, evaluate, and
report cost (wall time, peak memory, and whatever counters the retriever keeps in its
``cost`` log). Order of a run:

1. everything checkable without data is checked (:meth:`RunConfig.check`: names,
   options and their types, labels, the baseline, metrics) and the output folder is
   prepared (:class:`~.publish.OutputFolder`: not a file, writable, not someone else's
   folder) — a mistake fails here, before any model is loaded;
2. the datasets are loaded and the cells computed (or read back from the cell store,
   where each one is checked again: checksum, shape, the run against the dataset);
3. :mod:`.results` writes every file into the staging folder and swaps it in whole.

A retriever's results cross :func:`~limitbench.retrievers.boundary.checked_run` before
anything uses them; metrics are always computed from the checked run and the qrels, never
taken from a stored cell.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import math
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable

from limitbench.retrievers.boundary import call_retriever, checked_run
from limitbench.retrievers.cache import default_cache_dir
from limitbench.retrievers.errors import LimitbenchError
from limitbench.retrievers.protocol import CostReporting
from limitbench.retrievers.registry import create_retriever
from limitbench.retrievers.types import CostLog, Run

from .config import DatasetSpec, RetrieverSpec, RunConfig
from .datasets import Dataset, load_dataset
from .executors import Cell, CellStore, code_version, get_executor, run_cells
from .measure import measure
from .metrics import evaluate
from .publish import OutputFolder, ensure_folder
from .reports.run_files import capture_trace
from .results import CellResult, package_versions, publish_results

__all__ = ["CellResult", "RunOutcome", "load_configured_dataset", "run_cell", "run_benchmark", "package_versions"]


@dataclass
class RunOutcome:
    rows: list[dict[str, Any]]
    table: str
    out_dir: Path
    files: list[Path] = field(default_factory=list)


def load_configured_dataset(spec: DatasetSpec, *, data_dir: str | None) -> Dataset:
    dataset = load_dataset(spec.name, data_dir=data_dir, options=spec.options)
    dataset.name = spec.display_label()
    if spec.max_queries and spec.max_queries < len(dataset.queries):
        dataset = dataset.subset_queries([q.id for q in dataset.queries[: spec.max_queries]])
    return dataset


def run_cell(dataset: Dataset, spec: RetrieverSpec, *, k: int, metrics: list[str]) -> CellResult:
    """Index, search, evaluate and cost one retriever on one dataset."""
    retriever = create_retriever(spec.name, **spec.options)
    label = spec.display_label()
    provide_oracle = getattr(retriever, "provide_oracle", None)
    if callable(provide_oracle):
        provide_oracle(qrels=dataset.qrels)  # an oracle simulation; labelled below through oracle_hints
    with measure() as indexing:
        call_retriever(retriever, "index", label=label, corpus=dataset.corpus)
    with measure() as searching, capture_trace(retriever) as trace:
        returned = call_retriever(retriever, "search", label=label, queries=dataset.queries, k=k)
    run = checked_run(returned, retriever=label, queries=dataset.queries, corpus_ids=dataset.documents_by_id, k=k)
    aggregate, per_query = evaluate(dataset.qrels, run, metrics)
    query_ids = [q.id for q in dataset.queries]
    cost: dict[str, float] = {
        "index_seconds": indexing.seconds,
        "search_seconds": searching.seconds,
        "seconds_per_query": searching.seconds / max(1, len(query_ids)),
        "peak_rss_mb": max(indexing.peak_rss_mb, searching.peak_rss_mb),
    }
    if isinstance(retriever, CostReporting) and isinstance(retriever.cost, CostLog):
        cost.update(retriever.cost.mean(query_ids))
    dimension = getattr(retriever, "dimension", None)
    row = {
        "dataset": dataset.name,
        "retriever": label,
        "metrics": aggregate,
        "cost": cost,
        "k": k,
        "queries": len(query_ids),
        "documents": len(dataset.corpus),
        "retriever_spec": spec.model_dump(exclude_none=True),
        "family": spec.family or label,
        "dimension": dimension if isinstance(dimension, int) and not isinstance(dimension, bool) else None,
        "dataset_fingerprint": dataset.fingerprint,
        "oracle_hints": list(getattr(retriever, "oracle_hints", None) or []),
        # an agent's own retrievals fused, before reading changed them: it must not rank below these
        "fused_tools_metrics": evaluate(dataset.qrels, retriever.fused_run, metrics)[0] if getattr(retriever, "fused_run", None) else None,
        "notes": list(getattr(retriever, "notes", None) or []),
    }
    return CellResult(row=row, run=run, per_query=per_query, trace=trace)


@lru_cache(maxsize=4)
def _dataset_for_cell(spec_json: str, data_dir: str | None) -> Dataset:
    return load_configured_dataset(DatasetSpec.model_validate_json(spec_json), data_dir=data_dir)


def compute_cell(cell: Cell) -> dict[str, Any]:
    """One grid cell, in whichever process the executor chose (top-level, so picklable)."""
    dataset = _dataset_for_cell(json.dumps(cell.config["dataset"]), cell.context.get("data_dir"))
    spec = RetrieverSpec.model_validate(cell.config["retriever"])
    result = run_cell(dataset, spec, k=cell.config["k"], metrics=list(cell.config["metrics"]))
    return {"row": result.row, "run": result.run, "per_query": result.per_query, "trace": result.trace}


@lru_cache(maxsize=1)
def _cell_code_version() -> str:
    """Hash of every limitbench source file plus the versions of the libraries that shape
    results: editing any policy, retriever or metric renames the cells it could change."""
    digest = hashlib.sha256()
    for package in ("limitbench.retrievers", "limitbench.agents", "limitbench.benchmarks"):
        spec = importlib.util.find_spec(package)  # located, not imported (importing agents takes seconds)
        for folder in spec.submodule_search_locations or []:
            for source in sorted(Path(folder).rglob("*.py")):
                digest.update(source.as_posix().encode().split(b"/")[-1] + source.read_bytes())
    libraries = code_version(packages=("torch", "sentence-transformers", "pylate", "bm25s", "faiss-cpu", "ir_measures"))
    return f"{digest.hexdigest()[:16]}-{libraries}"


def _cell_store_dir() -> Path:
    """Finished cells live in the cache, so reruns skip them; it must be writable."""
    folder = ensure_folder(default_cache_dir() / "cells", option="cache ($LIMITBENCH_CACHE)")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _inputs(config: RunConfig) -> list[str]:
    """Folders a run reads, which its output folder must not hold."""
    inputs = [spec.name for spec in config.datasets if Path(spec.name).is_dir()]
    return inputs + ([config.data_dir] if config.data_dir else [])


def run_benchmark(config: RunConfig, *, echo: Callable[[str], None] = print, fresh: bool = False) -> RunOutcome:
    """Run the whole grid of ``config`` and publish its results into ``config.out_dir``.
    Cells finished by an earlier run (same config, data and code) are reused unless ``fresh``."""
    config.check()
    get_executor(config.executor, workers=config.workers)
    store_dir = None if fresh else _cell_store_dir()
    with OutputFolder.prepare(config.out_dir, marker="results.json", inputs=_inputs(config)) as output:
        cells = _run_grid(config, echo, store_dir=store_dir or output.scratch("cells"))
        rows, table, files = publish_results(config, cells, output)
    return RunOutcome(rows=rows, table=table, out_dir=Path(config.out_dir), files=files)


def _run_grid(config: RunConfig, echo: Callable[[str], None], *, store_dir: Path) -> list[CellResult]:
    """Every (dataset, retriever) cell through the configured executor; finished cells
    are read from the cell store instead of being computed again."""
    specs = config.expanded_retrievers()
    grid: list[Cell] = []
    datasets: dict[str, Dataset] = {}
    for dataset_spec in config.datasets:
        dataset = load_configured_dataset(dataset_spec, data_dir=config.data_dir)
        datasets[dataset.name] = dataset
        echo(_dataset_line(dataset))
        for spec in specs:
            grid.append(
                Cell(
                    kind="run",
                    config={
                        "dataset": dataset_spec.model_dump(mode="json"),
                        "retriever": spec.model_dump(mode="json", exclude_none=True),
                        "k": config.k,
                        "metrics": list(config.metrics),
                    },
                    data=dataset.fingerprint,
                    code=_cell_code_version(),
                    context={"data_dir": config.data_dir, "dataset": dataset.name},
                )
            )

    def valid(cell: Cell, result: Any) -> bool:
        return _stored_cell_problem(result, datasets[cell.context["dataset"]], k=config.k) is None

    fresh = sum(not _done(store_dir, cell, valid) for cell in grid)
    echo(f"{len(grid)} cells, {fresh} to compute, {len(grid) - fresh} from {store_dir} ({config.executor} executor)")
    results = run_cells(compute_cell, grid, executor=config.executor, store_dir=store_dir, workers=config.workers,
                        valid=valid)
    return [_cell_result(cell, result, datasets[cell.context["dataset"]], config) for cell, result in zip(grid, results)]


def _done(store_dir: Path, cell: Cell, valid: Callable[[Cell, Any], bool]) -> bool:
    return CellStore(store_dir, valid=valid).done(cell)


def _dataset_line(dataset: Dataset) -> str:
    line = f"dataset {dataset.name}: {len(dataset.corpus)} documents, {len(dataset.queries)} queries"
    left_out = dataset.metadata.get("queries_without_qrels", 0) + dataset.metadata.get("queries_without_relevant", 0)
    if left_out:
        line += f" ({left_out} queries without a relevant document left out)"
    return line


def _stored_cell_problem(result: Any, dataset: Dataset, *, k: int) -> str | None:
    """Why a stored cell cannot be used (None: it can). Its run must pass the same check
    as a fresh one; its cost must be finite numbers."""
    if not isinstance(result, dict) or not isinstance(result.get("row"), dict) or "run" not in result:
        return "not a cell result"
    cost = result["row"].get("cost")
    if not isinstance(cost, dict) or not all(
        isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v) for v in cost.values()
    ):
        return "cost is not a mapping of finite numbers"
    try:
        checked_run(result["run"], retriever="stored cell", queries=dataset.queries, corpus_ids=dataset.documents_by_id, k=k)
    except LimitbenchError as error:
        return str(error)
    return None


def _cell_result(cell: Cell, result: dict[str, Any], dataset: Dataset, config: RunConfig) -> CellResult:
    """A cell as published: labels from this run's config, the run checked, and metrics
    computed here from the run and the qrels (a stored cell's own numbers are not trusted)."""
    spec = RetrieverSpec.model_validate(cell.config["retriever"])
    label = spec.display_label()
    run: Run = checked_run(result["run"], retriever=label, queries=dataset.queries, corpus_ids=dataset.documents_by_id,
                           k=config.k)
    aggregate, per_query = evaluate(dataset.qrels, run, config.metrics)
    stored = result["row"]
    dimension = stored.get("dimension")
    row = {
        "dataset": dataset.name,
        "retriever": label,
        "metrics": aggregate,
        "cost": dict(stored["cost"]),
        "k": config.k,
        "queries": len(dataset.queries),
        "documents": len(dataset.corpus),
        "retriever_spec": spec.model_dump(exclude_none=True),
        "family": spec.family or label,
        "dimension": dimension if isinstance(dimension, int) and not isinstance(dimension, bool) else None,
        "dataset_fingerprint": dataset.fingerprint,
        "dataset_card": dataset.card.record() if dataset.card else None,
        "dataset_metadata": {key: value for key, value in dataset.metadata.items() if key.startswith("queries_")},
        "oracle_hints": list(stored.get("oracle_hints") or []),
        "fused_tools_metrics": _fused_metrics(stored, dataset, config),
        "notes": list(stored.get("notes") or []),
    }
    return CellResult(row=row, run=run, per_query=per_query, qrels=dataset.qrels, trace=result.get("trace"))


def _fused_metrics(stored: dict[str, Any], dataset: Dataset, config: RunConfig) -> dict[str, float] | None:
    """An agent's fused-tools metrics, as this run's metrics (recomputed only if the stored
    ones are for other metrics: the fused run itself is not stored)."""
    fused = stored.get("fused_tools_metrics")
    if not isinstance(fused, dict) or not all(isinstance(fused.get(m), (int, float)) for m in config.metrics):
        return None
    return {m: float(fused[m]) for m in config.metrics}
