"""Render a LIMIT-format dataset as ordinary prose, keeping its people and qrels.

``prose_dataset(base, style=...)`` reads each document of ``base`` as LIMIT writes it
("<Name> likes A, B, ... and Z."; Weller et al. 2025, arXiv 2508.21038), gives each person
a few *dislikes* — items that other people like and that some query asks for, so keyword
search meets documents that name the item without liking it — and writes the profile and
every question through a :class:`~.base.ProseStyle`. Relevance is unchanged: a person who
dislikes an item is not relevant to the question about it.

``compositional_set(...)`` draws and/or/but-not questions over the same people with
answers computed by set logic over their liked items.

Deterministic for ``seed``. Styles are looked up in :data:`STYLES` (``dev`` for
development, ``heldout-a`` to ``heldout-d`` written separately and used only to measure).
"""

from __future__ import annotations

import random
import re
from typing import Sequence

from limitbench.retrievers.errors import DataError
from limitbench.retrievers.plugins import Registry
from limitbench.retrievers.types import Document, Query

from ..dataset import Dataset
from .base import Profile, ProseStyle

__all__ = ["STYLES", "prose_dataset", "compositional_set", "read_limit_profiles"]

STYLES: Registry[ProseStyle] = Registry(
    "prose style",
    protocol=ProseStyle,
    builtins={
        "dev": "limitbench.benchmarks.datasets.prose.dev:DevStyle",
        "heldout-a": "limitbench.benchmarks.datasets.prose.heldout_a:HeldOutStyleA",
        "heldout-b": "limitbench.benchmarks.datasets.prose.heldout_b:HeldOutStyleB",
        "heldout-c": "limitbench.benchmarks.datasets.prose.heldout_c:HeldOutStyleC",
        "heldout-d": "limitbench.benchmarks.datasets.prose.heldout_d:HeldOutStyleD",
    },
)

_LIMIT_DOC = re.compile(r"^(?P<name>.+?) likes (?P<items>.+?)\.?$")
_LIMIT_QUERY = re.compile(r"^Who likes (?P<item>.+?)\?$")


def read_limit_profiles(dataset: Dataset) -> tuple[dict[str, Profile], dict[str, str]]:
    """People (by document id) and query items (by query id) of a LIMIT-format dataset."""
    items_by_query: dict[str, str] = {}
    for query in dataset.queries:
        match = _LIMIT_QUERY.match(query.text.strip())
        if not match:
            raise DataError(f"dataset {dataset.name!r}, query {query.id!r}: not in LIMIT's form 'Who likes X?'")
        items_by_query[query.id] = match.group("item")
    known = set(items_by_query.values())
    profiles: dict[str, Profile] = {}
    for doc in dataset.corpus:
        match = _LIMIT_DOC.match(doc.text.strip())
        if not match:
            raise DataError(f"dataset {dataset.name!r}, document {doc.id!r}: not in LIMIT's form '<Name> likes A, B and C.'")
        profiles[doc.id] = Profile(name=match.group("name"), likes=tuple(_split_items(match.group("items"), known)))
    return profiles, items_by_query


def _split_items(listed: str, known: set[str]) -> list[str]:
    """"A, B, Fish and Chips and C" -> items; an "and" inside a known item is kept."""
    items: list[str] = []
    for segment in (s.strip() for s in listed.split(",")):
        if segment in known or " and " not in segment:
            items.append(segment)
            continue
        head, _, tail = segment.rpartition(" and ")
        if tail in known or head in known:
            items.extend([head, tail])
        else:
            items.append(segment)
    return [item for item in items if item]


def _dislikes(profiles: dict[str, Profile], wanted: Sequence[str], rng: random.Random, per_person: tuple[int, int]) -> dict[str, tuple[str, ...]]:
    """For each person, items asked for by some query that this person does not like."""
    chosen: dict[str, tuple[str, ...]] = {}
    for doc_id, person in profiles.items():
        liked = {item.lower() for item in person.likes}
        pool = sorted({item for item in wanted if item.lower() not in liked})
        count = min(len(pool), rng.randint(*per_person))
        chosen[doc_id] = tuple(rng.sample(pool, count))
    return chosen


def prose_dataset(
    base: Dataset, *, style: str | ProseStyle = "dev", seed: int = 0, dislikes: tuple[int, int] = (2, 4), name: str | None = None
) -> Dataset:
    """``base`` with every profile and question rewritten in ``style`` (see the module)."""
    chosen = STYLES.create(style) if isinstance(style, str) else style
    rng = random.Random(f"prose:{seed}:{chosen.name}")
    profiles, items_by_query = read_limit_profiles(base)
    disliked = _dislikes(profiles, sorted(set(items_by_query.values())), rng, dislikes)
    corpus = []
    for doc in base.corpus:
        person = profiles[doc.id]
        person = Profile(name=person.name, likes=person.likes, dislikes=disliked[doc.id])
        corpus.append(Document(id=doc.id, text=chosen.profile(person=person, rng=rng), title=doc.title))
    queries = [Query(id=q.id, text=chosen.question(item=items_by_query[q.id], rng=rng)) for q in base.queries]
    return Dataset(
        name=name or f"{base.name}-prose-{chosen.name}",
        corpus=corpus,
        queries=queries,
        qrels={qid: dict(rel) for qid, rel in base.qrels.items()},
        source=f"{base.source or base.name} rendered as prose (style {chosen.name}, seed {seed})",
        metadata={**base.metadata, "prose_style": chosen.name, "prose_seed": seed, "derived_from": base.name},
    )


def compositional_set(
    base: Dataset, *, style: str | ProseStyle = "dev", seed: int = 0, per_kind: int = 12, name: str | None = None
) -> Dataset:
    """And / or / but-not questions over ``base``'s people (rendered in ``style``), with
    qrels by set logic over the liked items. Pairs are drawn so every answer is non-empty."""
    chosen = STYLES.create(style) if isinstance(style, str) else style
    rng = random.Random(f"compositional:{seed}:{chosen.name}")
    profiles, items_by_query = read_limit_profiles(base)
    likers: dict[str, set[str]] = {}
    for doc_id, person in profiles.items():
        for item in person.likes:
            likers.setdefault(item, set()).add(doc_id)
    items = sorted(set(items_by_query.values()) & set(likers))
    queries, qrels = [], {}
    makers = {
        "and": (chosen.question_and, lambda a, b: a & b),
        "or": (chosen.question_or, lambda a, b: a | b),
        "but-not": (chosen.question_but_not, lambda a, b: a - b),
    }
    for kind, (render, combine) in makers.items():
        made = 0
        while made < per_kind:
            first, second = rng.sample(items, 2)
            answer = combine(likers[first], likers[second])
            if not answer or (kind == "but-not" and not likers[first] & likers[second]):
                continue  # empty, or a but-not that excludes nobody (it would test nothing)
            query_id = f"{kind}-{made}"
            queries.append(Query(id=query_id, text=render(first=first, second=second, rng=rng)))
            qrels[query_id] = {doc_id: 1 for doc_id in sorted(answer)}
            made += 1
    prose = prose_dataset(base, style=chosen, seed=seed)
    return Dataset(
        name=name or f"{base.name}-compositional-{chosen.name}",
        corpus=prose.corpus,
        queries=queries,
        qrels=qrels,
        source=f"compositional questions over {base.name} in style {chosen.name}, seed {seed}",
        metadata={**prose.metadata, "compositional": per_kind},
    )
