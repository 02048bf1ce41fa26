"""Two runs of the same data on one page: which queries changed, by how much, and
whether the change is more than noise.

Systems present in both runs under the same label are paired. Per metric, the page
shows the mean in run A and in run B, the mean per-query difference B − A, the
queries that went up, went down or stayed, and a paired test over the queries both
runs evaluated (:func:`limitbench.benchmarks.significance.compare_to_baseline`: paired
t-test or Wilcoxon signed-rank, Holm–Bonferroni correction over the metrics of one
system pair — Holm 1979). Runs of different data (dataset fingerprints differ) are
refused: their per-query numbers are not paired.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from limitbench.retrievers.atomic import atomic_write_text
from limitbench.retrievers.errors import DataError

from ..significance import compare_to_baseline
from .html import render_page
from .report_data import TOP, RunFolder, dataset_block, read_run_folder, table_rows

__all__ = ["compare_report_data", "write_comparison"]


def _fingerprints(folder: RunFolder) -> dict[str, str | None]:
    return {row["dataset"]: row.get("dataset_fingerprint") for row in folder.rows}


def _shared_datasets(a: RunFolder, b: RunFolder) -> list[str]:
    prints_a, prints_b = _fingerprints(a), _fingerprints(b)
    shared = [name for name in prints_a if name in prints_b]
    if not shared:
        raise DataError(f"{a.path} and {b.path} share no dataset (A: {', '.join(prints_a)}; B: {', '.join(prints_b)})")
    for name in shared:
        if prints_a[name] and prints_b[name] and prints_a[name] != prints_b[name]:
            raise DataError(
                f"{a.path} and {b.path} ran different data under the name {name!r} "
                f"(fingerprints {prints_a[name][:12]} and {prints_b[name][:12]}): per-query results cannot be paired"
            )
    return shared


def _pair_changes(
    query_ids: list[str], a: dict[str, dict[str, float]], b: dict[str, dict[str, float]], metrics: list[str], test: str
) -> dict[str, Any]:
    both = [q for q in query_ids if q in a and q in b]
    comparisons = {c.metric: c for c in compare_to_baseline({"B": {q: b[q] for q in both}, "A": {q: a[q] for q in both}},
                                                             baseline="A", metrics=metrics, test=test)}
    position = {q: i for i, q in enumerate(query_ids)}
    summary, changed = {}, {}
    for metric in metrics:
        pairs = [(q, a[q][metric], b[q][metric]) for q in both]
        moved = sorted(((position[q], x, y) for q, x, y in pairs if x != y), key=lambda item: (-abs(item[2] - item[1]), item[0]))
        comparison = comparisons[metric]
        summary[metric] = {
            "mean_a": sum(x for _, x, _ in pairs) / max(1, len(pairs)), "mean_b": sum(y for _, _, y in pairs) / max(1, len(pairs)),
            "delta": comparison.delta, "p": comparison.p_value, "p_adj": comparison.p_adjusted, "significant": comparison.significant,
            "improved": sum(1 for _, x, y in pairs if y > x), "worsened": sum(1 for _, x, y in pairs if y < x),
            "unchanged": sum(1 for _, x, y in pairs if y == x),
        }
        changed[metric] = [[i, round(x, 2), round(y, 2)] for i, x, y in moved]
    return {"metrics": summary, "changed": changed}


def compare_report_data(run_a: str | Path, run_b: str | Path, *, test: str = "t-test", top: int = TOP) -> dict[str, Any]:
    """The page's JSON for runs A and B (see :mod:`.report_data` for one run's)."""
    a, b = read_run_folder(run_a), read_run_folder(run_b)
    shared = _shared_datasets(a, b)
    metrics_a = {m for row in a.rows for m in row.get("metrics", {})}
    metrics = [m for row in b.rows for m in row.get("metrics", {}) if m in metrics_a]
    metrics = list(dict.fromkeys(metrics))
    blocks, changes = [], []
    for name in shared:
        data_a, data_b = a.datasets[name], b.datasets[name]
        systems = [(f"A · {s}", data_a, s) for s in data_a["runs"]] + [(f"B · {s}", data_b, s) for s in data_b["runs"]]
        block = dataset_block(name, systems, top=top, k=next((r.get("k") for r in b.rows if r["dataset"] == name), None))
        blocks.append(block)
        query_ids = [q for q, _ in block["queries"]]
        pairs = []
        for system in (s for s in data_a["runs"] if s in data_b["runs"]):
            per_a, per_b = data_a["per_query"].get(system, {}), data_b["per_query"].get(system, {})
            if per_a and per_b:
                pairs.append({"system": system, "a": f"A · {system}", "b": f"B · {system}",
                              **_pair_changes(query_ids, per_a, per_b, metrics, test)})
        changes.append({"dataset": name, "metrics": metrics, "test": test, "pairs": pairs})
    runs = []
    for label, folder in (("A", a), ("B", b)):
        meta = folder.rows[0].get("run", {}) if folder.rows else {}
        runs.append({"label": label, "folder": str(folder.path), "created": meta.get("created"),
                     "config": meta.get("config", {}), "versions": meta.get("versions", {})})
    return {
        "kind": "compare",
        "title": f"{Path(run_a).resolve().name} vs {Path(run_b).resolve().name}",
        "runs": runs,
        "metrics": metrics,
        "baseline": None,
        "rows": [row for row in table_rows(a, run_label="A") + table_rows(b, run_label="B") if row["dataset"] in shared],
        "plots": [{**p, "title": f"{label}: {p['title']}"} for label, folder in (("A", a), ("B", b)) for p in folder.plots],
        "datasets": blocks,
        "changes": changes,
    }


def write_comparison(run_a: str | Path, run_b: str | Path, out: str | Path, *, test: str = "t-test") -> Path:
    """Write the two-run page to ``out``; returns its path."""
    target = Path(out)
    atomic_write_text(target, render_page(compare_report_data(run_a, run_b, test=test)))
    return target
