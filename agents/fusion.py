"""The agent's final ranking: judged evidence first, then reciprocal rank fusion.

Reciprocal rank fusion (Cormack, Clarke and Büttcher, "Reciprocal Rank Fusion
outperforms Condorcet and Individual Rank Learning Methods", SIGIR 2009) scores a
document over rankings ``R`` as

    RRF(d) = sum_{r in R, d in r} 1 / (k + rank_r(d)),   rank from 1, k = 60

which needs no score calibration between tools. The agent ranks in three tiers —
judged relevant, not judged (or undecidable), judged not relevant — and by RRF within
each tier; the score it reports is ``tier + RRF / max RRF``, so tiers never mix.
"""

from __future__ import annotations

from typing import Iterable, Mapping, Sequence

from .state import Judgment

__all__ = ["reciprocal_rank_fusion", "final_ranking"]


def reciprocal_rank_fusion(rankings: Iterable[Sequence[str]], *, k: int = 60) -> dict[str, float]:
    """RRF score of every document that appears in any of ``rankings`` (best first each)."""
    scores: dict[str, float] = {}
    for ranking in rankings:
        for rank, doc_id in enumerate(ranking, start=1):
            scores[doc_id] = scores.get(doc_id, 0.0) + 1.0 / (k + rank)
    return scores


def final_ranking(
    *,
    rankings: Iterable[Sequence[str]],
    judged: Mapping[str, Judgment],
    k: int,
    rrf_k: int = 60,
) -> dict[str, float]:
    """The top ``k`` documents: judged relevant, then unjudged, then judged irrelevant."""
    fused = reciprocal_rank_fusion(rankings, k=rrf_k)
    for doc_id in judged:  # a judged document is ranked even if no ranking kept it
        fused.setdefault(doc_id, 0.0)
    top = max(fused.values(), default=0.0) or 1.0
    scored = {doc_id: _tier(judged.get(doc_id)) + 0.999 * rrf / top for doc_id, rrf in fused.items()}
    ranked = sorted(scored.items(), key=lambda item: (-item[1], item[0]))[:k]
    return dict(ranked)


def _tier(judgment: Judgment | None) -> float:
    if judgment is None or judgment.relevant is None:
        return 1.0
    return 2.0 if judgment.relevant else 0.0
