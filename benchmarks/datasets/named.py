"""Named datasets and how each name resolves.

========== =====================================================================
name       source
========== =====================================================================
default    generated LIMIT-style data embedded in the package (no network, no files)
limit-small official LIMIT-small: ``<data_dir>/limit-small`` when a data directory is
           given (``data_dir=`` / ``--data-dir`` / ``$LIMITBENCH_DATA_DIR``), else the
           Hugging Face hub (``orionweller/LIMIT-small`` at a pinned revision)
limit      official LIMIT (50k documents): ``<data_dir>/limit`` or the hub
limit-50k  offline reconstruction of LIMIT around the official queries and qrels in
           ``<data_dir>/limit`` (:mod:`.reconstruction`)
limit-small-50k the previous build: LIMIT-small + generated distractors (:mod:`.reconstruction`)
limit-small-prose  LIMIT-small's people and qrels rewritten as prose, with dislikes
           (:mod:`.prose`; options ``style`` — dev, heldout-a, heldout-b — and ``seed``)
limit-small-compositional  and / or / but-not questions over LIMIT-small's people in prose
numeric    the default numeric-constraint benchmark (:mod:`limitbench.benchmarks.numeric`)
generated  :func:`generate_limit_style` with the given options
========== =====================================================================

Anything else is read as a path to a BEIR-layout directory.
"""

from __future__ import annotations

import importlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from limitbench.retrievers.errors import ConfigError, DataError, OfflineError

from .beir import load_beir
from .dataset import Dataset
from .generator import GeneratorSpec, generate_limit_style

__all__ = ["HubDataset", "HUB_DATASETS", "DEFAULT_SPEC", "dataset_names", "load_dataset", "load_from_hub"]

DATA_DIR_ENV = "LIMITBENCH_DATA_DIR"


@dataclass(frozen=True)
class HubDataset:
    repo: str
    revision: str  # pinned as in MTEB's LIMITRetrieval / LIMITSmallRetrieval task metadata


HUB_DATASETS = {
    "limit-small": HubDataset("orionweller/LIMIT-small", "ff4a8f2476ae77476c1912f1f3cb5bb5f2d766d4"),
    "limit": HubDataset("orionweller/LIMIT", "48142cc741b04d0b4af370ade7e8b42430382670"),
}

# The embedded default: small enough to run in well under a minute on two CPU cores,
# LIMIT-shaped enough (2 relevant of 46 people per query, distractors) to show the effect.
DEFAULT_SPEC = GeneratorSpec(n_relevant=46, k=2, n_queries=300, n_distractors=454, distractor_items=30, seed=0)


def dataset_names() -> list[str]:
    return ["default", "generated", "limit", "limit-50k", "limit-small", "limit-small-50k", "limit-small-compositional",
            "limit-small-prose", "numeric"]


def _data_dir(data_dir: str | os.PathLike[str] | None) -> Path | None:
    chosen = data_dir or os.environ.get(DATA_DIR_ENV)
    return Path(chosen) if chosen else None


def load_from_hub(name: str) -> Dataset:
    """Download a LIMIT variant from the Hugging Face hub (MTEB layout, pinned revision)."""
    hub = HUB_DATASETS[name]
    from limitbench.retrievers.models import hub_reachable

    if not hub_reachable():
        raise OfflineError(
            f"dataset {name!r}: the Hugging Face hub is unreachable; give a local copy with "
            f"--data-dir DIR (containing {name}/) or ${DATA_DIR_ENV}"
        )
    try:
        from datasets import load_dataset as hf_load_dataset
    except ImportError:
        raise OfflineError(f"dataset {name!r}: loading from the hub needs `pip install limitbench[hub]`") from None
    from limitbench.retrievers.types import Document, Query

    def first_split(config: str):
        loaded = hf_load_dataset(hub.repo, config, revision=hub.revision)
        return loaded["test"] if "test" in loaded else loaded[next(iter(loaded))]

    try:
        corpus_rows, query_rows, qrel_rows = first_split("corpus"), first_split("queries"), first_split("default")
    except Exception as error:  # the hub client raises many types when offline
        raise OfflineError(
            f"dataset {name!r}: cannot reach the Hugging Face hub ({type(error).__name__}); give a local copy with "
            f"--data-dir DIR (containing {name}/) or ${DATA_DIR_ENV}"
        ) from None
    qrels: dict[str, dict[str, int]] = {}
    for row in qrel_rows:
        qrels.setdefault(str(row["query-id"]), {})[str(row["corpus-id"])] = int(row["score"])
    corpus = [Document(id=str(r["_id"]), text=r["text"], title=r.get("title") or "") for r in corpus_rows]
    queries = [Query(id=str(r["_id"]), text=r["text"]) for r in query_rows if str(r["_id"]) in qrels]
    return Dataset(name=name, corpus=corpus, queries=queries, qrels=qrels, source=f"hf:{hub.repo}@{hub.revision[:8]}")


