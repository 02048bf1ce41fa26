"""Paired significance tests of each system against a baseline, per metric, with
multiple-testing correction.

* Paired two-sided t-test on per-query values (scipy ``ttest_rel``; Smucker, Allan &
  Carterette 2007, "A comparison of statistical significance tests for IR evaluation",
  CIKM, find it agrees well with randomisation tests), or the Wilcoxon signed-rank test.
* Holm–Bonferroni step-down correction over all comparisons of a dataset (Holm 1979,
  "A simple sequentially rejective multiple test procedure", Scand. J. Statist. 6:65–70):
  sort the m p-values ascending; adjusted p_(i) = max_{j<=i} min(1, (m - j + 1) p_(j)).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from scipy import stats

from limitbench.retrievers.errors import ConfigError

__all__ = ["TESTS", "Comparison", "holm_adjust", "compare_to_baseline"]

TESTS = ("t-test", "wilcoxon")


@dataclass(frozen=True)
class Comparison:
    system: str
    baseline: str
    metric: str
    delta: float
    p_value: float
    p_adjusted: float
    significant: bool


def holm_adjust(p_values: list[float]) -> list[float]:
    """Holm–Bonferroni adjusted p-values, in the input order."""
    m = len(p_values)
    order = sorted(range(m), key=lambda i: p_values[i])
    adjusted = [0.0] * m
    running = 0.0
    for rank, index in enumerate(order):
        running = max(running, min(1.0, (m - rank) * p_values[index]))
        adjusted[index] = running
    return adjusted


def _p_value(test: str, a: np.ndarray, b: np.ndarray) -> float:
    if np.allclose(a, b):
        return 1.0
    if test == "t-test":
        p = stats.ttest_rel(a, b).pvalue
    else:
        p = stats.wilcoxon(a, b, zero_method="wilcox").pvalue
    return 1.0 if p is None or math.isnan(p) else float(p)


def compare_to_baseline(
    per_query: dict[str, dict[str, dict[str, float]]],
    *,
    baseline: str,
    metrics: list[str],
    test: str = "t-test",
    alpha: float = 0.05,
) -> list[Comparison]:
    """``per_query[system][query_id][metric]`` -> comparisons of every other system with ``baseline``."""
    if test not in TESTS:
        raise ConfigError(f"significance.test: unknown test {test!r} (choose from {', '.join(TESTS)})")
    if baseline not in per_query:
        raise ConfigError(f"significance.baseline: {baseline!r} is not one of the systems run ({', '.join(per_query)})")
    query_ids = sorted(per_query[baseline])
    pending = []
    for system, rows in per_query.items():
        if system == baseline:
            continue
        for metric in metrics:
            a = np.array([rows[q][metric] for q in query_ids])
            b = np.array([per_query[baseline][q][metric] for q in query_ids])
            pending.append((system, metric, float(a.mean() - b.mean()), _p_value(test, a, b)))
    adjusted = holm_adjust([p for *_, p in pending])
    return [
        Comparison(system, baseline, metric, delta, p, p_adj, p_adj < alpha)
        for (system, metric, delta, p), p_adj in zip(pending, adjusted)
    ]
