"""Generate the numeric-constraint retrieval benchmark (LIMIT-style documents about
people with numeric facts; queries with comparatives, ranges, dates, times and
version order; exact qrels).

Motivation: embedding models compare numbers poorly (Jina AI, "Can Embedding/Reranker
Models Compare Numbers?", 2024; EmbedNum-1K, 2025), and dense retrievers satisfy
numeric constraints in about 16% of cases (NumConQ, 2025). This benchmark measures
that on LIMIT-shaped data: one document per person, "Who ...?" queries, 1 to 10
relevant documents each, every relevance judgement exact.
"""

from __future__ import annotations

import random

from limitbench.retrievers.errors import ConfigError
from limitbench.retrievers.types import Document, Query

from ..datasets.dataset import Dataset
from .facts import render_document, sample_people
from .names import person_names
from .queries import MAX_RELEVANT, MIN_RELEVANT, choose_specs, render_query

__all__ = ["DEFAULT_OPTIONS", "generate_numeric", "load_default"]

DEFAULT_OPTIONS = {"n_docs": 1000, "n_queries": 400, "seed": 0}


def generate_numeric(*, n_docs: int = 1000, n_queries: int = 400, seed: int = 0, stated_share: float = 0.6,
                     name: str = "numeric") -> Dataset:
    """A numeric benchmark of ``n_docs`` people and up to ``n_queries`` queries.

    Deterministic for ``seed``. Each query has 1 to 10 relevant documents; fewer
    than ``n_queries`` come back only if the corpus is too small to have that many
    distinct such queries (the count is in ``metadata``).
    """
    if n_docs < 20:
        raise ConfigError(f"numeric dataset: n_docs must be at least 20 (got {n_docs})")
    if n_queries < 1:
        raise ConfigError(f"numeric dataset: n_queries must be at least 1 (got {n_queries})")
    if not 0.0 < stated_share <= 1.0:
        raise ConfigError(f"numeric dataset: stated_share must be in (0, 1] (got {stated_share})")
    rng = random.Random(f"numeric-{seed}")
    people = sample_people(person_names(n_docs, seed=seed), rng, stated_share=stated_share)
    width = len(str(n_docs - 1))
    doc_ids = [f"p{i:0{width}d}" for i in range(n_docs)]
    corpus = [Document(id=doc_id, text=render_document(person, rng), title="") for doc_id, person in zip(doc_ids, people)]
    queries, qrels = [], {}
    for number, (spec, relevant) in enumerate(choose_specs(people, n_queries, rng)):
        query_id = f"q{number:04d}"
        queries.append(Query(id=query_id, text=render_query(spec, rng)))
        qrels[query_id] = {doc_ids[i]: 1 for i in relevant}
    return Dataset(
        name=name,
        corpus=corpus,
        queries=queries,
        qrels=qrels,
        source=f"generated:numeric(n_docs={n_docs}, n_queries={n_queries}, seed={seed})",
        metadata={"generator": "numeric", "n_docs": n_docs, "n_queries": len(queries), "seed": seed,
                  "stated_share": stated_share, "relevant_per_query": [MIN_RELEVANT, MAX_RELEVANT]},
    )


def load_default() -> Dataset:
    """The named dataset ``numeric``: 1,000 people, 400 queries, seed 0 (built offline)."""
    return generate_numeric(**DEFAULT_OPTIONS)
