"""Capacity check: the smallest dimension at which unit vectors realise a dataset's qrels.

For each dimension d tried, two methods build query and document vectors for exactly the
dataset's relevance pattern (each query's relevant documents must fill its top k; k = the
query's number of relevant documents unless fixed):

* ``moment-curve`` — the constructive embedding (:mod:`.moment_curve`): documents on the
  trigonometric moment curve, each query the supporting hyperplane of its relevant set,
  widened by a linear programme. It applies when every query has at most d/2 relevant
  documents, and then realises the qrels for any number of documents (cyclic polytopes are
  neighbourly: Gale 1963; Wang et al. 2026, arXiv 2601.20844, "R^2k is theoretically large
  enough");
* ``optimiser`` — free vectors optimised on the qrels (the free-embedding best case of
  Weller et al. 2025, arXiv 2508.21038, section 4; :mod:`.optimise`, the tuned settings).

For each (d, method) the report gives the share of queries realised, the margin
(:mod:`.margin`: the smallest gap between a query's weakest relevant and strongest
non-relevant score, unit vectors) and whether the exact ranking survives storing the
vectors as float32, float16 and int8. The smallest d is the smallest at which some method
realises every query, with that method named, beside the known lower bound
(:mod:`.bounds`). Writes ``capacity.json`` and ``capacity-margin.png`` (margin against d).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any, Callable, Sequence

import numpy as np

from limitbench.benchmarks.datasets import Dataset
from limitbench.benchmarks.executors import CellStore
from limitbench.retrievers.errors import ConfigError

from .bounds import LowerBound, known_lower_bound
from .margin import margin_summary
from .moment_curve import face_query, face_scores, max_margin_query, moment_curve_documents
from .optimise import OptimiseSettings
from .pattern import RelevancePattern, pattern_from_qrels
from .trials import run_pattern_trial

__all__ = ["METHODS", "CapacityReport", "dataset_pattern", "default_dims", "measure_capacity", "moment_curve_row"]

METHODS = ("moment-curve", "optimiser")
MAX_DIMENSION = 4096


@dataclass
class CapacityReport:
    dataset: str
    fingerprint: str
    documents: int
    queries: int
    max_relevant: int
    lower_bound: LowerBound
    rows: list[dict[str, Any]] = field(default_factory=list)
    smallest_d: int | None = None
    smallest_by: list[str] = field(default_factory=list)
    wall_seconds: float = 0.0

    def record(self) -> dict[str, Any]:
        return {
            "dataset": self.dataset,
            "fingerprint": self.fingerprint,
            "documents": self.documents,
            "queries": self.queries,
            "max_relevant": self.max_relevant,
            "smallest_d": self.smallest_d,
            "smallest_d_by": self.smallest_by,
            "lower_bound": self.lower_bound.record(),
            "rows": sorted(self.rows, key=lambda row: (row["d"], METHODS.index(row["method"]))),
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


def default_dims(pattern: RelevancePattern, bound: LowerBound) -> list[int]:
    """1..8, the lower bound, and 2k and 2k + 2 for the largest relevant set k."""
    widest = int(pattern.counts.max())
    return sorted(set(range(1, 9)) | {bound.d, 2 * widest, 2 * widest + 2})


def moment_curve_row(pattern: RelevancePattern, d: int) -> dict[str, Any]:
    """The constructive embedding in ``d`` dimensions, verified and measured."""
    started = time.perf_counter()
    widest = int(pattern.counts.max())
    row: dict[str, Any] = {"d": d, "method": "moment-curve", "applicable": d >= 2 and widest <= d // 2}
    if not row["applicable"]:
        row.update(realised=False, share_realised=0.0, realised_queries=0, min_margin=None, median_margin=None,
                   precision={}, note=f"needs d >= 2 x {widest} (the largest relevant set)")
        return row
    n = pattern.n_documents
    documents = moment_curve_documents(n, d)
    queries = np.empty((pattern.n_queries, d))
    faces_exact = True
    for i in range(pattern.n_queries):
        relevant = pattern.positives[i, : pattern.counts[i]]
        closed_form = face_query(relevant, n, d)
        # the polynomial is 0 on the face and a product of positive factors elsewhere
        values = face_scores(relevant, n)
        mask = np.ones(n, dtype=bool)
        mask[relevant] = False
        faces_exact &= bool((values[mask] < 0).all())
        exact_rank = pattern.k[i] == pattern.counts[i]
        queries[i] = max_margin_query(documents, relevant, closed_form) if exact_rank else closed_form
    row.update(margin_summary(queries, documents, pattern))
    row["faces_verified"] = faces_exact
    row["seconds"] = round(time.perf_counter() - started, 3)
    return row


class _Optimiser:
    """Each d optimised once per seed until one realises every query; the best attempt counts."""

    def __init__(self, pattern: RelevancePattern, *, seeds: Sequence[int], settings: OptimiseSettings, device: str,
                 store: CellStore | None, log: Callable[[str], None] | None) -> None:
        self.pattern, self.seeds, self.settings, self.device, self.store, self.log = (
            pattern, seeds, settings, device, store, log)

    def row(self, d: int) -> dict[str, Any]:
        attempts = []
        for seed in self.seeds:
            record, cached = run_pattern_trial(self.pattern, d=d, seed=seed, settings=self.settings,
                                               device=self.device, store=self.store, with_margins=True)
            attempts.append(record)
            if self.log:
                self.log(f"optimiser d={d} seed={seed}: {record['accuracy']:.2%} of queries solved, "
                         f"{record['iterations']} steps, {record['seconds']:.1f}s{' [cached]' if cached else ''}")
            if record["margins"]["realised"]:
                break
        best = max(attempts, key=lambda record: (record["margins"]["share_realised"],
                                                  record["margins"]["min_margin"] or -np.inf))
        return {
            "d": d, "method": "optimiser", "applicable": True, **best["margins"],
            "iterations": sum(record["iterations"] for record in attempts),
            "seconds": round(sum(record["seconds"] for record in attempts), 3),
            "cpu_seconds": round(sum(record.get("cpu_seconds", 0.0) for record in attempts), 3),
            "seeds_tried": len(attempts),
        }


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
    methods: Sequence[str] = METHODS,
    max_dimension: int = MAX_DIMENSION,
    log: Callable[[str], None] | None = None,
) -> CapacityReport:
    """Every method at every d; the smallest d realised, by which method, and the lower bound."""
    if dims is not None:
        bad = [d for d in dims if d < 1]
        if bad:
            raise ConfigError(f"dimension d must be at least 1 (got {bad[0]})")
        too_big = [d for d in dims if d > max_dimension]
        if too_big:
            raise ConfigError(f"dimension d = {too_big[0]} is above the limit of {max_dimension}")
    unknown = [method for method in methods if method not in METHODS]
    if unknown or not methods:
        raise ConfigError(f"unknown capacity method {unknown[0] if unknown else ''!r} (choose from {', '.join(METHODS)})")
    if not seeds:
        raise ConfigError("at least one seed is needed")
    started = time.perf_counter()
    pattern = dataset_pattern(dataset, k=k, judged_only=judged_only)
    bound = known_lower_bound(pattern)
    chosen = sorted(set(dims)) if dims else default_dims(pattern, bound)
    optimiser = _Optimiser(pattern, seeds=seeds, settings=settings, device=device, store=store, log=log)
    rows = []
    for d in chosen:
        if "moment-curve" in methods:
            rows.append(moment_curve_row(pattern, d))
            if log and rows[-1]["applicable"]:
                log(f"moment-curve d={d}: {rows[-1]['share_realised']:.2%} of queries realised, "
                    f"min margin {rows[-1]['min_margin']:.3g}")
        if "optimiser" in methods:
            rows.append(optimiser.row(d))
    realised = sorted((row["d"], row["method"]) for row in rows if row["realised"])
    smallest = realised[0][0] if realised else None
    return CapacityReport(
        dataset=dataset.name,
        fingerprint=dataset.fingerprint,
        documents=pattern.n_documents,
        queries=pattern.n_queries,
        max_relevant=int(pattern.counts.max()),
        lower_bound=bound,
        rows=rows,
        smallest_d=smallest,
        smallest_by=[method for d, method in realised if d == smallest],
        wall_seconds=time.perf_counter() - started,
    )
