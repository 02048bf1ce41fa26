"""The numeric benchmark generator: determinism, sizes, exact qrels from the structured
facts, independence from the system under test, uninformative ids, pluggable templates."""

from __future__ import annotations

import ast
import random
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from limitbench.benchmarks.datasets import load_beir, write_beir
from limitbench.benchmarks.numeric import TEMPLATE_SETS, generate_numeric
from limitbench.benchmarks.numeric.facts import ATTRIBUTES, CATEGORIES, DIMENSIONS
from limitbench.benchmarks.numeric.generator import build_numeric
from limitbench.benchmarks.numeric.semantics import Truth, relevance
from limitbench.benchmarks.numeric.templates.dev.words import QUERY_NOUNS
from limitbench.retrievers.errors import ConfigError

PACKAGE = Path(__file__).resolve().parents[2] / "benchmarks" / "numeric"


@pytest.fixture(scope="module")
def built():
    return build_numeric(n_docs=300, n_queries=120, seed=7)


def test_deterministic_for_a_seed(built):
    again = generate_numeric(n_docs=300, n_queries=120, seed=7)
    assert again.fingerprint == built.dataset.fingerprint
    assert generate_numeric(n_docs=300, n_queries=120, seed=8).fingerprint != built.dataset.fingerprint


def test_every_query_has_one_to_ten_relevant_and_its_own_wording(built):
    dataset = built.dataset
    assert len(dataset.corpus) == 300 and len(dataset.queries) == 120
    assert all(1 <= len(dataset.qrels[q.id]) <= 10 for q in dataset.queries)
    assert len({q.text for q in dataset.queries}) == len(dataset.queries)


def test_qrels_are_recomputed_from_the_structured_facts(built):
    """Every query's relevant set is exactly the entities whose stated facts satisfy its spec,
    over the whole corpus; no entity of the asked category is left undecidable."""
    dataset = built.dataset
    for query, spec in zip(dataset.queries, built.specs):
        verdicts = [relevance(entity, spec) for entity in built.entities]
        expected = {doc.id for doc, verdict in zip(dataset.corpus, verdicts) if verdict is Truth.TRUE}
        assert set(dataset.qrels[query.id]) == expected, query.text
        assert Truth.UNKNOWN not in verdicts, query.text


def test_relevant_documents_are_of_the_asked_kind_and_state_the_attribute(built):
    for query, spec in zip(built.dataset.queries, built.specs):
        relevant = set(built.dataset.qrels[query.id])
        for doc, entity in zip(built.dataset.corpus, built.entities):
            if doc.id in relevant:
                assert entity.kind == spec.kind and spec.category in (None, entity.category)
                assert all(entity.fact(c.attribute) is not None for c in spec.constraints)


def test_documents_mix_kinds_facts_and_distractors(built):
    kinds = Counter(e.kind for e in built.entities)
    assert kinds == {"product": 150, "person": 75, "event": 75}
    assert {e.category for e in built.entities} == {c for cs in CATEGORIES.values() for c in cs}
    for entity in built.entities:
        assert 3 <= len(entity.facts) <= 6
        assert len(entity.distractors) >= 2
        assert set(entity.attributes) <= set(ATTRIBUTES[entity.category])
        assert ("age" in entity.attributes) == ("birth_date" in entity.attributes)  # both or neither


def test_queries_cover_attributes_two_constraints_and_every_kind(built):
    asked = Counter(c.attribute for spec in built.specs for c in spec.constraints)
    assert len(asked) >= 15  # most of the attribute vocabulary is asked about
    assert sum(len(spec.constraints) == 2 for spec in built.specs) >= 20
    assert {spec.kind for spec in built.specs} == {"product", "person", "event"}
    assert set(asked) <= set(DIMENSIONS)


def test_queries_name_what_they_ask_about(built):
    """A dev query names its category (or says "Who"/"people"/"events")."""
    for query, spec in zip(built.dataset.queries, built.specs):
        text = query.text.lower()
        if spec.category is None and spec.kind == "person":
            assert re.search(r"\b(who|people|under-\d+s)\b", text), query.text
            continue
        stems = [noun.split()[-1].rstrip("s") for noun in QUERY_NOUNS.get(spec.category or spec.kind, (spec.category,))]
        assert any(stem in text for stem in stems), query.text


