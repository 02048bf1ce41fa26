"""LIMIT-style dataset generator, following the recipe of Weller et al. 2025
(arXiv 2508.21038, Sec. 4): choose ``n_relevant`` people and ``n_queries`` k-subsets
of them (the *qrel pattern*); give each query its own attribute; every person in a
query's subset "likes" that attribute; queries read "Who likes <attribute>?".

Qrel patterns (paper Sec. 5.4 compares them; "dense" is LIMIT's):

* ``dense``    — k-subsets drawn from all C(n, k) combinations (as many distinct as possible);
* ``random``   — k-subsets drawn independently at random;
* ``cycle``    — query i is relevant to people i, i+1, ..., i+k-1 (mod n);
* ``disjoint`` — people are split into non-overlapping groups of k.

Distractors are extra people who like only non-query attributes, so no distractor
is relevant to any query (checked). Relevant people are padded with non-query
attributes up to ``items_per_doc`` when they have fewer query attributes than that.
Everything is deterministic for ``seed``.
"""

from __future__ import annotations

import itertools
import math
import random
from dataclasses import asdict, dataclass
from typing import Iterable

from limitbench.retrievers.errors import ConfigError
from limitbench.retrievers.types import Document, Query

from .dataset import Dataset
from .vocabulary import likeable_things, person_names

__all__ = [
    "PATTERNS",
    "GeneratorSpec",
    "generate_limit_style",
    "likes_sentence",
    "distractor_documents",
    "non_overlapping_fillers",
]

PATTERNS = ("dense", "random", "cycle", "disjoint")


@dataclass(frozen=True)
class GeneratorSpec:
    n_relevant: int = 46
    k: int = 2
    n_queries: int = 1000
    pattern: str = "dense"
    items_per_doc: int = 0  # 0: no padding (LIMIT's relevant documents carry only query attributes)
    n_distractors: int = 0
    distractor_items: int = 40
    # "word": fillers share no word with any query attribute (keyword search cannot be misled);
    # "phrase": fillers only avoid containing, or being contained in, a query attribute.
    filler_overlap: str = "word"
    seed: int = 0

    def validate(self) -> None:
        if self.pattern not in PATTERNS:
            raise ConfigError(f"generator: unknown qrel pattern {self.pattern!r} (choose from {', '.join(PATTERNS)})")
        for field in ("n_relevant", "k", "n_queries"):
            if getattr(self, field) < 1:
                raise ConfigError(f"generator: {field} must be >= 1")
        if self.k > self.n_relevant:
            raise ConfigError(f"generator: k={self.k} is larger than n_relevant={self.n_relevant}")
        if self.filler_overlap not in ("word", "phrase"):
            raise ConfigError(f"generator: filler_overlap must be 'word' or 'phrase', got {self.filler_overlap!r}")
        if self.n_distractors < 0 or self.items_per_doc < 0 or self.distractor_items < 1:
            raise ConfigError("generator: n_distractors and items_per_doc must be >= 0, distractor_items >= 1")
        if self.pattern == "dense" and self.n_queries > math.comb(self.n_relevant, self.k):
            raise ConfigError(
                f"generator: dense pattern has only C({self.n_relevant},{self.k}) = "
                f"{math.comb(self.n_relevant, self.k)} subsets, fewer than n_queries={self.n_queries}"
            )


def _subsets(spec: GeneratorSpec, rng: random.Random) -> list[tuple[int, ...]]:
    n, k, q = spec.n_relevant, spec.k, spec.n_queries
    if spec.pattern == "dense":
        combos = list(itertools.combinations(range(n), k)) if math.comb(n, k) <= 2_000_000 else None
        if combos is not None:
            return sorted(rng.sample(combos, q))
        chosen: set[tuple[int, ...]] = set()
        while len(chosen) < q:
            chosen.add(tuple(sorted(rng.sample(range(n), k))))
        return sorted(chosen)
    if spec.pattern == "random":
        return [tuple(sorted(rng.sample(range(n), k))) for _ in range(q)]
    if spec.pattern == "cycle":
        return [tuple(sorted((i + j) % n for j in range(k))) for i in range(q)]
    groups = n // k
    return [tuple(range((i % groups) * k, (i % groups) * k + k)) for i in range(q)]


