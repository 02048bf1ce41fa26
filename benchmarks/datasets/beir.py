"""Read and write the MTEB/BEIR layout: ``corpus.jsonl``, ``queries.jsonl`` and qrels
as ``qrels.jsonl`` (``query-id``, ``corpus-id``, ``score``) or ``qrels/test.tsv``.

Every problem is reported as a :class:`DataError` naming the file and line.
"""

from __future__ import annotations

import csv
import json
import os
from pathlib import Path
from typing import Iterator

from limitbench.retrievers.atomic import atomic_write_lines
from limitbench.retrievers.errors import DataError
from limitbench.retrievers.types import Document, Qrels, Query

from .dataset import Dataset

__all__ = ["load_beir", "write_beir", "read_jsonl"]


def read_jsonl(path: Path, required: tuple[str, ...]) -> Iterator[tuple[int, dict]]:
    """Yield ``(line_number, object)`` for each non-blank line, checking required fields."""
    if not path.is_file():
        raise DataError(f"{path}: file not found")
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as error:
                raise DataError(f"{path}:{number}: malformed JSON ({error.msg})") from None
            if not isinstance(row, dict):
                raise DataError(f"{path}:{number}: expected a JSON object")
            missing = [name for name in required if name not in row]
            if missing:
                raise DataError(f"{path}:{number}: missing field {missing[0]!r}")
            yield number, row


def _load_corpus(path: Path) -> list[Document]:
    corpus: list[Document] = []
    seen: set[str] = set()
    for number, row in read_jsonl(path, ("_id", "text")):
        doc_id = str(row["_id"])
        if doc_id in seen:
            raise DataError(f"{path}:{number}: duplicate document id {doc_id!r}")
        seen.add(doc_id)
        corpus.append(Document(id=doc_id, text=str(row["text"]), title=str(row.get("title") or "")))
    if not corpus:
        raise DataError(f"{path}: empty corpus")
    return corpus


def _load_queries(path: Path) -> list[Query]:
    queries: list[Query] = []
    seen: set[str] = set()
    for number, row in read_jsonl(path, ("_id", "text")):
        query_id = str(row["_id"])
        if query_id in seen:
            raise DataError(f"{path}:{number}: duplicate query id {query_id!r}")
        seen.add(query_id)
        queries.append(Query(id=query_id, text=str(row["text"])))
    if not queries:
        raise DataError(f"{path}: no queries")
    return queries


def _qrel_rows(path: Path) -> Iterator[tuple[int, str, str, int]]:
    if path.suffix == ".tsv":
        with path.open(encoding="utf-8", newline="") as handle:
            for number, row in enumerate(csv.reader(handle, delimiter="\t"), start=1):
                if not row or (number == 1 and row[0] in ("query-id", "query_id", "qid")):
                    continue
                if len(row) < 3:
                    raise DataError(f"{path}:{number}: expected query-id, corpus-id, score")
                yield number, row[0], row[1], _score(path, number, row[2])
        return
    for number, row in read_jsonl(path, ("query-id", "corpus-id")):
        yield number, str(row["query-id"]), str(row["corpus-id"]), _score(path, number, row.get("score", 1))


def _score(path: Path, number: int, value: object) -> int:
    try:
        return int(float(value))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise DataError(f"{path}:{number}: score {value!r} is not a number") from None


def _load_qrels(path: Path, doc_ids: set[str], query_ids: set[str]) -> Qrels:
    qrels: Qrels = {}
    for number, query_id, doc_id, score in _qrel_rows(path):
        if query_id not in query_ids:
            raise DataError(f"{path}:{number}: qrel names unknown query {query_id!r}")
        if doc_id not in doc_ids:
            raise DataError(f"{path}:{number}: qrel names unknown document {doc_id!r}")
        qrels.setdefault(query_id, {})[doc_id] = score
    if not qrels:
        raise DataError(f"{path}: no qrels")
    return qrels


def find_qrels_file(directory: Path) -> Path:
    for candidate in (directory / "qrels.jsonl", directory / "qrels" / "test.tsv", directory / "qrels" / "test.jsonl"):
        if candidate.is_file():
            return candidate
    raise DataError(f"{directory}: no qrels (expected qrels.jsonl or qrels/test.tsv)")


def load_beir(directory: str | os.PathLike[str], *, name: str | None = None) -> Dataset:
    """Load a dataset directory; queries without any qrel are dropped (as MTEB does)."""
    root = Path(directory)
    if not root.is_dir():
        raise DataError(f"{root}: dataset directory not found")
    corpus = _load_corpus(root / "corpus.jsonl")
    queries = _load_queries(root / "queries.jsonl")
    qrels = _load_qrels(find_qrels_file(root), {d.id for d in corpus}, {q.id for q in queries})
    queries = [q for q in queries if q.id in qrels]
    return Dataset(name=name or root.name, corpus=corpus, queries=queries, qrels=qrels, source=str(root))


def write_beir(dataset: Dataset, directory: str | os.PathLike[str]) -> Path:
    """Write ``dataset`` in the BEIR layout (``qrels.jsonl``), each file atomically."""
    root = Path(directory)
    atomic_write_lines(
        root / "corpus.jsonl",
        (json.dumps({"_id": d.id, "title": d.title, "text": d.text}, ensure_ascii=False) + "\n" for d in dataset.corpus),
    )
    atomic_write_lines(
        root / "queries.jsonl",
        (json.dumps({"_id": q.id, "text": q.text}, ensure_ascii=False) + "\n" for q in dataset.queries),
    )
    atomic_write_lines(
        root / "qrels.jsonl",
        (
            json.dumps({"query-id": qid, "corpus-id": did, "score": score}, ensure_ascii=False) + "\n"
            for qid, rel in dataset.qrels.items()
            for did, score in rel.items()
        ),
    )
    return root
