"""The agent's final ranking: the fused tool ranking, changed only by confident evidence.

Reciprocal rank fusion (Cormack, Clarke and Büttcher, "Reciprocal Rank Fusion
outperforms Condorcet and Individual Rank Learning Methods", SIGIR 2009) scores a
document over the rankings ``R`` the agent retrieved as

    RRF(d) = sum_{r in R, d in r} 1 / (k + rank_r(d)),   rank from 1, k = 60

which needs no score calibration between tools. Each ranking is weighted by what reading
showed of it, a Laplace-smoothed precision over its documents the judge was sure about:

    w_r = (T_r + 1) / (T_r + F_r + 2)          RRF_w(d) = sum_r w_r / (k + rank_r(d))

(``T_r``/``F_r``: its documents judged relevant / not relevant with confidence; an
unread ranking, or one whose documents were only judged unsure, weighs 1/2 like any
other, so with no confident verdicts this is plain RRF). A retrieval text that was
misread from the question finds nothing and fades; the question as asked keeps its
weight. Reading then changes that order only where the judge is sure, so reading never
does harm by itself:

* a document judged relevant with confidence >= ``promote_at`` moves to the top
  (most confident first, then by RRF);
* a document judged *not* relevant with confidence >= ``demote_at`` — contrary
  evidence: a stated dislike, a failed numeric constraint — moves to the bottom;
* every other document (unread, unsure, or judged without enough confidence) keeps its
  fused order.

With a judge that is never sure, the result is exactly the fused tool ranking (a
property the tests check). Ties in RRF are broken by document id. The score reported
is ``tier + 0.999 * (1 - position / n)`` — strictly decreasing down the ranking, so the
written run and its metrics cannot disagree on the order.
"""

from __future__ import annotations

from typing import Iterable, Mapping, Sequence

from .state import Judgment

__all__ = ["reciprocal_rank_fusion", "evidence_weights", "final_ranking", "PROMOTE_AT", "DEMOTE_AT"]

PROMOTE_AT = 0.7  # a verdict from sentiment words alone (the reader's 0.6) neither promotes nor demotes
DEMOTE_AT = 0.9  # only explicit contrary statements (a stated dislike, a failed constraint, a closed list)


def reciprocal_rank_fusion(
    rankings: Iterable[Sequence[str]], *, k: int = 60, weights: Sequence[float] | None = None
) -> dict[str, float]:
    """(Weighted) RRF score of every document in any of ``rankings`` (best first each)."""
    scores: dict[str, float] = {}
    for index, ranking in enumerate(rankings):
        weight = 1.0 if weights is None else weights[index]
        for rank, doc_id in enumerate(ranking, start=1):
            scores[doc_id] = scores.get(doc_id, 0.0) + weight / (k + rank)
    return scores


def evidence_weights(
    rankings: Sequence[Sequence[str]], judged: Mapping[str, Judgment], *, promote_at: float = PROMOTE_AT,
    demote_at: float = DEMOTE_AT,
) -> list[float]:
    """Each ranking's weight ``(T + 1) / (T + F + 2)`` from the confident verdicts on its documents."""
    weights = []
    for ranking in rankings:
        hits = misses = 0
        for doc_id in ranking:
            judgment = judged.get(doc_id)
            if judgment is None or judgment.relevant is None:
                continue
            if judgment.relevant and judgment.confidence >= promote_at:
                hits += 1
            elif not judgment.relevant and judgment.confidence >= demote_at:
                misses += 1
        weights.append((hits + 1) / (hits + misses + 2))
    return weights


def final_ranking(
    *,
    rankings: Iterable[Sequence[str]],
    judged: Mapping[str, Judgment],
    k: int,
    rrf_k: int = 60,
    promote_at: float = PROMOTE_AT,
    demote_at: float = DEMOTE_AT,
) -> dict[str, float]:
    """The top ``k``: confidently relevant, then the fused order, then confidently not."""
    rankings = [list(r) for r in rankings]
    weights = evidence_weights(rankings, judged, promote_at=promote_at, demote_at=demote_at)
    fused = reciprocal_rank_fusion(rankings, k=rrf_k, weights=weights)
    for doc_id in judged:  # a judged document is ranked even if no ranking kept it
        fused.setdefault(doc_id, 0.0)
    keys = {doc_id: (*_tier(judged.get(doc_id), promote_at=promote_at, demote_at=demote_at), rrf) for doc_id, rrf in fused.items()}
    order = sorted(keys, key=lambda doc_id: (-keys[doc_id][0], -keys[doc_id][1], -keys[doc_id][2], doc_id))
    size = len(order)
    return {doc_id: keys[doc_id][0] + 0.999 * (1 - position / size) for position, doc_id in enumerate(order[:k])}


def _tier(judgment: Judgment | None, *, promote_at: float, demote_at: float) -> tuple[float, float]:
    """``(tier, confidence)``: 2 promoted (ordered by confidence), 1 fused order, 0 demoted."""
    if judgment is None or judgment.relevant is None:
        return 1.0, 0.0
    if judgment.relevant and judgment.confidence >= promote_at:
        return 2.0, float(judgment.confidence)
    if not judgment.relevant and judgment.confidence >= demote_at:
        return 0.0, 0.0
    return 1.0, 0.0