def _sub_phrases(phrase: str) -> set[str]:
    words = phrase.lower().split()
    return {" ".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, len(words) + 1)}


def non_overlapping_fillers(candidates: list[str], attributes: Iterable[str], *, mode: str = "phrase") -> list[str]:
    """Candidates safe to put in a document without making it relevant to a query.

    ``phrase``: neither containing a query attribute as a phrase nor contained in one, so
    "likes Winter Pottery" can never be read as liking the query attribute "Pottery".
    ``word``: sharing no word at all with any query attribute.
    """
    attribute_set = {a.lower() for a in attributes}
    if mode == "word":
        attribute_words = {word for a in attribute_set for word in a.split()}
        return [c for c in candidates if not (set(c.lower().split()) & attribute_words)]
    inside_attributes = set().union(*(_sub_phrases(a) for a in attribute_set)) if attribute_set else set()
    return [c for c in candidates if not (_sub_phrases(c) & attribute_set) and c.lower() not in inside_attributes]


def likes_sentence(name: str, items: list[str]) -> str:
    """``"Name likes A, B and C."`` — the LIMIT document form."""
    if len(items) == 1:
        return f"{name} likes {items[0]}."
    return f"{name} likes {', '.join(items[:-1])} and {items[-1]}."


def distractor_documents(
    *, count: int, items_per_doc: int, fillers: list[str], names: list[str], rng: random.Random
) -> Iterable[Document]:
    """People who like only ``fillers`` (which must contain no query attribute)."""
    width = min(items_per_doc, len(fillers))
    for name in names[:count]:
        yield Document(id=name, text=likes_sentence(name, rng.sample(fillers, width)))


def generate_limit_style(spec: GeneratorSpec | None = None, *, name: str = "limit-style", **overrides: object) -> Dataset:
    """Generate a LIMIT-style dataset; ``overrides`` are :class:`GeneratorSpec` fields."""
    spec = spec or GeneratorSpec()
    if overrides:
        spec = GeneratorSpec(**{**asdict(spec), **overrides})  # type: ignore[arg-type]
    spec.validate()
    rng = random.Random(spec.seed)
    vocabulary = list(likeable_things())
    rng.shuffle(vocabulary)
    if spec.n_queries >= len(vocabulary):
        raise ConfigError(f"generator: n_queries={spec.n_queries} needs more than the {len(vocabulary)} vocabulary items")
    attributes = vocabulary[: spec.n_queries]
    fillers = non_overlapping_fillers(vocabulary[spec.n_queries :], attributes, mode=spec.filler_overlap)
    if len(fillers) < max(spec.distractor_items, spec.items_per_doc - 1, 1):
        raise ConfigError(
            f"generator: only {len(fillers)} filler items remain after excluding the query attributes; "
            "lower n_queries, distractor_items or items_per_doc, or use filler_overlap='phrase'"
        )
    people = person_names(spec.n_relevant + spec.n_distractors, seed=spec.seed)
    relevant_people, distractor_people = people[: spec.n_relevant], people[spec.n_relevant :]

    liked: dict[int, list[str]] = {i: [] for i in range(spec.n_relevant)}
    queries, qrels = [], {}
    for number, (attribute, subset) in enumerate(zip(attributes, _subsets(spec, rng))):
        query_id = f"query_{number}"
        queries.append(Query(id=query_id, text=f"Who likes {attribute}?"))
        qrels[query_id] = {relevant_people[i]: 1 for i in subset}
        for i in subset:
            liked[i].append(attribute)

    corpus = []
    for i, person in enumerate(relevant_people):
        items = liked[i] + rng.sample(fillers, max(0, spec.items_per_doc - len(liked[i])))
        rng.shuffle(items)
        corpus.append(Document(id=person, text=likes_sentence(person, items) if items else f"{person} likes nothing in particular."))
    corpus += distractor_documents(
        count=spec.n_distractors, items_per_doc=spec.distractor_items, fillers=fillers, names=distractor_people, rng=rng
    )
    return Dataset(name=name, corpus=corpus, queries=queries, qrels=qrels, source="generated", metadata={"generator": asdict(spec)})
