r"""Known lower bounds on the dimension that realises a relevance pattern with unit vectors.

A relevant set :math:`R` is the exact top :math:`|R|` of a query :math:`q` when a hyperplane
:math:`\{x : q \cdot x = b\}` has the documents of :math:`R`, and only those, on its upper
side. With unit documents on the sphere :math:`S^{d-1}`:

* :math:`d = 1`: the documents are :math:`\pm 1`, so at most two sets (the documents at
  +1, those at -1) can be exact top sets;
* :math:`d = 2`: the documents lie on a circle and an exact top-s set is an arc of s
  consecutive documents, fixed by its first document, so the sets of size s < n that start
  at one of v given documents number at most v;
* :math:`d = 3`: the documents are vertices of their convex hull, and the vertices above a
  hyperplane span a connected subgraph of the hull's graph (the fact behind the simplex
  method; Ziegler, *Lectures on Polytopes*, 1995, section 3.5), so an exact top-2 pair is an
  edge of a 3-polytope, and the pairs among v documents form a planar graph: at most
  :math:`3v - 6` (Euler's formula).

Here v counts the documents that occur in relevant sets of that size (a corpus of 50,000
with 46 relevant people is bounded by the 46). So more distinct relevant sets than these
counts force the next dimension. From
:math:`d = 2k` on nothing can be forced any more: every set of at most k documents is a
face of the cyclic polytope (:mod:`.moment_curve`; Wang et al. 2026, arXiv 2601.20844,
prove the minimal dimension for all k-subsets is :math:`\Theta(k)` for any n). These bounds
hold when each query's rank equals its number of relevant documents; with a larger fixed k
only :math:`d \ge 1` is claimed.
"""

from __future__ import annotations

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
    by_size: dict[int, list[frozenset[int]]] = {}
    for relevant in sets:
        by_size.setdefault(len(relevant), []).append(relevant)
    pairs = by_size.get(2, [])
    involved = len(set().union(*pairs)) if pairs else 0
    if involved >= 3 and len(pairs) > 3 * involved - 6:
        return LowerBound(4, f"{len(pairs)} distinct relevant pairs among {involved} documents > 3v - 6 = "
                             f"{3 * involved - 6}: in d = 3 a top-2 pair of unit vectors is an edge of their convex "
                             "hull, and those edges form a planar graph")
    for size, group in sorted(by_size.items()):
        involved = len(set().union(*group))
        if len(group) > involved:
            return LowerBound(3, f"{len(group)} distinct relevant sets of size {size} among {involved} documents: on "
                                 f"a circle (d = 2) an exact top-{size} set is an arc, at most one per first document")
    if len(sets) > 2:
        return LowerBound(2, f"{len(sets)} distinct relevant sets > 2: on a line (d = 1) unit vectors are +1 or -1")
    return LowerBound(1, "no bound beyond d >= 1 applies")
