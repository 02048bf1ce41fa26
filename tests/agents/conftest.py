"""Fixtures for the agent tests: LIMIT-small (from the shared data folder), a tiny
hand-written corpus, and the scripted OpenAI-compatible server."""

from __future__ import annotations

import pytest

from limitbench.benchmarks.datasets import Dataset, load_beir
from limitbench.retrievers.types import Document, Query

from openai_server import ChatServer  # tests/agents is on sys.path (rootdir-relative import mode)


@pytest.fixture(scope="session")
def limit_small(limit_small_dir) -> Dataset:
    return load_beir(limit_small_dir)


@pytest.fixture(scope="session")
def tiny() -> Dataset:
    """Eight people; every phrase the tests ask about is in a known set of them."""
    people = {
        "Ann Lee": "Ann Lee likes Quokkas, Fish and Chips, Jazz and Elm Trees.",
        "Bo Chen": "Bo Chen likes Quokkas, Tapirs, Chess and Rowing.",
        "Cy Diaz": "Cy Diaz likes Tapirs, Joshua Trees, Jazz and Karate.",
        "Di Egan": "Di Egan likes Chess, Karate, Opera and Birch Trees.",
        "Ed Fox": "Ed Fox likes Rowing, Opera, Quokka Plush Toys and Mops.",
        "Flo Gil": "Flo Gil likes Jazz, Tapirs, Quokkas and Mops.",
        "Gus Hu": "Gus Hu likes Birch Trees, Fish, Chips and Opera.",
        "Hal Ito": "Hal Ito likes Sailing, Karate, Mops and Elm Trees.",
    }
    corpus = [Document(id=name, text=text) for name, text in people.items()]
    queries = [Query(id="q1", text="Who likes Quokkas?"), Query(id="q2", text="Who likes Tapirs?")]
    qrels = {"q1": {"Ann Lee": 1, "Bo Chen": 1, "Flo Gil": 1}, "q2": {"Bo Chen": 1, "Cy Diaz": 1, "Flo Gil": 1}}
    return Dataset(name="tiny", corpus=corpus, queries=queries, qrels=qrels)


@pytest.fixture()
def chat_server():
    with ChatServer() as server:
        yield server
