"""The held-out numeric generator: determinism, sizes, ids, and qrels that follow the facts.

The qrels are re-derived here from ``metadata["records"]`` and ``metadata["queries"]``
with a separate, deliberately plain implementation of the documented semantics.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections import Counter
from datetime import date

import pytest

from limitbench.benchmarks.datasets.beir import load_beir
from limitbench.benchmarks.numeric_heldout import generate_numeric_heldout
from limitbench.benchmarks.numeric_heldout.semantics import (
    Constraint, Fact, month_period, quarter_period, verdict, version, year_period,
)

HEX12 = re.compile(r"^[0-9a-f]{12}$")
CATEGORY_WORDS = {
    "headphones": "headphones", "laptops": "laptop", "phones": "phone", "cameras": "camera", "monitors": "monitor",
    "e-bikes": "e-bike", "coffee machines": "coffee machine", "smartwatches": "smartwatch",
    "concert": "concert", "conference": "conference", "race": "race", "festival": "festival",
}


@pytest.fixture(scope="module")
def seed0():
    return generate_numeric_heldout(seed=0)


@pytest.fixture(scope="module")
def seed1():
    return generate_numeric_heldout(seed=1)


# ---------------------------------------------------------------- an independent reading of the semantics

def _admits(value, constraint: dict) -> bool:
    low, high = constraint["low"], constraint["high"]
    if low is not None and (value < low or (value == low and not constraint["low_inclusive"])):
        return False
    if high is not None and (value > high or (value == high and not constraint["high_inclusive"])):
        return False
    return True


def _relevant(records: list[dict], spec: dict) -> set[str]:
    target = spec["target"]
    found = set()
    for record in records:
        if record["kind"] != target["kind"] or (target["category"] is not None and record["category"] != target["category"]):
            continue
        satisfied = True
        for constraint in spec["constraints"]:
            fact = record["facts"].get(constraint["attribute"])
            if fact is None or (constraint["scope"] and fact["unit"] != constraint["scope"]):
                satisfied = False
            elif not (_admits(fact["low"], constraint) and _admits(fact["high"], constraint)):  # the whole period
                satisfied = False
        if satisfied:
            found.add(record["id"])
    return found


# ---------------------------------------------------------------- tests

def test_sizes_and_mix(seed0):
    assert len(seed0.corpus) == 470
    assert len(seed0.queries) == 160
    categories = Counter(record["category"] for record in seed0.metadata["records"])
    kinds = Counter(record["kind"] for record in seed0.metadata["records"])
    assert kinds == {"product": 320, "person": 80, "event": 70}
    assert all(categories[name] == 40 for name in ("headphones", "laptops", "phones", "cameras", "monitors", "e-bikes",
                                                   "coffee machines", "smartwatches"))
    assert sorted(categories[t] for t in ("concert", "conference", "race", "festival")) == [17, 17, 18, 18]


def test_other_sizes():
    small = generate_numeric_heldout(seed=4, n_docs=300, n_queries=60)
    assert len(small.corpus) == 300 and len(small.queries) == 60
    assert all(1 <= len(rel) <= 10 for rel in small.qrels.values())


def test_same_seed_same_dataset(seed0):
    again = generate_numeric_heldout(seed=0)
    assert again.fingerprint == seed0.fingerprint
    assert again.metadata == seed0.metadata


def test_same_seed_same_dataset_in_another_process(seed0):
    # string hashing differs between processes: nothing may depend on set order
    script = "from limitbench.benchmarks.numeric_heldout import generate_numeric_heldout as g; print(g(seed=0).fingerprint)"
    for hash_seed in ("1", "2"):
        result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                                env={**os.environ, "PYTHONHASHSEED": hash_seed})
        assert result.stdout.strip() == seed0.fingerprint


def test_fresh_seed_gives_fresh_names_values_and_queries(seed0, seed1):
    assert seed0.fingerprint != seed1.fingerprint
    titles0, titles1 = {d.title for d in seed0.corpus}, {d.title for d in seed1.corpus}
    assert len(titles0 & titles1) < 10
    texts0, texts1 = {q.text for q in seed0.queries}, {q.text for q in seed1.queries}
    assert len(texts0 & texts1) < 16  # a few short phrasings may coincide, most must not
    assert {d.id for d in seed0.corpus}.isdisjoint({d.id for d in seed1.corpus})


def test_every_query_has_one_to_ten_relevant(seed0, seed1):
    for dataset in (seed0, seed1):
        assert set(dataset.qrels) == {q.id for q in dataset.queries}
        counts = [len(rel) for rel in dataset.qrels.values()]
        assert min(counts) >= 1 and max(counts) <= 10
        assert len(set(counts)) >= 6  # not all the same size


def test_qrels_follow_the_structured_facts(seed0, seed1):
    for dataset in (seed0, seed1):
        records = dataset.metadata["records"]
        for query in dataset.queries:
            spec = dataset.metadata["queries"][query.id]
            assert _relevant(records, spec) == set(dataset.qrels[query.id]), query.text


def test_queries_name_their_target_and_some_ask_two_things(seed0):
    two = 0
    for query in seed0.queries:
        spec = seed0.metadata["queries"][query.id]
        assert spec["target"]["noun"].lower() in query.text.lower(), query.text
        two += len(spec["constraints"]) == 2
    assert 15 <= two <= 35


def test_ids_carry_no_information(seed0):
    doc_ids = [d.id for d in seed0.corpus]
    assert len(set(doc_ids)) == len(doc_ids)
    assert all(HEX12.match(doc_id) for doc_id in doc_ids)
    assert all(q.id.startswith("q") and HEX12.match(q.id[1:]) for q in seed0.queries)
    # neither the corpus order nor the id order groups documents by category
    category = {r["id"]: r["category"] for r in seed0.metadata["records"]}
    for order in (doc_ids, sorted(doc_ids)):
        changes = sum(category[a] != category[b] for a, b in zip(order, order[1:]))
        assert changes > 0.8 * len(order)


def test_every_fact_is_stated_in_its_document(seed0):
    records = {r["id"]: r for r in seed0.metadata["records"]}
    for doc in seed0.corpus:
        record = records[doc.id]
        assert doc.title == record["title"]
        for fact in record["facts"].values():
            assert fact["text"].lower() in doc.text.lower(), (fact, doc.text)


def test_documents_use_their_category_words(seed0):
    records = {r["id"]: r for r in seed0.metadata["records"]}
    for doc in seed0.corpus:
        record = records[doc.id]
        if record["kind"] != "person":
            assert CATEGORY_WORDS[record["category"]] in doc.text.lower(), doc.text


def test_the_corpus_carries_distractors_and_varied_forms(seed0):
    corpus = " ".join(d.text for d in seed0.corpus)
    for marker in ("warranty", "Bluetooth 5.", "Ships within", "founded in", "holds", "edition", "speakers"):
        assert marker in corpus, marker
    for form in ("gigs", "TB", "★", "/10", "Q", "(b.", "y/o", "lbs", "pounds", '"', "a month", "k USD", "grand", "bucks"):
        assert form in corpus, form


def test_beir_round_trip_through_the_module_entry_point(tmp_path, seed0):
    out = tmp_path / "heldout"
    result = subprocess.run([sys.executable, "-m", "limitbench.benchmarks.numeric_heldout", "--seed", "0", "--out", str(out)],
                            capture_output=True, text=True, check=True)
    assert "470 documents" in result.stdout
    loaded = load_beir(out)
    assert [d.id for d in loaded.corpus] == [d.id for d in seed0.corpus]
    assert [(q.id, q.text) for q in loaded.queries] == [(q.id, q.text) for q in seed0.queries]
    assert loaded.qrels == seed0.qrels
    first = json.loads((out / "corpus.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert set(first) == {"_id", "title", "text"}


def test_bad_output_path_is_one_line_exit_2(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    result = subprocess.run([sys.executable, "-m", "limitbench.benchmarks.numeric_heldout", "--out", str(blocker)],
                            capture_output=True, text=True)
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1 and "a-file" in result.stderr
    assert blocker.read_text() == "x"


def test_too_small_a_corpus_is_refused():
    with pytest.raises(ValueError, match="n_docs"):
        generate_numeric_heldout(seed=0, n_docs=10)


# ---------------------------------------------------------------- the semantics, hand-computed

def _day(y: int, m: int, d: int) -> int:
    return date(y, m, d).toordinal()


def test_a_period_straddling_a_bound_is_unknown_not_true():
    q3 = Fact("released", *quarter_period(2024, 3), "quarter", "Q3 2024")
    after_august = Constraint("released", low=_day(2024, 8, 31), low_inclusive=False)
    after_june = Constraint("released", low=_day(2024, 6, 30), low_inclusive=False)
    before_q3 = Constraint("released", high=_day(2024, 7, 1), high_inclusive=False)
    assert verdict(q3, after_august) == "unknown"
    assert verdict(q3, after_june) == "yes"
    assert verdict(q3, before_q3) == "no"


def test_since_is_inclusive_and_after_a_year_means_after_its_end():
    since_2021 = Constraint("released", low=_day(2021, 1, 1))
    after_2021 = Constraint("released", low=_day(2021, 12, 31), low_inclusive=False)
    jan_2021 = Fact("released", *month_period(2021, 1), "month", "January 2021")
    assert verdict(jan_2021, since_2021) == "yes"
    assert verdict(jan_2021, after_2021) == "no"
    assert verdict(Fact("released", *year_period(2022), "year", "2022"), after_2021) == "yes"
    assert month_period(2024, 2) == (_day(2024, 2, 1), _day(2024, 2, 29))


def test_versions_compare_in_release_order():
    assert version("14.15") > version("14.6")
    assert version("14.6") == version("14.6.0")
    assert version("14.6.5") > version("14.6")
    newer = Constraint("os_version", low=version("14.6"))
    assert verdict(Fact("os_version", version("14.15"), version("14.15"), "Nexa OS", "Nexa OS 14.15"), newer) == "yes"
    assert verdict(Fact("os_version", version("14.5.9"), version("14.5.9"), "Nexa OS", "Nexa OS 14.5.9"), newer) == "no"


def test_strict_and_inclusive_bounds_at_equality():
    rating = Fact("rating", 4.7, 4.7, "stars", "4.7/5")
    assert verdict(rating, Constraint("rating", low=4.7)) == "yes"  # "rated 4.7 or higher"
    assert verdict(rating, Constraint("rating", low=4.7, low_inclusive=False)) == "no"  # "rated above 4.7"
    assert verdict(rating, Constraint("rating", high=4.7, high_inclusive=False)) == "no"  # "rated below 4.7"
