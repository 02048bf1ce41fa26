"""Relevance patterns: which documents each query must rank at the top.

A pattern is the qrels matrix of a retrieval task in index form. Query ``i`` has the
relevant documents ``positives[i, :counts[i]]`` (padded with its first positive so the
array is rectangular) and is *solved* when all of them are in its top ``k[i]``.

The free-embedding experiment of Weller et al. (2025, "On the Theoretical Limitations
of Embedding-Based Retrieval", arXiv 2508.21038, section 4) uses the densest pattern:
one query for every k-subset of n documents, so ``C(n, k)`` queries.
"""

from __future__ import annotations

import hashlib
import itertools
import math
from dataclasses import dataclass
from functools import cached_property
from typing import Mapping, Sequence

import numpy as np

from limitbench.retrievers.errors import ConfigError, DataError

__all__ = ["RelevancePattern", "all_subsets_pattern", "pattern_from_qrels", "MAX_QUERIES"]

# C(n, k) grows fast; past this many queries a CPU run would not finish in a day.
MAX_QUERIES = 50_000_000


@dataclass(frozen=True, eq=False)
class RelevancePattern:
    """``positives``: (queries, max relevant) document indices; ``counts``: relevant per query;
    ``k``: the rank every relevant document of that query must reach."""

    n_documents: int
    positives: np.ndarray
    counts: np.ndarray
    k: np.ndarray

    @property
    def n_queries(self) -> int:
        return int(self.positives.shape[0])

    @cached_property
    def uniform(self) -> bool:
        """Every query has the same number of relevant documents and ``k`` equals it."""
        return bool((self.counts == self.counts[0]).all() and (self.k == self.counts).all())

    @cached_property
    def fingerprint(self) -> str:
        """SHA-256 over n, positives, counts and k: equal patterns, equal key."""
        digest = hashlib.sha256(f"{self.n_documents}".encode())
        for array in (self.positives, self.counts, self.k):
            digest.update(np.ascontiguousarray(array, dtype=np.int64).tobytes())
        return digest.hexdigest()


def all_subsets_pattern(*, n: int, k: int) -> RelevancePattern:
    """One query per k-subset of ``n`` documents, in lexicographic order."""
    if k < 1:
        raise ConfigError(f"k must be at least 1 (got {k})")
    if k > n:
        raise ConfigError(f"k = {k} is larger than the number of documents n = {n}")
    count = math.comb(n, k)
    if count > MAX_QUERIES:
        raise ConfigError(f"C({n}, {k}) = {count} queries is more than {MAX_QUERIES}; use a smaller n or k")
    positives = np.fromiter(
        itertools.chain.from_iterable(itertools.combinations(range(n), k)), dtype=np.int64, count=count * k
    ).reshape(count, k)
    counts = np.full(count, k, dtype=np.int64)
    return RelevancePattern(n_documents=n, positives=positives, counts=counts, k=counts.copy())


def pattern_from_qrels(
    qrels: Mapping[str, Mapping[str, int]],
    *,
    document_ids: Sequence[str],
    k: int | None = None,
    source: str = "qrels",
) -> RelevancePattern:
    """The pattern of a dataset: relevant = grade > 0. ``k`` defaults to each query's
    number of relevant documents; a fixed ``k`` must be at least that number."""
    index = {doc_id: position for position, doc_id in enumerate(document_ids)}
    rows: list[list[int]] = []
    for query_id in sorted(qrels):
        relevant = sorted(index[doc] for doc, grade in qrels[query_id].items() if grade > 0 and doc in index)
        if relevant:
            rows.append(relevant)
    if not rows:
        raise DataError(f"{source}: no query has a relevant document (empty qrels)")
    width = max(len(row) for row in rows)
    counts = np.array([len(row) for row in rows], dtype=np.int64)
    if k is not None:
        if k < 1:
            raise ConfigError(f"k must be at least 1 (got {k})")
        if k < width:
            raise ConfigError(f"k = {k} is smaller than the {width} relevant documents of some query in {source}")
        if k > len(document_ids):
            raise ConfigError(f"k = {k} is larger than the number of documents n = {len(document_ids)}")
    positives = np.array([row + [row[0]] * (width - len(row)) for row in rows], dtype=np.int64)
    ks = counts.copy() if k is None else np.full(len(rows), k, dtype=np.int64)
    return RelevancePattern(n_documents=len(document_ids), positives=positives, counts=counts, k=ks)
