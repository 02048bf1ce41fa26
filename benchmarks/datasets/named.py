"""Named datasets: a catalogue of :class:`~.dataset.DatasetCard` s over one
:class:`~limitbench.retrievers.plugins.Registry`.

Each built-in name has a card (kind, citation, licence, relevant documents per query,
revision) that a loaded :class:`Dataset` carries into ``results.json``:

=========== ===============================================================================
name        source
=========== ===============================================================================
default     generated LIMIT-style data embedded in the package (no network, no files)
limit-small official LIMIT-small: ``<data_dir>/limit-small`` when a data directory is
            given (``data_dir=`` / ``--data-dir`` / ``$LIMITBENCH_DATA_DIR``), else the
            Hugging Face hub (``orionweller/LIMIT-small`` at a pinned revision)
limit       official LIMIT (50k documents): ``<data_dir>/limit`` or the hub
limit-50k   offline reconstruction of LIMIT around the official queries and qrels in
            ``<data_dir>/limit`` (:mod:`.reconstruction`)
limit-small-50k  the previous build: LIMIT-small + generated distractors (:mod:`.reconstruction`)
numeric     the default numeric-constraint benchmark (:mod:`limitbench.benchmarks.numeric`)
numeric-heldout  a numeric set written separately from the numeric tool, used only to
            measure it (:mod:`limitbench.benchmarks.numeric_heldout`; option ``seed``)
numeric-heldout-b  a second one, written blind: jobs, homes, used cars
            (:mod:`limitbench.benchmarks.numeric_heldout_b`; option ``seed``)
limit-small-prose  LIMIT-small's people and qrels rewritten as prose, with dislikes
            (:mod:`.prose`; options ``style`` — dev, heldout-a … heldout-d — and ``seed``)
limit-small-compositional  and / or / but-not questions over LIMIT-small's people in prose
generated   :func:`generate_limit_style` with the given options
=========== ===============================================================================

Other names: a loader registered with ``DATASETS.register(name)``, announced in the
``limitbench.datasets`` entry-point group, or given as ``package.module:function`` (called
with the dataset's options, and ``data_dir`` if it accepts one; it returns a
:class:`Dataset`, which is validated); anything else is read as a BEIR-layout folder.
Options are checked (names and types) before anything is loaded.
"""

from __future__ import annotations

import functools
import importlib
import os
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any, Callable

from limitbench.retrievers.errors import ConfigError, DataError, LimitbenchError, OfflineError
from limitbench.retrievers.plugins import Registry, accepted_options, check_option_types

from .beir import folder_name, load_beir
from .dataset import Dataset, DatasetCard
from .generator import GeneratorSpec, generate_limit_style
from .reconstruction import LIMIT_50K_METADATA, LIMIT_SMALL_50K_METADATA

__all__ = [
    "CARDS",
    "DATASETS",
    "DEFAULT_SPEC",
    "HUB_DATASETS",
    "HubDataset",
    "check_dataset",
    "dataset_label",
    "dataset_names",
    "load_dataset",
    "load_from_hub",
]

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


_LIMIT_CITATION = (
    "Weller, Boratko, Naim & Lee 2025, On the Theoretical Limitations of Embedding-Based Retrieval, arXiv:2508.21038"
)
_LIMIT_LICENCE = "CC-BY-4.0 (Google LLC)"
_OWN_LICENCE = "Apache-2.0 (limitbench)"


def _own_revision() -> str:
    """Generated data is pinned by the generator's code: the limitbench version."""
    try:
        return f"limitbench {version('limitbench')}"
    except PackageNotFoundError:
        return "limitbench (not installed)"


def _card_fields(metadata: dict[str, Any]) -> dict[str, Any]:
    return {"kind": metadata["kind"], "relevant_per_query": metadata["relevant_per_query"],
            "licence": metadata["licence"], "citation": metadata["citation"], "description": metadata["built_from"]}


