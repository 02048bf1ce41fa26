"""Relevance patterns and the free-embedding optimiser (tiny n and d)."""

from __future__ import annotations

import itertools
import math

import numpy as np
import pytest
import torch

from limitbench.benchmarks.free_embedding.optimise import OptimiseSettings, _Problem, optimise
from limitbench.benchmarks.free_embedding.pattern import all_subsets_pattern, pattern_from_qrels
from limitbench.retrievers.errors import ConfigError, DataError

# quick settings shared by the free-embedding, sweep and capacity tests (imported there)
FAST = OptimiseSettings(learning_rate=0.05, temperature=0.1, patience=200, min_delta=1e-4, max_iterations=3000)


@pytest.fixture(autouse=True)
def _one_torch_thread():
    """Tiny problems only lose from a thread pool, badly so on a shared machine."""
    previous = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(previous)


def test_all_subsets_pattern_lists_every_pair_once():
    pattern = all_subsets_pattern(n=5, k=2)
    assert pattern.n_queries == math.comb(5, 2)
    assert {tuple(row) for row in pattern.positives.tolist()} == {(a, b) for a in range(5) for b in range(a + 1, 5)}
    assert pattern.uniform and (pattern.k == 2).all()


def test_k_larger_than_n_is_a_config_error():
    with pytest.raises(ConfigError, match="k = 3 is larger than the number of documents n = 2"):
        all_subsets_pattern(n=2, k=3)


def test_pattern_from_qrels_pads_and_checks_k():
    qrels = {"q1": {"a": 1, "b": 1}, "q2": {"c": 1, "x": 0}}
    pattern = pattern_from_qrels(qrels, document_ids=["a", "b", "c", "x"])
    assert pattern.counts.tolist() == [2, 1] and pattern.k.tolist() == [2, 1] and not pattern.uniform
    assert pattern.positives.tolist() == [[0, 1], [2, 2]]
    assert pattern_from_qrels(qrels, document_ids=["a", "b", "c", "x"], k=3).k.tolist() == [3, 3]
    with pytest.raises(ConfigError, match="smaller than the 2 relevant"):
        pattern_from_qrels(qrels, document_ids=["a", "b", "c", "x"], k=1)
    with pytest.raises(DataError, match="empty qrels"):
        pattern_from_qrels({"q1": {"a": 0}}, document_ids=["a"])


def test_gradient_matches_autograd_on_uneven_pattern():
    pattern = pattern_from_qrels(
        {"q1": {"a": 1, "b": 1}, "q2": {"c": 1}, "q3": {"a": 1, "c": 1, "d": 1}}, document_ids=list("abcde")
    )
    problem = _Problem(pattern, torch.device("cpu"))
    scores = torch.randn(pattern.n_queries, pattern.n_documents, dtype=torch.float32, requires_grad=True)
    temperature = 0.2
    loss_value, grad, _ = problem.loss_and_grad(scores.detach(), temperature)
    # the module's formula, written naively: each relevant document against all non-relevant ones
    logits = scores / temperature
    terms = []
    for i, (row, count) in enumerate(zip(pattern.positives, pattern.counts)):
        relevant = set(row[:count].tolist())
        negatives = torch.stack([logits[i, j] for j in range(pattern.n_documents) if j not in relevant])
        for p in relevant:
            terms.append(-(logits[i, p] - torch.logsumexp(torch.cat([logits[i, p : p + 1], negatives]), 0)))
    reference = torch.stack(terms).mean()
    reference.backward()
    assert loss_value == pytest.approx(reference.detach().item(), rel=1e-5)
    torch.testing.assert_close(grad, scores.grad, rtol=1e-4, atol=1e-6)


def _top_k_sets(outcome) -> list[set[int]]:
    scores = outcome.queries @ outcome.documents.T
    return [set(np.argsort(-row)[:2].tolist()) for row in scores]


def test_small_problem_is_solved_and_vectors_are_unit_norm():
    pattern = all_subsets_pattern(n=6, k=2)
    outcome = optimise(pattern, dim=4, settings=FAST, seed=0, device="cpu")
    assert outcome.solved and outcome.stop == "solved" and outcome.accuracy == 1.0
    assert _top_k_sets(outcome) == [set(row) for row in pattern.positives.tolist()]
    np.testing.assert_allclose(np.linalg.norm(outcome.documents, axis=1), 1.0, atol=1e-5)
    np.testing.assert_allclose(np.linalg.norm(outcome.queries, axis=1), 1.0, atol=1e-5)


def test_impossible_problem_stops_on_plateau():
    # on a circle only neighbouring points can be a top-2, so 4 points cannot give all 6 pairs
    settings = OptimiseSettings(learning_rate=0.05, patience=50, min_delta=1e-3, max_iterations=400)
    outcome = optimise(all_subsets_pattern(n=4, k=2), dim=2, settings=settings, seed=0, device="cpu")
    assert not outcome.solved and outcome.stop in ("plateau", "max_iterations") and outcome.iterations <= 400
    assert 0 < outcome.accuracy < 1


def test_warm_start_from_a_solution_is_solved_at_once():
    pattern = all_subsets_pattern(n=5, k=2)
    first = optimise(pattern, dim=4, settings=FAST, seed=1, device="cpu")
    again = optimise(pattern, dim=4, settings=FAST, init=(first.documents, first.queries), device="cpu")
    assert first.solved and again.solved and again.iterations == 0


def test_bad_settings_and_dimension_are_config_errors():
    with pytest.raises(ConfigError, match="dimension d must be at least 1"):
        optimise(all_subsets_pattern(n=3, k=2), dim=0, settings=FAST)
    with pytest.raises(ConfigError, match="temperature must be positive"):
        OptimiseSettings(temperature=0)
    with pytest.raises(ConfigError, match="query_init"):
        OptimiseSettings(query_init="zeros")


def _moment_curve_solution(n: int) -> tuple[np.ndarray, np.ndarray]:
    """Documents on the trigonometric moment curve (cos t, sin t, cos 2t, sin 2t)/sqrt(2),
    whose convex hull is 2-neighbourly (Caratheodory; Gale), and for each pair the query
    that maximises the pair's margin over the rest (a linear programme)."""
    from scipy.optimize import linprog

    angles = 2 * np.pi * np.arange(n) / n
    documents = np.stack([np.cos(angles), np.sin(angles), np.cos(2 * angles), np.sin(2 * angles)], 1) / np.sqrt(2)
    queries = []
    for a, b in itertools.combinations(range(n), 2):
        others = [x for x in range(n) if x not in (a, b)]
        # variables (q, margin): maximise margin with q.(p_a - p_x) >= margin and q.(p_b - p_x) >= margin
        rows = [np.append(documents[x] - documents[p], 1.0) for x in others for p in (a, b)]
        solved = linprog(c=[0, 0, 0, 0, -1], A_ub=np.array(rows), b_ub=np.zeros(len(rows)),
                         bounds=[(-1, 1)] * 4 + [(None, 1)])
        assert solved.status == 0 and -solved.fun > 0
        queries.append(solved.x[:4])
    return documents, np.array(queries)


def test_every_pair_is_realisable_in_four_dimensions_beyond_the_papers_critical_n():
    # Table 6 gives critical n = 10 at d = 4, but exact vectors exist for larger n: the
    # measured critical n is a limit of the optimiser, not of the geometry (docs/freeembed.md)
    n = 14
    documents, queries = _moment_curve_solution(n)
    outcome = optimise(all_subsets_pattern(n=n, k=2), dim=4, settings=FAST, init=(documents, queries), device="cpu")
    assert outcome.solved and outcome.iterations == 0
