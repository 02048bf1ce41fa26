"""The agent's tools: configured retrievers, indexed lazily, plus reading a document.

Each retrieval tool is any retriever the registry can create
(:func:`limitbench.retrievers.registry.create_retriever`), with its options. A tool
is created and indexed on its first use, so a tool the policy never picks costs
nothing. Configuration accepts::

    tools: [bm25, dense]                                    # registry names
    tools: [{name: dense, options: {dim: 64}, label: dense64}]
    tools: "bm25+dense"                                     # handy on a command line:
                                                            # -r 'agent[tools=bm25+dense]'

Without ``tools`` the agent offers :data:`DEFAULT_TOOLS`, keeping only those whose
module imports (others may not be installed or written yet); a tool named explicitly
that cannot be resolved is a :class:`ConfigError`.
"""

from __future__ import annotations

import logging
import re
import time
from dataclasses import dataclass, field
from typing import Any, Mapping, Sequence

from limitbench.retrievers.errors import ConfigError, LimitbenchError
from limitbench.retrievers.protocol import Retriever
from limitbench.retrievers.registry import accepted_options, create_retriever, resolve_retriever_class
from limitbench.retrievers.types import Document, Query

from .state import ToolInfo

__all__ = ["DEFAULT_TOOLS", "ToolSpec", "ToolBox", "ToolUnavailable", "parse_tools"]

log = logging.getLogger(__name__)

DEFAULT_TOOLS = ("bm25", "colbert", "dense", "numeric")
# How the heuristic policy thinks of a retriever; unknown ones count as semantic.
_KINDS = {"bm25": "lexical", "numeric": "numeric", "dense": "semantic", "colbert": "semantic"}
_SPEC_KEYS = {"name", "options", "label", "kind"}


class ToolUnavailable(LimitbenchError):
    """A default tool could not be created or indexed; the agent carries on without it."""


@dataclass(frozen=True, slots=True)
class ToolSpec:
    label: str
    retriever: str
    options: Mapping[str, Any] = field(default_factory=dict)
    kind: str = "semantic"

    @property
    def info(self) -> ToolInfo:
        return ToolInfo(name=self.label, retriever=self.retriever, kind=self.kind)


def parse_tools(value: Any) -> tuple[list[ToolSpec], bool]:
    """``(specs, explicit)`` from the ``tools`` option; ``explicit`` is False for the defaults."""
    if value is None:
        return [_spec(name, {}, None, None) for name in DEFAULT_TOOLS], False
    if isinstance(value, str):
        value = [part.strip() for part in re.split(r"[+,]", value) if part.strip()]
    if not isinstance(value, (list, tuple)) or not value:
        raise ConfigError("agent option 'tools' must be a non-empty list of retriever names or {name, options} mappings")
    specs = [_entry(item, index) for index, item in enumerate(value)]
    labels = [s.label for s in specs]
    duplicates = sorted({label for label in labels if labels.count(label) > 1})
    if duplicates:
        raise ConfigError(f"agent option 'tools': duplicate tool label(s) {', '.join(duplicates)}; give each a distinct 'label'")
    return specs, True


def _entry(item: Any, index: int) -> ToolSpec:
    where = f"agent option 'tools[{index}]'"
    if isinstance(item, str):
        return _spec(item, {}, None, None)
    if not isinstance(item, Mapping):
        raise ConfigError(f"{where}: expected a retriever name or a mapping, got {type(item).__name__}")
    unknown = sorted(set(item) - _SPEC_KEYS)
    if unknown:
        raise ConfigError(f"{where}: unknown key(s) {', '.join(unknown)} (accepted: {', '.join(sorted(_SPEC_KEYS))})")
    if not isinstance(item.get("name"), str) or not item["name"]:
        raise ConfigError(f"{where}: 'name' (a retriever name) is required")
    options = item.get("options") or {}
    if not isinstance(options, Mapping):
        raise ConfigError(f"{where}: 'options' must be a mapping")
    if item["name"] == "agent":
        raise ConfigError(f"{where}: an agent cannot use itself as a tool")
    return _spec(item["name"], dict(options), item.get("label"), item.get("kind"))


def _spec(name: str, options: dict, label: str | None, kind: str | None) -> ToolSpec:
    if kind is not None and kind not in ("lexical", "semantic", "numeric"):
        raise ConfigError(f"agent tool {name!r}: kind must be lexical, semantic or numeric, got {kind!r}")
    return ToolSpec(label=label or name, retriever=name, options=options, kind=kind or _KINDS.get(name, "semantic"))


