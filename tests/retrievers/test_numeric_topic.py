"""What a document is about (``limitbench.retrievers.numeric.topic``): categories named
where a page says what it is, words compared singular and plural alike."""

from __future__ import annotations

from limitbench.retrievers.numeric import NumericRetriever
from limitbench.retrievers.numeric.topic import TopicIndex, categories_in, topic_words
from limitbench.retrievers.types import Document, Query

CORPUS = [
    Document("phone", "The Zellaix Sok40 is a smartphone. It costs $459. The battery lasts 30 hours."),
    Document("watch", "The Pila Z5 is a fitness smartwatch. It costs $199. Pairs well with a phone."),
    Document("buds", "Lorvi R7 earbuds. Price: USD 170. Battery life: 63h."),
    Document("laptop", "A Windows laptop from Zoca. Price: $349. Battery life: 12 hours."),
]


def test_categories_and_synonyms() -> None:
    assert categories_in(topic_words("e-bikes")) == {"e-bike"}
    assert categories_in(topic_words("Smart watches")) == {"smartwatch"}
    assert "headphones" in categories_in(topic_words("noise-cancelling earbuds"))


def test_the_opening_counts_more_than_a_passing_mention() -> None:
    scores = TopicIndex(CORPUS).scores("phones")
    assert scores["phone"] == 1.0 and scores["watch"] == 0.6 and "laptop" not in scores


def test_constraint_first_then_topic() -> None:
    retriever = NumericRetriever()
    retriever.index(corpus=CORPUS)
    run = retriever.search(queries=[Query("q", "headphones under $200 with a battery lasting more than 2 days")], k=4)
    assert list(run["q"])[0] == "buds"  # the only headphones; the watch meets the price but is not asked for
