r"""How firmly a set of vectors realises a relevance pattern, and whether rounding keeps it.

For unit query :math:`q_i` and documents :math:`x_j`, relevant set :math:`R_i` and rank
:math:`k_i \ge |R_i|`, the **margin** of query :math:`i` is the gap between its weakest
relevant document and the non-relevant document that would push it out of the top
:math:`k_i` (the :math:`(k_i - |R_i| + 1)`-th strongest; the strongest when
:math:`k_i = |R_i|`):

.. math::

    \gamma_i = \min_{p \in R_i} q_i \cdot x_p - \operatorname{top}_{k_i - |R_i| + 1}
        \{q_i \cdot x_j : j \notin R_i\}, \qquad \gamma = \min_i \gamma_i .

The pattern is realised exactly when :math:`\gamma > 0` (ties count against it). This is
the score gap of Wang et al. (2026, arXiv 2601.20844, "robust" MED) with unit vectors.

Rounding (:func:`rounded_margins`) stores the vectors in a format and ranks with the scores
that format gives: ``float32`` (vectors and dot products in float32), ``float16`` (vectors
stored in half precision, dot products accumulated in float32, as GPU kernels do) and
``int8`` (every coordinate of a unit vector rounded to :math:`\mathrm{round}(127 x)`, dot
products exact in integers, the usual symmetric scale for values in [-1, 1]).
"""

from __future__ import annotations

import numpy as np

from .pattern import RelevancePattern

__all__ = ["FORMATS", "query_margins", "rounded_margins", "margin_summary"]

FORMATS = ("float32", "float16", "int8")


def query_margins(scores: np.ndarray, pattern: RelevancePattern) -> np.ndarray:
    """:math:`\\gamma_i` for every query from a (queries, documents) score matrix."""
    scores = np.asarray(scores, dtype=np.float64)
    margins = np.empty(pattern.n_queries)
    for i in range(pattern.n_queries):
        relevant = pattern.positives[i, : pattern.counts[i]]
        row = scores[i]
        mask = np.ones(row.shape[0], dtype=bool)
        mask[relevant] = False
        others = row[mask]
        weakest = row[relevant].min()
        rank = int(pattern.k[i] - pattern.counts[i])  # how many non-relevant may stay above
        if rank >= len(others):
            margins[i] = np.inf
            continue
        rival = np.partition(others, len(others) - 1 - rank)[len(others) - 1 - rank]
        margins[i] = weakest - rival
    return margins


def rounded_margins(queries: np.ndarray, documents: np.ndarray, pattern: RelevancePattern, fmt: str) -> np.ndarray:
    """Margins after storing the vectors in ``fmt`` (module docstring)."""
    if fmt == "float32":
        scores = queries.astype(np.float32) @ documents.astype(np.float32).T
    elif fmt == "float16":
        scores = queries.astype(np.float16).astype(np.float32) @ documents.astype(np.float16).astype(np.float32).T
    elif fmt == "int8":
        def to_int8(x: np.ndarray) -> np.ndarray:
            return np.clip(np.rint(x * 127), -127, 127).astype(np.int32)

        scores = to_int8(queries) @ to_int8(documents).T
    else:
        raise ValueError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")
    return query_margins(scores, pattern)


def margin_summary(queries: np.ndarray, documents: np.ndarray, pattern: RelevancePattern) -> dict:
    """Exact (float64) margins, the share realised, and what survives each format."""
    exact = query_margins(queries.astype(np.float64) @ documents.astype(np.float64).T, pattern)
    finite = exact[np.isfinite(exact)]
    summary = {
        "realised": bool((exact > 0).all()),
        "share_realised": float((exact > 0).mean()),
        "realised_queries": int((exact > 0).sum()),
        "min_margin": float(finite.min()) if len(finite) else None,
        "median_margin": float(np.median(finite)) if len(finite) else None,
        "precision": {},
    }
    for fmt in FORMATS:
        rounded = rounded_margins(queries, documents, pattern, fmt)
        summary["precision"][fmt] = {"realised": bool((rounded > 0).all()), "share_realised": float((rounded > 0).mean())}
    return summary