def _official(name: str, data_dir: Path | None) -> Dataset:
    if data_dir is None:
        return load_from_hub(name)
    directory = data_dir / name
    if name == "limit" and not (directory / "corpus.jsonl").is_file():
        raise DataError(
            f"{directory / 'corpus.jsonl'}: file not found (the official 50k LIMIT corpus is not included offline; "
            "use the dataset 'limit-50k', a reconstruction around the official queries and qrels)"
        )
    return load_beir(directory, name=name)


def _local_dir(data_dir: Path | None, name: str, folder: str) -> Path:
    if data_dir is None:
        raise ConfigError(
            f"dataset {name!r} is built from a local {folder}/ directory: give --data-dir DIR "
            f"(containing {folder}/) or ${DATA_DIR_ENV}"
        )
    return data_dir / folder


def _numeric(options: dict[str, Any]) -> Dataset:
    module = importlib.import_module("limitbench.benchmarks.numeric")
    return module.generate_numeric(**options) if options else module.load_default()


def load_dataset(
    name: str, *, data_dir: str | os.PathLike[str] | None = None, options: dict[str, Any] | None = None
) -> Dataset:
    """Resolve ``name`` (see the module docstring) to a :class:`Dataset`."""
    options = dict(options or {})
    directory = _data_dir(data_dir)
    builders: dict[str, Callable[[], Dataset]] = {
        "default": lambda: generate_limit_style(DEFAULT_SPEC, name="default", **options),
        "generated": lambda: generate_limit_style(name="generated", **options),
        "limit-small": lambda: _official("limit-small", directory),
        "limit": lambda: _official("limit", directory),
        "limit-50k": lambda: _reconstruct("limit-50k", directory, options),
        "limit-small-50k": lambda: _reconstruct("limit-small-50k", directory, options),
        "numeric": lambda: _numeric(options),
        "limit-small-prose": lambda: _prose("limit-small-prose", directory, options),
        "limit-small-compositional": lambda: _prose("limit-small-compositional", directory, options),
    }
    if name in builders:
        try:
            return builders[name]()
        except TypeError as error:
            raise ConfigError(f"dataset {name!r}: bad option ({error})") from None
    path = Path(name)
    if path.is_dir():
        return load_beir(path)
    if os.sep in name or name.startswith("."):
        raise DataError(f"{path}: dataset directory not found")
    raise DataError(f"unknown dataset {name!r}: not a directory, and not one of {', '.join(dataset_names())}")


def _prose(name: str, directory: Path | None, options: dict[str, Any]) -> Dataset:
    from .prose import compositional_set, prose_dataset

    base = _official("limit-small", directory)
    build = prose_dataset if name == "limit-small-prose" else compositional_set
    return build(base, name=name, **options)


def _reconstruct(name: str, directory: Path | None, options: dict[str, Any]) -> Dataset:
    from .reconstruction import build_limit_50k, reconstruct_limit

    if name == "limit-50k":
        return build_limit_50k(_local_dir(directory, name, "limit"), **options)
    return reconstruct_limit(_local_dir(directory, name, "limit-small"), **options)
