"""The qrels' semantics (limitbench.benchmarks.numeric.semantics), on hand-computed cases."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import pytest

from limitbench.benchmarks.numeric.facts import Entity, Fact, Period, Quantity, Version
from limitbench.benchmarks.numeric.queries import period_of
from limitbench.benchmarks.numeric.semantics import Constraint, QuerySpec, Truth, relevance, truth

T, F, U = Truth.TRUE, Truth.FALSE, Truth.UNKNOWN


def usd(x, unit="USD"):
    return Quantity(Fraction(str(x)), unit)


def month(y, m):
    return period_of(dt.date(y, m, 1), "month")


def year(y):
    return period_of(dt.date(y, 1, 1), "year")


def day(y, m, d):
    return Period(dt.date(y, m, d), dt.date(y, m, d), "day")


@pytest.mark.parametrize("op, threshold, expected", [
    (">", 1299, F), (">=", 1299, T), ("<", 1299, F), ("<=", 1299, T),   # strict vs inclusive
    ("<", 1000, F), (">", 700, T),                                        # "under a grand", "north of $700"
])
def test_comparisons_are_strict_or_inclusive(op, threshold, expected):
    assert truth(Fact("price", usd(1299)), Constraint("price", op, usd(threshold))) is expected


def test_between_is_inclusive_at_both_ends():
    between = Constraint("price", "between", usd(500), usd(800))
    assert [truth(Fact("price", usd(x)), between) for x in (499.99, 500, 800, 800.01)] == [F, T, T, F]


def test_a_monthly_salary_counts_twelve_times():
    monthly = Fact("salary", usd(15_600, "USD/month"))  # $187,200 a year
    assert truth(monthly, Constraint("salary", ">", usd(187_199, "USD/year"))) is T
    assert truth(monthly, Constraint("salary", ">", usd(187_200, "USD/year"))) is F
    six_figures = Constraint("salary", "between", usd(100_000, "USD/year"), usd(999_999, "USD/year"))
    assert truth(Fact("salary", usd(8_400, "USD/month")), six_figures) is T  # 100,800 a year
    assert truth(Fact("salary", usd(8_300, "USD/month")), six_figures) is F  # 99,600


def test_ratings_compare_as_a_fraction_of_their_scale():
    user_score = Fact("rating", usd("8.1", "/10"))  # 4.05 out of 5
    assert truth(user_score, Constraint("rating", ">=", usd("4.05", "/5"))) is T
    assert truth(user_score, Constraint("rating", ">", usd("4.05", "/5"))) is F
    assert truth(Fact("rating", usd("9.4", "/10")), Constraint("rating", ">=", usd("4.7", "/5"))) is T
    assert truth(Fact("rating", usd("4.5", "/5")), Constraint("rating", ">=", usd("9", "/10"))) is T


def test_dates_are_periods():
    born = Fact("birth_date", day(1990, 3, 15))
    assert truth(born, Constraint("birth_date", "<", month(1990, 3))) is F   # before March 1990: before 1 March
    assert truth(born, Constraint("birth_date", ">", month(1990, 3))) is F   # after March 1990: after 31 March
    assert truth(born, Constraint("birth_date", "in", month(1990, 3))) is T
    assert truth(born, Constraint("birth_date", ">", year(1989))) is T       # after 1989: after 31 Dec 1989
    assert truth(born, Constraint("birth_date", ">", year(1990))) is F       # after 1990: after 31 Dec 1990
    assert truth(born, Constraint("birth_date", ">=", year(1990))) is T      # since 1990, inclusive
    assert truth(born, Constraint("birth_date", "<=", year(1990))) is T
    assert truth(born, Constraint("birth_date", "between", year(1985), year(1990))) is T


def test_a_stated_period_decides_only_when_it_lies_wholly_on_one_side():
    q3 = Fact("release_date", period_of(dt.date(2024, 8, 1), "quarter"))    # 1 July - 30 September 2024
    assert truth(q3, Constraint("release_date", ">", month(2024, 6))) is T
    assert truth(q3, Constraint("release_date", ">", month(2024, 9))) is F
    assert truth(q3, Constraint("release_date", ">", month(2024, 7))) is U   # straddles: August, September after
    assert truth(q3, Constraint("release_date", "<", month(2024, 7))) is F
    assert truth(q3, Constraint("release_date", ">=", year(2024))) is T       # "since 2024"
    assert truth(q3, Constraint("release_date", "in", month(2024, 8))) is U
    assert truth(q3, Constraint("release_date", "in", period_of(dt.date(2024, 3, 1), "half"))) is F
    assert truth(q3, Constraint("release_date", "in", period_of(dt.date(2024, 9, 1), "half"))) is T
    festival = Fact("date", Period(dt.date(2025, 6, 14), dt.date(2025, 6, 17), "days"))
    assert truth(festival, Constraint("date", "<", day(2025, 6, 16))) is U


def test_versions_compare_as_releases():
    assert truth(Fact("firmware", Version("9.11")), Constraint("firmware", ">", Version("9.9"))) is T
    assert truth(Fact("firmware", Version("14.6")), Constraint("firmware", "<=", Version("14.6.0"))) is T
    assert truth(Fact("firmware", Version("14.2")), Constraint("firmware", ">=", Version("14"))) is T
    assert truth(Fact("firmware", Version("13.20")), Constraint("firmware", "<", Version("14"))) is T
    # "newer than 14.6" / "14.6 or earlier" may mean the whole 14.6 line: unknown for 14.6.5
    assert truth(Fact("firmware", Version("14.6.5")), Constraint("firmware", ">", Version("14.6"))) is U
    assert truth(Fact("firmware", Version("14.6.5")), Constraint("firmware", "<=", Version("14.6"))) is U
    assert truth(Fact("firmware", Version("14.6.5")), Constraint("firmware", ">=", Version("14.6"))) is T


def test_approximate_conversions_near_a_threshold_are_unknown():
    # 180 lb = 81.65 kg: clearly over 80 kg (2%), too close to 82 kg to call
    assert truth(Fact("weight", usd(180, "lb")), Constraint("weight", ">", usd(75, "kg"))) is T
    assert truth(Fact("weight", usd(180, "lb")), Constraint("weight", ">", usd(82, "kg"))) is U
    assert truth(Fact("storage", usd(1, "TB")), Constraint("storage", ">", usd(1000, "GB"))) is U   # 1,000 or 1,024?
    assert truth(Fact("storage", usd(1, "TB")), Constraint("storage", ">=", usd(512, "GB"))) is T
    assert truth(Fact("distance", usd("13.1", "mi")), Constraint("distance", ">=", usd(1, "half-marathon"))) is U
    assert truth(Fact("distance", usd(1, "half-marathon")), Constraint("distance", ">", usd(20, "km"))) is T
    # exact conversions need no margin: three days is 72 hours
    assert truth(Fact("battery_life", usd(72, "h")), Constraint("battery_life", ">", usd(3, "day"))) is F
    assert truth(Fact("battery_life", usd(80, "h")), Constraint("battery_life", ">", usd(3, "day"))) is T


def test_relevance_needs_the_kind_the_category_and_every_stated_fact():
    laptop = Entity("product", "laptop", "Vanto X200", (Fact("price", usd(999)), Fact("ram", usd(16, "GB"))))
    phone = Entity("product", "phone", "Vanto S9", (Fact("price", usd(599)),))
    cheap = Constraint("price", "<", usd(1000))
    assert relevance(laptop, QuerySpec("product", "laptop", (cheap,))) is T
    assert relevance(phone, QuerySpec("product", "laptop", (cheap,))) is F          # wrong category
    two = QuerySpec("product", "laptop", (cheap, Constraint("ram", ">=", usd(16, "GB"))))
    assert relevance(laptop, two) is T
    assert relevance(laptop, QuerySpec("product", "laptop", (cheap, Constraint("storage", ">=", usd(1, "TB"))))) is F
    person = Entity("person", "nurse", "Ana Lor", (Fact("age", usd(27, "year")),))
    assert relevance(person, QuerySpec("person", None, (Constraint("age", "<", usd(28, "year")),))) is T
    assert relevance(person, QuerySpec("event", None, (Constraint("age", "<", usd(28, "year")),))) is F


def test_constraints_reject_values_of_another_dimension():
    with pytest.raises(ValueError, match="does not measure"):
        Constraint("battery_life", ">", usd(3, "year"))
    with pytest.raises(ValueError, match="between"):
        Constraint("price", "between", usd(3))
