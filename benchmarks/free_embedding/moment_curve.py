r"""The constructive embedding: documents on the trigonometric moment curve.

With :math:`m = \lfloor d/2 \rfloor` harmonics, document :math:`j` of :math:`n` sits at
angle :math:`t_j = 2\pi j/n` on

.. math::

    x_j = \frac{1}{\sqrt{m}}\,(\cos t_j, \sin t_j, \cos 2t_j, \sin 2t_j, \dots, \cos m t_j, \sin m t_j)
    \;(, 0 \text{ when } d \text{ is odd}),

a unit vector. Their convex hull is the cyclic polytope, which is :math:`m`-neighbourly:
every set of at most :math:`m` documents is a face (Gale 1963, "Neighborly and cyclic
polytopes"; Ziegler, *Lectures on Polytopes*, 1995, section 0.7). So in :math:`d = 2k`
every k-subset is the exact top k of some query, for any n (Wang et al. 2026, "R^2k is
theoretically large enough for embedding-based top-k retrieval", arXiv 2601.20844).

The query of a relevant set :math:`F` (:math:`|F| \le m`) is the supporting hyperplane of
that face, read off the trigonometric polynomial

.. math::

    p_F(t) = -\prod_{a \in F} \bigl(1 - \cos(t - t_a)\bigr)
           = c_0 + \sum_{r=1}^{|F|} \alpha_r \cos rt + \beta_r \sin rt ,

which is 0 at the relevant angles and strictly negative at every other one. Its
coefficients give :math:`q_F = \sqrt{m}\,(\alpha_1, \beta_1, \dots)` with
:math:`q_F \cdot x_j = p_F(t_j) - c_0`: relevant documents score exactly the same, highest
value and every other scores less. :func:`face_scores` evaluates :math:`p_F` as the
product (each factor positive off the face, so the sign is exact), which is how the top k
is verified; :func:`max_margin_query` then widens the gap with a linear programme over
all d coordinates (cutting planes: only the closest competitors enter the programme).
"""

from __future__ import annotations

import numpy as np

__all__ = ["curve_angles", "moment_curve_documents", "face_query", "face_scores", "max_margin_query"]


def curve_angles(n: int) -> np.ndarray:
    return 2 * np.pi * np.arange(n) / n


def moment_curve_documents(n: int, d: int) -> np.ndarray:
    """(n, d) unit vectors on the trigonometric moment curve (module formula)."""
    m = d // 2
    if m < 1:
        raise ValueError(f"the moment curve needs d >= 2 (got {d})")
    angles = curve_angles(n)
    columns = []
    for r in range(1, m + 1):
        columns += [np.cos(r * angles), np.sin(r * angles)]
    if d % 2:
        columns.append(np.zeros(n))
    return np.stack(columns, axis=1) / np.sqrt(m)


def face_query(relevant: np.ndarray, n: int, d: int) -> np.ndarray:
    """The unit query whose top documents are exactly ``relevant`` (needs ``len <= d // 2``)."""
    m = d // 2
    if not 1 <= len(relevant) <= m:
        raise ValueError(f"a face of the cyclic polytope in d = {d} has at most {m} vertices (got {len(relevant)})")
    angles = curve_angles(n)[relevant]
    # complex Fourier coefficients c_{-s..s} of prod (1 - cos(t - t_a)); start from the constant 1
    coefficients = np.array([1.0 + 0j])
    for angle in angles:
        factor = np.array([-0.5 * np.exp(1j * angle), 1.0, -0.5 * np.exp(-1j * angle)])  # c_{-1}, c_0, c_{+1}
        coefficients = np.convolve(coefficients, factor)
    degree = len(angles)
    positive = -coefficients[degree + 1:]  # of p = -prod: c_1 .. c_degree
    query = np.zeros(d)
    for r, c in enumerate(positive, start=1):
        query[2 * r - 2] = 2 * c.real   # alpha_r
        query[2 * r - 1] = -2 * c.imag  # beta_r
    return query / np.linalg.norm(query)


def face_scores(relevant: np.ndarray, n: int) -> np.ndarray:
    """:math:`p_F(t_j)` for every document, as the product: 0 on the face, < 0 elsewhere."""
    angles = curve_angles(n)
    values = -np.prod(1 - np.cos(angles[:, None] - angles[relevant][None, :]), axis=1)
    values[relevant] = 0.0
    return values


def max_margin_query(
    documents: np.ndarray, relevant: np.ndarray, start: np.ndarray, *, rounds: int = 20, batch: int = 64
) -> np.ndarray:
    """A unit query maximising the smallest gap between the relevant documents and the rest
    (box-constrained linear programme, HiGHS), started from the competitors closest under
    ``start``; returns ``start`` when the programme does not beat it."""
    from scipy.optimize import linprog

    n, d = documents.shape
    others = np.setdiff1d(np.arange(n), relevant)
    if len(others) == 0:
        return start

    def gap(query: np.ndarray) -> float:
        scores = documents @ query
        return float(scores[relevant].min() - scores[others].max())

    # a query part orthogonal to every document changes no score but lengthens the query
    _, singular, basis = np.linalg.svd(documents, full_matrices=False)
    span = basis[singular > 1e-10 * singular.max()]
    active = others[np.argsort(-(documents[others] @ start))[: max(batch, 4 * len(relevant))]]
    best, best_gap = start, gap(start)
    for _ in range(rounds):
        # variables (q, g): maximise g subject to q . (x_j - x_p) + g <= 0 for relevant p, active j
        rows = (documents[active][:, None, :] - documents[relevant][None, :, :]).reshape(-1, d)
        a_ub = np.hstack([rows, np.ones((len(rows), 1))])
        solved = linprog(c=np.r_[np.zeros(d), -1.0], A_ub=a_ub, b_ub=np.zeros(len(rows)),
                         bounds=[(-1, 1)] * d + [(None, 2)], method="highs")
        if solved.status != 0:
            break
        query = span.T @ (span @ solved.x[:d])
        norm = np.linalg.norm(query)
        if norm == 0:
            break
        query = query / norm
        scores = documents @ query
        threshold = scores[relevant].min()
        # the programme's gap holds over the active competitors; any other above it breaks it
        active_gap = threshold - scores[active].max()
        new = np.setdiff1d(others[scores[others] > threshold - active_gap], active)
        if len(new) == 0:
            if gap(query) > best_gap:
                best, best_gap = query, gap(query)
            break
        active = np.union1d(active, new[np.argsort(-scores[new])][:batch])
    return best
