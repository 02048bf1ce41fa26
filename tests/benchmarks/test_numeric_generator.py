"""The numeric benchmark generator: determinism, sizes, exact qrels, BEIR round trip."""

from __future__ import annotations

import pytest

from limitbench.benchmarks.datasets import load_beir, write_beir
from limitbench.benchmarks.metrics import evaluate
from limitbench.benchmarks.numeric import generate_numeric
from limitbench.benchmarks.numeric.facts import REFERENCE_DATE, Person
from limitbench.benchmarks.numeric.queries import QuerySpec
from limitbench.retrievers.errors import ConfigError
from limitbench.retrievers.numeric import NumericRetriever


@pytest.fixture(scope="module")
def small():
    return generate_numeric(n_docs=200, n_queries=60, seed=7)


def test_deterministic_for_a_seed(small):
    again = generate_numeric(n_docs=200, n_queries=60, seed=7)
    assert again.fingerprint == small.fingerprint
    assert generate_numeric(n_docs=200, n_queries=60, seed=8).fingerprint != small.fingerprint


def test_every_query_has_one_to_ten_relevant(small):
    assert len(small.corpus) == 200 and len(small.queries) == 60
    assert all(1 <= len(small.qrels[q.id]) <= 10 for q in small.queries)
    assert len({q.text for q in small.queries}) == len(small.queries)


def test_beir_round_trip(small, tmp_path):
    write_beir(small, tmp_path / "numeric")
    loaded = load_beir(tmp_path / "numeric")
    assert [d.text for d in loaded.corpus] == [d.text for d in small.corpus]
    assert loaded.qrels == small.qrels


def test_relevance_semantics():
    import datetime as dt

    person = Person(name="Ana Lor", birth_date=dt.date(1990, 3, 15), salary=50_000, height_cm=180, marathon_s=3 * 3600,
                    version=(9, 11), stated=frozenset({"birth_date", "salary", "version", "age"}))
    assert person.age == REFERENCE_DATE.year - 1990 - 1
    month = (dt.date(1990, 3, 1), dt.date(1990, 3, 31))
    assert not QuerySpec("birth_date", "<", (month,), "month").matches(person)  # before March 1990
    assert not QuerySpec("birth_date", ">", (month,), "month").matches(person)  # after March 1990
    assert QuerySpec("birth_date", "==", (month,), "month").matches(person)
    assert QuerySpec("version", ">", ((9, 9),)).matches(person)  # 9.11 > 9.9
    assert not QuerySpec("salary", ">", (50_000,)).matches(person) and QuerySpec("salary", ">=", (50_000,)).matches(person)
    assert not QuerySpec("height", ">", (170,)).matches(person)  # height is not stated


def test_structured_filter_answers_an_unseen_seed_exactly():
    # an independent check of the qrels: the numeric parser reads the generated text
    dataset = generate_numeric(n_docs=150, n_queries=40, seed=123)
    retriever = NumericRetriever()
    retriever.index(corpus=dataset.corpus)
    aggregate, _ = evaluate(dataset.qrels, retriever.search(queries=dataset.queries, k=10), ["R@10", "Rprec"])
    assert aggregate["R@10"] >= 95 and aggregate["Rprec"] >= 95


def test_bad_sizes_are_config_errors():
    with pytest.raises(ConfigError, match="n_docs"):
        generate_numeric(n_docs=5, n_queries=10, seed=0)
    with pytest.raises(ConfigError, match="stated_share"):
        generate_numeric(n_docs=100, n_queries=10, seed=0, stated_share=0)


def test_named_dataset_resolves():
    from limitbench.benchmarks.datasets.named import load_dataset

    dataset = load_dataset("numeric", options={"n_docs": 120, "n_queries": 20, "seed": 1})
    assert dataset.name == "numeric" and len(dataset.corpus) == 120
