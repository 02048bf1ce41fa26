"""Hand-checked values: operators, units, the fairness rules, and how queries phrase bounds."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from limitbench.benchmarks.numeric_heldout_b.asks import year_condition
from limitbench.benchmarks.numeric_heldout_b.constraints import Constraint
from limitbench.benchmarks.numeric_heldout_b.facts import Fact
from limitbench.benchmarks.numeric_heldout_b.questions import CARS, HOMES, JOBS
from limitbench.benchmarks.numeric_heldout_b.relevance import Condition, doubtful, satisfies
from limitbench.benchmarks.numeric_heldout_b.units import from_canonical, to_canonical


def point(attribute: str, value: float, unit: str, **kw) -> Fact:
    return Fact.point(attribute, to_canonical(value, unit), unit, str(value), **kw)


def test_operators_are_inclusive_or_exclusive_as_documented():
    at_100k = point("salary", 100_000, "USD/year")
    assert Constraint("salary", ">=", 100_000).holds(at_100k)
    assert not Constraint("salary", ">", 100_000).holds(at_100k)
    assert Constraint("salary", "<=", 100_000).holds(at_100k)
    assert not Constraint("salary", "<", 100_000).holds(at_100k)
    assert Constraint("salary", "between", 90_000, 100_000).holds(at_100k)


def test_a_range_satisfies_only_when_all_of_it_does():
    range_90_110 = Fact("salary", 90_000, 110_000, "USD/year", "$90-110k")
    over_100k = Constraint("salary", ">", 100_000)
    assert not over_100k.holds(range_90_110) and not over_100k.fails(range_90_110)
    assert over_100k.straddled_by(range_90_110)
    assert Constraint("salary", ">", 85_000).holds(range_90_110)
    assert Constraint("salary", "<", 90_000).fails(range_90_110)


def test_unit_conversions_by_hand():
    assert to_canonical(1500, "sqft") == pytest.approx(139.3546, abs=1e-4)  # 1500 × 0.09290304
    assert to_canonical(0.5, "acre") == pytest.approx(2023.4282, abs=1e-4)  # 21,780 sq ft
    assert to_canonical(60_000, "mi") == pytest.approx(96_560.64)
    assert to_canonical(40, "mpg") == pytest.approx(5.8803, abs=1e-4)  # 235.2146 / 40
    assert to_canonical(30, "USD/hour") == 62_400  # 30 × 2,080
    assert to_canonical(4_000, "GBP/month") == 48_000
    assert to_canonical(3, "years") == 36
    assert from_canonical(to_canonical(33, "mpg"), "mpg") == pytest.approx(33)


def test_more_mpg_flips_to_less_fuel():
    at_least_40 = next(a for a in CARS.asks if a.unit == "mpg").condition(">=", random.Random(0), 40)
    assert at_least_40.constraint.op == "<="
    assert at_least_40.constraint.low == pytest.approx(5.8803, abs=1e-4)
    assert satisfies({"fuel": point("fuel", 42, "mpg")}, at_least_40)
    assert satisfies({"fuel": point("fuel", 5.5, "L/100km")}, at_least_40)
    assert not satisfies({"fuel": point("fuel", 6.5, "L/100km")}, at_least_40)


def test_years_become_day_ranges():
    after_2000 = year_condition("year_built", ">", 2000, 2000, "built after 2000")
    assert after_2000.constraint.low == dt.date(2000, 12, 31).toordinal()
    built_2000 = Fact("year_built", dt.date(2000, 1, 1).toordinal(), dt.date(2000, 12, 31).toordinal(), "year", "2000")
    built_2001 = Fact("year_built", dt.date(2001, 1, 1).toordinal(), dt.date(2001, 12, 31).toordinal(), "year", "2001")
    assert not satisfies({"year_built": built_2000}, after_2000)
    assert satisfies({"year_built": built_2001}, after_2000)
    in_the_90s = year_condition("model_year", "between", 1990, 1999, "in the 90s")
    mid_90s = Fact("model_year", dt.date(1993, 1, 1).toordinal(), dt.date(1996, 12, 31).toordinal(), "mid decade", "")
    assert satisfies({"model_year": mid_90s}, in_the_90s)
    since_2015 = year_condition("model_year", ">=", 2015, 2015, "2015 or newer")
    mid_2010s = Fact("model_year", dt.date(2013, 1, 1).toordinal(), dt.date(2016, 12, 31).toordinal(), "mid decade", "")
    assert doubtful({"model_year": mid_2010s}, since_2015)


def test_other_currencies_are_never_relevant_and_doubtful_when_a_rate_could_make_them():
    over_120k_usd = Condition(Constraint("salary", ">", 120_000), "paying over $120k", "USD/year")
    pounds_100k = {"salary": point("salary", 100_000, "GBP/year")}
    pounds_60k = {"salary": point("salary", 60_000, "GBP/year")}
    assert not satisfies(pounds_100k, over_120k_usd)
    assert doubtful(pounds_100k, over_120k_usd)  # £100k is $145k at 1.45
    assert not doubtful(pounds_60k, over_120k_usd)  # at most $87k


def test_converted_or_hedged_values_near_a_bound_are_doubtful():
    at_least_2l = Condition(Constraint("engine", ">=", 2.0), "with at least a 2.0L engine", "L")
    assert doubtful({"engine": point("engine", 1995, "cc")}, at_least_2l)  # 1.995 L: a 2.0L engine to a reader
    assert not doubtful({"engine": point("engine", 1598, "cc")}, at_least_2l)
    under_1500_sqft = Condition(Constraint("area", "<", to_canonical(1500, "sqft")), "under 1,500 sq ft", "sqft")
    assert doubtful({"area": point("area", 140, "m2")}, under_1500_sqft)  # 139.35 m² is the bound
    assert doubtful({"area": point("area", 1450, "sqft", approximate=True)}, under_1500_sqft)
    assert not doubtful({"area": point("area", 1450, "sqft")}, under_1500_sqft)
    hourly = Condition(Constraint("salary", ">=", 60_000), "paying at least $60k", "USD/year")
    assert doubtful({"salary": point("salary", 30, "USD/hour")}, hourly)  # $62,400 by the 2,080-hour convention


def test_idioms_mean_what_people_mean():
    six_figures = next(c for c in JOBS.idioms if c.words == "paying six figures")
    assert six_figures.constraint == Constraint("salary", ">=", 100_000)
    assert next(c for c in HOMES.idioms if c.words == "^studio").constraint == Constraint("bedrooms", "between", 0, 0)
    assert satisfies({"salary": Fact("salary", 100_000, 999_999, "USD/year", "six figures")}, six_figures)


def test_hand_checked_documents_and_query(heldout_b):
    """Three documents and one query of seed 0, read by a person against their records."""
    by_id = heldout_b.documents_by_id
    records = heldout_b.metadata["records"]
    plumber = by_id["642267e4f0"].text
    assert "$136-141k per year" in plumber and "a team of 38" in plumber
    assert records["642267e4f0"]["facts"]["salary"]["low"] == 136_000
    assert records["642267e4f0"]["facts"]["salary"]["high"] == 141_000
    assert records["642267e4f0"]["facts"]["team_size"]["low"] == 38
    # 'Odometer reads 62.7K mi.': 62,700 miles = 100,905.87 km; the 2.0 l engine is the fact, not '2000 Kia'
    sportage = records["a128a7e763"]["facts"]
    assert "62.7K mi" in by_id["a128a7e763"].text
    assert sportage["mileage"]["low"] == pytest.approx(100_905.8688)
    assert sportage["engine"]["low"] == 2.0 and sportage["price"]["low"] == 1500
    # '13,600 square foot lot' is the lot (1,263.48 m²); '277 m²' is the living space
    bungalow = records["59ff83813c"]["facts"]
    assert bungalow["lot"]["low"] == pytest.approx(13_600 * 0.09290304)
    assert bungalow["area"]["low"] == 277 and bungalow["bedrooms"]["low"] == 4


def test_hand_checked_queries(heldout_b):
    """Read by a person against the whole corpus of seed 0."""
    texts = {q.id: q.text for q in heldout_b.queries}
    # 3.9 L/100 km is 60.3 mpg, and '60 mpg combined': both better than 56 mpg
    assert texts["q-4e7a5b37"] == "Show me cars getting better than 56 miles per gallon"
    assert set(heldout_b.qrels["q-4e7a5b37"]) == {"7ede27f153", "e3a4c1dabf"}
    # a 2,800 sq ft lot is 0.064 acres; 'Lot of 0.06 acres'
    assert texts["q-edf4555b"] == "Homes on under 0.1 acres"
    assert set(heldout_b.qrels["q-edf4555b"]) == {"baae30a61c", "86a544740d"}
    # $5,300 pcm on floor 2, and $4,250 per month on the ground floor
    assert set(heldout_b.qrels["q-8bd4471f"]) == {"47b0457045", "bf2d84eaa4"}
