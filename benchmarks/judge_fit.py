"""Fit the ``embedding`` judge's threshold on generated data (never on a test set).

Data: LIMIT-style people from limitbench's own generator (:mod:`.datasets.generator`,
not LIMIT or LIMIT-small), rendered in the ``dev`` prose style (:mod:`.datasets.prose`).
For each query item, each document that likes it is a positive pair and documents that
do not mention it are negative pairs; a pair's score is the cosine similarity between
the item and the document's best-matching sentence (exactly what the judge computes).
The threshold is the score that maximises F1 (van Rijsbergen, *Information Retrieval*,
1979) over all pairs; scores are encoded once per unique text.
"""

from __future__ import annotations

import random
import re
from typing import Any

import numpy as np

__all__ = ["fit_embedding_threshold"]

_SENTENCE = re.compile(r"(?<=[.!?;])\s+|\n+")


def fit_embedding_threshold(*, n_queries: int = 300, negatives_per_query: int = 6, seed: int = 0, model: str | None = None) -> dict[str, Any]:
    """The best-F1 threshold and the measurements behind it."""
    from limitbench.retrievers.encoder import DenseEncoder

    from .datasets.generator import generate_limit_style
    from .datasets.prose import prose_dataset, read_limit_profiles

    base = generate_limit_style(n_relevant=46, k=2, n_queries=n_queries, n_distractors=0, seed=seed)
    prose = prose_dataset(base, style="dev", seed=seed)
    _, items = read_limit_profiles(base)
    sentences = {doc.id: [s.strip() for s in _SENTENCE.split(doc.text) if s.strip()] for doc in prose.corpus}
    rng = random.Random(seed)
    pairs: list[tuple[str, str, bool]] = []
    for query in base.queries:
        item = items[query.id]
        relevant = {d for d, r in base.qrels[query.id].items() if r > 0}
        unrelated = [d for d in sentences if d not in relevant and item.lower() not in prose.documents_by_id[d].text.lower()]
        pairs += [(item, doc_id, True) for doc_id in sorted(relevant)]
        pairs += [(item, doc_id, False) for doc_id in rng.sample(unrelated, min(negatives_per_query, len(unrelated)))]
    encoder = DenseEncoder(model=model, show_progress=False)
    texts = sorted({s for doc in sentences.values() for s in doc} | {item for item, _, _ in pairs})
    vectors = dict(zip(texts, encoder.encode(texts, role="judge-fit")))
    scores = np.array([max(float(vectors[s] @ vectors[item]) for s in sentences[doc_id]) for item, doc_id, _ in pairs])
    labels = np.array([label for _, _, label in pairs])
    threshold, best = _best_f1(scores, labels)
    return {
        "threshold": round(threshold, 4), "f1": round(best, 4), "pairs": len(pairs), "positives": int(labels.sum()),
        "data": f"generate_limit_style(n_relevant=46, k=2, n_queries={n_queries}, seed={seed}) in prose style 'dev'",
        "model": encoder.spec.name,
    }


def _best_f1(scores: np.ndarray, labels: np.ndarray) -> tuple[float, float]:
    best, chosen = -1.0, 0.5
    for candidate in np.unique(scores):
        predicted = scores >= candidate
        true_positive = float(np.sum(predicted & labels))
        if true_positive == 0:
            continue
        precision = true_positive / float(np.sum(predicted))
        recall = true_positive / float(np.sum(labels))
        f1 = 2 * precision * recall / (precision + recall)
        if f1 > best:
            best, chosen = f1, float(candidate)
    return chosen, best
