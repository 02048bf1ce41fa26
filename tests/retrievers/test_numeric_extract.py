"""What documents state: surface forms that mean the same value read the same."""

from __future__ import annotations

import datetime as dt

import pytest
from packaging.version import Version

from limitbench.retrievers.numeric import document_satisfies, extract_mentions, parse_constraints


def _only(text: str, kind: str):
    found = [m for m in extract_mentions(text) if m.kind == kind]
    assert len(found) == 1, extract_mentions(text)
    return found[0]


@pytest.mark.parametrize("text", ["Ana earns $55,000 a year.", "Ana earns 55k dollars a year.",
                                  "Ana makes fifty-five thousand dollars per year.", "Ana has an annual salary of USD 55,000."])
def test_money_surface_forms(text):
    mention = _only(text, "money")
    # an amount stated per period is kept per year ("USD/year"); without a period, the currency alone
    assert (mention.value, mention.unit.split("/")[0], mention.attribute) == (55000.0, "USD", "salary")


@pytest.mark.parametrize("text", ["Ana is 185 cm tall.", "Ana stands 1.85 m tall.", "Ana has a height of 1.85 metres."])
def test_heights_in_any_length_unit(text):
    mention = _only(text, "length")
    assert mention.value == pytest.approx(1.85) and mention.attribute == "height"


@pytest.mark.parametrize("text", ["Ana ran a marathon in 3:12:45.", "Ana's best marathon time is 3 hours, 12 minutes and 45 seconds."])
def test_race_times(text):
    mention = _only(text, "duration")
    assert mention.value == 3 * 3600 + 12 * 60 + 45 and mention.attribute == "race time"


@pytest.mark.parametrize("text", ["Ana was born on 12 March 1983.", "Ana was born March 12, 1983.", "Ana was born 1983-03-12.",
                                  "Ana was born on the 12th of March 1983."])
def test_birth_dates(text):
    mention = _only(text, "date")
    assert mention.value == dt.date(1983, 3, 12) and mention.attribute == "birth date"


@pytest.mark.parametrize("text", ["Ana is 42 years old.", "Ana is forty-two years old.", "Ana is a 42-year-old.", "Ana, aged 42, reads."])
def test_ages(text):
    assert _only(text, "age").value == 42.0


def test_versions_and_unit_only_phrases():
    mentions = extract_mentions("Ana uses version 9.11 of Orbitly and earns $40,000 a year.")
    assert [m.kind for m in mentions] == ["version", "money"]  # "a year" alone is not a quantity
    assert mentions[0].value == Version("9.11")


def test_document_satisfies_true_false_none():
    constraints = parse_constraints("Who is taller than 1.8 m?")
    assert document_satisfies("Ana is 185 cm tall.", constraints) is True
    assert document_satisfies("Ana is 175 cm tall.", constraints) is False
    assert document_satisfies("Ana earns $40,000 a year.", constraints) is None
    assert document_satisfies("Ana is 185 cm tall.", []) is None


def test_named_attribute_beats_other_quantities_of_the_same_kind():
    # a 10 km run is a length too, but the query asks for a height
    constraints = parse_constraints("Who is taller than 1.8 m?")
    assert document_satisfies("Ana ran 10 km and is 175 cm tall.", constraints) is False
    assert document_satisfies("Ana ran 10 km.", constraints) is None


def test_versions_compare_as_releases():
    constraints = parse_constraints("Who uses a version newer than 9.9?")
    assert document_satisfies("Ana uses version 9.11 of Orbitly.", constraints) is True
    assert document_satisfies("Ana uses version 9.8 of Orbitly.", constraints) is False
