"""Recall against cost: R@2 over the mean number of documents read per query.

An agent reads documents (its cost); a plain retriever can be given the same budget
by letting a reader look at its top ``m`` results. The *reference curve* of a plain
run is, for each depth ``m``, the recall at cutoff ``c`` (default 2) of what such a
reader would return — the same rule the agent ranks by: the documents it read and
found relevant first, then the ones it did not read (ranks ``m+1...``), then the ones
it read and found irrelevant::

    recall_c(m) = mean_q |rel(q) ∩ top_c(relevant(top_m) + rank_{>m} + irrelevant(top_m))| / |rel(q)|

Recall is computed by ir_measures (MacAvaney et al. 2022) through
:func:`limitbench.benchmarks.metrics.evaluate`. LIMIT: Weller et al. 2025,
arXiv 2508.21038.
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path
from typing import Any, Mapping, Sequence

from limitbench.retrievers.atomic import atomic_open
from limitbench.retrievers.types import Qrels, Run

from ..metrics import evaluate

__all__ = ["reference_curve", "agent_point", "recall_cost_points", "plot_recall_vs_cost", "recall_cost_figure"]

DEFAULT_DEPTHS = (1, 2, 3, 4, 5, 6, 8, 10, 15, 20, 30, 50, 100)


def reference_curve(
    *, run: Run, qrels: Qrels, label: str, depths: Sequence[int] | None = DEFAULT_DEPTHS, cutoff: int = 2
) -> list[dict[str, Any]]:
    """Points ``{label, docs_read, recall}`` for a plain retriever read to each depth
    (``depths=None``: every depth from 1 to the longest ranking)."""
    longest = max((len(docs) for docs in run.values()), default=0)
    depths = range(1, longest + 1) if depths is None else depths
    points = []
    for depth in sorted({d for d in depths if 1 <= d <= max(1, longest)}):
        aggregate, _ = evaluate(qrels, _read_to_depth(run, qrels, depth), [f"R@{cutoff}"])
        points.append({"label": label, "docs_read": float(depth), "recall": aggregate[f"R@{cutoff}"]})
    return points


def _read_to_depth(run: Run, qrels: Qrels, depth: int) -> Run:
    """Each ranking as a reader of its top ``depth`` would return it (see the module)."""
    reordered: Run = {}
    for query_id, scores in run.items():
        ranked = [d for d, _ in sorted(scores.items(), key=lambda item: (-item[1], item[0]))]
        relevant = qrels.get(query_id, {})
        read, unread = ranked[:depth], ranked[depth:]
        found = [d for d in read if relevant.get(d, 0) > 0]
        rejected = [d for d in read if relevant.get(d, 0) <= 0]
        ordered = found + unread + rejected
        reordered[query_id] = {doc_id: float(len(ordered) - rank) for rank, doc_id in enumerate(ordered)}
    return reordered


def agent_point(*, label: str, docs_read: float, recall: float) -> dict[str, Any]:
    """One system that reports what it read (an agent): one point."""
    return {"label": label, "docs_read": float(docs_read), "recall": float(recall)}


def recall_cost_points(
    *, rows: Sequence[Mapping[str, Any]], runs: Mapping[str, Run] | None = None, qrels: Qrels | None = None,
    cutoff: int = 2, depths: Sequence[int] = DEFAULT_DEPTHS,
) -> list[dict[str, Any]]:
    """Points for one dataset's results rows: agents (``cost.docs_read``) as points,
    plain retrievers as reference curves — exact from their runs when ``qrels`` are
    given, else from the R@k values already in ``metrics`` (equal for LIMIT)."""
    metric = f"R@{cutoff}"
    points: list[dict[str, Any]] = []
    for row in rows:
        label, cost, metrics = row["retriever"], row.get("cost", {}), row.get("metrics", {})
        if "docs_read" in cost:
            if metric in metrics:
                # members of a budget sweep share a family: drawn as one curve; oracle rows say so
                shown = (row.get("family") or label) + (" [oracle]" if row.get("oracle_hints") else "")
                points.append(agent_point(label=shown, docs_read=cost["docs_read"], recall=metrics[metric]))
        elif runs is not None and qrels is not None and label in runs:
            points.extend(reference_curve(run=runs[label], qrels=qrels, label=label, depths=depths, cutoff=cutoff))
        else:
            points.extend(_curve_from_metrics(label, metrics, cutoff))
    return points


def _curve_from_metrics(label: str, metrics: Mapping[str, float], cutoff: int) -> list[dict[str, Any]]:
    points = []
    for name, value in metrics.items():
        match = re.fullmatch(r"R@(\d+)", name)
        if match and int(match.group(1)) >= cutoff:
            points.append({"label": label, "docs_read": float(match.group(1)), "recall": float(value)})
    return sorted(points, key=lambda p: p["docs_read"])


def plot_recall_vs_cost(
    points: Sequence[Mapping[str, Any]], path: str | Path, *, title: str | None = None, ylabel: str = "R@2 (%)"
) -> Path:
    """Draw ``points`` (dicts ``label``, ``docs_read``, ``recall``) to a PNG at ``path``:
    a line per label with several points (reference curves), a marker per single point."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    groups: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for point in points:
        groups[str(point["label"])].append((float(point["docs_read"]), float(point["recall"])))
    figure, axis = plt.subplots(figsize=(6.4, 4.4))
    markers = iter("os^Dv<>phX*" * 4)
    colours = plt.get_cmap("tab10" if len(groups) <= 10 else "tab20")
    for index, (label, xy) in enumerate(groups.items()):
        xy.sort()
        xs, ys = [x for x, _ in xy], [y for _, y in xy]
        colour = colours(index % colours.N)
        if len(xy) > 1:
            axis.plot(xs, ys, linestyle="--", marker=".", linewidth=1, alpha=0.8, color=colour, label=label)
        else:
            axis.scatter(xs, ys, s=70, marker=next(markers), color=colour, zorder=3, label=label)
    axis.set_xscale("log")
    axis.set_xlabel("documents read per query (mean, log scale)")
    axis.set_ylabel(ylabel)
    axis.set_ylim(0, 102)
    axis.grid(alpha=0.3, which="both")
    axis.legend(fontsize=7, loc="lower right")
    axis.set_title(title or "Recall against documents read", fontsize=9)
    figure.tight_layout()
    target = Path(path)
    with atomic_open(target, "wb") as handle:
        figure.savefig(handle, format="png", dpi=120)
    plt.close(figure)
    return target


