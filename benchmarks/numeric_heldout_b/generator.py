"""The held-out numeric set B: job postings, home listings and used-car adverts.

Written without reading the system under test (the numeric tool, the agent, the first
held-out set); used only to measure them. Each document is a listing in free prose
stating several facts bound to different attributes, in varied surface forms, among
numeric distractors; each query bounds one or two attributes within a category, and its
qrels are computed from the facts the documents were written from (:mod:`.queries`).
Document and query ids are drawn from the seeded RNG and carry no information.
"""

from __future__ import annotations

import random

from limitbench.benchmarks.datasets.dataset import Dataset
from limitbench.retrievers.types import Document, Query

from .domains.cars import car_advert
from .domains.homes import rental_listing, sale_listing
from .domains.jobs import job_posting
from .facts import Record
from .queries import Question, find_questions
from .questions import CARS, HOMES, JOBS

__all__ = ["DOCUMENTS", "QUERIES", "generate_numeric_heldout_b", "generate_records"]

NAME = "numeric-heldout-b"
# How many documents each writer produces, and queries per domain.
DOCUMENTS = {"job": ((job_posting, 160),), "home": ((sale_listing, 115), (rental_listing, 45)),
             "car": ((car_advert, 150),)}
QUERIES = {"job": 50, "home": 50, "car": 50}


def _new_id(rng: random.Random, taken: set[str], width: int = 10) -> str:
    while True:
        candidate = f"{rng.getrandbits(4 * width):0{width}x}"
        if candidate not in taken:
            taken.add(candidate)
            return candidate


def generate_records(seed: int = 0) -> list[Record]:
    """Every document's record (facts, distractors, categories, text), in corpus order."""
    rng = random.Random(f"{NAME}/documents/{seed}")
    taken: set[str] = set()
    records: list[Record] = []
    for domain, writers in DOCUMENTS.items():
        for write, count in writers:
            for _ in range(count):
                draft = write(rng)
                record = Record(id=_new_id(rng, taken), target=domain, facts=dict(draft.facts),
                                distractors=list(draft.distractors), text=draft.text(),
                                extra={"categories": dict(draft.categories)})
                records.append(record)
    rng.shuffle(records)
    return records


def generate_numeric_heldout_b(seed: int = 0) -> Dataset:
    """The held-out numeric set B for ``seed`` (same seed, same dataset)."""
    records = generate_records(seed)
    rng = random.Random(f"{NAME}/queries/{seed}")
    questions: list[Question] = []
    for domain in (JOBS, HOMES, CARS):
        questions += find_questions(rng, domain, [r for r in records if r.target == domain.name], QUERIES[domain.name])
    rng.shuffle(questions)
    taken: set[str] = set()
    query_ids = [f"q-{_new_id(rng, taken, 8)}" for _ in questions]
    corpus = [Document(id=record.id, text=record.text) for record in records]
    queries = [Query(id=qid, text=question.text) for qid, question in zip(query_ids, questions)]
    qrels = {qid: {doc_id: 1 for doc_id in question.relevant} for qid, question in zip(query_ids, questions)}
    metadata = {
        "seed": seed,
        "records": {record.id: {**record.as_metadata(), "categories": record.extra["categories"]} for record in records},
        "questions": {qid: _question_metadata(question) for qid, question in zip(query_ids, questions)},
    }
    return Dataset(name=NAME, corpus=corpus, queries=queries, qrels=qrels, source=f"generated:{NAME}?seed={seed}",
                   metadata=metadata)


def _question_metadata(question: Question) -> dict:
    return {"domain": question.domain, "scope": question.scope,
            "conditions": [{"attribute": c.constraint.attribute, "op": c.constraint.op, "low": c.constraint.low,
                            "high": c.constraint.high, "unit": c.unit, "words": c.words} for c in question.conditions]}
