"""Generate the numeric-constraint retrieval benchmark (named dataset ``numeric``).

Documents about products (eight categories), people (by profession) and events (concerts,
conferences, races, festivals), each stating 3 to 6 numeric facts among distractor numbers,
in the surface forms of shops, CVs and event pages; queries that name a category and one or
two numeric constraints; exact qrels (1 to 10 relevant documents per query) computed from
the structured facts with the semantics of :mod:`.semantics`.

Motivation: embedding models compare numbers poorly (Jina AI, "Can Embedding/Reranker
Models Compare Numbers?", 2024), and dense retrievers satisfy numeric constraints in about
16% of cases (NumConQ, 2025). The benchmark asks the harder question of issue 10: whether a
retriever ties each number to what it measures and each constraint to what is asked.

The pipeline keeps *what* apart from *how*: :mod:`.world` samples entities and facts,
:mod:`.queries` chooses constraints and their answers, and a template set
(:mod:`.templates`; ``dev`` by default) only words them. Document ids are random hex from
their own seeded stream and the corpus is shuffled, so neither ids nor order tell anything.
Nothing here imports the system under test (``limitbench.retrievers.numeric``,
``limitbench.agents``).
"""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass

from limitbench.retrievers.errors import ConfigError
from limitbench.retrievers.types import Document, Query

from ..datasets.dataset import Dataset
from .facts import Entity
from .names import NameSource
from .queries import MAX_RELEVANT, MIN_RELEVANT, choose_specs
from .semantics import QuerySpec
from .templates import TEMPLATE_SETS
from .world import sample_world

__all__ = ["DEFAULT_OPTIONS", "MIN_DOCS", "GeneratedNumeric", "build_numeric", "document_ids", "generate_numeric",
           "load_default"]

DEFAULT_OPTIONS = {"n_docs": 1000, "n_queries": 400, "seed": 0}
MIN_DOCS = 40
_RENDER_TRIES = 8


def document_ids(count: int, seed: int) -> list[str]:
    """``count`` distinct 12-hex-digit ids from their own seeded stream."""
    rng = random.Random(f"numeric-ids-{seed}")
    ids: list[str] = []
    seen: set[str] = set()
    while len(ids) < count:
        candidate = f"{rng.getrandbits(48):012x}"
        if candidate not in seen:
            seen.add(candidate)
            ids.append(candidate)
    return ids


@dataclass(frozen=True)
class GeneratedNumeric:
    """A generated benchmark with the structure behind its text: ``entities[i]`` is the
    subject of ``dataset.corpus[i]`` and ``specs[j]`` the meaning of ``dataset.queries[j]``."""

    dataset: Dataset
    entities: list[Entity]
    specs: list[QuerySpec]


def generate_numeric(*, n_docs: int = 1000, n_queries: int = 400, seed: int = 0, templates: str = "dev",
                     name: str = "numeric") -> Dataset:
    """A numeric benchmark of ``n_docs`` documents and up to ``n_queries`` queries.

    Deterministic for ``seed`` and ``templates`` (a name in
    :data:`~.templates.TEMPLATE_SETS`); the facts, the questions and the qrels depend on
    ``seed`` only, the wording on both. Each query has 1 to 10 relevant documents; fewer
    than ``n_queries`` come back only when a small corpus runs out of distinct such queries
    (the count is in ``metadata``).
    """
    return build_numeric(n_docs=n_docs, n_queries=n_queries, seed=seed, templates=templates, name=name).dataset


def build_numeric(*, n_docs: int = 1000, n_queries: int = 400, seed: int = 0, templates: str = "dev",
                  name: str = "numeric") -> GeneratedNumeric:
    """:func:`generate_numeric` with the entities and query specs it was written from."""
    if n_docs < MIN_DOCS:
        raise ConfigError(f"numeric dataset: n_docs must be at least {MIN_DOCS} (got {n_docs})")
    if n_queries < 1:
        raise ConfigError(f"numeric dataset: n_queries must be at least 1 (got {n_queries})")
    template_set = TEMPLATE_SETS.create(templates)
    world_rng = random.Random(f"numeric-world-{seed}")
    entities = sample_world(n_docs, world_rng, NameSource(seed))
    doc_ids = document_ids(n_docs, seed)
    text_rng = random.Random(f"numeric-text-{templates}-{seed}")
    corpus = [Document(id=doc_id, text=template_set.document(entity=entity, rng=text_rng), title="")
              for doc_id, entity in zip(doc_ids, entities)]
    queries, qrels, shown, specs = [], {}, set(), []
    spare = n_queries // 20 + 5  # a few extra specs in case a wording repeats
    for spec, relevant in choose_specs(entities, n_queries + spare, random.Random(f"numeric-queries-{seed}")):
        if len(queries) == n_queries:
            break
        text = _distinct_text(template_set, spec, text_rng, shown)
        if text is None:
            continue
        query_id = f"q{len(queries):04d}"
        queries.append(Query(id=query_id, text=text))
        specs.append(spec)
        qrels[query_id] = {doc_ids[i]: 1 for i in relevant}
    kinds = Counter(e.kind for e in entities)
    dataset = Dataset(
        name=name,
        corpus=corpus,
        queries=queries,
        qrels=qrels,
        source=f"generated:numeric(n_docs={n_docs}, n_queries={n_queries}, seed={seed}, templates={templates})",
        metadata={"generator": "numeric", "templates": templates, "n_docs": n_docs, "n_queries": len(queries),
                  "seed": seed, "documents_by_kind": dict(sorted(kinds.items())),
                  "relevant_per_query": [MIN_RELEVANT, MAX_RELEVANT]},
    )
    return GeneratedNumeric(dataset, entities, specs)


def _distinct_text(template_set, spec, rng: random.Random, shown: set[str]) -> str | None:
    """A wording of ``spec`` no earlier query used (None if every try repeats one)."""
    for _ in range(_RENDER_TRIES):
        text = template_set.query(spec=spec, rng=rng)
        if text not in shown:
            shown.add(text)
            return text
    return None


def load_default() -> Dataset:
    """The named dataset ``numeric``: 1,000 documents, 400 queries, seed 0, ``dev`` templates."""
    return generate_numeric(**DEFAULT_OPTIONS)
