"""Run every configured retriever on every configured dataset and write the results.

Each (dataset, retriever) *cell* is independent: index, search top-k, evaluate, and
report cost (wall time, peak memory, and whatever counters the retriever keeps in its
``cost`` log). All output is written to a staging folder first and moved into place
only when the whole run has succeeded, so a failed run leaves no half-written results.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
import os
import re
import shutil
import sys
import tempfile
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from limitbench.retrievers.atomic import atomic_write_json, atomic_write_lines, atomic_write_text
from limitbench.retrievers.errors import ConfigError
from limitbench.retrievers.protocol import CostReporting
from limitbench.retrievers.cache import default_cache_dir
from limitbench.retrievers.registry import check_retriever, create_retriever
from limitbench.retrievers.types import CostLog, Qrels, Run

from .config import DatasetSpec, RetrieverSpec, RunConfig
from .datasets import Dataset, load_dataset
from .executors import Cell, CellStore, code_version, get_executor, run_cells
from .measure import measure
from .metrics import evaluate
from .reports.dimension import plot_recall_vs_dimension
from .reports.table import markdown_table
from .significance import compare_to_baseline

__all__ = ["CellResult", "RunOutcome", "load_configured_dataset", "run_cell", "run_benchmark", "package_versions"]

_VERSIONED = (
    "limitbench", "torch", "sentence-transformers", "transformers", "pylate", "faiss-cpu", "rank-bm25", "bm25s",
    "ir_measures", "langgraph", "openai", "numpy",
)


def package_versions() -> dict[str, str]:
    versions = {"python": sys.version.split()[0]}
    for name in _VERSIONED:
        try:
            versions[name] = version(name)
        except PackageNotFoundError:
            continue
    return versions


@dataclass
class CellResult:
    row: dict[str, Any]
    run: Run
    per_query: dict[str, dict[str, float]]


@dataclass
class RunOutcome:
    rows: list[dict[str, Any]]
    table: str
    out_dir: Path
    files: list[Path] = field(default_factory=list)


def load_configured_dataset(spec: DatasetSpec, *, data_dir: str | None) -> Dataset:
    dataset = load_dataset(spec.name, data_dir=data_dir, options=spec.options)
    if spec.label:
        dataset.name = spec.label
    if spec.max_queries and spec.max_queries < len(dataset.queries):
        dataset = dataset.subset_queries([q.id for q in dataset.queries[: spec.max_queries]])
    return dataset


def run_cell(dataset: Dataset, spec: RetrieverSpec, *, k: int, metrics: list[str]) -> CellResult:
    """Index, search, evaluate and cost one retriever on one dataset."""
    retriever = create_retriever(spec.name, **spec.options)
    label = spec.label or retriever.name
    provide_oracle = getattr(retriever, "provide_oracle", None)
    if callable(provide_oracle):
        provide_oracle(qrels=dataset.qrels)  # an oracle simulation; labelled below through oracle_hints
    with measure() as indexing:
        retriever.index(corpus=dataset.corpus)
    with measure() as searching:
        run = retriever.search(queries=dataset.queries, k=k)
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
        "dimension": getattr(retriever, "dimension", None),
        "dataset_fingerprint": dataset.fingerprint,
        "oracle_hints": list(getattr(retriever, "oracle_hints", None) or []),
        # an agent's own retrievals fused, before reading changed them: it must not rank below these
        "fused_tools_metrics": evaluate(dataset.qrels, retriever.fused_run, metrics)[0] if getattr(retriever, "fused_run", None) else None,
        "notes": list(getattr(retriever, "notes", None) or []),
    }
    return CellResult(row=row, run=run, per_query=per_query)


def _safe(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "_", name)


def _trec_lines(run: Run, tag: str):
    for query_id, scores in run.items():
        ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))
        for rank, (doc_id, score) in enumerate(ranked, start=1):
            yield f"{query_id} Q0 {doc_id.replace(' ', '_') if ' ' in doc_id else doc_id} {rank} {score:.6f} {tag}\n"


def _write_cell(staging: Path, cell: CellResult) -> None:
    dataset, label = _safe(cell.row["dataset"]), _safe(cell.row["retriever"])
    atomic_write_lines(staging / "runs" / dataset / f"{label}.trec", _trec_lines(cell.run, label))
    atomic_write_json(staging / "per_query" / dataset / f"{label}.json", cell.per_query)


def _significance(config: RunConfig, cells: list[CellResult]) -> tuple[list[dict[str, Any]], set[tuple[str, str, str]]]:
    if config.significance is None:
        return [], set()
    comparisons, significant = [], set()
    for dataset in dict.fromkeys(cell.row["dataset"] for cell in cells):
        per_query = {c.row["retriever"]: c.per_query for c in cells if c.row["dataset"] == dataset}
        for comparison in compare_to_baseline(
            per_query,
            baseline=config.significance.baseline,
            metrics=config.metrics,
            test=config.significance.test,
            alpha=config.significance.alpha,
        ):
            comparisons.append({"dataset": dataset, **comparison.__dict__})
            if comparison.significant:
                significant.add((dataset, comparison.system, comparison.metric))
    return comparisons, significant


def _publish(staging: Path, out_dir: Path) -> list[Path]:
    published = []
    for source in sorted(p for p in staging.rglob("*") if p.is_file()):
        target = out_dir / source.relative_to(staging)
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(source, target)
        published.append(target)
    shutil.rmtree(staging, ignore_errors=True)
    return published


def _store_dir(config: RunConfig, *, fresh: bool) -> Path:
    """Where finished cells are kept: the cache (so reruns skip them), or a throw-away
    folder when ``fresh`` asks for everything to be computed again."""
    if fresh:
        return Path(tempfile.mkdtemp(prefix="limitbench-cells-"))
    return default_cache_dir() / "cells"


def run_benchmark(config: RunConfig, *, echo=print, fresh: bool = False) -> RunOutcome:
    """Run the whole grid of ``config`` and publish its results into ``config.out_dir``.
    Cells finished by an earlier run (same config, data and code) are reused unless ``fresh``."""
    out_dir = Path(config.out_dir)
    specs = config.expanded_retrievers()
    for spec in specs:  # fail before any data is loaded or model encoded
        check_retriever(spec.name, spec.options)
    get_executor(config.executor, workers=config.workers)
    staging = out_dir / f".staging-{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    try:
        store_dir = _store_dir(config, fresh=fresh)
        try:
            cells, qrels = _run_grid(config, specs, staging, echo, store_dir=store_dir)
        finally:
            if fresh:
                shutil.rmtree(store_dir, ignore_errors=True)
        return _finish(config, cells, qrels, staging, out_dir)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        if out_dir.is_dir() and not any(out_dir.iterdir()):
            out_dir.rmdir()


@lru_cache(maxsize=4)
def _dataset_for_cell(spec_json: str, data_dir: str | None) -> Dataset:
    return load_configured_dataset(DatasetSpec.model_validate_json(spec_json), data_dir=data_dir)


def compute_cell(cell: Cell) -> dict[str, Any]:
    """One grid cell, in whichever process the executor chose (top-level, so picklable)."""
    dataset = _dataset_for_cell(json.dumps(cell.config["dataset"]), cell.context.get("data_dir"))
    spec = RetrieverSpec.model_validate(cell.config["retriever"])
    result = run_cell(dataset, spec, k=cell.config["k"], metrics=list(cell.config["metrics"]))
    return {"row": result.row, "run": result.run, "per_query": result.per_query}


@lru_cache(maxsize=1)
def _cell_code_version() -> str:
    """Hash of every limitbench source file plus the versions of the libraries that shape
    results: editing any policy, retriever or metric renames the cells it could change."""
    import limitbench.agents
    import limitbench.benchmarks
    import limitbench.retrievers

    digest = hashlib.sha256()
    for package in (limitbench.retrievers, limitbench.agents, limitbench.benchmarks):
        for source in sorted(Path(package.__file__).parent.rglob("*.py")):
            digest.update(source.as_posix().encode().split(b"/")[-1] + source.read_bytes())
    libraries = code_version(packages=("torch", "sentence-transformers", "pylate", "bm25s", "faiss-cpu", "ir_measures"))
    return f"{digest.hexdigest()[:16]}-{libraries}"


def _run_grid(
    config: RunConfig, specs: list[RetrieverSpec], staging: Path, echo, *, store_dir: Path
) -> tuple[list[CellResult], dict[str, Qrels]]:
    """Every (dataset, retriever) cell through the configured executor; finished cells
    are read from the cell store instead of being computed again."""
    qrels: dict[str, Qrels] = {}
    grid: list[Cell] = []
    for dataset_spec in config.datasets:
        dataset = load_configured_dataset(dataset_spec, data_dir=config.data_dir)
        qrels[dataset.name] = dataset.qrels
        echo(f"dataset {dataset.name}: {len(dataset.corpus)} documents, {len(dataset.queries)} queries")
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
                    context={"data_dir": config.data_dir},
                )
            )
    store = CellStore(store_dir)
    fresh = sum(not store.done(cell) for cell in grid)
    echo(f"{len(grid)} cells, {fresh} to compute, {len(grid) - fresh} from {store_dir} ({config.executor} executor)")
    results = run_cells(compute_cell, grid, executor=config.executor, store_dir=store_dir, workers=config.workers)
    cells: list[CellResult] = []
    labels: set[tuple[str, str]] = set()
    for cell, result in zip(grid, results):
        outcome = CellResult(row=result["row"], run=result["run"], per_query=result["per_query"])
        spec = RetrieverSpec.model_validate(cell.config["retriever"])
        _label_uniquely(outcome, spec, labels)
        _write_cell(staging, outcome)
        cells.append(outcome)
    return cells, qrels


def _label_uniquely(outcome: CellResult, spec: RetrieverSpec, taken: set[tuple[str, str]]) -> None:
    key = (outcome.row["dataset"], outcome.row["retriever"])
    if key in taken and spec.label is None and spec.options:
        # same name, different options (agent with other tools...): say which options
        shown = ",".join(f"{name}={json.dumps(value, separators=(',', ':'))}" for name, value in spec.options.items())
        outcome.row["retriever"] = outcome.row["family"] = f"{outcome.row['retriever']}[{shown}]"
        key = (outcome.row["dataset"], outcome.row["retriever"])
    if key in taken:
        raise ConfigError(f"retrievers: two retrievers are both labelled {key[1]!r}; set 'label'")
    taken.add(key)


def _finish(
    config: RunConfig, cells: list[CellResult], qrels: dict[str, Qrels], staging: Path, out_dir: Path
) -> RunOutcome:
    comparisons, significant = _significance(config, cells)
    metadata = {
        "config": config.model_dump(exclude_none=True),
        "versions": package_versions(),
        "created": _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds"),
    }
    rows = [{**cell.row, "run": metadata} for cell in cells]
    for row in rows:  # what a reader of the results must know (an LLM that never answered ...)
        for note in row.get("notes") or []:
            print(f"warning: {row['dataset']} / {row['retriever']}: {note}", file=sys.stderr)
    table = markdown_table(rows, config.metrics, significant=significant)
    if comparisons:
        atomic_write_json(staging / "significance.json", comparisons)
        table += f"\n`*`: significantly different from `{config.significance.baseline}` "
        table += f"({config.significance.test}, Holm-corrected, alpha {config.significance.alpha}).\n"
    plot_recall_vs_dimension(rows, staging / "recall_vs_dimension.png", metrics=config.metrics)
    _plot_recall_vs_cost(rows, cells, qrels, staging)
    atomic_write_text(staging / "results.md", table)
    atomic_write_json(staging / "results.json", rows)
    files = _publish(staging, out_dir)
    return RunOutcome(rows=rows, table=table, out_dir=out_dir, files=files)


def _plot_recall_vs_cost(
    rows: list[dict[str, Any]], cells: list[CellResult], qrels: dict[str, Qrels], staging: Path
) -> None:
    """Recall against documents read, when any system reads documents (agents do)."""
    if not any("docs_read" in row["cost"] for row in rows):
        return
    from .reports.recall_cost import recall_cost_figure

    recall_cost_figure(rows=rows, cells=cells, path=staging / "recall_vs_cost.png", qrels=qrels)