def recall_cost_figure(
    *, rows: Sequence[Mapping[str, Any]], cells: Sequence[Any], path: str | Path,
    qrels: Mapping[str, Qrels] | None = None, cutoff: int = 2,
) -> list[Path]:
    """The runner's entry point: one PNG per dataset (``path``, or ``<stem>-<dataset>.png``
    when there are several). ``cells`` carry each row's run; ``qrels`` (by dataset
    name), when given, make the reference curves exact at every depth."""
    datasets = list(dict.fromkeys(row["dataset"] for row in rows))
    written = []
    for dataset in datasets:
        chosen = [row for row in rows if row["dataset"] == dataset]
        runs = {cell.row["retriever"]: cell.run for cell in cells if cell.row["dataset"] == dataset}
        points = recall_cost_points(rows=chosen, runs=runs, qrels=(qrels or {}).get(dataset), cutoff=cutoff)
        if not points:
            continue
        target = Path(path)
        if len(datasets) > 1:
            target = target.with_name(f"{target.stem}-{re.sub(r'[^A-Za-z0-9._-]+', '_', dataset)}{target.suffix}")
        title = f"{dataset}: R@{cutoff} against documents read (plain retrievers read to depth m)"
        written.append(plot_recall_vs_cost(points, target, title=title, ylabel=f"R@{cutoff} (%)"))
    return written
