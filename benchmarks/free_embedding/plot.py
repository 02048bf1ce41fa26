"""PNGs of critical n against d: measured points, our cubic fit, and the paper's Table 6
with its fit (Weller et al. 2025, arXiv 2508.21038, Table 6 and section 4); and the two
protocols (paper, tuned) side by side."""

from __future__ import annotations

import io
import os
from typing import Mapping, Sequence

import numpy as np

from limitbench.retrievers.atomic import atomic_open

from .fit import CubicFit
from .paper import PAPER_TABLE6, paper_fit

__all__ = ["plot_critical_n", "plot_protocols", "plot_capacity_margins"]


def _figure():
    import matplotlib

    matplotlib.use("Agg")  # files only, never a window
    import matplotlib.pyplot as plt

    figure, axes = plt.subplots(figsize=(7, 4.5), dpi=120)
    return plt, figure, axes


def _paper_reference(axes, low: int, high: int) -> None:
    grid = np.linspace(low, high, 200)
    paper_dims = [d for d in PAPER_TABLE6 if low - 1 <= d <= high + 1] or list(PAPER_TABLE6)
    axes.plot(paper_dims, [PAPER_TABLE6[d] for d in paper_dims], "s", color="tab:gray", mfc="none",
              label="paper, Table 6")
    axes.plot(grid, [paper_fit(d) for d in grid], "--", color="tab:gray", lw=1, label="paper fit")


def _save(plt, figure, axes, path, *, ylabel: str, title: str, legend_size: int | None = None) -> None:
    axes.set_xlabel("embedding dimension d")
    axes.set_ylabel(ylabel)
    axes.set_title(title)
    axes.grid(alpha=0.3)
    axes.legend(fontsize=legend_size)
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    plt.close(figure)
    with atomic_open(path, "wb") as handle:
        handle.write(buffer.getvalue())


def plot_critical_n(
    path: str | os.PathLike[str],
    *,
    dims: Sequence[int],
    critical: Sequence[int],
    fit: CubicFit | None = None,
    k: int = 2,
    title: str | None = None,
    label: str = "measured (limitbench)",
) -> None:
    """Write the figure to ``path`` atomically (PNG)."""
    plt, figure, axes = _figure()
    low, high = min(dims), max(dims)
    if k == 2:
        _paper_reference(axes, low, high)
    axes.plot(dims, critical, "o", color="tab:blue", label=label)
    if fit is not None:
        grid = np.linspace(low, high, 200)
        axes.plot(grid, fit.predict(grid), "-", color="tab:blue", lw=1, label=f"cubic fit, $r^2$ = {fit.r_squared:.4f}")
    _save(plt, figure, axes, path, ylabel=f"critical n (k = {k})", title=title or "Free embeddings: smallest n not solvable")


def plot_protocols(
    path: str | os.PathLike[str], *, series: Mapping[str, tuple[Sequence[int], Sequence[int]]], k: int = 2
) -> None:
    """Critical n of each protocol (label -> (dims, critical n)) beside Table 6, as a PNG."""
    plt, figure, axes = _figure()
    every_d = [d for dims, _ in series.values() for d in dims]
    if k == 2:
        _paper_reference(axes, min(every_d), max(every_d))
    for (label, (dims, critical)), marker in zip(series.items(), "o^vD"):
        axes.plot(dims, critical, marker + "-", lw=1, label=f"measured, {label} protocol")
    _save(plt, figure, axes, path, ylabel=f"critical n (k = {k})",
          title="Free embeddings: the paper's protocol and the tuned one")


def plot_capacity_margins(path: str | os.PathLike[str], *, rows: Sequence[dict], title: str) -> None:
    """Smallest margin against d, one line per capacity method (log scale); a d where a
    method does not realise every query is a cross on the bottom edge."""
    plt, figure, axes = _figure()
    methods = list(dict.fromkeys(row["method"] for row in rows))
    positive = [row["min_margin"] for row in rows if row["realised"] and row["min_margin"]]
    floor = min(positive) / 10 if positive else 1e-6
    for method, marker in zip(methods, "os^D"):
        mine = sorted((row for row in rows if row["method"] == method), key=lambda row: row["d"])
        realised = [(row["d"], row["min_margin"]) for row in mine if row["realised"] and row["min_margin"]]
        missed = [row["d"] for row in mine if not row["realised"] and row.get("applicable", True)]
        line = axes.plot([d for d, _ in realised], [m for _, m in realised], marker + "-", lw=1,
                         label=f"{method}: smallest margin")
        if missed:
            axes.plot(missed, [floor] * len(missed), "x", color=line[0].get_color(), ms=9,
                      label=f"{method}: not every query realised")
    # guides: the spacing of float16 just below 1, and one int8 step of a unit coordinate
    axes.axhline(2.0**-11, color="tab:gray", ls=":", lw=1, label="float16 spacing below 1 (2^-11)")
    axes.axhline(1 / 127, color="tab:gray", ls="--", lw=1, label="int8 step (1/127)")
    axes.set_yscale("log")
    _save(plt, figure, axes, path, ylabel="smallest margin (unit vectors)", title=title, legend_size=8)