CARDS: dict[str, DatasetCard] = {
    card.name: card
    for card in (
        DatasetCard(
            name="default", kind="generated", relevant_per_query=2, licence=_OWN_LICENCE,
            description="LIMIT-style data from limitbench's generator: 46 people, 300 queries, 454 distractors",
            citation=f"recipe of {_LIMIT_CITATION}, Sec. 4",
        ),
        DatasetCard(
            name="generated", kind="generated", relevant_per_query=2, licence=_OWN_LICENCE,
            description="LIMIT-style data from limitbench's generator with the options given",
            citation=f"recipe of {_LIMIT_CITATION}, Sec. 4",
        ),
        DatasetCard(
            name="limit-small", kind="official", relevant_per_query=2, licence=_LIMIT_LICENCE, citation=_LIMIT_CITATION,
            description="official LIMIT-small: 46 documents, 1000 queries",
            revision=HUB_DATASETS["limit-small"].revision, url=f"https://huggingface.co/datasets/{HUB_DATASETS['limit-small'].repo}",
        ),
        DatasetCard(
            name="limit", kind="official", relevant_per_query=2, licence=_LIMIT_LICENCE, citation=_LIMIT_CITATION,
            description="official LIMIT: 50,000 documents, 1000 queries",
            revision=HUB_DATASETS["limit"].revision, url=f"https://huggingface.co/datasets/{HUB_DATASETS['limit'].repo}",
        ),
        # the reconstructions' metadata lives beside their builders (.reconstruction)
        DatasetCard(name="limit-50k", **_card_fields(LIMIT_50K_METADATA)),
        DatasetCard(name="limit-small-50k", **_card_fields(LIMIT_SMALL_50K_METADATA)),
        DatasetCard(
            name="numeric", kind="generated", relevant_per_query=None, licence=_OWN_LICENCE,
            description="limitbench's numeric-constraint benchmark (dev templates): products, people and events, "
            "1000 documents, 400 queries, 1 to 10 relevant each",
        ),
        DatasetCard(
            name="numeric-heldout", kind="generated", relevant_per_query=None, licence=_OWN_LICENCE,
            description="numeric set written separately from the numeric tool, for measuring it only: 470 documents, "
            "160 queries, 1 to 10 relevant each",
        ),
        DatasetCard(
            name="numeric-heldout-b", kind="generated", relevant_per_query=None, licence=_OWN_LICENCE,
            description="second held-out numeric set, written blind (without reading the numeric tool, the agent or "
            "the first held-out set), for measurement only: job postings, home listings and used-car adverts, "
            "470 documents, 150 queries, 1 to 10 relevant each",
        ),
        DatasetCard(
            name="limit-small-prose", kind="derived", relevant_per_query=2,
            licence=f"LIMIT-small part {_LIMIT_LICENCE}; prose {_OWN_LICENCE}", citation=f"derived from {_LIMIT_CITATION}",
            description="LIMIT-small's people and qrels rewritten as prose with dislikes, in a chosen style",
        ),
        DatasetCard(
            name="limit-small-compositional", kind="derived", relevant_per_query=None,
            licence=f"LIMIT-small part {_LIMIT_LICENCE}; prose {_OWN_LICENCE}", citation=f"derived from {_LIMIT_CITATION}",
            description="and / or / but-not questions over LIMIT-small's people in prose, answers by set logic",
        ),
    )
}

# One registry for every dataset name: the built-ins above, loaders registered in this
# process, the ``limitbench.datasets`` entry-point group, and ``package.module:function``.
DATASETS: Registry[Dataset] = Registry("dataset", group="limitbench.datasets", error=ConfigError)


def dataset_names() -> list[str]:
    return DATASETS.names()


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
    dataset = Dataset(name=name, corpus=corpus, queries=queries, qrels=qrels, source=f"hf:{hub.repo}@{hub.revision[:8]}")
    return dataset.validate(what=f"dataset {name!r} from the hub")


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


