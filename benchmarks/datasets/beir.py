"""Read and write the MTEB/BEIR layout: ``corpus.jsonl``, ``queries.jsonl`` and qrels
as ``qrels.jsonl`` (``query-id``, ``corpus-id``, ``score``) or ``qrels/test.tsv``.

Every problem is reported as a :class:`DataError` naming the file and line. What is
accepted, so that nothing is read as something else:

* files are UTF-8 (a leading byte-order mark and CRLF line ends are fine); a byte that
  is not UTF-8 is an error naming the line;
* ids (``_id``, ``query-id``, ``corpus-id``) are non-empty strings or integers; texts
  and titles are strings (``title`` may be absent or null); ``NaN``/``Infinity`` are not JSON;
* a qrel ``score`` (1 when absent) is an integer relevance grade (``1``, ``"2"`` and ``1.0`` are; ``0.7``
  and ``1e300`` are not); a (query, document) pair may be judged once;
* a query is evaluated only if it has a relevant document (grade > 0): queries with no
  qrels, or only grades <= 0, are left out and counted in ``metadata``.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, Iterator

from limitbench.retrievers.atomic import atomic_write_lines
from limitbench.retrievers.errors import DataError
from limitbench.retrievers.types import Document, Qrels, Query

from .dataset import GRADE_LIMIT, Dataset, evaluable_qrels

__all__ = ["load_beir", "write_beir", "read_jsonl", "read_lines", "find_qrels_file"]

_BOM = "\ufeff"


def read_lines(path: Path) -> Iterator[tuple[int, str]]:
    """``(line_number, text)`` for every line of a UTF-8 file, line ends removed."""
    if not path.is_file():
        raise DataError(f"{path}: file not found")
    try:
        with path.open("rb") as handle:
            for number, raw in enumerate(handle, start=1):
                try:
                    line = raw.decode("utf-8")
                except UnicodeDecodeError as error:
                    raise DataError(
                        f"{path}:{number}: not UTF-8 (byte 0x{raw[error.start]:02x} at column {error.start + 1})"
                    ) from None
                if number == 1:
                    line = line.removeprefix(_BOM)
                yield number, line.rstrip("\r\n")
    except OSError as error:
        raise DataError(f"{path}: cannot read ({error.strerror or error})") from None


def _no_constants(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON")


def read_jsonl(path: Path, required: tuple[str, ...]) -> Iterator[tuple[int, dict]]:
    """Yield ``(line_number, object)`` for each non-blank line, checking required fields."""
    for number, line in read_lines(path):
        if not line.strip():
            continue
        try:
            row = json.loads(line, parse_constant=_no_constants)
        except json.JSONDecodeError as error:
            raise DataError(f"{path}:{number}: malformed JSON ({error.msg})") from None
        except ValueError as error:
            raise DataError(f"{path}:{number}: malformed JSON ({error})") from None
        if not isinstance(row, dict):
            raise DataError(f"{path}:{number}: expected a JSON object")
        missing = [name for name in required if name not in row]
        if missing:
            raise DataError(f"{path}:{number}: missing field {missing[0]!r}")
        yield number, row


def _describe(value: object) -> str:
    return "null" if value is None else f"{type(value).__name__} {value!r}"[:80]


def _string(path: Path, number: int, field: str, value: object, *, optional: bool = False) -> str:
    if value is None and optional:
        return ""
    if not isinstance(value, str):
        raise DataError(f"{path}:{number}: field {field!r} must be a string, got {_describe(value)}")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise DataError(f"{path}:{number}: field {field!r} holds a lone surrogate (not encodable as UTF-8)") from None
    return value


def _identifier(path: Path, number: int, field: str, value: object) -> str:
    """Ids are strings or integers (BEIR files use both); ``null``, floats, lists are refused."""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    text = _string(path, number, field, value) if isinstance(value, str) else None
    if text is None:
        raise DataError(f"{path}:{number}: field {field!r} must be a string or integer id, got {_describe(value)}")
    if not text:
        raise DataError(f"{path}:{number}: field {field!r} is empty")
    return text


def _load_corpus(path: Path) -> list[Document]:
    corpus: list[Document] = []
    first_line: dict[str, int] = {}
    for number, row in read_jsonl(path, ("_id", "text")):
        doc_id = _identifier(path, number, "_id", row["_id"])
        if doc_id in first_line:
            raise DataError(f"{path}:{number}: duplicate document id {doc_id!r} (first on line {first_line[doc_id]})")
        first_line[doc_id] = number
        text = _string(path, number, "text", row["text"])
        title = _string(path, number, "title", row.get("title"), optional=True)
        corpus.append(Document(id=doc_id, text=text, title=title))
    if not corpus:
        raise DataError(f"{path}: empty corpus")
    return corpus


def _load_queries(path: Path) -> list[Query]:
    queries: list[Query] = []
    first_line: dict[str, int] = {}
    for number, row in read_jsonl(path, ("_id", "text")):
        query_id = _identifier(path, number, "_id", row["_id"])
        if query_id in first_line:
            raise DataError(f"{path}:{number}: duplicate query id {query_id!r} (first on line {first_line[query_id]})")
        first_line[query_id] = number
        queries.append(Query(id=query_id, text=_string(path, number, "text", row["text"])))
    if not queries:
        raise DataError(f"{path}: no queries")
    return queries


_TSV_HEADERS = ("query-id", "query_id", "qid")


def _qrel_rows(path: Path) -> Iterator[tuple[int, str, str, int]]:
    if path.suffix == ".tsv":
        for number, line in read_lines(path):
            if not line.strip():
                continue
            fields = line.split("\t")
            if number == 1 and fields[0].strip() in _TSV_HEADERS:
                continue
            if len(fields) != 3:
                raise DataError(f"{path}:{number}: expected 3 tab-separated fields (query-id, corpus-id, score), got {len(fields)}")
            query_id = _identifier(path, number, "query-id", fields[0])
            doc_id = _identifier(path, number, "corpus-id", fields[1])
            yield number, query_id, doc_id, grade(path, number, fields[2])
        return
    for number, row in read_jsonl(path, ("query-id", "corpus-id")):
        query_id = _identifier(path, number, "query-id", row["query-id"])
        doc_id = _identifier(path, number, "corpus-id", row["corpus-id"])
        yield number, query_id, doc_id, grade(path, number, row.get("score", 1))


def grade(path: Path | str, number: int, value: object) -> int:
    """A qrel score as an integer relevance grade, or a :class:`DataError` naming the line.

    Integers, integral floats (``1.0``) and their strings are grades; a fraction (``0.7``)
    would be truncated to 0 by TREC tools, so it is refused rather than silently changed."""
    if isinstance(value, bool):
        raise DataError(f"{path}:{number}: score {value!r} is not an integer relevance grade")
    number_value: float | int
    if isinstance(value, int):
        number_value = value
    else:
        try:
            number_value = float(value.strip()) if isinstance(value, str) else float(value)  # type: ignore[arg-type]
        except (TypeError, ValueError):
            raise DataError(f"{path}:{number}: score {value!r} is not a number") from None
        if number_value != number_value or number_value in (float("inf"), float("-inf")):
            raise DataError(f"{path}:{number}: score {value!r} is not a finite number")
        if not number_value.is_integer():
            raise DataError(f"{path}:{number}: score {value!r} is not an integer relevance grade (use 0, 1, 2 ...)")
    if abs(number_value) > GRADE_LIMIT:
        raise DataError(f"{path}:{number}: score {value!r} is out of range (|grade| <= {GRADE_LIMIT})")
    return int(number_value)


def _load_qrels(path: Path, doc_ids: set[str], query_ids: set[str]) -> Qrels:
    qrels: Qrels = {}
    first_line: dict[tuple[str, str], int] = {}
    for number, query_id, doc_id, score in _qrel_rows(path):
        if query_id not in query_ids:
            raise DataError(f"{path}:{number}: qrel names unknown query {query_id!r}")
        if doc_id not in doc_ids:
            raise DataError(f"{path}:{number}: qrel names unknown document {doc_id!r}")
        pair = (query_id, doc_id)
        if pair in first_line:
            raise DataError(
                f"{path}:{number}: ({query_id!r}, {doc_id!r}) is judged twice (first on line {first_line[pair]})"
            )
        first_line[pair] = number
        qrels.setdefault(query_id, {})[doc_id] = score
    if not qrels:
        raise DataError(f"{path}: no qrels")
    return qrels


def find_qrels_file(directory: Path) -> Path:
    for candidate in (directory / "qrels.jsonl", directory / "qrels" / "test.tsv", directory / "qrels" / "test.jsonl"):
        if candidate.is_file():
            return candidate
    raise DataError(f"{directory}: no qrels (expected qrels.jsonl or qrels/test.tsv)")


def folder_name(directory: str | os.PathLike[str]) -> str:
    """The name a dataset folder goes by: its last path part (``.`` is the current folder's name)."""
    root = Path(directory)
    return root.name or Path(os.path.abspath(root)).name


def load_beir(directory: str | os.PathLike[str], *, name: str | None = None) -> Dataset:
    """Load a dataset directory. Queries without a relevant document are left out (as MTEB
    does); how many is recorded in ``metadata``."""
    root = Path(directory)
    if not root.is_dir():
        raise DataError(f"{root}: dataset directory not found")
    corpus = _load_corpus(root / "corpus.jsonl")
    queries = _load_queries(root / "queries.jsonl")
    qrels_path = find_qrels_file(root)
    judged = _load_qrels(qrels_path, {d.id for d in corpus}, {q.id for q in queries})
    qrels = evaluable_qrels(judged)
    if not qrels:
        raise DataError(f"{qrels_path}: no query has a relevant document (every grade is <= 0)")
    kept = [q for q in queries if q.id in qrels]
    metadata = {
        "queries_without_qrels": sum(q.id not in judged for q in queries),
        "queries_without_relevant": sum(q.id in judged and q.id not in qrels for q in queries),
    }
    return Dataset(
        name=name or folder_name(root) or "dataset", corpus=corpus, queries=kept, qrels=qrels, source=str(root),
        metadata=metadata,
    )


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
