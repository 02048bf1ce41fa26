"""Critical-n search, the attempt cache, the cubic fit and the plot (tiny d)."""

from __future__ import annotations

import json

import numpy as np
import pytest

from limitbench.benchmarks.executors import CellStore
from limitbench.benchmarks.free_embedding.fit import EXTRAPOLATE_DIMS, extrapolate, fit_cubic
from limitbench.benchmarks.free_embedding.optimise import OptimiseSettings
from limitbench.benchmarks.free_embedding.paper import PAPER_TABLE6, paper_fit
from limitbench.benchmarks.free_embedding.plot import plot_critical_n
from limitbench.benchmarks.free_embedding.search import SearchSettings, find_critical_n, largest_n
from limitbench.benchmarks.free_embedding.trials import run_trial
from limitbench.retrievers.errors import ConfigError
from test_free_embedding_optimise import FAST, _one_torch_thread  # noqa: F401  (shared settings, autouse fixture)


# Exact values: on the circle (d = 2) only neighbours can be a top-2, so 3 points work
# and 4 do not; on the sphere (d = 3) a top-2 pair must be an edge of the convex hull,
# at most 3n - 6 of them, so the tetrahedron (n = 4) works and n = 5 cannot.
@pytest.mark.parametrize(("d", "expected"), [(2, 4), (3, 5)])
def test_critical_n_matches_geometry_in_low_dimensions(tmp_path, d, expected):
    for start in ("fit", "expand"):
        result = find_critical_n(d=d, k=2, settings=FAST, search=SearchSettings(start=start), device="cpu",
                                 store=CellStore(tmp_path / start))
        assert result.critical_n == expected and result.largest_solved == expected - 1
        assert result.iterations == sum(trial.iterations for trial in result.trials) > 0


def test_other_k_expands_from_k_plus_one():
    # on the line unit vectors are +1 or -1: two documents can each be a strict top-1, three cannot
    result = find_critical_n(d=1, k=1, settings=FAST, device="cpu")
    assert result.critical_n == 3 and [trial.n for trial in result.trials][0] == 2
    assert largest_n(2) == 1000 and largest_n(1) > largest_n(2) > largest_n(3)


def test_recheck_tries_more_seeds_at_the_boundary(tmp_path):
    result = find_critical_n(d=2, k=2, settings=FAST, search=SearchSettings(recheck=2), device="cpu")
    at_boundary = [trial.seed for trial in result.trials if trial.n == result.critical_n]
    assert at_boundary == [0, 1, 2]


def test_attempts_are_cached_and_resumed(tmp_path):
    store = CellStore(tmp_path)
    first = run_trial(n=4, d=3, k=2, seed=0, settings=FAST, device="cpu", store=store)
    second = run_trial(n=4, d=3, k=2, seed=0, settings=FAST, device="cpu", store=store)
    assert not first.cached and second.cached
    assert first.record() == second.record()
    other = run_trial(n=4, d=3, k=2, seed=0, settings=OptimiseSettings(learning_rate=0.04, patience=200), device="cpu",
                      store=store)
    assert not other.cached  # other settings, other key
    files = sorted(tmp_path.glob("*.json"))
    assert len(files) == 2
    files[0].write_text("{ truncated")  # a damaged entry is recomputed, not trusted
    assert {run_trial(n=4, d=3, k=2, seed=0, settings=s, device="cpu", store=store).cached
            for s in (FAST, OptimiseSettings(learning_rate=0.04, patience=200))} == {True, False}


def test_search_rejects_bad_input():
    with pytest.raises(ConfigError, match="at least 1"):
        find_critical_n(d=0)
    with pytest.raises(ConfigError, match="search start"):
        SearchSettings(start="middle")


def test_cubic_fit_recovers_a_cubic_and_reports_r_squared():
    dims = np.arange(4, 21)
    fit = fit_cubic(dims, [paper_fit(d) for d in dims])
    assert fit.r_squared == pytest.approx(1.0)
    np.testing.assert_allclose(fit.coefficients, (-10.5322, 4.0309, 0.0520, 0.0037), atol=1e-6)
    table = fit_cubic(list(PAPER_TABLE6), list(PAPER_TABLE6.values()))
    assert 0.99 < table.r_squared < 1.0  # the paper reports r^2 = 0.999 for its points
    rows = extrapolate(fit)
    assert [row["d"] for row in rows] == list(EXTRAPOLATE_DIMS)
    assert rows[0]["critical_n"] == pytest.approx(paper_fit(512)) and rows[-1]["paper_quoted"] == 250e6
    with pytest.raises(ConfigError, match="at least 4 distinct"):
        fit_cubic([4, 5, 6], [10, 14, 19])


def test_plot_writes_a_png(tmp_path):
    dims = list(range(4, 12))
    fit = fit_cubic(dims, [PAPER_TABLE6[d] for d in dims])
    path = tmp_path / "critical-n.png"
    plot_critical_n(path, dims=dims, critical=[PAPER_TABLE6[d] + 1 for d in dims], fit=fit)
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 10_000
    assert not list(tmp_path.glob(".*.tmp"))  # written atomically
    json.dumps(fit.record())  # the fit is JSON-able as written to critical-n.json
