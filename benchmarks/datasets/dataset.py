"""The in-memory dataset: corpus, queries and graded qrels, with a content fingerprint."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from functools import cached_property


from limitbench.retrievers.types import Document, Qrels, Query

__all__ = ["Dataset"]


@dataclass
class Dataset:
    name: str
    corpus: list[Document]
    queries: list[Query]
    qrels: Qrels
    source: str = ""
    metadata: dict = field(default_factory=dict)

    @cached_property
    def fingerprint(self) -> str:
        """SHA-256 over the canonical content (ids, texts, qrels): equal data, equal key."""
        digest = hashlib.sha256()
        for doc in self.corpus:
            digest.update(json.dumps([doc.id, doc.title, doc.text], ensure_ascii=False).encode())
        digest.update(b"\x00queries")
        for query in self.queries:
            digest.update(json.dumps([query.id, query.text], ensure_ascii=False).encode())
        digest.update(b"\x00qrels")
        digest.update(json.dumps(self.qrels, sort_keys=True).encode())
        return digest.hexdigest()

    @cached_property
    def documents_by_id(self) -> dict[str, Document]:
        return {doc.id: doc for doc in self.corpus}

    def subset_queries(self, query_ids: list[str]) -> "Dataset":
        """A view with only ``query_ids`` (same corpus); handy for quick runs."""
        keep = set(query_ids)
        return Dataset(
            name=self.name,
            corpus=self.corpus,
            queries=[q for q in self.queries if q.id in keep],
            qrels={qid: rel for qid, rel in self.qrels.items() if qid in keep},
            source=self.source,
            metadata={**self.metadata, "query_subset": len(keep)},
        )

    def summary(self) -> dict:
        return {
            "name": self.name,
            "documents": len(self.corpus),
            "queries": len(self.queries),
            "qrels": sum(len(rel) for rel in self.qrels.values()),
            "fingerprint": self.fingerprint,
            "source": self.source,
        }

    def __repr__(self) -> str:  # the default would print the whole corpus
        return f"Dataset(name={self.name!r}, documents={len(self.corpus)}, queries={len(self.queries)})"


