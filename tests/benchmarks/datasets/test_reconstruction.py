"""limit-50k (around the official queries and qrels) and limit-small-50k (the older build)."""

from __future__ import annotations

import json
import re
from collections import Counter

import pytest

from limitbench.benchmarks.datasets import load_dataset
from limitbench.benchmarks.datasets.reconstruction import (
    LIMIT_50K_METADATA,
    build_limit_50k,
    query_attributes,
)
from limitbench.retrievers.errors import ConfigError, DataError

QUERY = re.compile(r"^Who likes (.+)\?$")


@pytest.fixture(scope="module")
def limit_dir(shared_data_dir):
    return shared_data_dir / "limit"


@pytest.fixture(scope="module")
def limit_50k(limit_dir):
    return load_dataset("limit-50k", data_dir=limit_dir.parent)


def _sure_items(text: str) -> list[str]:
    """The liked things of "Name likes A, B, ... Y and Z." except the last two (an item may
    itself hold " and "; none holds a comma)."""
    return text.split(" likes ", 1)[1].split(", ")[:-1]


def _listed(text: str, item: str) -> bool:
    return re.search(rf"(?: likes |, | and ){re.escape(item)}(?:, | and |\.$)", text) is not None


def test_official_queries_and_qrels_are_kept(limit_50k, limit_dir):
    official_queries = [json.loads(line) for line in (limit_dir / "queries.jsonl").read_text().splitlines()]
    official_qrels = [json.loads(line) for line in (limit_dir / "qrels.jsonl").read_text().splitlines()]
    assert [(q.id, q.text) for q in limit_50k.queries] == [(q["_id"], q["text"]) for q in official_queries]
    assert sum(len(r) for r in limit_50k.qrels.values()) == len(official_qrels) == 2000
    for row in official_qrels:
        assert limit_50k.qrels[row["query-id"]][row["corpus-id"]] == row["score"]
    assert len(limit_50k.corpus) == 50_000 and len({d.id for d in limit_50k.corpus}) == 50_000


def test_documents_have_limits_form(limit_50k):
    relevant = {person for judged in limit_50k.qrels.values() for person in judged}
    attribute_of = dict(zip((q.id for q in limit_50k.queries), query_attributes(limit_50k)))
    liked_by = {person: {attribute_of[q] for q, judged in limit_50k.qrels.items() if person in judged}
                for person in relevant}
    attributes = {a.lower() for a in attribute_of.values()}
    assert len(relevant) == 46
    for doc in limit_50k.corpus:
        assert doc.text.startswith(f"{doc.id} likes ") and doc.text.endswith(".")
        assert doc.text.count(", ") == 43  # 45 liked things: "A, B, ... Y and Z"
        if doc.id in relevant:
            # every query attribute of theirs, verbatim, topped up to 45
            assert all(_listed(doc.text, item) for item in liked_by[doc.id]) and 37 <= len(liked_by[doc.id]) <= 45
    distractor_items = [item.lower() for doc in limit_50k.corpus[::50] if doc.id not in relevant
                        for item in _sure_items(doc.text)]
    assert distractor_items and not set(distractor_items) & attributes


def test_each_filler_item_fills_about_2650_distractors(limit_50k):
    pool = limit_50k.metadata["filler_pool"]
    assert pool["size"] == 850
    assert pool["achieved"]["any"] == 317 and pool["achieved"]["all"] == 59 and pool["achieved"]["one_word"] == 5
    relevant = {person for judged in limit_50k.qrels.values() for person in judged}
    counts = Counter(item for doc in limit_50k.corpus if doc.id not in relevant for item in doc.text.split(", ")[1:-1])
    # 49,954 x 45 / 850 = 2,645 on average; the count above sees 42 of the 45 items of each document
    assert len(counts) == 850 and 2400 < sum(counts.values()) / len(counts) < 2700


