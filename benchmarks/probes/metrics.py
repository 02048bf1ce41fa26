"""How well a similarity matrix follows the true order of a number family.

For items ``0..n-1`` in their true order and a similarity matrix ``S`` (query row
i, document column j; off-diagonal entries only):

* ``spearman`` — Spearman's rank correlation (scipy) between ``S[i, j]`` and
  ``-|i - j|`` over all pairs i != j: 1 when similarity falls strictly with the gap,
  about 0 when it ignores it.
* ``mean_by_gap`` — for each gap g = |i - j| = 1..n-1, the mean and standard
  deviation of ``S[i, j]`` (the trend line of Jina's scatter plots).
* ``monotonicity_violations`` — share of steps that go the wrong way when walking
  away from an anchor: for every anchor i, direction d in {-1, +1} and distance
  g >= 1 with both ``i + d*g`` and ``i + d*(g+1)`` in range, the step counts as a
  violation when ``S[i, i + d*(g+1)] > S[i, i + d*g]`` (the farther item is more
  similar); a tie (equal similarity) counts one half, so a constant similarity
  scores 0.5 like one that ignores order. 0 is perfect.
* ``order_accuracy`` — pairwise order accuracy for "which of a, b is closer to c":
  over all triples of distinct c, a, b with ``|a - c| < |b - c|``, the share with
  ``S[c, a] > S[c, b]`` (ties count one half). 1 is perfect, 0.5 is chance.
* ``zero_spearman`` — Spearman correlation between the similarity of each item
  to the family's zero item and ``-i`` (items farther from zero should be less
  similar to it).

These follow the measurements of Jina AI's "Can Embedding/Reranker Models Compare
Numbers?" (2024), made into numbers that can be compared across models.
"""

from __future__ import annotations

import math

import numpy as np
from scipy.stats import spearmanr

__all__ = ["spearman_vs_gap", "mean_by_gap", "monotonicity_violations", "order_accuracy", "zero_spearman", "summarise"]


def _off_diagonal(n: int) -> tuple[np.ndarray, np.ndarray]:
    rows, cols = np.where(~np.eye(n, dtype=bool))
    return rows, cols


def _spearman(a: np.ndarray, b: np.ndarray) -> float | None:
    """None when either side is constant (the correlation is undefined)."""
    if np.ptp(a) == 0 or np.ptp(b) == 0:
        return None
    value = spearmanr(a, b).statistic
    return None if value is None or math.isnan(value) else float(value)


def spearman_vs_gap(similarity: np.ndarray) -> float | None:
    rows, cols = _off_diagonal(similarity.shape[0])
    return _spearman(similarity[rows, cols], -np.abs(rows - cols).astype(float))


def mean_by_gap(similarity: np.ndarray) -> list[dict[str, float]]:
    n = similarity.shape[0]
    rows, cols = _off_diagonal(n)
    gaps = np.abs(rows - cols)
    values = similarity[rows, cols]
    return [
        {"gap": int(g), "mean": float(values[gaps == g].mean()), "std": float(values[gaps == g].std())}
        for g in range(1, n)
    ]


def monotonicity_violations(similarity: np.ndarray) -> float:
    n = similarity.shape[0]
    violations, steps = 0.0, 0
    for anchor in range(n):
        row = similarity[anchor]
        for walk in (row[anchor + 1:], row[:anchor][::-1]):  # moving right, moving left
            if len(walk) >= 2:
                violations += float(np.sum(walk[1:] > walk[:-1])) + 0.5 * float(np.sum(walk[1:] == walk[:-1]))
                steps += len(walk) - 1
    return violations / steps if steps else 0.0


def order_accuracy(similarity: np.ndarray) -> float:
    n = similarity.shape[0]
    index = np.arange(n)
    correct = total = 0.0
    for c in range(n):
        distance = np.abs(index - c)
        scores = similarity[c]
        others = index != c
        d, s = distance[others], scores[others]
        closer = d[:, None] < d[None, :]  # a (row) strictly closer to c than b (column)
        wins = (s[:, None] > s[None, :]) & closer
        ties = (s[:, None] == s[None, :]) & closer
        correct += wins.sum() + 0.5 * ties.sum()
        total += closer.sum()
    return float(correct / total) if total else 0.0


def zero_spearman(to_zero: np.ndarray) -> float | None:
    return _spearman(np.asarray(to_zero, dtype=float), -np.arange(len(to_zero), dtype=float))


def summarise(similarity: np.ndarray, to_zero: np.ndarray) -> dict:
    """Every measure above, ready for ``probes.json``."""
    return {
        "spearman": spearman_vs_gap(similarity),
        "monotonicity_violations": monotonicity_violations(similarity),
        "order_accuracy": order_accuracy(similarity),
        "zero_spearman": zero_spearman(to_zero),
        "mean_by_gap": mean_by_gap(similarity),
    }
