"""A paper-scale LIMIT corpus rebuilt offline.

The official LIMIT corpus (Weller et al. 2025) is 46 relevant documents plus 49,954
distractors that contain none of the query attributes. That corpus is not available
offline, so this module *reconstructs* one: the 46 documents, 1,000 queries and qrels
of a given LIMIT-small directory, plus generated distractors from limitbench's own
vocabulary and names, excluding every query attribute (and phrases overlapping one)
and every LIMIT-small name. It is not the official LIMIT corpus: figures on it are
comparable in spirit, not number for number, with the paper's LIMIT table.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

from limitbench.retrievers.errors import DataError

from .beir import load_beir
from .dataset import Dataset
from .generator import distractor_documents, non_overlapping_fillers
from .vocabulary import likeable_things, person_names

__all__ = ["PAPER_CORPUS_SIZE", "reconstruct_limit"]

PAPER_CORPUS_SIZE = 50_000
_QUERY_FORM = re.compile(r"^\s*who likes (.+?)\?*\s*$", re.IGNORECASE)


def _query_attributes(dataset: Dataset) -> list[str]:
    attributes = []
    for query in dataset.queries:
        match = _QUERY_FORM.match(query.text)
        if not match:
            raise DataError(f"{dataset.source}: query {query.id} is not of the form 'Who likes X?'")
        attributes.append(match.group(1))
    return attributes


def reconstruct_limit(
    limit_small_dir: str | Path,
    *,
    total_documents: int = PAPER_CORPUS_SIZE,
    distractor_items: int = 40,
    seed: int = 0,
) -> Dataset:
    """LIMIT-small's documents and queries plus generated distractors up to ``total_documents``."""
    small = load_beir(limit_small_dir)
    n_distractors = total_documents - len(small.corpus)
    if n_distractors < 0:
        raise DataError(f"total_documents={total_documents} is smaller than LIMIT-small's {len(small.corpus)} documents")
    rng = random.Random(seed)
    fillers = non_overlapping_fillers(list(likeable_things()), _query_attributes(small))
    names = person_names(n_distractors, seed=seed, exclude={doc.id for doc in small.corpus})
    distractors = list(
        distractor_documents(count=n_distractors, items_per_doc=distractor_items, fillers=fillers, names=names, rng=rng)
    )
    return Dataset(
        name="limit-50k" if total_documents == PAPER_CORPUS_SIZE else f"limit-{total_documents}",
        corpus=small.corpus + distractors,
        queries=small.queries,
        qrels=small.qrels,
        source=f"reconstruction of LIMIT from {small.source}",
        metadata={"reconstruction": True, "distractors": n_distractors, "seed": seed, "distractor_items": distractor_items},
    )
