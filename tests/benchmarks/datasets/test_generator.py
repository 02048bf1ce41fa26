import math
import re

import pytest

from limitbench.benchmarks.datasets import generate_limit_style
from limitbench.benchmarks.datasets.generator import PATTERNS
from limitbench.benchmarks.datasets.vocabulary import likeable_things, person_names
from limitbench.retrievers import ConfigError

QUERY = re.compile(r"^Who likes (.+)\?$")


def test_vocabulary_is_large_and_distinct():
    things = likeable_things()
    assert len(things) >= 2000
    assert len({t.lower() for t in things}) == len(things)
    assert len(set(person_names(5000, seed=1))) == 5000


def test_deterministic_for_a_seed():
    a = generate_limit_style(n_relevant=20, n_queries=50, n_distractors=30, seed=7)
    b = generate_limit_style(n_relevant=20, n_queries=50, n_distractors=30, seed=7)
    c = generate_limit_style(n_relevant=20, n_queries=50, n_distractors=30, seed=8)
    assert a.fingerprint == b.fingerprint != c.fingerprint


@pytest.mark.parametrize("pattern", PATTERNS)
def test_qrels_follow_the_recipe(pattern):
    dataset = generate_limit_style(n_relevant=12, k=3, n_queries=40, pattern=pattern, n_distractors=25, distractor_items=10)
    docs = dataset.documents_by_id
    attributes = {q.id: QUERY.match(q.text).group(1) for q in dataset.queries}
    relevant_people = {d for rel in dataset.qrels.values() for d in rel}
    for query_id, attribute in attributes.items():
        assert len(dataset.qrels[query_id]) == 3
        for doc_id in dataset.qrels[query_id]:
            assert f" {attribute}" in docs[doc_id].text  # relevant people like it
    distractors = [d for d in dataset.corpus if d.id not in relevant_people]
    assert len(distractors) == 25
    attribute_words = {w.lower() for a in attributes.values() for w in a.split()}
    for doc in distractors:  # no distractor contains a query attribute, nor any of its words
        liked = doc.text.split(" likes ", 1)[1].lower()
        assert not attribute_words & set(re.findall(r"[\w-]+", liked))
    if pattern == "dense":
        assert len({tuple(sorted(r)) for r in dataset.qrels.values()}) == 40


def test_bad_parameters():
    with pytest.raises(ConfigError, match="unknown qrel pattern"):
        generate_limit_style(pattern="star")
    with pytest.raises(ConfigError, match="larger than n_relevant"):
        generate_limit_style(n_relevant=2, k=3)
    with pytest.raises(ConfigError, match=str(math.comb(5, 2))):
        generate_limit_style(n_relevant=5, n_queries=11)
