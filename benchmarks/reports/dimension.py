"""Recall against embedding dimension d, as in Weller et al. 2025 (arXiv 2508.21038),
Fig. 3: one line per (dataset, retriever family), one panel per recall metric."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

from limitbench.retrievers.atomic import atomic_open

__all__ = ["dimension_series", "plot_recall_vs_dimension"]


def dimension_series(rows: list[dict[str, Any]]) -> dict[tuple[str, str], list[tuple[int, dict[str, float]]]]:
    """Rows grouped by (dataset, family) where the family ran at two or more dimensions."""
    groups: dict[tuple[str, str], list[tuple[int, dict[str, float]]]] = defaultdict(list)
    for row in rows:
        if row.get("dimension"):
            groups[(row["dataset"], row.get("family") or row["retriever"])].append((int(row["dimension"]), row["metrics"]))
    return {key: sorted(points, key=lambda p: p[0]) for key, points in groups.items() if len({d for d, _ in points}) > 1}


def plot_recall_vs_dimension(rows: list[dict[str, Any]], path: str | Path, *, metrics: list[str]) -> bool:
    """Write the PNG; returns False (and writes nothing) when no retriever ran at several d."""
    series = dimension_series(rows)
    recall_metrics = [m for m in metrics if m.startswith("R@")] or metrics[:1]
    if not series:
        return False
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    figure, axes = plt.subplots(1, len(recall_metrics), figsize=(4.2 * len(recall_metrics), 3.6), squeeze=False)
    datasets = {dataset for dataset, _ in series}
    references = [row for row in rows if row["dataset"] in datasets and not row.get("dimension")]
    for axis, metric in zip(axes[0], recall_metrics):
        for (dataset, family), points in sorted(series.items()):
            axis.plot([d for d, _ in points], [m[metric] for _, m in points], marker="o", label=f"{family} ({dataset})")
        for row in references:  # systems without a dimension (BM25, agents) as horizontal references
            axis.axhline(row["metrics"][metric], linestyle="--", linewidth=1, color="grey")
            axis.annotate(row["retriever"], (1.0, row["metrics"][metric]), xycoords=("axes fraction", "data"),
                          ha="right", va="bottom", fontsize=7, color="grey")
        axis.set_xscale("log", base=2)
        axis.set_xlabel("embedding dimension d")
        axis.set_ylabel(f"{metric} (%)")
        axis.set_title(metric)
        axis.set_ylim(0, 104)
        axis.grid(alpha=0.3)
    axes[0][0].legend(fontsize=7)
    figure.suptitle("Recall against embedding dimension (cf. Weller et al. 2025, Fig. 3)", fontsize=9)
    figure.tight_layout()
    with atomic_open(path, "wb") as handle:
        figure.savefig(handle, format="png", dpi=120)
    plt.close(figure)
    return True
