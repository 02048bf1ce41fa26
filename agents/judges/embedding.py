"""``embedding``: the bundled sentence model's similarity between a key phrase and each
sentence of a document.

A phrase counts as stated when its cosine similarity to the best-matching sentence is at
least ``threshold``. The default was fitted on generated data only — LIMIT-style people
from limitbench's own generator (never LIMIT or LIMIT-small), rendered in the ``dev``
prose style — as the threshold with the best F1 between sentences that state a liking for
the phrase and sentences of the same documents that do not mention it: ``limitbench
fit-judge`` (defaults: 300 generated queries, 6 negatives each, seed 0) gave 0.3886 at
F1 0.68 over 2,400 pairs with the bundled all-MiniLM-L6-v2 — a weak reader, as expected.

What similarity cannot do is tell liking from dislike ("loves X" and "can't stand X" are
near neighbours for a sentence model), so this judge says ``True`` or ``None`` — never
``False``: it can promote, it never demotes. Confidence grows with the margin above the
threshold.
"""

from __future__ import annotations

import re
from typing import Mapping, Sequence

import numpy as np

from limitbench.retrievers.types import Document

from ..budget import Meter
from ..state import Judgment, Plan
from .base import TermVerdict, judge_terms

__all__ = ["EmbeddingJudge", "FITTED_THRESHOLD"]

FITTED_THRESHOLD = 0.3886  # `limitbench fit-judge`, see the module docstring
_SENTENCE = re.compile(r"(?<=[.!?;])\s+|\n+")


class EmbeddingJudge:
    """Phrase-to-sentence similarity with a fitted threshold (see the module docstring)."""

    name = "embedding"

    def __init__(self, *, threshold: float = FITTED_THRESHOLD, model: str | None = None, batch_size: int = 64) -> None:
        self.threshold = float(threshold)
        self.model = model
        self.batch_size = batch_size
        self._encoder = None

    @property
    def encoder(self):
        if self._encoder is None:
            from limitbench.retrievers.encoder import DenseEncoder

            self._encoder = DenseEncoder(model=self.model, batch_size=self.batch_size, show_progress=False, cache_min_texts=10**9)
        return self._encoder

    def similarities(self, phrase: str, sentences: Sequence[str]) -> np.ndarray:
        vectors = self.encoder.encode([phrase, *sentences], role="judge")
        return vectors[1:] @ vectors[0]

    def judge(self, *, plan: Plan, documents: Sequence[Document], meter: Meter) -> Mapping[str, Judgment]:
        return {doc.id: judge_terms(plan, doc, self._read_term, by=self.name) for doc in documents}

    def _read_term(self, phrase: str, document: Document) -> TermVerdict:
        sentences = [s.strip() for s in _SENTENCE.split(document.full_text) if s.strip()]
        if not sentences:
            return TermVerdict(None, 0.0, reason="empty document")
        scores = self.similarities(phrase, sentences)
        best = int(np.argmax(scores))
        score = float(scores[best])
        if score < self.threshold:
            return TermVerdict(None, 0.0, reason=f"best sentence similarity {score:.2f} < {self.threshold:.2f}")
        confidence = min(0.95, 0.6 + (score - self.threshold) * 2.0)
        return TermVerdict(True, confidence, span=sentences[best][:300], reason=f"sentence similarity {score:.2f}")
