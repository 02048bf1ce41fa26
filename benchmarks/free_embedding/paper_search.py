"""Critical n for one d, searched the way the paper's released script searches it.

Weller et al. (2025, arXiv 2508.21038, section 4), google-deepmind/limit
``code/free_embedding_experiment.py`` (``_run_critical_n_search_for_config``; facts, not code):

1. galloping from a starting n: if it is solved, try n + 1, n + 2, n + 4, ... until one is
   not; if it is not, step down by 1, 2, 4, ... until one is;
2. binary search between the last solved and the first unsolved n;
3. a sweep over N - 4 ... N + 5 around the binary search's answer N.

An n counts as solved when its attempt reached recall@k = 1.0 at any check. The search
starts from k + 1 (the script takes the start as a flag; no fitted curve is used here), and
every n gets one attempt per seed (solved if any seed solves it; the script uses one seed).
The result reported is the **largest solved n** over all attempts and the **critical n** just
above it, the smallest number of documents the optimiser could not fit (the reading of
Table 6 also used by :mod:`.search`).
"""

from __future__ import annotations

import time
from typing import Callable, Sequence

from limitbench.benchmarks.executors import CellStore

from .paper_optimise import PaperSettings
from .search import CriticalN, search_ceiling
from .trials import Trial, run_trial

__all__ = ["find_critical_n_paper", "SWEEP_OFFSETS"]

#: the script's phase 3: N - 4 ... N + 5
SWEEP_OFFSETS = range(-4, 6)


class _PaperOracle:
    """``solved(n)``, each n attempted once per seed and remembered (the script's result reuse)."""

    def __init__(self, *, d: int, k: int, seeds: Sequence[int], settings: PaperSettings, device: str,
                 store: CellStore | None, log: Callable[[str], None] | None, ceiling: int) -> None:
        self.d, self.k, self.seeds, self.settings, self.device = d, k, seeds, settings, device
        self.store, self.log, self.ceiling = store, log, ceiling
        self.answers: dict[int, bool] = {}
        self.trials: list[Trial] = []

    def __call__(self, n: int) -> bool:
        if n <= self.k:  # one query relevant to every document (or none): nothing to outrank
            return True
        if n > self.ceiling:
            return False
        if n not in self.answers:
            self.answers[n] = any(self._attempt(n, seed) for seed in self.seeds)
        return self.answers[n]

    def _attempt(self, n: int, seed: int) -> bool:
        trial = run_trial(n=n, d=self.d, k=self.k, seed=seed, settings=self.settings, device=self.device,
                          store=self.store)
        self.trials.append(trial)
        if self.log:
            verdict = "solved" if trial.solved else f"failed ({trial.stop}, best recall {trial.accuracy:.4f})"
            source = " [cached]" if trial.cached else ""
            self.log(f"[paper] d={self.d} n={n} seed={seed}: {verdict} after {trial.iterations} steps, "
                     f"{trial.seconds:.1f}s{source}")
        return trial.solved


def _gallop(solved: _PaperOracle, start: int) -> tuple[int | None, int | None]:
    """(last solved, first unsolved) around ``start`` by doubling steps."""
    if solved(start):
        low, step = start, 1
        while True:
            if low + step > solved.ceiling:
                return low, None
            if solved(low + step):
                low, step = low + step, step * 2
            else:
                return low, low + step
    high, step = start, 1
    while high > 1:
        trial = max(high - step, 1)
        if not solved(trial):
            high, step = trial, step * 2
            if trial == 1:
                break
        else:
            return trial, high
    return None, high


def _binary(solved: _PaperOracle, low: int, high: int) -> int:
    """The script's binary search: the largest n found solved in [low, high]."""
    best = low
    while low <= high:
        middle = (low + high) // 2
        if solved(middle):
            best, low = middle, middle + 1
        else:
            high = middle - 1
    return best


def find_critical_n_paper(
    *,
    d: int,
    k: int = 2,
    seeds: Sequence[int] = (0,),
    settings: PaperSettings = PaperSettings(),
    device: str = "auto",
    store: CellStore | None = None,
    max_n: int | None = None,
    log: Callable[[str], None] | None = None,
) -> CriticalN:
    """Gallop from k + 1, binary search, sweep N - 4 ... N + 5 (module docstring)."""
    ceiling = search_ceiling(d=d, k=k, seeds=seeds, max_n=max_n)
    started = time.perf_counter()
    solved = _PaperOracle(d=d, k=k, seeds=seeds, settings=settings, device=device, store=store, log=log,
                          ceiling=ceiling)
    low, high = _gallop(solved, k + 1)
    if low is not None and high is not None:
        answer = _binary(solved, low, high)
        for offset in SWEEP_OFFSETS:
            solved(max(answer + offset, 1))
    largest = max((n for n, ok in solved.answers.items() if ok), default=k)
    critical = largest + 1 if largest < ceiling else None
    return CriticalN(d=d, k=k, critical_n=critical, largest_solved=largest, trials=solved.trials,
                     wall_seconds=time.perf_counter() - started)
