import pytest

from limitbench.benchmarks.datasets import load_beir
from limitbench.benchmarks.metrics import evaluate
from limitbench.retrievers import ConfigError, Document, Query
from limitbench.retrievers.bm25 import BM25Retriever


def test_limit_small_reaches_paper_figure(limit_small_dir):
    dataset = load_beir(limit_small_dir)
    retriever = BM25Retriever()
    retriever.index(corpus=dataset.corpus)
    scores, _ = evaluate(dataset.qrels, retriever.search(queries=dataset.queries, k=10), ["R@2", "R@10"])
    assert scores["R@2"] >= 97.8  # Weller et al. 2025, Table 5
    assert scores["R@10"] == 100.0


def test_search_returns_at_most_k_and_counts_cost():
    texts = ["red apples", "green pears", "red pears", "blue plums", "yellow figs", "white grapes"]
    corpus = [Document(id=f"d{i}", text=text) for i, text in enumerate(texts)]
    retriever = BM25Retriever()
    retriever.index(corpus=corpus)
    run = retriever.search(queries=[Query(id="q", text="red pears")], k=2)
    assert list(run["q"])[0] == "d2"  # the only document with both words
    assert len(run["q"]) == 2
    assert retriever.cost.mean()["docs_scored"] == 6


def test_unknown_backend_is_a_config_error():
    with pytest.raises(ConfigError, match="unknown backend"):
        BM25Retriever(backend="lucene")


def test_search_before_index_is_a_config_error():
    with pytest.raises(ConfigError, match="before index"):
        BM25Retriever().search(queries=[Query(id="q", text="x")], k=1)


@pytest.mark.parametrize("backend", ["bm25s", "rank_bm25"])
def test_query_with_no_known_word_gets_an_empty_ranking(backend):
    corpus = [Document(id=str(i), text=f"value {(i + 1) * 10}") for i in range(5)]
    retriever = BM25Retriever(backend=backend)
    retriever.index(corpus=corpus)
    run = retriever.search(queries=[Query(id="none", text="0"), Query(id="some", text="20")], k=3)
    assert run["none"] == {}
    assert list(run["some"])[0] == "1"
    assert not retriever.score_all("0").any()
