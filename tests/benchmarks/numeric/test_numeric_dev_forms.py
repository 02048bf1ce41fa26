"""Surface forms of the dev template set keep values exact (hand-computed cases)."""

from __future__ import annotations

import datetime as dt
import random
from fractions import Fraction

from limitbench.benchmarks.numeric.facts import Period, Quantity
from limitbench.benchmarks.numeric.names import STOP_WORDS, NameSource
from limitbench.benchmarks.numeric.templates.dev.forms import (age_form, date_form, height_form, money, period_form,
                                                              quantity, rating_form)


def every(form, *args, tries=200, **kwargs):
    rng = random.Random(0)
    return {form(*args, rng, **kwargs) for _ in range(tries)}


def test_money_forms():
    assert every(money, Fraction(1300)) == {"$1,300", "USD 1,300", "1,300 USD", "1,300 dollars", "1.3k USD", "$1.3k",
                                            "1,300 bucks"}
    assert "41 grand" in every(money, Fraction(41_000)) and "15,600 bucks" in every(money, Fraction(15_600))
    assert every(money, Fraction("1299.99")) == {"$1,299.99", "USD 1,299.99", "1,299.99 USD", "1,299.99 dollars"}


def test_quantity_forms():
    assert every(quantity, Quantity(16, "GB")) == {"16 GB", "16GB", "16 gigs", "16 gigabytes"}
    assert every(quantity, Quantity(1, "TB")) == {"1 TB", "1TB", "1 terabyte"}
    assert '15.6"' in every(quantity, Quantity(Fraction("15.6"), "in"))
    assert quantity(Quantity(27, "in"), random.Random(0), adjective=True) == "27-inch"
    assert "three days" in every(quantity, Quantity(3, "day"), words=True)
    assert "eleven hrs" not in every(quantity, Quantity(11, "h"), words=True)


def test_rating_forms_make_the_scale_evident():
    assert every(rating_form, Quantity(Fraction("4.7"), "/5")) >= {"★ 4.7", "4.7/5", "4.7 out of 5 stars"}
    assert "user score 8.1" in every(rating_form, Quantity(Fraction("8.1"), "/10"))
    assert not any("user score" in f for f in every(rating_form, Quantity(Fraction("4.2"), "/10")))


def test_dates_keep_their_precision():
    assert "2021/03/12" in every(date_form, dt.date(2021, 3, 12))
    assert not any(f.count(".") == 2 for f in every(date_form, dt.date(2021, 3, 12)))   # 12.03 could be read as 3 Dec
    assert "14.03.2021" in every(date_form, dt.date(2021, 3, 14))
    q3 = Period(dt.date(2024, 7, 1), dt.date(2024, 9, 30), "quarter")
    assert every(period_form, q3) == {"Q3 2024", "Q3/2024", "the third quarter of 2024"}
    assert every(period_form, Period(dt.date(1940, 1, 1), dt.date(1949, 12, 31), "decade")) == {"the 1940s", "the '40s"}


def test_people_forms():
    assert every(height_form, Quantity(71, "in")) >= {"5'11\"", "5 ft 11 in"}
    assert "six feet" in every(height_form, Quantity(72, "in"))
    assert every(age_form, 58) >= {"58 y/o", "58 yrs old", "fifty-eight"}


def test_names_avoid_words_a_parser_could_read_as_a_number_or_unit():
    source = NameSource(0)
    words = [source.word() for _ in range(500)]
    assert len(set(words)) == 500
    assert not any(w.lower() in STOP_WORDS for w in words)
    assert {"may", "grand", "kilo", "min", "pounds"} <= STOP_WORDS
