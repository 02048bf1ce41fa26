"""What a report needs that a run would not otherwise keep, written into the run folder.

A run folder holds metrics, TREC runs and plots, but not the texts a reader wants to
see next to them. So that ``report.html`` can be rebuilt from the folder alone (and
the folder shared), a run also writes, per dataset, a small BEIR-style extract::

    datasets/<dataset>/queries.jsonl   {"_id", "text"} for every query
    datasets/<dataset>/qrels.json      {query_id: {doc_id: grade}}
    datasets/<dataset>/docs.jsonl      {"_id", "title", "text"}: full text of every document
                                       in some system's top k or in the qrels (not the corpus)
    datasets/<dataset>/dataset.json    size, source, fingerprint and the dataset's metadata
    traces/<dataset>/<retriever>.jsonl the agent's trace, one line per graph step

Traces are caught while the retriever searches (:func:`capture_trace`) and travel
with the cell's result, so a cell read back from the cell store brings its trace.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator, Sequence

from limitbench.retrievers.atomic import atomic_write_json, atomic_write_lines

__all__ = ["capture_trace", "safe_name", "write_run_files", "add_report"]


def safe_name(name: str) -> str:
    """The file name a run uses for a dataset or retriever label (as the runner names runs/)."""
    from ..publish import file_stem

    return file_stem(name)


@contextmanager
def capture_trace(retriever: Any) -> Iterator[list[dict[str, Any]]]:
    """Collect the trace lines written during the block by a retriever that has a
    ``trace_path`` (the agent). Without one of its own it writes to a temporary file;
    with one, only the lines appended during the block are collected."""
    captured: list[dict[str, Any]] = []
    if not hasattr(retriever, "trace_path"):
        yield captured
        return
    scratch = None
    if not retriever.trace_path:
        scratch = tempfile.mkdtemp(prefix="limitbench-trace-")
        retriever.trace_path = os.path.join(scratch, "trace.jsonl")
    path = Path(retriever.trace_path)
    start = path.stat().st_size if path.exists() else 0
    try:
        yield captured
        if path.exists():
            with open(path, "rb") as handle:
                handle.seek(start)
                captured.extend(_json_lines(handle.read()))
    finally:
        if scratch is not None:
            retriever.trace_path = None
            shutil.rmtree(scratch, ignore_errors=True)


def _json_lines(data: bytes) -> Iterator[dict[str, Any]]:
    for line in data.decode("utf-8", errors="replace").splitlines():
        try:
            record = json.loads(line)
        except json.JSONDecodeError:
            continue  # a torn last line (disk full): the trace says so by missing it
        if isinstance(record, dict):
            yield record


def write_run_files(folder: Path, *, config: Any, cells: Sequence[Any]) -> None:
    """Write the dataset extracts and traces described above into ``folder``."""
    from ..runner import load_configured_dataset  # the runner imports this module

    for spec in config.datasets:
        dataset = load_configured_dataset(spec, data_dir=config.data_dir)
        runs = [cell.run for cell in cells if cell.row["dataset"] == dataset.name]
        _write_dataset(folder / "datasets" / safe_name(dataset.name), dataset, runs)
    for cell in cells:
        trace = getattr(cell, "trace", None)
        if trace:
            lines = (json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n" for record in trace)
            atomic_write_lines(folder / "traces" / safe_name(cell.row["dataset"]) / f"{safe_name(cell.row['retriever'])}.jsonl", lines)


def _write_dataset(folder: Path, dataset: Any, runs: Sequence[dict[str, dict[str, float]]]) -> None:
    shown = {doc_id for relevant in dataset.qrels.values() for doc_id in relevant}
    shown.update(doc_id for run in runs for ranking in run.values() for doc_id in ranking)
    atomic_write_lines(
        folder / "docs.jsonl",
        (_line({"_id": doc.id, "title": doc.title, "text": doc.text}) for doc in dataset.corpus if doc.id in shown),
    )
    atomic_write_lines(folder / "queries.jsonl", (_line({"_id": q.id, "text": q.text}) for q in dataset.queries))
    atomic_write_json(folder / "qrels.json", dataset.qrels)
    from limitbench.agents.trace import jsonable  # here, not at import: a dataset generator must not load the agent

    atomic_write_json(folder / "dataset.json", {**dataset.summary(), "metadata": jsonable(dataset.metadata)})


def _line(record: dict[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False) + "\n"


def add_report(folder: Path, *, config: Any, cells: Sequence[Any]) -> None:
    """The one call a run makes: the extracts and traces, then ``report.html`` from the folder."""
    from .html import write_report

    write_run_files(folder, config=config, cells=cells)
    write_report(folder)
