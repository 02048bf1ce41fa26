"""The in-memory dataset: corpus, queries and graded qrels, with a content fingerprint and
a :class:`DatasetCard` saying what the data is (carried into ``results.json``).

Relevance grades follow TREC and ir_measures: integers, a document is relevant to a query
when its grade is > 0; grades <= 0 mark judged non-relevant documents. A query is evaluated
only if it has at least one relevant document (see :func:`evaluable_qrels`).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal

from pydantic import BaseModel, ConfigDict

from limitbench.retrievers.errors import DataError
from limitbench.retrievers.types import Document, Qrels, Query

__all__ = ["Dataset", "DatasetCard", "GRADE_LIMIT", "evaluable_qrels"]

# pytrec_eval keeps grades in a C int; a grade beyond it would overflow there.
GRADE_LIMIT = 2**31 - 1

Kind = Literal["official", "reconstruction", "derived", "generated", "local", "plug-in"]


class DatasetCard(BaseModel):
    """What a dataset is, declared by whoever provides it (not read from the README).

    ``kind``: ``official`` (a published release), ``reconstruction`` (an offline rebuild of
    one), ``derived`` (an official release rewritten: LIMIT-small as prose), ``generated``
    (limitbench's generators), ``local`` (a BEIR folder given by path),
    ``plug-in`` (a third-party loader). ``relevant_per_query`` is the number of relevant
    documents per query when the dataset fixes it (LIMIT: 2), else None. ``revision`` pins
    the release (a hub commit) or the generator (``limitbench <version>``)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    kind: Kind
    description: str = ""
    citation: str | None = None
    licence: str | None = None
    relevant_per_query: int | None = None
    revision: str | None = None
    url: str | None = None

    def record(self) -> dict:
        return self.model_dump()


@dataclass
class Dataset:
    name: str
    corpus: list[Document]
    queries: list[Query]
    qrels: Qrels
    source: str = ""
    metadata: dict = field(default_factory=dict)
    card: DatasetCard | None = None

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
            card=self.card,
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

    def validate(self, *, what: str | None = None) -> "Dataset":
        """Check what a loader outside :mod:`.beir` handed over (a plug-in, the hub):
        string ids, unique, qrels naming known ids with integer grades, and at least one
        query with a relevant document. Raises :class:`DataError` naming ``what``."""
        where = what or f"dataset {self.name!r}"
        doc_ids = _unique_ids(self.corpus, Document, f"{where}: corpus")
        query_ids = _unique_ids(self.queries, Query, f"{where}: queries")
        if not doc_ids:
            raise DataError(f"{where}: empty corpus")
        if not isinstance(self.qrels, dict):
            raise DataError(f"{where}: qrels must be a dict {{query_id: {{doc_id: grade}}}}")
        for query_id, judged in self.qrels.items():
            if query_id not in query_ids:
                raise DataError(f"{where}: qrels name unknown query {query_id!r}")
            if not isinstance(judged, dict):
                raise DataError(f"{where}: qrels of query {query_id!r} must be a dict {{doc_id: grade}}")
            for doc_id, grade in judged.items():
                if doc_id not in doc_ids:
                    raise DataError(f"{where}: qrels of query {query_id!r} name unknown document {doc_id!r}")
                if type(grade) is not int or abs(grade) > GRADE_LIMIT:
                    raise DataError(f"{where}: qrel grade {grade!r} of ({query_id!r}, {doc_id!r}) is not an integer grade")
        if not evaluable_qrels(self.qrels):
            raise DataError(f"{where}: no query has a relevant document (a grade > 0)")
        return self

    def __repr__(self) -> str:  # the default would print the whole corpus
        return f"Dataset(name={self.name!r}, documents={len(self.corpus)}, queries={len(self.queries)})"


def evaluable_qrels(qrels: Qrels) -> Qrels:
    """The qrels of queries with at least one relevant document (grade > 0).

    A query without a relevant document has no defined recall: it is left out of the
    evaluation, exactly like a query without any qrels (as MTEB and BEIR do)."""
    return {qid: judged for qid, judged in qrels.items() if any(grade > 0 for grade in judged.values())}


def _unique_ids(items: list, kind: type, where: str) -> set[str]:
    if not isinstance(items, list):
        raise DataError(f"{where} must be a list of {kind.__name__}")
    seen: set[str] = set()
    for position, item in enumerate(items):
        if not isinstance(item, kind):
            raise DataError(f"{where}: item {position} is a {type(item).__name__}, not a {kind.__name__}")
        if not isinstance(item.id, str) or not item.id:
            raise DataError(f"{where}: item {position} has id {item.id!r}; ids must be non-empty strings")
        if not isinstance(item.text, str):
            raise DataError(f"{where}: item {item.id!r} has text of type {type(item.text).__name__}, not str")
        if item.id in seen:
            raise DataError(f"{where}: duplicate id {item.id!r}")
        seen.add(item.id)
    return seen