class _Tool:
    """One retriever, created and indexed on first use."""

    def __init__(self, spec: ToolSpec) -> None:
        self.spec = spec
        self.retriever: Retriever | None = None
        self.index_seconds = 0.0

    def ensure(self, corpus: Sequence[Document]) -> Retriever:
        if self.retriever is None:
            started = time.perf_counter()
            retriever = create_retriever(self.spec.retriever, **self.spec.options)
            retriever.index(corpus=corpus)
            self.index_seconds = time.perf_counter() - started
            self.retriever = retriever
        return self.retriever


class ToolBox:
    """The tools of one agent over one corpus."""

    def __init__(self, specs: Sequence[ToolSpec], *, explicit: bool) -> None:
        self.explicit = explicit
        self.unavailable: dict[str, str] = {}
        self._tools: dict[str, _Tool] = {}
        for spec in specs:
            reason = _check(spec)
            if reason is None:
                self._tools[spec.label] = _Tool(spec)
            elif explicit:
                raise ConfigError(f"agent tool {spec.label!r}: {reason}")
            else:
                self.unavailable[spec.label] = reason
        if not self._tools:
            raise ConfigError(f"agent: no retrieval tool is available ({'; '.join(f'{k}: {v}' for k, v in self.unavailable.items())})")
        self._corpus: list[Document] = []
        self._by_id: dict[str, Document] = {}
        self._calls = 0

    def attach(self, corpus: Sequence[Document]) -> None:
        """Use ``corpus`` from now on; tools re-index lazily on their next use."""
        self._corpus = list(corpus)
        self._by_id = {doc.id: doc for doc in self._corpus}
        for tool in self._tools.values():
            tool.retriever = None
            tool.index_seconds = 0.0

    def index_all(self) -> None:
        """Index every tool now (a default tool that cannot be indexed is dropped)."""
        for tool in list(self._tools.values()):
            try:
                self._ensure(tool)
            except ToolUnavailable:
                continue

    @property
    def corpus_size(self) -> int:
        return len(self._corpus)

    def infos(self) -> tuple[ToolInfo, ...]:
        return tuple(tool.spec.info for tool in self._tools.values())

    def total_index_seconds(self) -> float:
        return sum(tool.index_seconds for tool in self._tools.values())

    def index_seconds(self) -> dict[str, float]:
        """Indexing time of each tool that has been used (unused tools are absent)."""
        return {name: tool.index_seconds for name, tool in self._tools.items() if tool.retriever is not None}

    def search(self, *, tool: str, text: str, k: int) -> list[tuple[str, float]]:
        """The tool's top ``k`` for ``text`` as ``(doc_id, score)`` pairs, best first."""
        entry = self._tools.get(tool)
        if entry is None:
            raise ToolUnavailable(f"agent: no tool named {tool!r} (tools: {', '.join(self._tools)})")
        if not self._corpus:
            raise ConfigError("agent: search() called before index()")
        retriever = self._ensure(entry)
        self._calls += 1
        query_id = f"agent-{tool}-{self._calls}"
        run = retriever.search(queries=[Query(id=query_id, text=text)], k=max(1, min(k, len(self._corpus))))
        scores = run.get(query_id, {})
        return sorted(scores.items(), key=lambda item: (-item[1], item[0]))

    def _ensure(self, entry: _Tool) -> Retriever:
        try:
            return entry.ensure(self._corpus)
        except (LimitbenchError, ImportError, OSError) as error:
            if self.explicit:
                raise
            # a default tool that cannot run here (missing model, not written yet): drop it
            del self._tools[entry.spec.label]
            self.unavailable[entry.spec.label] = str(error)
            log.warning("agent: default tool %r is unavailable and was dropped: %s", entry.spec.label, error)
            raise ToolUnavailable(f"agent tool {entry.spec.label!r} is unavailable: {error}") from None

    def read(self, doc_id: str) -> Document:
        """The document with id ``doc_id`` (the "read a document" tool)."""
        try:
            return self._by_id[doc_id]
        except KeyError:
            raise ToolUnavailable(f"agent: no document with id {doc_id!r}") from None


def _check(spec: ToolSpec) -> str | None:
    """Why the tool cannot be created (None if it can): unknown name or option."""
    try:
        factory = resolve_retriever_class(spec.retriever)
    except LimitbenchError as error:
        return str(error)
    accepted = accepted_options(factory)
    if accepted is not None:
        unknown = sorted(set(spec.options) - set(accepted))
        if unknown:
            return f"unknown option(s) {', '.join(unknown)} for retriever {spec.retriever!r} (accepted: {', '.join(accepted)})"
    return None
