"""The structured index behind :class:`~.retriever.NumericRetriever`.

Every document's mentions (:func:`~.extract.extract_mentions`) are grouped by kind,
so answering a constraint reads only the documents that state that kind of
quantity, and filtering plus sorting replaces similarity search.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Sequence

from limitbench.retrievers.types import Document

from .constraints import Constraint
from .extract import Mention, extract_mentions
from .satisfy import judge

__all__ = ["NumericIndex", "Verdict"]


@dataclass(frozen=True, slots=True)
class Verdict:
    doc_id: str
    satisfied: bool
    violation: float  # 0 when satisfied; relative distance to the nearest bound otherwise


@dataclass
class NumericIndex:
    mentions: dict[str, tuple[Mention, ...]] = field(default_factory=dict)
    by_kind: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    order: list[str] = field(default_factory=list)

    @classmethod
    def build(cls, corpus: Sequence[Document]) -> "NumericIndex":
        index = cls()
        for document in corpus:
            found = extract_mentions(document.full_text)
            index.mentions[document.id] = found
            index.order.append(document.id)
            for kind in sorted({m.kind for m in found}):
                index.by_kind[kind].append(document.id)
        return index

    def __len__(self) -> int:
        return len(self.order)

    def kinds(self) -> dict[str, int]:
        """How many documents state each kind of quantity."""
        return {kind: len(ids) for kind, ids in sorted(self.by_kind.items())}

    def verdict(self, doc_id: str, constraints: Sequence[Constraint]) -> tuple[bool | None, float]:
        """(all met: True / one missed: False / unknown: None, summed distance) for one document."""
        judged = [judge(c, self.mentions[doc_id]) for c in constraints]
        if any(ok is False for ok, _ in judged):
            return False, sum(d for ok, d in judged if ok is False)
        if all(ok is True for ok, _ in judged):
            return True, 0.0
        return None, 0.0

    def evaluate(self, constraints: Sequence[Constraint]) -> list[Verdict]:
        """A verdict for every document that states something each constraint applies to."""
        if not constraints:
            return []
        candidate_ids = set(self.by_kind.get(constraints[0].kind, ()))
        for constraint in constraints[1:]:
            candidate_ids &= set(self.by_kind.get(constraint.kind, ()))
        verdicts = []
        for doc_id in (d for d in self.order if d in candidate_ids):
            judged = [judge(c, self.mentions[doc_id]) for c in constraints]
            if any(ok is None for ok, _ in judged):
                continue
            verdicts.append(Verdict(doc_id, all(ok for ok, _ in judged), sum(v for _, v in judged)))
        return verdicts
