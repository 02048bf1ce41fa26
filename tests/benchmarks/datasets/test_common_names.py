from __future__ import annotations

import pytest

from limitbench.benchmarks.datasets.common_names import common_person_names, first_names, surnames


def test_surnames_follow_the_rules():
    built = set(surnames())
    # occupational, patronymic (-son, -s, -ez), topographic (root + ending), descriptive
    assert {"Baker", "Peterson", "Roberts", "Martinez", "Brookfield", "Ashford", "Brown"} <= built
    assert not {"Bushs", "Ashham", "Fieldfield"} & built
    assert len(built) == len(surnames())


def test_names_are_distinct_deterministic_and_exclude():
    names = common_person_names(5000, seed=3, exclude={"Ada Baker"})
    assert len(set(names)) == 5000 and "Ada Baker" not in names
    assert names == common_person_names(5000, seed=3, exclude={"Ada Baker"})
    assert names != common_person_names(5000, seed=4)
    first, last = names[0].split(" ")
    assert first in first_names() and last in surnames()


def test_more_names_than_the_rules_make_is_refused():
    with pytest.raises(ValueError, match="distinct first-name/surname pairs"):
        common_person_names(len(first_names()) * len(surnames()) + 1, seed=0)
