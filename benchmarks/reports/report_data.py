"""A run folder read back into the compact JSON the HTML report embeds.

Only files the run wrote are read (``results.json``, ``runs/*/*.trec``,
``per_query/*/*.json``, ``significance.json``, ``*.png``, and what
:mod:`.run_files` adds: ``datasets/*`` and ``traces/*``); a folder from an older run
without the extracts still gives a page, with query and document ids in place of
texts. To stay small with 1000 queries and several systems, documents are numbered
and every list refers to them by number; per system and query the page gets the top
``top`` documents, the rank of each relevant document in the full ranking, the
per-query metrics and (agents) the trace steps.
"""

from __future__ import annotations

from urllib.parse import unquote

import base64
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from limitbench.retrievers.errors import DataError

from .run_files import safe_name

__all__ = ["RunFolder", "read_run_folder", "run_report_data", "dataset_block", "TOP", "KNOWN_ROW_KEYS"]

TOP = 20  # documents per system and query carried into the page
_DOC_CHARS = 600  # document text shown in the page; the full text is in docs.jsonl
_DOC_BUDGET = 1_500_000  # characters of document text in one page, shared by all documents
KNOWN_ROW_KEYS = {
    "dataset", "retriever", "metrics", "cost", "k", "queries", "documents", "retriever_spec", "family",
    "dimension", "dataset_fingerprint", "run",
}
_TRACE_STRUCTURE = ("run", "agent", "query_id")  # the same on every line of a query: left out of the page


@dataclass
class RunFolder:
    """What a run folder holds, read back."""

    path: Path
    rows: list[dict[str, Any]]
    significance: list[dict[str, Any]]
    plots: list[dict[str, str]]
    datasets: dict[str, dict[str, Any]] = field(default_factory=dict)


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        raise DataError(f"{path}: not valid JSON (line {error.lineno}: {error.msg})") from None
    except OSError as error:
        raise DataError(f"{path}: cannot read it ({error.strerror})") from None


def _jsonl(path: Path) -> Iterable[dict[str, Any]]:
    if not path.is_file():
        return
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            yield json.loads(line)
        except json.JSONDecodeError as error:
            raise DataError(f"{path}, line {number}: not valid JSON ({error.msg})") from None


def read_run_folder(run_dir: str | Path) -> RunFolder:
    """The run in ``run_dir``; a folder without ``results.json`` is a :class:`DataError`."""
    path = Path(run_dir)
    results = path / "results.json"
    if not results.is_file():
        raise DataError(f"{path}: no results.json here (is it a folder written by 'limitbench run'?)")
    rows = _read_json(results)
    if not isinstance(rows, list) or not all(isinstance(r, dict) and "dataset" in r and "retriever" in r for r in rows):
        raise DataError(f"{results}: expected a list of rows with 'dataset' and 'retriever'")
    significance = _read_json(path / "significance.json") if (path / "significance.json").is_file() else []
    plots = [
        {"name": png.name, "title": png.stem.replace("_", " ").capitalize(), "src": _data_url(png)}
        for png in sorted(path.glob("*.png"))
    ]
    folder = RunFolder(path=path, rows=rows, significance=significance, plots=plots)
    for dataset in dict.fromkeys(row["dataset"] for row in rows):
        folder.datasets[dataset] = _read_dataset(path, dataset, [r["retriever"] for r in rows if r["dataset"] == dataset])
    return folder


def _data_url(png: Path) -> str:
    return "data:image/png;base64," + base64.b64encode(png.read_bytes()).decode("ascii")


