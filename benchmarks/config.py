"""Run configuration, validated by pydantic; every error names the file and field.

A config (``configs/*.yaml``) looks like::

    name: limit-small
    data_dir: ../shared/data          # where named datasets live (or $LIMITBENCH_DATA_DIR)
    datasets: [limit-small]
    retrievers:
      - bm25
      - {name: dense, sweep: {dim: [16, 32, 64, 128, 384]}}
      - {name: dense, label: dense-pca64, options: {dim: 64, reduction: pca}}
    k: 100
    metrics: [R@2, R@10, R@20, R@100, nDCG@10]
    significance: {baseline: bm25, test: t-test, alpha: 0.05}
    out: runs/limit-small

Relative paths are taken from the current directory.

:meth:`RunConfig.check` checks everything that can be checked without data, before any
work: retriever and dataset names and options (names and types), labels (each at most
120 characters, no control characters, unique per run), the significance baseline
against the labels. A retriever without a ``label`` is labelled by its name and its
options as given: ``bm25``, ``bm25[k1=2.0]``.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import re
import unicodedata
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, PositiveInt, field_validator

from limitbench.retrievers.errors import ConfigError

from .metrics import DEFAULT_METRICS, canonical_metrics
from .yaml_config import read_yaml_mapping, validate_config

__all__ = [
    "MAX_LABEL",
    "RetrieverSpec",
    "DatasetSpec",
    "SignificanceSpec",
    "RunConfig",
    "load_config",
    "parse_retriever_arg",
]

MAX_LABEL = 120


def _has_control(text: str) -> bool:
    return any(unicodedata.category(char).startswith("C") for char in text)


def _checked_label(value: str | None) -> str | None:
    if value is None:
        return None
    if not value.strip():
        raise ValueError("a label must not be empty")
    if len(value) > MAX_LABEL:
        raise ValueError(f"a label is at most {MAX_LABEL} characters, this one has {len(value)}")
    if _has_control(value):
        raise ValueError(f"a label must not hold control characters (tab, newline ...): {value!r}")
    return value


def automatic_label(text: str) -> str:
    """A label made from names and options: control characters replaced, and a long one
    shortened with a hash of the whole so that it stays unique."""
    text = "".join("_" if unicodedata.category(char).startswith("C") else char for char in text)
    if len(text) <= MAX_LABEL:
        return text
    return f"{text[: MAX_LABEL - 10]}~{hashlib.sha256(text.encode('utf-8', 'surrogatepass')).hexdigest()[:8]}"


def _shown_option(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value, separators=(",", ":"), ensure_ascii=False, default=str)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class _Labelled(_Strict):
    label: str | None = None

    @field_validator("label")
    @classmethod
    def _label_fits(cls, value: str | None) -> str | None:
        return _checked_label(value)


class RetrieverSpec(_Labelled):
    name: str = Field(min_length=1)
    options: dict[str, Any] = Field(default_factory=dict)
    sweep: dict[str, list[Any]] | None = None
    family: str | None = None  # set on sweep members: what the dimension plot draws as one line

    def display_label(self) -> str:
        """``label``, else the name with the options as given: ``bm25[k1=2.0]``."""
        if self.label:
            return self.label
        if not self.options:
            return automatic_label(self.name)
        shown = ",".join(f"{key}={_shown_option(value)}" for key, value in self.options.items())
        return automatic_label(f"{self.name}[{shown}]")

    def expand(self) -> list["RetrieverSpec"]:
        """One spec per combination of ``sweep`` values (labels get ``-<key><value>``).

        A key may be dotted to reach a nested option (``policy_options.judge_options.error_rate``;
        shown by its last part). The last key is the one a curve is drawn along: members
        that differ only in it share a ``family`` (one line in the plots)."""
        if not self.sweep:
            return [self]
        keys = list(self.sweep)
        expanded = []
        base = self.label or self.name
        for values in itertools.product(*(self.sweep[key] for key in keys)):
            parts = [f"{'d' if key == 'dim' else key.rsplit('.', 1)[-1]}{value}" for key, value in zip(keys, values)]
            options = json.loads(json.dumps(self.options))  # a deep copy: nested options are set in place
            for key, value in zip(keys, values):
                _set_nested(options, key, value)
            family = "-".join([base, *parts[:-1]])
            expanded.append(RetrieverSpec(name=self.name, label=f"{base}-{'-'.join(parts)}", options=options, family=family))
        return expanded


def _set_nested(options: dict[str, Any], dotted: str, value: Any) -> None:
    """``options["a"]["b"] = value`` for ``"a.b"`` (intermediate mappings are created)."""
    *path, last = dotted.split(".")
    target = options
    for part in path:
        child = target.setdefault(part, {})
        if not isinstance(child, dict):
            raise ConfigError(f"retrievers: sweep key {dotted!r}: option {part!r} is not a mapping")
        target = child
    target[last] = value


class DatasetSpec(_Labelled):
    name: str
    options: dict[str, Any] = Field(default_factory=dict)
    max_queries: PositiveInt | None = None

    def display_label(self) -> str:
        """``label``, else the catalogue name, else the folder's name."""
        from .datasets.named import dataset_label

        return automatic_label(dataset_label(self.name, self.label))


