"""Assemble the corpus, the queries and the qrels for one seed."""

from __future__ import annotations

import random

from limitbench.retrievers.types import Document, Query

from ..datasets.dataset import Dataset
from .events import EVENT_TYPES, build_event
from .names import NameBook
from .people import build_person
from .products import CATEGORIES, build_product
from .queries import select_queries, word_query
from .records import Record

__all__ = ["generate_numeric_heldout"]

PRODUCT_SHARE, PEOPLE_SHARE = 0.68, 0.17  # the rest are events


def _sizes(n_docs: int) -> tuple[list[int], int, list[int]]:
    per_category = max(4, round(n_docs * PRODUCT_SHARE / len(CATEGORIES)))
    people = max(8, round(n_docs * PEOPLE_SHARE))
    remaining = max(len(EVENT_TYPES) * 3, n_docs - per_category * len(CATEGORIES) - people)
    events = [remaining // len(EVENT_TYPES) + (1 if i < remaining % len(EVENT_TYPES) else 0) for i in range(len(EVENT_TYPES))]
    return [per_category] * len(CATEGORIES), people, events


def _fresh_id(rng: random.Random, used: set[str]) -> str:
    while True:
        candidate = f"{rng.getrandbits(48):012x}"
        if candidate not in used:
            used.add(candidate)
            return candidate


def _records(rng: random.Random, n_docs: int) -> tuple[list[Record], list[str]]:
    names = NameBook(rng)
    brands = {category.name: [names.brand() for _ in range(rng.randint(6, 9))] for category in CATEGORIES}
    os_names = [f"{names.word(2)} OS" for _ in range(2)]
    places = [names.place() for _ in range(40)]
    schools = [f"{names.place()} {rng.choice(['University', 'Institute of Technology', 'College'])}" for _ in range(12)]
    companies = [names.company() for _ in range(30)]
    organisers = [names.company() for _ in range(15)]
    product_sizes, n_people, event_sizes = _sizes(n_docs)
    records: list[Record] = []
    for category, size in zip(CATEGORIES, product_sizes):
        records += [build_product(rng, names, category, brands[category.name], os_names) for _ in range(size)]
    records += [build_person(rng, names, schools, companies, places) for _ in range(n_people)]
    for kind, size in zip(EVENT_TYPES, event_sizes):
        records += [build_event(rng, names, kind, places, organisers) for _ in range(size)]
    rng.shuffle(records)
    used: set[str] = set()
    for record in records:
        record.id = _fresh_id(rng, used)
    return records, os_names


def generate_numeric_heldout(*, seed: int = 0, n_docs: int = 470, n_queries: int = 160) -> Dataset:
    """A held-out numeric benchmark: products, people and events, queries with 1-10 relevant.

    Deterministic per ``seed``; see the package docstring for the relevance semantics.
    ``dataset.metadata["records"]`` holds each document's structured facts and
    ``dataset.metadata["queries"]`` each query's target and constraints.
    """
    if n_docs < 60 or n_queries < 1:
        raise ValueError(f"numeric_heldout: n_docs must be >= 60 and n_queries >= 1 (got {n_docs}, {n_queries})")
    rng = random.Random(seed)
    records, os_names = _records(rng, n_docs)
    chosen = select_queries(rng, records, os_names, n_queries)
    rng.shuffle(chosen)
    used = {record.id for record in records}
    queries, qrels, specs = [], {}, {}
    for spec, relevant in chosen:
        query_id = "q" + _fresh_id(rng, used)
        text = word_query(rng, spec)
        queries.append(Query(id=query_id, text=text))
        qrels[query_id] = {doc_id: 1 for doc_id in sorted(relevant)}
        specs[query_id] = {"target": spec.target.to_json(), "constraints": [
            {**option.constraint.to_json(), "op": option.op, "scope": option.scope} for option in spec.options]}
    corpus = [Document(id=record.id, text=record.text, title=record.title) for record in records]
    return Dataset(
        name=f"numeric-heldout-seed{seed}",
        corpus=corpus,
        queries=queries,
        qrels=qrels,
        source="limitbench.benchmarks.numeric_heldout",
        metadata={"generator": "numeric_heldout", "seed": seed, "records": [r.to_json() for r in records], "queries": specs},
    )
