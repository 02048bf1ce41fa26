"""PNG of critical n against d: measured points, our cubic fit, and the paper's Table 6
with its fit (Weller et al. 2025, arXiv 2508.21038, Table 6 and section 4)."""

from __future__ import annotations

import io
import os
from typing import Sequence

import numpy as np

from limitbench.retrievers.atomic import atomic_open

from .fit import CubicFit
from .paper import PAPER_TABLE6, paper_fit

__all__ = ["plot_critical_n"]


def plot_critical_n(
    path: str | os.PathLike[str],
    *,
    dims: Sequence[int],
    critical: Sequence[int],
    fit: CubicFit | None = None,
    k: int = 2,
    title: str | None = None,
) -> None:
    """Write the figure to ``path`` atomically (PNG)."""
    import matplotlib

    matplotlib.use("Agg")  # files only, never a window
    import matplotlib.pyplot as plt

    figure, axes = plt.subplots(figsize=(7, 4.5), dpi=120)
    low, high = min(dims), max(dims)
    grid = np.linspace(low, high, 200)
    if k == 2:
        paper_dims = [d for d in PAPER_TABLE6 if low - 1 <= d <= high + 1] or list(PAPER_TABLE6)
        axes.plot(paper_dims, [PAPER_TABLE6[d] for d in paper_dims], "s", color="tab:gray", mfc="none",
                  label="paper, Table 6")
        axes.plot(grid, [paper_fit(d) for d in grid], "--", color="tab:gray", lw=1, label="paper fit")
    axes.plot(dims, critical, "o", color="tab:blue", label="measured (limitbench)")
    if fit is not None:
        axes.plot(grid, fit.predict(grid), "-", color="tab:blue", lw=1,
                  label=f"cubic fit, $r^2$ = {fit.r_squared:.4f}")
    axes.set_xlabel("embedding dimension d")
    axes.set_ylabel(f"critical n (k = {k})")
    axes.set_title(title or "Free embeddings: smallest n not solvable")
    axes.grid(alpha=0.3)
    axes.legend()
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    plt.close(figure)
    with atomic_open(path, "wb") as handle:
        handle.write(buffer.getvalue())
