"""The constraint parser on phrasings the benchmark generator never uses (held out)."""

from __future__ import annotations

import datetime as dt

import pytest
from packaging.version import Version

from limitbench.retrievers.errors import LimitbenchError
from limitbench.retrievers.numeric import Constraint, ConstraintParseError, parse_constraints, parse_report

HELD_OUT = [
    # (query, attribute, operator, values, kind)
    ("Which employees have a salary exceeding 75,000 USD?", "salary", ">", (75000.0,), "money"),
    ("people aged 30 or under", "age", "<=", (30.0,), "age"),
    ("anyone no taller than 1.7 metres", "height", "<=", (1.7,), "length"),
    ("Find people who earn upwards of eighty thousand dollars", "salary", ">", (80000.0,), "money"),
    ("people earning at least 1.5 million dollars", "salary", ">=", (1_500_000.0,), "money"),
    ("Who earns ≥ $90,000?", "salary", ">=", (90000.0,), "money"),
    ("a salary of 40-60k dollars", "salary", "between", (40000.0, 60000.0), "money"),
    ("Who is between forty and fifty years old?", "age", "between", (40.0, 50.0), "age"),
    ("at least 21 years of age", "age", ">=", (21.0,), "age"),
    ("anyone older than 65 years", "age", ">", (65.0,), "age"),
    ("Who completed the marathon quicker than three hours?", "race time", "<", (10800.0,), "duration"),
    ("Which items weigh between 2 and 3 kg?", "weight", "between", (2.0, 3.0), "mass"),
    ("Who lives more than 20 km away?", "distance", ">", (20000.0,), "length"),
    ("persons with a height in the range 160-170 cm", "height", "between", (1.6, 1.7), "length"),
    ("Who is 6 feet or taller?", "height", ">=", (1.8288,), "length"),
    ("Which members are shorter than five feet six inches?", "height", "<", (1.6764,), "length"),
    ("Who is at most 1m60 tall?", "height", "<=", (1.6,), "length"),
    ("marathon times below 3h30m", "race time", "<", (12600.0,), "duration"),
    ("Who finished the marathon in under three and a half hours?", "race time", "<", (12600.0,), "duration"),
    ("Who earns over 50K?", "salary", ">", (50000.0,), "money"),
    ("Who makes less than 30 thousand a year?", "salary", "<", (30000.0,), "money"),
    ("people over the age of 60", "age", ">", (60.0,), "age"),
    ("anyone aged 65+", "age", ">=", (65.0,), "age"),
]


@pytest.mark.parametrize(("query", "attribute", "operator", "values", "kind"), HELD_OUT)
def test_held_out_phrasings(query, attribute, operator, values, kind):
    constraints = parse_constraints(query)
    assert len(constraints) == 1, constraints
    constraint = constraints[0]
    assert (constraint.attribute, constraint.operator, constraint.kind) == (attribute, operator, kind)
    assert constraint.values == pytest.approx(values, rel=1e-6)


def test_pounds_are_converted_by_pint():
    (constraint,) = parse_constraints("Who weighs less than 150 pounds?")
    assert constraint.kind == "mass" and constraint.value == pytest.approx(150 * 0.45359237)


def test_currency_other_than_dollars_keeps_its_code():
    (constraint,) = parse_constraints("Which apartments cost under €1,200?")
    assert (constraint.attribute, constraint.unit, constraint.value) == ("price", "EUR", 1200.0)


@pytest.mark.parametrize(
    ("query", "operator", "period"),
    [
        ("staff born prior to June 1975", "<", (dt.date(1975, 6, 1), dt.date(1975, 6, 30))),
        ("Who was born sometime after the 3rd of May 1999?", ">", (dt.date(1999, 5, 3), dt.date(1999, 5, 3))),
        ("Who was born no later than 2010?", "<=", (dt.date(2010, 1, 1), dt.date(2010, 12, 31))),
        ("born in the 1970s", "==", (dt.date(1970, 1, 1), dt.date(1979, 12, 31))),
    ],
)
def test_dates_are_periods(query, operator, period):
    (constraint,) = parse_constraints(query)
    assert (constraint.kind, constraint.attribute, constraint.operator) == ("date", "birth date", operator)
    assert constraint.value == period


