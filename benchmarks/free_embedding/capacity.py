"""Capacity check: the smallest dimension at which free embeddings realise a dataset.

The free-embedding best case of Weller et al. (2025, arXiv 2508.21038, section 4),
applied to the relevance pattern of any dataset instead of all k-subsets: query and
document vectors are optimised directly on the dataset's qrels, and for each
dimension d tried we report the share of queries whose relevant documents all reach
the top k (k = the query's number of relevant documents unless fixed). The smallest d
reaching 100% bounds from below the dimension any embedding model needs for this
dataset. On LIMIT-small (46 documents) the paper's Table 6 implies about 12.

Without an explicit list of dimensions the search doubles d (1, 2, 4, ...) until one
reaches 100%, then bisects between the last failing and the first passing d.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any, Callable, Sequence

from limitbench.benchmarks.datasets import Dataset
from limitbench.benchmarks.executors import CellStore
from limitbench.retrievers.errors import ConfigError

from .optimise import OptimiseSettings
from .pattern import RelevancePattern, pattern_from_qrels
from .trials import run_pattern_trial

__all__ = ["CapacityReport", "dataset_pattern", "measure_capacity"]

MAX_DIMENSION = 4096


@dataclass
class CapacityReport:
    dataset: str
    fingerprint: str
    documents: int
    queries: int
    rows: list[dict[str, Any]] = field(default_factory=list)
    smallest_d: int | None = None
    wall_seconds: float = 0.0

    def record(self) -> dict[str, Any]:
        return {
            "dataset": self.dataset,
            "fingerprint": self.fingerprint,
            "documents": self.documents,
            "queries": self.queries,
            "smallest_d": self.smallest_d,
            "rows": sorted(self.rows, key=lambda row: row["d"]),
            "wall_seconds": round(self.wall_seconds, 3),
        }


def dataset_pattern(dataset: Dataset, *, k: int | None = None, judged_only: bool = False) -> RelevancePattern:
    """The dataset's qrels as a pattern. ``judged_only`` drops documents relevant to no
    query (faster on large corpora; they only make the problem harder)."""
    document_ids = [doc.id for doc in dataset.corpus]
    if judged_only:
        judged = {doc for relevant in dataset.qrels.values() for doc, grade in relevant.items() if grade > 0}
        document_ids = [doc for doc in document_ids if doc in judged]
    return pattern_from_qrels(dataset.qrels, document_ids=document_ids, k=k, source=f"dataset {dataset.name!r}")


class _Tried:
    """Each d optimised once per seed (best share over the seeds), with a row per d."""

    def __init__(self, pattern: RelevancePattern, *, seeds: Sequence[int], settings: OptimiseSettings, device: str,
                 store: CellStore | None, log: Callable[[str], None] | None) -> None:
        self.pattern, self.seeds, self.settings, self.device, self.store, self.log = pattern, seeds, settings, device, store, log
        self.rows: dict[int, dict[str, Any]] = {}

    def share(self, d: int) -> float:
        if d not in self.rows:
            attempts = []
            for seed in self.seeds:
                record, cached = run_pattern_trial(self.pattern, d=d, seed=seed, settings=self.settings,
                                                   device=self.device, store=self.store)
                attempts.append(record)
                if self.log:
                    self.log(f"d={d} seed={seed}: {record['accuracy']:.2%} of queries solved, "
                             f"{record['iterations']} steps, {record['seconds']:.1f}s{' [cached]' if cached else ''}")
                if record["solved"]:
                    break
            best = max(attempts, key=lambda record: record["accuracy"])
            self.rows[d] = {
                "d": d,
                "share_solved": best["accuracy"],
                "solved_queries": round(best["accuracy"] * self.pattern.n_queries),
                "queries": self.pattern.n_queries,
                "all_solved": best["solved"],
                "iterations": sum(record["iterations"] for record in attempts),
                "seconds": round(sum(record["seconds"] for record in attempts), 3),
                "cpu_seconds": round(sum(record.get("cpu_seconds", 0.0) for record in attempts), 3),
                "seeds_tried": len(attempts),
            }
        return self.rows[d]["share_solved"]

    def passes(self, d: int) -> bool:
        self.share(d)
        return bool(self.rows[d]["all_solved"])


def _search_smallest(tried: _Tried, max_dimension: int) -> int | None:
    passing, failing = None, 0
    d = 1
    while d <= max_dimension:
        if tried.passes(d):
            passing = d
            break
        failing, d = d, d * 2
    if passing is None:
        return None
    while passing - failing > 1:
        middle = (passing + failing) // 2
        if tried.passes(middle):
            passing = middle
        else:
            failing = middle
    return passing


def measure_capacity(
    dataset: Dataset,
    *,
    dims: Sequence[int] | None = None,
    k: int | None = None,
    seeds: Sequence[int] = (0,),
    settings: OptimiseSettings = OptimiseSettings(),
    device: str = "auto",
    judged_only: bool = False,
    store: CellStore | None = None,
    max_dimension: int = MAX_DIMENSION,
    log: Callable[[str], None] | None = None,
) -> CapacityReport:
    """Share of queries solved at each d tried, and the smallest d solving them all."""
    if dims is not None:
        bad = [d for d in dims if d < 1]
        if bad:
            raise ConfigError(f"dimension d must be at least 1 (got {bad[0]})")
    if not seeds:
        raise ConfigError("at least one seed is needed")
    started = time.perf_counter()
    pattern = dataset_pattern(dataset, k=k, judged_only=judged_only)
    tried = _Tried(pattern, seeds=seeds, settings=settings, device=device, store=store, log=log)
    if dims:
        for d in sorted(set(dims)):
            tried.share(d)
        smallest = next((d for d in sorted(tried.rows) if tried.rows[d]["all_solved"]), None)
    else:
        smallest = _search_smallest(tried, max_dimension)
    return CapacityReport(
        dataset=dataset.name,
        fingerprint=dataset.fingerprint,
        documents=pattern.n_documents,
        queries=pattern.n_queries,
        rows=list(tried.rows.values()),
        smallest_d=smallest,
        wall_seconds=time.perf_counter() - started,
    )
