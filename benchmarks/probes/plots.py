"""One PNG per family: for every scorer, the similarity against the index gap i - j
(scatter, with the mean +- one standard deviation per gap, as in Jina AI's 2024 plots)
and the similarity of every item to the family's zero item."""

from __future__ import annotations

import io
import os
from typing import Sequence

import numpy as np

from limitbench.retrievers.atomic import atomic_open

__all__ = ["ScorerPanel", "plot_family"]


class ScorerPanel:
    """What one scorer measured on one family."""

    def __init__(self, *, label: str, similarity: np.ndarray, to_zero: np.ndarray, summary: dict) -> None:
        self.label = label
        self.similarity = similarity
        self.to_zero = to_zero
        self.summary = summary


def _fmt(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.2f}"


def _scatter(axis, panel: ScorerPanel) -> None:
    n = panel.similarity.shape[0]
    rows, cols = np.where(~np.eye(n, dtype=bool))
    gaps = rows - cols
    values = panel.similarity[rows, cols]
    axis.scatter(gaps, values, s=2, alpha=0.15, color="tab:blue", rasterized=True, label="pairs (i, j)")
    signed = np.arange(-(n - 1), n)
    means = np.array([values[gaps == g].mean() if np.any(gaps == g) else np.nan for g in signed])
    stds = np.array([values[gaps == g].std() if np.any(gaps == g) else np.nan for g in signed])
    axis.plot(signed, means, color="tab:red", linewidth=1.6, label="mean per gap")
    axis.fill_between(signed, means - stds, means + stds, color="tab:red", alpha=0.2, label="± 1 std")
    summary = panel.summary
    axis.set_title(
        f"{panel.label}: similarity vs. index gap\n"
        f"Spearman {_fmt(summary['spearman'])} · order acc. {_fmt(summary['order_accuracy'])} · "
        f"monotonicity viol. {_fmt(summary['monotonicity_violations'])}",
        fontsize=10,
    )
    axis.set_xlabel("index gap i − j")
    axis.set_ylabel("similarity S[i, j]")
    axis.grid(alpha=0.3)
    axis.legend(loc="lower center", fontsize=8, markerscale=4)


def _to_zero(axis, panel: ScorerPanel, items: Sequence[str], zero: str) -> None:
    index = np.arange(len(items))
    axis.plot(index, panel.to_zero, marker="o", markersize=2.5, linewidth=1, color="tab:green")
    ticks = np.linspace(0, len(items) - 1, num=min(6, len(items))).astype(int)
    axis.set_xticks(ticks)
    axis.set_xticklabels([items[t] for t in ticks], rotation=20, fontsize=8)
    axis.set_title(f"{panel.label}: similarity to zero ({zero!r})\nSpearman vs. distance {_fmt(panel.summary['zero_spearman'])}",
                   fontsize=10)
    axis.set_xlabel("item (true order)")
    axis.set_ylabel(f"similarity to {zero!r}")
    axis.grid(alpha=0.3)


def plot_family(path: str | os.PathLike[str], *, family: str, description: str, items: Sequence[str], zero: str,
                panels: Sequence[ScorerPanel]) -> None:
    """Write the family's PNG atomically (rendered in memory, then replaced in one step)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    rows = len(panels)
    figure, axes = plt.subplots(rows, 2, figsize=(13, 4.4 * rows), squeeze=False,
                                gridspec_kw={"width_ratios": [1.6, 1]})
    for row, panel in enumerate(panels):
        _scatter(axes[row][0], panel)
        _to_zero(axes[row][1], panel, items, zero)
    shown = description or f"{items[0]}, {items[1]}, …, {items[-1]}"
    figure.suptitle(f"Number family '{family}': {shown} ({len(items)} items)", fontsize=12)
    figure.tight_layout(rect=(0, 0, 1, 0.97))
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=110)
    plt.close(figure)
    with atomic_open(path, "wb") as handle:
        handle.write(buffer.getvalue())