def test_ids_carry_no_information(built):
    dataset = built.dataset
    ids = [doc.id for doc in dataset.corpus]
    assert all(re.fullmatch(r"[0-9a-f]{12}", doc_id) for doc_id in ids) and len(set(ids)) == len(ids)
    assert not any(doc.id in doc.text for doc in dataset.corpus)
    # neither id order nor corpus order groups documents by kind
    by_id = [entity.kind for _, entity in sorted(zip(ids, built.entities))]
    for order in (by_id, [e.kind for e in built.entities]):
        first_half = Counter(order[: len(order) // 2])
        assert 0.4 <= first_half["product"] / (len(order) // 2) <= 0.6
    other = generate_numeric(n_docs=300, n_queries=10, seed=8)
    assert not set(ids) & {doc.id for doc in other.corpus}


def test_generator_does_not_import_the_system_under_test():
    code = (
        "import sys\n"
        "from limitbench.benchmarks.numeric import generate_numeric\n"
        "generate_numeric(n_docs=120, n_queries=20, seed=1)\n"
        "bad = sorted(m for m in sys.modules if m.startswith(('limitbench.retrievers.numeric', 'limitbench.agents')))\n"
        "print(bad)\n"
        "sys.exit(1 if bad else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr


def test_no_module_of_the_package_names_the_system_under_test():
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom):
                module = node.module or ""
                assert not module.startswith(("limitbench.retrievers.numeric", "limitbench.agents")), path
                assert not (node.level >= 3 and module.startswith(("agents", "retrievers"))), path
            if isinstance(node, ast.Import):
                assert not any(a.name.startswith(("limitbench.retrievers.numeric", "limitbench.agents"))
                               for a in node.names), path


class _PlainTemplates:
    """A second template set, deliberately bare: the qrels must not depend on wording."""

    name = "plain"

    def document(self, *, entity, rng):
        return f"{entity.name} ({entity.category}): " + "; ".join(f"{f.attribute}={f.value}" for f in entity.facts)

    def query(self, *, spec, rng):
        return f"{spec.category or spec.kind} where " + " and ".join(f"{c.attribute} {c.op} {c.value}" for c in spec.constraints)


def test_another_template_set_words_the_same_benchmark():
    TEMPLATE_SETS.register("plain-test")(_PlainTemplates)
    dev = generate_numeric(n_docs=150, n_queries=30, seed=3)
    plain = generate_numeric(n_docs=150, n_queries=30, seed=3, templates="plain-test")
    assert [d.id for d in plain.corpus] == [d.id for d in dev.corpus]
    assert plain.qrels == dev.qrels
    assert [d.text for d in plain.corpus] != [d.text for d in dev.corpus]
    assert plain.metadata["templates"] == "plain-test"


def test_unknown_template_set_is_a_config_error():
    with pytest.raises(ConfigError, match="numeric template set"):
        generate_numeric(n_docs=100, n_queries=10, seed=0, templates="nope")


def test_beir_round_trip(built, tmp_path):
    write_beir(built.dataset, tmp_path / "numeric")
    loaded = load_beir(tmp_path / "numeric")
    assert [d.text for d in loaded.corpus] == [d.text for d in built.dataset.corpus]
    assert loaded.qrels == built.dataset.qrels


def test_bad_sizes_are_config_errors():
    with pytest.raises(ConfigError, match="n_docs"):
        generate_numeric(n_docs=5, n_queries=10, seed=0)
    with pytest.raises(ConfigError, match="n_queries"):
        generate_numeric(n_docs=100, n_queries=0, seed=0)


def test_named_dataset_resolves():
    from limitbench.benchmarks.datasets.named import load_dataset

    dataset = load_dataset("numeric", options={"n_docs": 120, "n_queries": 20, "seed": 1})
    assert dataset.name == "numeric" and len(dataset.corpus) == 120 and len(dataset.queries) == 20


def test_a_random_sample_reads_as_intended(built):
    """Spot checks a reader would make: a stated value appears in its document's text."""
    rng = random.Random(0)
    for doc, entity in rng.sample(list(zip(built.dataset.corpus, built.entities)), 40):
        assert entity.name.split()[0] in doc.text
        for fact in entity.facts:
            if fact.attribute == "os_version":
                assert fact.value.text in doc.text and fact.value.name in doc.text
