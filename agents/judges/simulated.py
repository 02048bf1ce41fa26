"""``simulated``: an oracle judge that errs at given rates — for sweeps, never a default.

It consults the qrels (so every result it produces is labelled an *oracle simulation*)
and flips the truth with probability ``false_negative_rate`` for relevant documents and
``false_positive_rate`` for the others. The flip for (query, document) is decided by a
hash of ``seed``, the query id and the document id, so it does not depend on the order
of reading, and the same seed gives the same errors in every run.

With it, ``limitbench run`` can sweep the error rate and draw recall against documents
read for each level: how accurate must a reader (an LLM, say) be for a dense-only agent
to beat BM25 or ColBERT at equal cost?
"""

from __future__ import annotations

import hashlib
from typing import Mapping, Sequence

from limitbench.retrievers.errors import ConfigError
from limitbench.retrievers.types import Document, Qrels

from ..budget import Meter
from ..state import Judgment, Plan

__all__ = ["SimulatedJudge"]


class SimulatedJudge:
    """Verdicts from the qrels with seeded errors (an oracle; see the module docstring)."""

    name = "simulated"

    def __init__(
        self,
        *,
        false_positive_rate: float = 0.0,
        false_negative_rate: float = 0.0,
        error_rate: float | None = None,
        seed: int = 0,
    ) -> None:
        if error_rate is not None:
            false_positive_rate = false_negative_rate = error_rate
        for option, value in {"false_positive_rate": false_positive_rate, "false_negative_rate": false_negative_rate}.items():
            if not 0.0 <= float(value) <= 1.0:
                raise ConfigError(f"judge 'simulated': {option} must be in [0, 1], got {value!r}")
        self.false_positive_rate = float(false_positive_rate)
        self.false_negative_rate = float(false_negative_rate)
        self.seed = int(seed)
        self._qrels: Qrels | None = None

    @property
    def oracle_hints(self) -> list[str]:
        return [
            f"judge=simulated (fp {self.false_positive_rate:g}, fn {self.false_negative_rate:g}, seed {self.seed}): "
            "verdicts read from the qrels"
        ]

    def provide_oracle(self, *, qrels: Qrels) -> None:
        """Hand the judge the answers it simulates reading (the runner does this)."""
        self._qrels = qrels

    def judge(self, *, plan: Plan, documents: Sequence[Document], meter: Meter) -> Mapping[str, Judgment]:
        if self._qrels is None:
            raise ConfigError("judge 'simulated' needs the qrels: run it through `limitbench run` (or call provide_oracle)")
        relevant = self._qrels.get(plan.query_id, {})
        verdicts = {}
        for document in documents:
            truth = relevant.get(document.id, 0) > 0
            flipped = self._draw(plan.query_id, document.id) < (self.false_negative_rate if truth else self.false_positive_rate)
            verdict = truth != flipped
            verdicts[document.id] = Judgment(
                relevant=verdict, confidence=1.0, reason="oracle" + (" (simulated error)" if flipped else ""), by=self.name
            )
        return verdicts

    def _draw(self, query_id: str, doc_id: str) -> float:
        digest = hashlib.sha256(f"{self.seed}\x00{query_id}\x00{doc_id}".encode()).digest()
        return int.from_bytes(digest[:8], "big") / 2**64
