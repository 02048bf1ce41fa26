"""Probe metrics on matrices whose answers are known."""

from __future__ import annotations

import numpy as np
import pytest

from limitbench.benchmarks.probes.metrics import (
    mean_by_gap,
    monotonicity_violations,
    order_accuracy,
    spearman_vs_gap,
    summarise,
    zero_spearman,
)

N = 12
INDEX = np.arange(N)
IDEAL = -np.abs(INDEX[:, None] - INDEX[None, :]).astype(float)


def test_ideal_similarity_is_perfect():
    assert spearman_vs_gap(IDEAL) == pytest.approx(1.0)
    assert monotonicity_violations(IDEAL) == 0.0
    assert order_accuracy(IDEAL) == 1.0
    assert zero_spearman(-INDEX.astype(float)) == pytest.approx(1.0)


def test_reversed_similarity_is_always_wrong():
    assert spearman_vs_gap(-IDEAL) == pytest.approx(-1.0)
    assert monotonicity_violations(-IDEAL) == 1.0
    assert order_accuracy(-IDEAL) == 0.0


def test_constant_similarity_is_chance_and_spearman_undefined():
    flat = np.ones((N, N))
    assert spearman_vs_gap(flat) is None
    assert monotonicity_violations(flat) == 0.5 and order_accuracy(flat) == 0.5


def test_random_similarity_is_near_chance():
    noise = np.random.default_rng(0).random((40, 40))
    assert abs(order_accuracy(noise) - 0.5) < 0.05
    assert abs(monotonicity_violations(noise) - 0.5) < 0.05
    assert abs(spearman_vs_gap(noise)) < 0.1


def test_mean_by_gap_counts_both_directions():
    rows = mean_by_gap(IDEAL)
    assert [r["gap"] for r in rows] == list(range(1, N))
    assert rows[0]["mean"] == -1.0 and rows[0]["std"] == 0.0 and rows[-1]["mean"] == -(N - 1)


def test_one_order_mistake_is_counted_exactly():
    # swap the similarities of gaps 1 and 2 for anchor 0 only
    matrix = IDEAL.copy()
    matrix[0, 1], matrix[0, 2] = matrix[0, 2], matrix[0, 1]
    steps = sum(max(0, len(INDEX[a + 1:]) - 1) + max(0, a - 1) for a in INDEX)
    # the walk from 0 now goes up once (gap1->gap2) and is otherwise fine; gap2->gap3 is still down
    assert monotonicity_violations(matrix) == pytest.approx(1 / steps)
    assert summarise(matrix, matrix[0])["order_accuracy"] < 1.0