class SignificanceSpec(_Strict):
    baseline: str
    test: Literal["t-test", "wilcoxon"] = "t-test"
    alpha: float = Field(0.05, gt=0, lt=1)


class RunConfig(_Strict):
    name: str = "run"
    data_dir: str | None = None
    datasets: list[DatasetSpec] = Field(default_factory=lambda: [DatasetSpec(name="default")], min_length=1)
    retrievers: list[RetrieverSpec] = Field(
        default_factory=lambda: [RetrieverSpec(name="bm25"), RetrieverSpec(name="dense")], min_length=1
    )
    k: PositiveInt = 100
    metrics: list[str] = Field(default_factory=lambda: list(DEFAULT_METRICS), min_length=1)
    significance: SignificanceSpec | None = None
    out: str | None = None  # default: runs/<name>
    executor: str = "sequential"
    workers: PositiveInt | None = None

    @field_validator("datasets", mode="before")
    @classmethod
    def _dataset_strings(cls, value: Any) -> Any:
        return [{"name": item} if isinstance(item, str) else item for item in value] if isinstance(value, list) else value

    @field_validator("retrievers", mode="before")
    @classmethod
    def _retriever_strings(cls, value: Any) -> Any:
        if not isinstance(value, list):
            return value
        return [parse_retriever_arg(item).model_dump() if isinstance(item, str) else item for item in value]

    @field_validator("metrics")
    @classmethod
    def _known_metrics(cls, value: list[str]) -> list[str]:
        return canonical_metrics(value)  # raises ConfigError naming the metric

    @property
    def out_dir(self) -> str:
        return self.out or f"runs/{self.name}"

    def expanded_retrievers(self) -> list[RetrieverSpec]:
        specs = [spec for item in self.retrievers for spec in item.expand()]
        labels = [spec.display_label() for spec in specs]
        duplicates = sorted({label for label in labels if labels.count(label) > 1})
        if duplicates:
            raise ConfigError(f"retrievers: two retrievers are both labelled {duplicates[0]!r}; give each a distinct 'label'")
        return specs

    def dataset_labels(self) -> list[str]:
        labels = [spec.display_label() for spec in self.datasets]
        for label, spec in zip(labels, self.datasets):
            if not label:
                raise ConfigError(f"datasets: {spec.name!r} gives no name; set 'label'")
        duplicates = sorted({label for label in labels if labels.count(label) > 1})
        if duplicates:
            sources = ", ".join(spec.name for spec, label in zip(self.datasets, labels) if label == duplicates[0])
            raise ConfigError(
                f"datasets: two datasets are both named {duplicates[0]!r} ({sources}); give each a distinct 'label' in a config"
            )
        return labels

    def check(self) -> None:
        """Everything that can be checked without loading data (see the module docstring)."""
        from limitbench.retrievers.registry import check_retriever

        from .datasets.named import check_dataset

        for spec in self.datasets:
            check_dataset(spec.name, spec.options)
        self.dataset_labels()
        specs = self.expanded_retrievers()
        for spec in specs:
            check_retriever(spec.name, spec.options)
        if self.significance is not None:
            labels = [spec.display_label() for spec in specs]
            if self.significance.baseline not in labels:
                raise ConfigError(
                    f"significance.baseline {self.significance.baseline!r} is not a retriever of this run "
                    f"(labels: {', '.join(labels)})"
                )


_BRACKETS = re.compile(r"^(?P<name>[^\[\]]+)\[(?P<options>.*)\]$")


def _top_level_split(text: str, separator: str = ",") -> list[str]:
    """Split on ``separator`` outside brackets and quotes: ``tools=[a,b],k=2`` -> 2 parts."""
    parts, depth, quote, current = [], 0, "", []
    for char in text:
        if quote:
            quote = "" if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char in "[{(":
            depth += 1
        elif char in "]})":
            depth -= 1
        elif char == separator and depth == 0:
            parts.append("".join(current))
            current = []
            continue
        current.append(char)
    parts.append("".join(current))
    return parts


def parse_retriever_arg(text: str) -> RetrieverSpec:
    """``dense`` or ``dense[dim=64,reduction=pca]`` or ``pkg.mod:Class[opt=1]`` (values parsed as YAML)."""
    if not text.strip():
        raise ConfigError("retriever: a name is required, got ''")
    match = _BRACKETS.match(text.strip())
    if not match:
        return RetrieverSpec(name=text.strip())
    options: dict[str, Any] = {}
    for part in filter(None, (p.strip() for p in _top_level_split(match.group("options")))):
        key, sep, raw = part.partition("=")
        if not sep or not key.strip():
            raise ConfigError(f"retriever {text!r}: option {part!r} is not key=value")
        options[key.strip()] = yaml.safe_load(raw)
    return RetrieverSpec(name=match.group("name").strip(), options=options)


def build_config(data: dict[str, Any], *, source: str = "config") -> RunConfig:
    return validate_config(RunConfig, data, source=source)


def load_config(path: str | Path) -> RunConfig:
    return build_config(read_yaml_mapping(path), source=str(path))
