"""Find the critical n for one dimension d: the smallest number of documents at which
optimisation can no longer make every k-subset the top k of some query.

Weller et al. (2025, arXiv 2508.21038, section 4) grow n until optimisation fails.
Here the boundary is found with fewer attempts:

1. a first guess g (``start="fit"``: the paper's cubic fit at d, used only to choose
   where to look, k = 2 only; ``start="expand"`` or any other k: k + 1);
2. expanding: step away from g with doubling steps until one n is solved and a larger
   one is not;
3. binary search between them;
4. local re-check: the first unsolved n is tried again with ``recheck`` more seeds
   (optimisation is stochastic, so one failed run does not prove n unsolvable); if one
   solves it the search carries on above it, and re-checks the new boundary.

n counts as solved when any of the seeds solves it (the best case is what is asked).
"""

from __future__ import annotations

import math
import time
from dataclasses import asdict, dataclass, field
from typing import Callable, Sequence

from limitbench.benchmarks.executors import CellStore
from limitbench.retrievers.errors import ConfigError

from .optimise import OptimiseSettings
from .paper import paper_fit
from .pattern import MAX_QUERIES
from .trials import Trial, run_trial

__all__ = ["SearchSettings", "CriticalN", "find_critical_n", "largest_n", "search_ceiling"]


@dataclass(frozen=True)
class SearchSettings:
    start: str = "fit"
    first_step: float = 0.08  # share of the guess
    recheck: int = 2
    max_n: int | None = None

    def __post_init__(self) -> None:
        if self.start not in ("fit", "expand"):
            raise ConfigError(f"search start must be 'fit' or 'expand' (got {self.start!r})")
        if not self.first_step > 0:
            raise ConfigError(f"first_step must be positive (got {self.first_step})")
        if self.recheck < 0:
            raise ConfigError(f"recheck must not be negative (got {self.recheck})")

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass
class CriticalN:
    """``critical_n``: smallest n found unsolvable (``None`` if none up to ``max_n``)."""

    d: int
    k: int
    critical_n: int | None
    largest_solved: int
    trials: list[Trial] = field(default_factory=list)
    wall_seconds: float = 0.0

    @property
    def iterations(self) -> int:
        return sum(trial.iterations for trial in self.trials)

    @property
    def seconds(self) -> float:
        """Optimisation time of every attempt, also those read from the cache."""
        return sum(trial.seconds for trial in self.trials)

    @property
    def cpu_seconds(self) -> float:
        return sum(trial.cpu_seconds for trial in self.trials)

    def record(self) -> dict:
        return {
            "d": self.d,
            "k": self.k,
            "critical_n": self.critical_n,
            "largest_solved": self.largest_solved,
            "iterations": self.iterations,
            "seconds": round(self.seconds, 3),
            "cpu_seconds": round(self.cpu_seconds, 3),
            "wall_seconds": round(self.wall_seconds, 3),
            "trials": [trial.record() for trial in self.trials],
        }


# one (queries x documents) score matrix of float32; the optimiser holds a few of them
MAX_SCORES = 500_000_000


def largest_n(k: int) -> int:
    """The largest n whose C(n, k) x n score matrix stays within :data:`MAX_SCORES`
    (n = 1,000 for k = 2, well above the paper's largest critical n of 626)."""

    def fits(n: int) -> bool:
        queries = math.comb(n, k)
        return queries <= MAX_QUERIES and queries * n <= MAX_SCORES

    low, high = k, k + 1
    while fits(high):
        low, high = high, high * 2
    while high - low > 1:
        middle = (low + high) // 2
        low, high = (middle, high) if fits(middle) else (low, middle)
    return low


def search_ceiling(*, d: int, k: int, seeds: Sequence[int], max_n: int | None) -> int:
    """The largest n a search may try, after checking d, k and the seeds."""
    if d < 1:
        raise ConfigError(f"dimension d must be at least 1 (got {d})")
    if k < 1:
        raise ConfigError(f"k must be at least 1 (got {k})")
    if not seeds:
        raise ConfigError("at least one seed is needed")
    ceiling = min(max_n or largest_n(k), largest_n(k))
    if ceiling <= k:
        raise ConfigError(f"k = {k} is larger than the number of documents n = {ceiling}")
    return ceiling


