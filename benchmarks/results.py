"""Publishing a finished grid: every file of a run, written into the staging folder of an
:class:`~.publish.OutputFolder` and swapped in whole.

Files (see README, "What a run writes"): ``results.json`` (one row per cell, with the run
metadata, the dataset's card and the paths of the cell's files), ``results.md``,
``runs/<dataset>/<retriever>.trec`` (ids escaped by :func:`~.trec.trec_id`),
``per_query/<dataset>/<retriever>.json``, ``significance.json`` and the plots. File
names come from :func:`~.trec.file_stem`, so no two labels share a file.
"""

from __future__ import annotations

import datetime as _dt
import sys
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from limitbench.retrievers.atomic import atomic_write_json, atomic_write_lines, atomic_write_text
from limitbench.retrievers.types import Qrels, Run

from .config import RunConfig
from .publish import OutputFolder, file_stem
from .reports.dimension import plot_recall_vs_dimension
from .reports.table import markdown_table
from .reports.run_files import add_report
from .trec import trec_lines

__all__ = ["CellResult", "package_versions", "publish_results"]

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
    qrels: Qrels | None = None  # what the cell was evaluated against (for the recall-cost plot)
    trace: list[dict[str, Any]] | None = None  # the agent's steps, when it keeps a trace


def _cell_files(cell: CellResult) -> dict[str, str]:
    dataset, label = file_stem(cell.row["dataset"]), file_stem(cell.row["retriever"])
    return {"trec": f"runs/{dataset}/{label}.trec", "per_query": f"per_query/{dataset}/{label}.json"}


def _write_cell(staging: Path, cell: CellResult) -> None:
    files = cell.row["files"]
    atomic_write_lines(staging / files["trec"], trec_lines(cell.run, cell.row["retriever"]))
    atomic_write_json(staging / files["per_query"], cell.per_query)


def _significance(config: RunConfig, cells: list[CellResult]) -> tuple[list[dict[str, Any]], set[tuple[str, str, str]]]:
    if config.significance is None:
        return [], set()
    from .significance import compare_to_baseline  # scipy.stats: seconds to import, only needed here

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


def publish_results(
    config: RunConfig, cells: list[CellResult], output: OutputFolder
) -> tuple[list[dict[str, Any]], str, list[Path]]:
    """Write every file of the run into ``output``'s staging folder, then swap it in."""
    staging = output.staging
    for cell in cells:
        cell.row["files"] = _cell_files(cell)
        _write_cell(staging, cell)
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
    _plot_recall_vs_cost(rows, cells, staging)
    atomic_write_text(staging / "results.md", table)
    atomic_write_json(staging / "results.json", rows)
    add_report(staging, config=config, cells=cells)
    return rows, table, output.commit()


def _plot_recall_vs_cost(rows: list[dict[str, Any]], cells: list[CellResult], staging: Path) -> None:
    """Recall against documents read, when any system reads documents (agents do)."""
    if not any("docs_read" in row["cost"] for row in rows):
        return
    from .reports.recall_cost import recall_cost_figure

    qrels = {cell.row["dataset"]: cell.qrels for cell in cells if cell.qrels is not None}
    recall_cost_figure(rows=rows, cells=cells, path=staging / "recall_vs_cost.png", qrels=qrels)