def _read_dataset(path: Path, name: str, systems: list[str]) -> dict[str, Any]:
    extract = path / "datasets" / safe_name(name)
    docs = {d["_id"]: d for d in _jsonl(extract / "docs.jsonl")}
    queries = {q["_id"]: q.get("text", "") for q in _jsonl(extract / "queries.jsonl")}
    qrels = _read_json(extract / "qrels.json") if (extract / "qrels.json").is_file() else {}
    meta = _read_json(extract / "dataset.json") if (extract / "dataset.json").is_file() else {}
    runs, per_query, traces = {}, {}, {}
    for system in systems:
        runs[system] = _read_trec(path / "runs" / safe_name(name) / f"{safe_name(system)}.trec")
        pq_path = path / "per_query" / safe_name(name) / f"{safe_name(system)}.json"
        per_query[system] = _read_json(pq_path) if pq_path.is_file() else {}
        trace_path = path / "traces" / safe_name(name) / f"{safe_name(system)}.jsonl"
        if trace_path.is_file():
            traces[system] = _trace_by_query(_jsonl(trace_path))
    return {"docs": docs, "queries": queries, "qrels": qrels, "meta": meta, "runs": runs, "per_query": per_query, "traces": traces}


def _read_trec(path: Path) -> dict[str, list[str]]:
    """``query_id -> [doc_id, ...]`` in rank order (ties as the file lists them)."""
    ranked: dict[str, list[tuple[int, str]]] = {}
    if not path.is_file():
        return {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        parts = line.split()
        if not parts:
            continue
        if len(parts) < 6 or not parts[3].isdigit():
            raise DataError(f"{path}, line {number}: not a TREC run line (qid Q0 docid rank score tag)")
        # ids are percent-encoded in TREC files (limitbench.benchmarks.trec)
        ranked.setdefault(unquote(parts[0]), []).append((int(parts[3]), unquote(parts[2])))
    return {query_id: [doc for _, doc in sorted(docs, key=lambda item: item[0])] for query_id, docs in ranked.items()}


def _trace_by_query(records: Iterable[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    steps: dict[str, list[dict[str, Any]]] = {}
    for record in records:
        query_id = str(record.get("query_id", ""))
        steps.setdefault(query_id, []).append({k: v for k, v in record.items() if k not in _TRACE_STRUCTURE})
    return steps


# -- the page's JSON ---------------------------------------------------------------------------
def _round(value: Any) -> Any:
    return round(value, 2) if isinstance(value, float) else value


def _significance_marks(significance: list[dict[str, Any]]) -> dict[tuple[str, str], dict[str, Any]]:
    marks: dict[tuple[str, str], dict[str, Any]] = {}
    for comparison in significance:
        key = (comparison.get("dataset", ""), comparison["system"])
        marks.setdefault(key, {})[comparison["metric"]] = {
            "baseline": comparison["baseline"], "delta": _round(comparison["delta"]), "p": comparison["p_value"],
            "p_adj": comparison["p_adjusted"], "significant": bool(comparison["significant"]),
        }
    return marks


def table_rows(folder: RunFolder, *, run_label: str | None = None) -> list[dict[str, Any]]:
    """The results table's rows: metrics, cost, significance against the baseline, other fields."""
    marks = _significance_marks(folder.significance)
    rows = []
    for row in folder.rows:
        system = row["retriever"] if run_label is None else f"{run_label} · {row['retriever']}"
        rows.append({
            "dataset": row["dataset"], "system": system, "retriever": row["retriever"], "run": run_label,
            "metrics": {m: _round(v) for m, v in row.get("metrics", {}).items()},
            "cost": {c: v for c, v in row.get("cost", {}).items()},
            "k": row.get("k"), "spec": row.get("retriever_spec"), "dimension": row.get("dimension"),
            "significance": marks.get((row["dataset"], row["retriever"]), {}),
            "extra": {key: value for key, value in row.items() if key not in KNOWN_ROW_KEYS},
        })
    return rows


def _doc_chars(count: int) -> int:
    return max(120, min(_DOC_CHARS, _DOC_BUDGET // max(1, count)))


def dataset_block(
    name: str, systems: list[tuple[str, dict[str, Any], str]], *, top: int = TOP, k: int | None = None
) -> dict[str, Any]:
    """One dataset's per-query data for the page. ``systems``: ``(label shown, dataset data
    from a run folder, retriever name in that run)`` — two runs in a comparison share a block."""
    first = systems[0][1]
    queries = dict(first["queries"])
    docs: dict[str, dict[str, Any]] = {}
    qrels: dict[str, dict[str, int]] = {}
    for _, data, _ in systems:
        docs.update(data["docs"])
        for query_id, text in data["queries"].items():
            queries.setdefault(query_id, text)
        for query_id, relevant in data["qrels"].items():
            qrels.setdefault(query_id, relevant)
    query_ids = list(queries) or sorted({q for _, data, system in systems for q in data["runs"].get(system, {})})
    numbers: dict[str, int] = {}
    doc_list: list[list[Any]] = []

    def number(doc_id: str) -> int:
        if doc_id not in numbers:
            numbers[doc_id] = len(doc_list)
            doc_list.append([doc_id, None, False])
        return numbers[doc_id]

    relevant = [[[number(d), g] for d, g in sorted(qrels.get(q, {}).items(), key=lambda item: -item[1]) if g > 0] for q in query_ids]
    block_systems = []
    for label, data, system in systems:
        run = data["runs"].get(system, {})
        ranks = []
        for q, rel in zip(query_ids, relevant):
            position = {doc: rank for rank, doc in enumerate(run.get(q, []), start=1)}
            ranks.append([position.get(doc_list[d][0], 0) for d, _ in rel])
        per_query = data["per_query"].get(system, {})
        metrics = sorted({m for values in per_query.values() for m in values}, key=_metric_order)
        trace = data["traces"].get(system)
        block_systems.append({
            "name": label,
            "top": [[number(doc) for doc in run.get(q, [])[:top]] for q in query_ids],
            "ranks": ranks,
            "per_query": {m: [_round(per_query.get(q, {}).get(m)) for q in query_ids] for m in metrics},
            "trace": [trace.get(q) for q in query_ids] if trace else None,
        })
    chars = _doc_chars(len(doc_list))
    for entry in doc_list:
        doc = docs.get(entry[0])
        if doc is not None:
            text = f"{doc.get('title', '')} {doc.get('text', '')}".strip()
            entry[1], entry[2] = text[:chars], len(text) > chars
    return {
        "name": name,
        "meta": first["meta"],
        "queries": [[q, queries.get(q, "")] for q in query_ids],
        "docs": doc_list,
        "relevant": relevant,
        "systems": block_systems,
        "top": top,
        "k": k,
    }


def _title(path: Path, config: dict[str, Any]) -> str:
    # the report is built in the run's staging folder, so the name comes from the config
    return Path(config["out"]).name if config.get("out") else config.get("name") or path.resolve().name


def _k(rows: list[dict[str, Any]], dataset: str) -> int | None:
    return next((row.get("k") for row in rows if row["dataset"] == dataset), None)


def _metric_order(metric: str) -> tuple[str, int]:
    match = re.match(r"^(.*?)@(\d+)$", metric)
    return (match.group(1), int(match.group(2))) if match else (metric, 0)


def run_report_data(folder: RunFolder, *, top: int = TOP) -> dict[str, Any]:
    """The page's JSON for one run."""
    first = folder.rows[0] if folder.rows else {}
    run_meta = first.get("run", {})
    config = run_meta.get("config", {})
    return {
        "kind": "run",
        "title": _title(folder.path, config),
        "runs": [{"label": None, "folder": config.get("out") or folder.path.name, "created": run_meta.get("created"), "config": config,
                  "versions": run_meta.get("versions", {})}],
        "metrics": config.get("metrics") or sorted({m for r in folder.rows for m in r.get("metrics", {})}, key=_metric_order),
        "baseline": (config.get("significance") or {}).get("baseline"),
        "rows": table_rows(folder),
        "plots": folder.plots,
        "datasets": [
            dataset_block(name, [(system, data, system) for system in data["runs"]], top=top, k=_k(folder.rows, name))
            for name, data in folder.datasets.items()
        ],
    }