def test_versions_order_as_releases_not_decimals():
    (constraint,) = parse_constraints("Who is running a release more recent than 2.10?")
    assert constraint.kind == "version" and constraint.value == Version("2.10")
    assert Version("2.10") > Version("2.9")  # the reading that matters: 2.10 is newer than 2.9
    (older,) = parse_constraints("anyone on an older version than 9.9")
    assert older.operator == "<" and older.value == Version("9.9")


def test_versions_plural_cue_and_inclusive_dates():
    (versions,) = parse_constraints("users on app versions greater than or equal to 10.0")
    assert versions.kind == "version" and versions.operator == ">=" and versions.value == Version("10.0")
    (born,) = parse_constraints("Who was born in or after 1995?")
    assert born.operator == ">=" and born.value == (dt.date(1995, 1, 1), dt.date(1995, 12, 31))


def test_a_cue_word_only_counts_in_its_own_clause():
    # "is over 50" has no money cue of its own: in a question about people it is an age
    report = parse_report("Who earns between 30 and 40 thousand dollars and is over 50?")
    assert [c.describe() for c in report.constraints] == ["salary between 30,000 USD and 40,000 USD", "age more than 50 years"]


def test_counted_nouns_and_conjunctions():
    (kids,) = parse_constraints("Who has more than 3 kids?")
    assert kids.kind == "count:kid" and kids.operator == ">" and kids.value == 3.0
    both = parse_constraints("Who earns at least USD 100,000 and is younger than 40?")
    assert [(c.attribute, c.operator) for c in both] == [("salary", ">="), ("age", "<")]


def test_speed_and_temperature_units():
    (speed,) = parse_constraints("Who drives faster than 120 km/h?")
    assert speed.kind == "speed" and speed.operator == ">" and speed.value == pytest.approx(120 / 3.6)
    (heat,) = parse_constraints("days with temperatures above 30 °C")
    assert heat.kind == "temperature" and heat.value == pytest.approx(303.15)


def test_no_constraint_gives_empty_list():
    assert parse_constraints("Who likes jazz?") == []
    assert parse_report("Who likes jazz?").problems == []


def test_unknown_unit_is_reported_clearly():
    report = parse_report("Who is taller than 5 blorps?")
    assert report.constraints == []
    assert len(report.problems) == 1 and "unknown unit 'blorp'" in report.problems[0]
    assert parse_constraints("Who is taller than 5 blorps?") == []
    with pytest.raises(ConstraintParseError, match="unknown unit") as raised:
        parse_constraints("Who is taller than 5 blorps?", strict=True)
    assert isinstance(raised.value, LimitbenchError)


def test_number_without_unit_or_cue_is_reported():
    report = parse_report("Which laptops are over 40?")  # a product: nothing says what 40 is
    assert report.constraints == [] and "cannot tell what '40' measures" in report.problems[0]


def test_a_bare_number_about_people_is_an_age():
    (constraint,) = parse_constraints("Who is over 40?")
    assert (constraint.attribute, constraint.operator, constraint.value) == ("age", ">", 40.0)


def test_constraint_is_frozen_and_describes_itself():
    (constraint,) = parse_constraints("Which people earn under $50,000?")
    assert constraint == Constraint(attribute="salary", operator="<", values=(50000.0,), kind="money", unit="USD",
                                    text=constraint.text)
    assert constraint.describe() == "salary less than 50,000 USD"
    with pytest.raises(AttributeError):
        constraint.operator = ">"  # type: ignore[misc]
    with pytest.raises(ValueError, match="unknown operator"):
        Constraint(attribute="age", operator="~", values=(1,), kind="age")


def test_a_number_glued_to_one_letter_is_a_name_not_a_quantity():
    from limitbench.retrievers.numeric import parse_constraints

    assert parse_constraints("Who likes 3D Modeling?") == []
    assert parse_constraints("Who owns a 4K TV?") == []
    assert parse_constraints("Who weighs 70kg?")  # a real unit still counts