def _build(name: str, data_dir: str | os.PathLike[str] | None, options: dict[str, Any]) -> Dataset:
    """The built-in dataset ``name`` (its options already checked)."""
    directory = _data_dir(data_dir)
    builders: dict[str, Callable[[], Dataset]] = {
        "default": lambda: generate_limit_style(DEFAULT_SPEC, name="default", **options),
        "generated": lambda: generate_limit_style(name="generated", **options),
        "limit-small": lambda: _official("limit-small", directory),
        "limit": lambda: _official("limit", directory),
        "limit-50k": lambda: _reconstruct("limit-50k", directory, options),
        "limit-small-50k": lambda: _reconstruct("limit-small-50k", directory, options),
        "numeric": lambda: _numeric(options),
        "numeric-heldout": lambda: _numeric_heldout(options),
        "numeric-heldout-b": lambda: _numeric_heldout_b(options),
        "limit-small-prose": lambda: _prose("limit-small-prose", directory, options),
        "limit-small-compositional": lambda: _prose("limit-small-compositional", directory, options),
    }
    try:
        return builders[name]()
    except TypeError as error:
        raise ConfigError(f"dataset {name!r}: bad option ({error})") from None


def _options_target(name: str) -> Callable[..., Any] | None:
    """The callable whose keyword parameters are built-in ``name``'s options."""
    if name in ("default", "generated"):
        return GeneratorSpec
    if name == "limit-50k":
        from .reconstruction import build_limit_50k

        return build_limit_50k
    if name == "limit-small-50k":
        from .reconstruction import reconstruct_limit

        return reconstruct_limit
    if name == "numeric":
        return importlib.import_module("limitbench.benchmarks.numeric").generate_numeric
    if name == "numeric-heldout":
        return importlib.import_module("limitbench.benchmarks.numeric_heldout").generate_numeric_heldout
    if name == "numeric-heldout-b":
        return importlib.import_module("limitbench.benchmarks.numeric_heldout_b").generate_numeric_heldout_b
    if name == "limit-small-prose":
        from .prose import prose_dataset

        return prose_dataset
    if name == "limit-small-compositional":
        from .prose import compositional_set

        return compositional_set
    return None  # the official releases take no options


_NOT_OPTIONS = {"limit_dir", "limit_small_dir", "name", "base"}  # parameters limitbench fills in itself


def _check_builtin_options(name: str, options: dict[str, Any]) -> None:
    target = _options_target(name)
    accepted = [o for o in (accepted_options(target) or []) if o not in _NOT_OPTIONS] if target else []
    unknown = sorted(set(options) - set(accepted))
    if unknown:
        raise ConfigError(f"dataset {name!r}: unknown option(s) {', '.join(unknown)} (accepted: {', '.join(accepted) or 'none'})")
    problem = check_option_types(target, options) if target else None
    if problem:
        raise ConfigError(f"dataset {name!r}: {problem}")


def _builtin_card(name: str, options: dict[str, Any]) -> DatasetCard:
    card = CARDS[name]
    update: dict[str, Any] = {}
    if card.kind == "generated" and name in ("default", "generated"):  # LIMIT-style: k relevant per query
        update = {"revision": _own_revision(), "relevant_per_query": options.get("k", 2)}
    elif card.kind == "reconstruction":
        official = "limit" if name == "limit-50k" else "limit-small"
        update = {"revision": f"{_own_revision()}; {official} {HUB_DATASETS[official].revision}"}
    elif name in ("numeric", "numeric-heldout", "numeric-heldout-b", "limit-small-prose", "limit-small-compositional"):
        update = {"revision": _own_revision()}
    return card.model_copy(update=update)


