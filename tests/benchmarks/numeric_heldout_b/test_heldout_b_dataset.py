"""The generated set as a whole: determinism, ids, answer-set sizes, qrels against the facts."""

from __future__ import annotations

import ast
import datetime as dt
import re
from collections import Counter
from pathlib import Path

import limitbench.benchmarks.numeric_heldout_b as package
from limitbench.benchmarks.datasets.named import load_dataset
from limitbench.benchmarks.numeric_heldout_b import generate_numeric_heldout_b
from limitbench.benchmarks.numeric_heldout_b.relevance import EXCHANGE_RATES


def test_same_seed_same_set_other_seed_other_set(heldout_b):
    assert generate_numeric_heldout_b(seed=0).fingerprint == heldout_b.fingerprint
    assert generate_numeric_heldout_b(seed=1).fingerprint != heldout_b.fingerprint


def test_sizes(heldout_b):
    assert len(heldout_b.corpus) == 470
    assert len(heldout_b.queries) == 150
    domains = Counter(q["domain"] for q in heldout_b.metadata["questions"].values())
    assert domains == {"job": 50, "home": 50, "car": 50}


def test_every_query_has_one_to_ten_relevant(heldout_b):
    sizes = [len(heldout_b.qrels[q.id]) for q in heldout_b.queries]
    assert min(sizes) >= 1 and max(sizes) <= 10
    assert all(grade == 1 for judged in heldout_b.qrels.values() for grade in judged.values())


def test_ids_carry_no_information(heldout_b):
    records = heldout_b.metadata["records"]
    assert all(re.fullmatch(r"[0-9a-f]{10}", doc.id) for doc in heldout_b.corpus)
    assert all(re.fullmatch(r"q-[0-9a-f]{8}", q.id) for q in heldout_b.queries)
    # no id prefix tells the domain: every leading hex digit is shared by all three domains
    by_digit: dict[str, set[str]] = {}
    for doc in heldout_b.corpus:
        by_digit.setdefault(doc.id[0], set()).add(records[doc.id]["target"])
    assert all(domains == {"job", "home", "car"} for domains in by_digit.values())
    # corpus order is shuffled: the domains are interleaved, not in blocks
    order = [records[doc.id]["target"] for doc in heldout_b.corpus]
    assert sum(a != b for a, b in zip(order, order[1:])) > 200
    # ids do not occur in the text
    assert not any(doc.id in doc.text for doc in heldout_b.corpus)


def _holds(op: str, low: float, high: float, bound_low: float, bound_high: float | None) -> bool:
    """Written again here, from the rule "the whole interval lies on the satisfying side"."""
    if op == "between":
        return bound_low <= low and high <= bound_high
    return {">": low > bound_low, ">=": low >= bound_low, "<": high < bound_low, "<=": high <= bound_low}[op]


def _currency(unit: str) -> str | None:
    head = unit.split("/")[0]
    return head if head in ("USD", "GBP") else None


def test_qrels_are_exactly_the_in_scope_documents_whose_facts_satisfy_every_condition(heldout_b):
    records = heldout_b.metadata["records"]
    for qid, question in heldout_b.metadata["questions"].items():
        expected = set()
        for doc_id, record in records.items():
            if any(record["categories"].get(k) != v for k, v in question["scope"].items()):
                continue
            ok = True
            for condition in question["conditions"]:
                fact = record["facts"].get(condition["attribute"])
                if fact is None or _currency(fact["unit"]) != _currency(condition["unit"]):
                    ok = False
                    break
                ok = ok and _holds(condition["op"], fact["low"], fact["high"], condition["low"], condition["high"])
            if ok:
                expected.add(doc_id)
        assert set(heldout_b.qrels[qid]) == expected, question


def test_no_in_scope_document_straddles_a_bound(heldout_b):
    records = heldout_b.metadata["records"]
    for question in heldout_b.metadata["questions"].values():
        for record in records.values():
            if any(record["categories"].get(k) != v for k, v in question["scope"].items()):
                continue
            for condition in question["conditions"]:
                fact = record["facts"].get(condition["attribute"])
                if fact is None or _currency(fact["unit"]) != _currency(condition["unit"]):
                    continue
                args = (condition["op"], condition["low"], condition["high"])
                inside = _holds(args[0], fact["low"], fact["high"], args[1], args[2])
                outside_low = _holds(args[0], fact["low"], fact["low"], args[1], args[2])
                outside_high = _holds(args[0], fact["high"], fact["high"], args[1], args[2])
                assert inside or not (outside_low or outside_high), (question, fact)


