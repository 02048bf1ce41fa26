"""The ``probe-numbers`` configuration (YAML, validated by pydantic; errors name the field).

::

    families:                 # built-in names and/or user families (FamilySpec)
      - integers
      - {name: percent, start: 1, step: 1, count: 100, format: "{value}%"}
      - {name: sizes, items: ["XS", "S", "M", "L", "XL"]}
    scorers:                  # default: [dense]
      - dense                              # dense cosine, default model
      - {name: dense, form: question}      # "what is the closest item to X?" vs. items
      - bm25
      - colbert
      - {name: colbert, form: question}
      - {name: dense, options: {model: all-MiniLM-L6-v2}, label: minilm}
    out: runs/probe-numbers

With no ``families`` every built-in family runs. ``name: dense`` is the dense cosine
scorer; any other name is a registered retriever (``bm25``, ``colbert``, or
``package.module:Class``) used through index + search (or its rescoring API).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from limitbench.retrievers.errors import ConfigError

from ..yaml_config import read_yaml_mapping, validate_config
from .families import BUILTIN_NAMES, FAMILIES, Family, FamilySpec
from .scorers import QUESTION_TEMPLATE, DenseCosineScorer, RetrieverScorer, Scorer

__all__ = ["ScorerSpec", "ProbeConfig", "load_probe_config", "build_probe_config"]


class ScorerSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1)
    form: Literal["pair", "question"] = "pair"
    template: str | None = None
    options: dict[str, Any] = Field(default_factory=dict)
    label: str | None = None

    @field_validator("template")
    @classmethod
    def _has_item(cls, value: str | None) -> str | None:
        if value is not None and "{item}" not in value:
            raise ValueError("must contain '{item}' where the number goes")
        return value

    def query_template(self) -> str:
        if self.template:
            return self.template
        return QUESTION_TEMPLATE if self.form == "question" else "{item}"

    def build(self) -> Scorer:
        template = self.query_template()
        if self.name == "dense":
            unknown = sorted(set(self.options) - {"model"})
            if unknown:
                raise ConfigError(f"scorer 'dense': unknown option(s) {', '.join(unknown)} (accepted: model)")
            return DenseCosineScorer(model=self.options.get("model"), template=template, label=self.label)
        return RetrieverScorer(retriever=self.name, options=self.options, template=template, label=self.label)


class ProbeConfig(BaseModel):
    model_config = ConfigDict(extra="forbid")

    families: list[FamilySpec | str] = Field(default_factory=lambda: list(BUILTIN_NAMES), min_length=1)
    scorers: list[ScorerSpec] = Field(default_factory=lambda: [ScorerSpec(name="dense")], min_length=1)
    out: str = "runs/probe-numbers"

    @field_validator("families", mode="before")
    @classmethod
    def _specs(cls, value: Any) -> Any:
        """Validate mappings as FamilySpec here, so an error names the spec's own field."""
        if not isinstance(value, list):
            return value
        items = []
        for position, item in enumerate(value):
            if isinstance(item, dict):
                try:
                    item = FamilySpec.model_validate(item)
                except ValidationError as error:
                    first = error.errors()[0]
                    where = ".".join(str(part) for part in first["loc"])
                    name = item.get("name", "?")
                    detail = first["msg"].removeprefix("Value error, ")
                    raise ValueError(f"item {position} ({name!r}){' field ' + where if where else ''}: {detail}") from None
            items.append(item)
        return items

    @field_validator("families")
    @classmethod
    def _known_names(cls, value: list[str | FamilySpec]) -> list[str | FamilySpec]:
        for item in value:
            if isinstance(item, str) and item not in FAMILIES.names() and ":" not in item:
                raise ValueError(f"unknown family {item!r} (known: {', '.join(FAMILIES.names())}; "
                                 "or give a mapping with 'items' or 'start'/'step'/'count', or 'package.module:function')")
            if isinstance(item, str):
                FAMILIES.resolve(item)  # a plug-in that cannot be imported fails here, naming it
        names = [item if isinstance(item, str) else item.name for item in value]
        duplicates = sorted({n for n in names if names.count(n) > 1})
        if duplicates:
            raise ValueError(f"family name {duplicates[0]!r} is used twice")
        return value

    @field_validator("scorers", mode="before")
    @classmethod
    def _scorer_strings(cls, value: Any) -> Any:
        return [{"name": item} if isinstance(item, str) else item for item in value] if isinstance(value, list) else value

    def built_families(self) -> list[Family]:
        return [FAMILIES.create(item) if isinstance(item, str) else item.build() for item in self.families]


def build_probe_config(data: dict[str, Any], *, source: str = "probe config") -> ProbeConfig:
    return validate_config(ProbeConfig, data, source=source)


def load_probe_config(path: str | Path) -> ProbeConfig:
    return build_probe_config(read_yaml_mapping(path, what="probe config"), source=str(path))