def _check_declared(dataset: Dataset, card: DatasetCard) -> None:
    """Official data must look like the release its card describes."""
    if card.kind != "official" or card.relevant_per_query is None:
        return
    for query_id, judged in dataset.qrels.items():
        relevant = sum(grade > 0 for grade in judged.values())
        if relevant != card.relevant_per_query:
            raise DataError(
                f"{dataset.source}: query {query_id!r} has {relevant} relevant documents, but official {card.name} has "
                f"{card.relevant_per_query} per query; these are not the official files (load the folder by its path instead)"
            )


def _is_plugin(name: str) -> bool:
    if name in CARDS:
        return False
    if name in DATASETS.names():
        return True
    return ":" in name and not Path(name).is_dir()


def check_dataset(name: str, options: dict[str, Any] | None = None) -> None:
    """Check a dataset name and its options without loading any data (a run does this
    for every dataset before any work)."""
    options = dict(options or {})
    if not isinstance(name, str) or not name.strip():
        raise ConfigError(f"dataset: a name or folder is required, got {name!r}")
    if name in CARDS:
        _check_builtin_options(name, options)
    elif _is_plugin(name):
        DATASETS.check(name, {k: v for k, v in options.items()})
    elif options:
        raise ConfigError(f"dataset {name!r}: a folder takes no options, got {', '.join(sorted(options))}")


def dataset_label(name: str, label: str | None = None) -> str:
    """The name a dataset has in results: ``label``, the catalogue name, or the folder's name."""
    if label:
        return label
    if name in CARDS or _is_plugin(name):
        return name
    return folder_name(name)


def _load_plugin(name: str, data_dir: str | os.PathLike[str] | None, options: dict[str, Any]) -> Dataset:
    factory = DATASETS.check(name, options)
    accepted = accepted_options(factory)
    extra = {"data_dir": _data_dir(data_dir)} if accepted is None or "data_dir" in accepted else {}
    try:
        dataset = factory(**options, **extra)
    except LimitbenchError:
        raise
    except Exception as error:  # a third-party loader: say which one failed, in one line
        reason = f"{type(error).__name__}: {error}".splitlines()[0]
        raise ConfigError(f"dataset {name!r}: the loader failed ({reason})") from None
    if not isinstance(dataset, Dataset):
        raise ConfigError(f"dataset {name!r}: the loader returned a {type(dataset).__name__}, not a Dataset")
    dataset.validate(what=f"dataset {name!r}")
    card = getattr(factory, "card", None) or dataset.card
    dataset.card = card if isinstance(card, DatasetCard) else DatasetCard(name=name, kind="plug-in", description=dataset.source)
    return dataset


def load_dataset(
    name: str, *, data_dir: str | os.PathLike[str] | None = None, options: dict[str, Any] | None = None
) -> Dataset:
    """Resolve ``name`` (see the module docstring) to a :class:`Dataset` with its card."""
    options = dict(options or {})
    check_dataset(name, options)
    if name in CARDS:
        dataset = _build(name, data_dir, options)
        dataset.card = _builtin_card(name, options)
        _check_declared(dataset, dataset.card)
        return dataset
    if _is_plugin(name):
        return _load_plugin(name, data_dir, options)
    path = Path(name)
    if path.is_dir():
        dataset = load_beir(path)
        dataset.card = DatasetCard(name=dataset.name, kind="local", description=f"BEIR-layout folder {path}")
        return dataset
    if os.sep in name or name.startswith("."):
        raise DataError(f"{path}: dataset directory not found")
    raise DataError(f"unknown dataset {name!r}: not a directory, and not one of {', '.join(dataset_names())}")


def _numeric_heldout(options: dict[str, Any]) -> Dataset:
    from limitbench.benchmarks.numeric_heldout import generate_numeric_heldout

    return generate_numeric_heldout(**options)


def _numeric_heldout_b(options: dict[str, Any]) -> Dataset:
    from limitbench.benchmarks.numeric_heldout_b import generate_numeric_heldout_b

    return generate_numeric_heldout_b(**options)


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


for _name in CARDS:  # built-in names resolve through the same registry as plug-ins
    DATASETS.register(_name)(functools.partial(load_dataset, _name))
