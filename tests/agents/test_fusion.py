"""The agent's final ranking (``limitbench.agents.fusion``): reciprocal rank fusion with
hand-computed values, and reading that never does harm by itself."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from limitbench.agents.fusion import final_ranking, reciprocal_rank_fusion
from limitbench.agents.state import Judgment


def test_rrf_by_hand() -> None:
    # a: 1/(60+1) + 1/(60+2); b: 1/(60+2); c: 1/(60+1)
    scores = reciprocal_rank_fusion([["a", "b"], ["c", "a"]], k=60)
    assert abs(scores["a"] - (1 / 61 + 1 / 62)) < 1e-12
    assert abs(scores["b"] - 1 / 62) < 1e-12 and abs(scores["c"] - 1 / 61) < 1e-12


def test_confident_evidence_moves_documents_unsure_does_not() -> None:
    rankings = [["a", "b", "c", "d", "e"]]
    judged = {
        "d": Judgment(relevant=True, confidence=0.95),  # promoted
        "a": Judgment(relevant=False, confidence=0.95),  # demoted: contrary evidence
        "b": Judgment(relevant=False, confidence=0.6),  # weak contrary evidence: stays
        "c": Judgment(relevant=None, confidence=0.0),  # unsure: stays
        "e": Judgment(relevant=True, confidence=0.6),  # weak positive (sentiment words only): stays
    }
    ranked = list(final_ranking(rankings=rankings, judged=judged, k=5))
    assert ranked == ["d", "b", "c", "e", "a"]


def test_more_confident_positive_first() -> None:
    judged = {"b": Judgment(relevant=True, confidence=0.75), "c": Judgment(relevant=True, confidence=0.95)}
    assert list(final_ranking(rankings=[["a", "b", "c"]], judged=judged, k=3)) == ["c", "b", "a"]


def test_scores_strictly_decrease() -> None:
    scores = list(final_ranking(rankings=[["a", "b"], ["b", "a"], ["c"]], judged={}, k=3).values())
    assert all(x > y for x, y in zip(scores, scores[1:]))


_ids = st.sampled_from([f"d{i}" for i in range(12)])
_ranking = st.lists(_ids, unique=True, min_size=1, max_size=8)


@settings(max_examples=300, deadline=None)
@given(rankings=st.lists(_ranking, min_size=1, max_size=4), read=st.lists(_ids, unique=True, max_size=8), k=st.integers(1, 12))
def test_a_judge_that_is_never_sure_leaves_the_fused_ranking_unchanged(rankings, read, k) -> None:
    unsure = {doc_id: Judgment(relevant=None, confidence=0.0) for doc_id in read if any(doc_id in r for r in rankings)}
    fused = reciprocal_rank_fusion(rankings)
    expected = sorted(fused, key=lambda doc_id: (-fused[doc_id], doc_id))[:k]
    assert list(final_ranking(rankings=rankings, judged=unsure, k=k)) == expected
