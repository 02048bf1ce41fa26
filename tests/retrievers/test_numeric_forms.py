"""Numbers as shops, CVs and event pages write them (``limitbench.retrievers.numeric``):
each fact bound to what it measures, distractors kept apart, idioms read as comparisons."""

from __future__ import annotations

import datetime as dt

import pytest

from limitbench.retrievers.numeric import document_satisfies, extract_mentions, parse_constraints, parse_report


def facts(text: str) -> dict[str, list]:
    found: dict[str, list] = {}
    for mention in extract_mentions(text):
        found.setdefault(mention.attribute, []).append(mention.value)
    return found


@pytest.mark.parametrize(
    "text, attribute, value",
    [
        ("It has 16 GB of storage.", "storage", 16e9),
        ("16 gigs of RAM", "memory", 16e9),
        ("SSD: 1 TB", "storage", 1e12),
        ("Rated 4.5/5 by users.", "rating", 0.9),
        ("★ 4.7", "rating", 0.94),
        ("User score: 8.1", "rating", 0.81),
        ("3.2 out of 5 stars", "rating", 0.64),
        ("costs 15 bucks", "price", 15.0),
        ("Price: 2.7k USD", "price", 2700.0),
        ("It costs 41 grand.", "price", 41000.0),
        ("She earns $15,600 a month.", "salary", 187200.0),
        ("Age: 27 y/o", "age", 27.0),
        ("She is fifty-eight.", "age", 58.0),
        ("The battery lasts up to 40 hours.", "battery life", 144000.0),
        ("A boost clock of 4.5 GHz.", "clock speed", 4.5e9),
        ("5,400 people attended.", "attendance", 5400.0),
        ("It drew a crowd of 12k.", "attendance", 12000.0),
    ],
)
def test_surface_forms(text: str, attribute: str, value: float) -> None:
    assert value in [pytest.approx(v) for v in facts(text).get(attribute, [])], facts(text)


def test_periods_and_versions() -> None:
    assert facts("Released in Q3 2024.")["release date"] == [dt.date(2024, 7, 1)]
    assert facts("Jane Doe (b. 1966), nurse.")["birth date"] == [dt.date(1966, 1, 1)]
    assert facts("Born 12.03.1990.")["birth date"] == [dt.date(1990, 3, 12)]
    assert str(facts("Runs fw 14.6.5.")["firmware version"][0]) == "14.6.5"
    assert str(facts("Culnul OS 11.16 out of the box.")["firmware version"][0]) == "11.16"


def test_distractors_are_kept_apart() -> None:
    found = facts("The Lum 4 Max headphones cost $199, the battery lasts up to 3 days, it ships within 5 days "
                  "with a 3-year warranty. Bluetooth 5.3. Parking costs $10.")
    assert found["price"] == [199.0] and found["battery life"] == [259200.0]
    assert "shipping time" in found and "warranty" in found and "standard" in found and "other charge" in found
    battery = parse_constraints("headphones whose battery lasts more than three days")
    assert document_satisfies("Lum 4 Max headphones: ships within 5 days, 3-year warranty.", battery) is None
    assert document_satisfies("The battery lasts up to 4 days.", battery) is True
    assert document_satisfies("The battery lasts up to 2 days.", battery) is False


def test_a_period_that_straddles_the_threshold_is_unknown() -> None:
    after = parse_constraints("laptops released after August 2024")
    assert document_satisfies("Released in Q3 2024.", after) is None
    assert document_satisfies("Released in Q4 2024.", after) is True
    assert document_satisfies("Released in Q2 2024.", after) is False


@pytest.mark.parametrize(
    "query, attribute, operator, values",
    [
        ("laptops under a grand", "price", "<", (1000.0,)),
        ("Which people earn six figures?", "salary", "between", (100000.0, 999999.0)),
        ("Who is in their 80s?", "age", "between", (80.0, 89.0)),
        ("Any under-25s?", "age", "<", (25.0,)),
        ("monitors north of $700", "price", ">", (700.0,)),
        ("sub-$400 phones", "price", "<", (400.0,)),
        ("a coffee machine that won't set me back more than $75", "price", "<=", (75.0,)),
        ("laptops faster than 4.5 GHz", "clock speed", ">", (4.5e9,)),
        ("headphones with 50+ hours of battery", "battery life", ">=", (180000.0,)),
        ("phones rated 4.7 or higher", "rating", ">=", (0.94,)),
        ("monitors bigger than 17 inches", "screen size", ">", (17 * 0.0254,)),
        ("concerts with more than 5,000 attendees", "attendance", ">", (5000.0,)),
        ("Races with 500+ runners", "attendance", ">=", (500.0,)),
        ("laptops under 1.5k", "price", "<", (1500.0,)),
        ("Who is over 40?", "age", ">", (40.0,)),
    ],
)
def test_query_idioms_and_phrasings(query, attribute, operator, values) -> None:
    (constraint,) = parse_constraints(query)
    assert (constraint.attribute, constraint.operator) == (attribute, operator)
    assert [pytest.approx(v) for v in constraint.values] == list(values)


def test_two_constraints_and_the_topic() -> None:
    report = parse_report("Looking for laptops for more than $500 and under 1.1k.")
    assert [(c.operator, c.value) for c in report.constraints] == [(">", 500.0), ("<", 1100.0)]
    assert report.topic == "laptops" and report.entity == "product"
    since = parse_constraints("cameras released since 2021")[0]
    assert since.operator == ">=" and since.attribute == "release date"
