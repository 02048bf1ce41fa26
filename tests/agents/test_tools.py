"""Tool configuration, lazy indexing and graceful handling of missing tools."""

from __future__ import annotations

import pytest

from limitbench.agents.tools import DEFAULT_TOOLS, ToolBox, parse_tools
from limitbench.retrievers.errors import ConfigError


def test_tool_forms() -> None:
    specs, explicit = parse_tools([{"name": "dense", "options": {"dim": 64}, "label": "dense64"}, "bm25"])
    assert explicit
    assert [(s.label, s.retriever, dict(s.options), s.kind) for s in specs] == [
        ("dense64", "dense", {"dim": 64}, "semantic"),
        ("bm25", "bm25", {}, "lexical"),
    ]
    assert [s.label for s in parse_tools("bm25, dense")[0]] == ["bm25", "dense"]
    assert [s.label for s in parse_tools("bm25+colbert")[0]] == ["bm25", "colbert"]
    defaults, explicit = parse_tools(None)
    assert not explicit and tuple(s.label for s in defaults) == DEFAULT_TOOLS


@pytest.mark.parametrize(
    "value, message",
    [
        ([], "non-empty"),
        ([{"options": {}}], "'name'"),
        ([{"name": "dense", "opts": {}}], "unknown key"),
        (["dense", "dense"], "duplicate"),
        ([{"name": "agent"}], "itself"),
    ],
)
def test_bad_tool_configs(value, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        parse_tools(value)


def test_explicit_unknown_tool_or_option_is_an_error() -> None:
    with pytest.raises(ConfigError, match="no-such-retriever"):
        ToolBox(parse_tools(["no-such-retriever"])[0], explicit=True)
    with pytest.raises(ConfigError, match="unknown option"):
        ToolBox(parse_tools([{"name": "bm25", "options": {"depth": 3}}])[0], explicit=True)


def test_missing_default_tool_is_skipped(tiny) -> None:
    specs = parse_tools(["bm25", "not-written-yet"])[0]
    box = ToolBox(specs, explicit=False)
    assert [t.name for t in box.infos()] == ["bm25"]
    assert "not-written-yet" in box.unavailable


def test_tools_index_lazily_and_read_documents(tiny) -> None:
    box = ToolBox(parse_tools(["bm25", "dense"])[0], explicit=True)
    box.attach(tiny.corpus)
    assert box.index_seconds() == {}  # nothing indexed before use
    ranking = box.search(tool="bm25", text="Tapirs", k=3)
    assert {doc_id for doc_id, _ in ranking} == {"Bo Chen", "Cy Diaz", "Flo Gil"}
    assert set(box.index_seconds()) == {"bm25"}  # dense was never used, never indexed
    assert box.read("Ann Lee").text.startswith("Ann Lee likes")


def test_eager_indexing(tiny) -> None:
    from limitbench.agents import AgentRetriever

    agent = AgentRetriever(tools=["bm25", "numeric"], index_tools="eager")
    agent.index(corpus=tiny.corpus)
    assert set(agent.toolbox.index_seconds()) == {"bm25", "numeric"}