def test_money_in_another_currency_is_never_close_to_satisfying(heldout_b):
    """A £ salary never satisfies a $ query at any rate in the band, and vice versa (else the query is unfair)."""
    records = heldout_b.metadata["records"]
    for question in heldout_b.metadata["questions"].values():
        for condition in question["conditions"]:
            ours = _currency(condition["unit"])
            if ours is None:
                continue
            for record in records.values():
                fact = record["facts"].get(condition["attribute"])
                if any(record["categories"].get(k) != v for k, v in question["scope"].items()) or fact is None:
                    continue
                theirs = _currency(fact["unit"])
                if theirs == ours:
                    continue
                rates = EXCHANGE_RATES if theirs == "GBP" else tuple(1 / r for r in EXCHANGE_RATES)
                for rate in rates:
                    point = fact["low"] * rate, fact["high"] * rate
                    assert not _holds(condition["op"], *point, condition["low"], condition["high"])


def test_every_document_states_several_attributes_and_distractors(heldout_b):
    records = heldout_b.metadata["records"]
    assert all(len(r["facts"]) >= 2 for r in records.values())
    assert all(len(r["distractors"]) >= 2 for r in records.values())
    attributes = Counter(name for r in records.values() for name in r["facts"])
    for name in ("salary", "hours", "experience", "team_size", "price", "area", "lot", "bedrooms", "year_built",
                 "mileage", "model_year", "engine", "fuel", "warranty"):
        assert attributes[name] >= 20, name


def test_each_fact_is_written_in_its_document(heldout_b):
    records = heldout_b.metadata["records"]
    for doc in heldout_b.corpus:
        for fact in records[doc.id]["facts"].values():
            if fact["stated"] != "no experience":  # stated by a whole sentence ("No prior experience needed.")
                assert fact["stated"].lower() in doc.text.lower(), (doc.text, fact)


def test_loads_as_a_named_dataset_with_its_card():
    dataset = load_dataset("numeric-heldout-b", options={"seed": 2})
    assert dataset.card.name == "numeric-heldout-b" and dataset.card.kind == "generated"
    assert dataset.card.relevant_per_query is None
    assert "blind" in dataset.card.description and "measurement only" in dataset.card.description
    assert dataset.fingerprint == generate_numeric_heldout_b(seed=2).fingerprint


FORBIDDEN = ("limitbench.agents", "limitbench.benchmarks.numeric", "limitbench.benchmarks.numeric_heldout",
             "limitbench.retrievers.numeric")
ALLOWED_OUTSIDE = {"limitbench.benchmarks.datasets.dataset", "limitbench.retrievers.types"}


def test_imports_nothing_from_the_system_under_test():
    """Every import in the package is relative (inside it), the standard library, num2words,
    or one of the two type modules; never the agents, the numeric tool or the other numeric sets."""
    root = Path(package.__file__).parent
    for path in root.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom) and node.level == 0:
                names = [node.module or ""]
            elif isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            else:
                continue
            for name in names:
                if name.startswith("limitbench"):
                    assert name in ALLOWED_OUTSIDE, (path, name)
                assert not any(name == f or name.startswith(f + ".") for f in FORBIDDEN), (path, name)
        # relative imports may not climb out of the package
        depth = len(path.relative_to(root).parts) - 1
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom) and node.level:
                assert node.level - 1 <= depth, (path, node.module)


def test_dates_in_metadata_are_day_ordinals(heldout_b):
    """Years and periods are stored as day ranges; a year fact spans 1 Jan to 31 Dec."""
    for record in heldout_b.metadata["records"].values():
        fact = record["facts"].get("model_year")
        if fact and fact["unit"] == "year":
            first, last = dt.date.fromordinal(int(fact["low"])), dt.date.fromordinal(int(fact["high"]))
            assert (first.month, first.day, last.month, last.day, first.year) == (1, 1, 12, 31, last.year)
