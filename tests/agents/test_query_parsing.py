"""The question parser reads wordings it was not written against, and keeps an
item name such as "Fish and Chips" whole when it may be one."""

from __future__ import annotations

import pytest

from limitbench.agents.expressions import And, Not, Or, Term, evaluate, positive_terms, terms_of, to_text
from limitbench.agents.query_parsing import parse_query

X, Y, Z = Term("Quokkas"), Term("Tapirs"), Term("Cobras")


@pytest.mark.parametrize(
    "question",
    [
        "Who likes Quokkas?",
        "Who enjoys Quokkas?",
        "Who is a fan of Quokkas?",
        "Which people are big fans of Quokkas?",
        "Who's into Quokkas?",
        "Who loves quokkas",
        "Which person has a soft spot for Quokkas?",
        "Name the people who like Quokkas.",
        "Who is fond of Quokkas?",
    ],
)
def test_single_phrase_in_many_wordings(question: str) -> None:
    parsed = parse_query(question)
    assert parsed.expression is not None
    assert [p.lower() for p in terms_of(parsed.expression)] == ["quokkas"]


@pytest.mark.parametrize(
    "question",
    [
        "Which people like Quokkas as well as Tapirs?",
        "Who likes both Quokkas and Tapirs?",
        "Who likes Quokkas and also enjoys Tapirs?",
        "Who loves Quokkas and who loves Tapirs?",
        "Who likes Quokkas along with Tapirs?",
    ],
)
def test_conjunctions(question: str) -> None:
    assert parse_query(question).expression == And((X, Y))


@pytest.mark.parametrize(
    "question", ["Who likes either Quokkas or Tapirs?", "Who likes Quokkas and/or Tapirs?", "Who enjoys either Quokkas or Tapirs"]
)
def test_disjunctions(question: str) -> None:
    assert parse_query(question).expression == Or((X, Y))


@pytest.mark.parametrize(
    "question",
    [
        "Who likes Quokkas but not Tapirs?",
        "Who likes Quokkas and not Tapirs?",
        "Who likes Quokkas, but doesn't like Tapirs?",
        "Who likes Quokkas but is not a fan of Tapirs?",
        "Who enjoys Quokkas but dislikes Tapirs?",
    ],
)
def test_negations(question: str) -> None:
    assert parse_query(question).expression == And((X, Not(Y)))


def test_bare_and_keeps_the_item_reading() -> None:
    expression = parse_query("Who likes Fish and Chips?").expression
    assert expression == Or((Term("Fish and Chips"), And((Term("Fish"), Term("Chips")))))
    # a person listing the dish satisfies it; so does one listing fish and chips apart
    assert evaluate(expression, {"Fish and Chips": True, "Fish": False, "Chips": False}) is True
    assert evaluate(expression, {"Fish and Chips": False, "Fish": True, "Chips": True}) is True
    assert evaluate(expression, {"Fish and Chips": False, "Fish": True, "Chips": False}) is False


def test_lists_precedence_and_negated_heads() -> None:
    assert parse_query("Who likes Quokkas, Tapirs and Cobras?").expression == And((X, Y, Z))
    assert parse_query("Which persons are fans of either Quokkas or Tapirs but not Cobras?").expression == And((Or((X, Y)), Not(Z)))
    assert parse_query("Who doesn't like Quokkas?").expression == Not(X)
    assert parse_query("Who likes neither Quokkas nor Tapirs?").expression == Not(Or((X, Y)))


def test_target_count_and_unparsable_questions() -> None:
    assert parse_query("Which two people like Quokkas?").target == 2
    assert parse_query("Who are the 3 people that enjoy Quokkas?").target == 3
    unparsed = parse_query("Quokkas?")
    assert unparsed.expression is None and unparsed.remainder == "Quokkas"


def test_positive_terms_skip_negated_parts() -> None:
    expression = parse_query("Who likes Quokkas but not Tapirs?").expression
    assert positive_terms(expression) == ["Quokkas"]
    assert to_text(expression) == '("Quokkas" AND NOT "Tapirs")'


def test_kleene_logic_with_unknowns() -> None:
    expression = And((X, Not(Y)))
    assert evaluate(expression, {"Quokkas": True, "Tapirs": None}) is None
    assert evaluate(expression, {"Quokkas": False, "Tapirs": None}) is False
    assert evaluate(Or((X, Y)), {"Quokkas": None, "Tapirs": True}) is True


@pytest.mark.parametrize(
    "question, item",
    [
        ("Any tapir devotees in the group?", "tapir"),
        ("Need to track down the smoked paprika fans in this bunch.", "smoked paprika"),
        ("Wild rice lovers: who are they?", "Wild rice"),
        ("Who here lights up at the mention of river otters?", "river otters"),
        ("I'm after someone who genuinely enjoys kites, any ideas?", "kites"),
        ("Show me the people who rate kites highly.", "kites"),
    ],
)
def test_fans_forms_asides_and_object_leads(question: str, item: str) -> None:
    assert parse_query(question).expression == Term(item)