def test_build_is_deterministic_for_a_seed(limit_dir, limit_50k):
    again = build_limit_50k(limit_dir)
    other = build_limit_50k(limit_dir, seed=1)
    assert again.fingerprint == limit_50k.fingerprint
    assert other.fingerprint != limit_50k.fingerprint and other.qrels == limit_50k.qrels


def test_metadata_describes_the_reconstruction(limit_50k):
    for key in ("kind", "citation", "licence", "relevant_per_query", "built_from"):
        assert limit_50k.metadata[key] == LIMIT_50K_METADATA[key]
    assert LIMIT_50K_METADATA["kind"] == "reconstruction" and LIMIT_50K_METADATA["relevant_per_query"] == 2
    assert "2508.21038" in LIMIT_50K_METADATA["citation"]


def test_missing_data_dir_and_bad_queries(tmp_path):
    with pytest.raises(ConfigError, match="dataset 'limit-50k' is built from a local limit/ directory"):
        load_dataset("limit-50k")
    with pytest.raises(DataError, match="dataset directory not found"):
        build_limit_50k(tmp_path / "nowhere")
    folder = tmp_path / "limit"
    folder.mkdir()
    (folder / "queries.jsonl").write_text(json.dumps({"_id": "q1", "text": "Which people enjoy kites?"}) + "\n")
    (folder / "qrels.jsonl").write_text(json.dumps({"query-id": "q1", "corpus-id": "Ann Lee", "score": 1}) + "\n")
    with pytest.raises(DataError, match="query q1 is not of the form 'Who likes X\\?'"):
        build_limit_50k(folder)
    (folder / "qrels.jsonl").write_text(json.dumps({"query-id": "q9", "corpus-id": "Ann Lee", "score": 1}) + "\n")
    with pytest.raises(DataError, match=r"qrels.jsonl:1: qrel names unknown query 'q9'"):
        build_limit_50k(folder)


def test_a_small_user_dataset(tmp_path):
    # held-out attributes written for this test, not from the project's vocabulary
    folder = tmp_path / "mine"
    folder.mkdir()
    attributes = ["Harbour Seals", "Rye Whiskey", "Tin Whistles", "Fog", "Lighthouse Keepers", "Brass Bands"]
    (folder / "queries.jsonl").write_text(
        "".join(json.dumps({"_id": f"q{i}", "text": f"Who likes {a}?"}) + "\n" for i, a in enumerate(attributes)))
    people = ["Ada North", "Bo Lind", "Cy Wren"]
    rows = [{"query-id": f"q{i}", "corpus-id": people[i % 3], "score": 1} for i in range(len(attributes))]
    rows += [{"query-id": f"q{i}", "corpus-id": people[(i + 1) % 3], "score": 1} for i in range(len(attributes))]
    (folder / "qrels.jsonl").write_text("".join(json.dumps(row) + "\n" for row in rows))
    dataset = build_limit_50k(folder, total_documents=200)
    assert dataset.name == "limit-200" and len(dataset.corpus) == 200 and len(dataset.queries) == 6
    by_id = dataset.documents_by_id
    assert _listed(by_id["Ada North"].text, "Harbour Seals") and by_id["Ada North"].text.count(", ") == 43


def test_limit_small_50k_is_the_previous_build(limit_small_dir):
    dataset = load_dataset("limit-small-50k", data_dir=limit_small_dir.parent)
    small = load_dataset("limit-small", data_dir=limit_small_dir.parent)
    assert dataset.name == "limit-small-50k" and len(dataset.corpus) == 50_000 and len(dataset.queries) == 1000
    assert dataset.corpus[:46] == small.corpus and dataset.qrels == small.qrels
    attributes = {QUERY.match(q.text).group(1).lower() for q in small.queries}
    for doc in dataset.corpus[46::997]:
        liked = {item.strip().lower() for item in re.split(r", | and ", doc.text.split(" likes ", 1)[1].rstrip("."))}
        assert not liked & attributes
    assert len({d.id for d in dataset.corpus}) == 50_000
