import sys
import textwrap

import pytest

from limitbench.retrievers import ConfigError, Retriever, UnknownRetrieverError, create_retriever, register
from limitbench.retrievers.bm25 import BM25Retriever
from limitbench.retrievers.registry import available_retrievers


def test_builtin_names_come_from_entry_points():
    assert {"bm25", "dense"} <= set(available_retrievers())
    assert isinstance(create_retriever("bm25", backend="rank_bm25"), BM25Retriever)


def test_unknown_name_and_option_are_clear():
    with pytest.raises(UnknownRetrieverError, match="unknown retriever 'nope'"):
        create_retriever("nope")
    with pytest.raises(ConfigError, match=r"unknown option\(s\) colour"):
        create_retriever("bm25", colour="red")


def test_module_colon_class(tmp_path, monkeypatch):
    (tmp_path / "my_plugin.py").write_text(
        textwrap.dedent(
            """
            class Echo:
                name = "echo"
                def __init__(self, *, depth: int = 1):
                    self.depth = depth
                def index(self, *, corpus):
                    self.ids = [d.id for d in corpus]
                def search(self, *, queries, k):
                    return {q.id: {i: 1.0 for i in self.ids[:k]} for q in queries}
            """
        )
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    retriever = create_retriever("my_plugin:Echo", depth=3)
    assert isinstance(retriever, Retriever) and retriever.depth == 3
    with pytest.raises(UnknownRetrieverError, match="has no attribute"):
        create_retriever("my_plugin:Missing")
    sys.modules.pop("my_plugin", None)


def test_register_decorator_and_protocol_check():
    @register("not-a-retriever")
    class Broken:  # no index/search
        name = "broken"

    with pytest.raises(ConfigError, match="does not implement"):
        create_retriever("not-a-retriever")