class _Oracle:
    """``solved(n)`` with memory: each n is optimised once per seed, in seed order."""

    def __init__(self, *, d: int, k: int, seeds: Sequence[int], settings: OptimiseSettings, device: str,
                 store: CellStore | None, log: Callable[[str], None] | None) -> None:
        self.d, self.k, self.seeds, self.settings, self.device, self.store, self.log = d, k, seeds, settings, device, store, log
        self.answers: dict[int, bool] = {}
        self.trials: list[Trial] = []

    def __call__(self, n: int) -> bool:
        if n <= self.k:  # one query whose relevant set is every document: nothing to outrank
            return True
        if n not in self.answers:
            self.answers[n] = any(self._attempt(n, seed) for seed in self.seeds)
        return self.answers[n]

    def retry(self, n: int, extra: int) -> bool:
        """Try ``n`` again with ``extra`` seeds beyond the configured ones."""
        first = max(self.seeds) + 1
        if not self(n):
            self.answers[n] = any(self._attempt(n, seed) for seed in range(first, first + extra))
        return self.answers[n]

    def _attempt(self, n: int, seed: int) -> bool:
        trial = run_trial(n=n, d=self.d, k=self.k, seed=seed, settings=self.settings, device=self.device, store=self.store)
        self.trials.append(trial)
        if self.log:
            verdict = "solved" if trial.solved else f"failed ({trial.stop}, best {trial.accuracy:.2%})"
            source = " [cached]" if trial.cached else ""
            self.log(f"d={self.d} n={n} seed={seed}: {verdict} after {trial.iterations} steps, {trial.seconds:.1f}s{source}")
        return trial.solved


def _bracket(solved: _Oracle, guess: int, step: int, floor: int, ceiling: int) -> tuple[int, int | None]:
    """(an n that is solved, a larger n that is not), by doubling steps from ``guess``."""
    if solved(guess):
        low, high = guess, min(guess + step, ceiling)
        while solved(high):
            if high >= ceiling:
                return high, None
            low, step = high, step * 2
            high = min(low + step, ceiling)
        return low, high
    high, low = guess, max(guess - step, floor)
    while not solved(low):
        high, step = low, step * 2
        low = max(high - step, floor)
    return low, high


def _bisect(solved: _Oracle, low: int, high: int) -> tuple[int, int]:
    while high - low > 1:
        middle = (low + high) // 2
        if solved(middle):
            low = middle
        else:
            high = middle
    return low, high


def find_critical_n(
    *,
    d: int,
    k: int = 2,
    seeds: Sequence[int] = (0,),
    settings: OptimiseSettings = OptimiseSettings(),
    search: SearchSettings = SearchSettings(),
    device: str = "auto",
    store: CellStore | None = None,
    log: Callable[[str], None] | None = None,
) -> CriticalN:
    """Expanding, then binary search over n, then a local re-check (module docstring)."""
    ceiling = search_ceiling(d=d, k=k, seeds=seeds, max_n=search.max_n)
    started = time.perf_counter()
    solved = _Oracle(d=d, k=k, seeds=seeds, settings=settings, device=device, store=store, log=log)
    # the paper's fit is for k = 2; for other k the search expands from k + 1
    guess = round(paper_fit(d)) if search.start == "fit" and k == 2 else k + 1
    guess = min(max(guess, k + 1), ceiling)
    step = max(1, round(search.first_step * guess))
    low, high = _bracket(solved, guess, step, k, ceiling)
    while high is not None:
        low, high = _bisect(solved, low, high)
        if not search.recheck or not solved.retry(high, search.recheck):
            break
        low, high = _bracket(solved, high, 1, k, ceiling)  # the boundary fell: look further up
    return CriticalN(
        d=d, k=k, critical_n=high, largest_solved=low, trials=solved.trials, wall_seconds=time.perf_counter() - started
    )
