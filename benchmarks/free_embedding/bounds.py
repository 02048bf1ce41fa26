r"""Known lower bounds on the dimension that realises a relevance pattern with unit vectors.

A relevant set :math:`R` is the exact top :math:`|R|` of a query :math:`q` when a hyperplane
:math:`\{x : q \cdot x = b\}` has the documents of :math:`R`, and only those, on its upper
side. With unit documents on the sphere :math:`S^{d-1}`:

* :math:`d = 1`: the documents are :math:`\pm 1`, so at most two sets (the documents at
  +1, those at -1) can be exact top sets;
* :math:`d = 2`: the documents lie on a circle and an exact top-s set is an arc of s
  consecutive documents, so there are at most n of each size s < n;
* :math:`d = 3`: the documents are vertices of their convex hull, and the vertices above a
  hyperplane span a connected subgraph of the hull's graph (the fact behind the simplex
  method; Ziegler, *Lectures on Polytopes*, 1995, section 3.5), so an exact top-2 pair is an
  edge of a 3-polytope: at most :math:`3n - 6` (Euler's formula).

So more distinct relevant sets than these counts force the next dimension. From
:math:`d = 2k` on nothing can be forced any more: every set of at most k documents is a
face of the cyclic polytope (:mod:`.moment_curve`; Wang et al. 2026, arXiv 2601.20844,
prove the minimal dimension for all k-subsets is :math:`\Theta(k)` for any n). These bounds
hold when each query's rank equals its number of relevant documents; with a larger fixed k
only :math:`d \ge 1` is claimed.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from .pattern import RelevancePattern

__all__ = ["LowerBound", "known_lower_bound"]


@dataclass(frozen=True)
class LowerBound:
    d: int
    reason: str

    def record(self) -> dict:
        return {"d": self.d, "reason": self.reason}


def known_lower_bound(pattern: RelevancePattern) -> LowerBound:
    """The largest of the module's bounds that the pattern triggers."""
    n = pattern.n_documents
    if (pattern.k != pattern.counts).any():
        return LowerBound(1, "no bound is claimed when k exceeds a query's number of relevant documents")
    sets = {frozenset(row[:count].tolist()) for row, count in zip(pattern.positives, pattern.counts)}
    sets = {s for s in sets if len(s) < n}  # a query relevant to every document outranks nothing
    by_size = Counter(len(s) for s in sets)
    pairs = by_size.get(2, 0)
    if n >= 4 and pairs > 3 * n - 6:
        return LowerBound(4, f"{pairs} distinct relevant pairs > 3n - 6 = {3 * n - 6}: in d = 3 a top-2 pair of unit "
                             "vectors is an edge of their convex hull, a planar graph")
    crowded = [(size, count) for size, count in sorted(by_size.items()) if count > n]
    if crowded:
        size, count = crowded[0]
        return LowerBound(3, f"{count} distinct relevant sets of size {size} > n = {n}: on a circle (d = 2) an exact "
                             f"top-{size} set is an arc of consecutive documents")
    if len(sets) > 2:
        return LowerBound(2, f"{len(sets)} distinct relevant sets > 2: on a line (d = 1) unit vectors are +1 or -1")
    return LowerBound(1, "no bound beyond d >= 1 applies")
