"""The filler pool: overlap statistics by hand, and calibration to targets."""

from __future__ import annotations

import json

import pytest

from limitbench.benchmarks.datasets.filler_families import filler_candidates
from limitbench.benchmarks.datasets.filler_pool import (
    OFFICIAL_ALL_OVERLAP,
    OFFICIAL_ANY_OVERLAP,
    calibrated_pool,
    overlap_stats,
    words,
)
from limitbench.retrievers.errors import DataError


def test_words_are_lower_cased_word_runs():
    assert words("Stand-up Comedy") == {"stand", "up", "comedy"}
    assert words("the Boston Red Sox") == {"the", "boston", "red", "sox"}


def test_overlap_by_hand():
    pool = ["Hot Springs", "Dark Chocolate", "Songs of the Sea"]
    attributes = ["Hot Chocolate", "Black Tea", "Springs", "The Gilded Age", "Sea Lions"]
    stats = overlap_stats(pool, attributes)
    # any: Hot Chocolate (hot, chocolate), Springs, The Gilded Age (the), Sea Lions (sea) -> 4
    # all: Hot Chocolate, Springs -> 2, of which one word: Springs
    assert (stats.any, stats.all, stats.one_word) == (4, 2, 1)
    # without function words "The Gilded Age" shares nothing
    assert (stats.content_any, stats.content_all) == (3, 2)
    assert stats.shared_words == 5  # hot, chocolate, springs, the, sea


def test_candidates_are_distinct_and_many():
    candidates = filler_candidates()
    assert len(candidates) > 5000
    assert len({" ".join(c.lower().split()) for c in candidates}) == len(candidates)


@pytest.fixture(scope="module")
def official_attributes(shared_data_dir):
    lines = (shared_data_dir / "limit" / "queries.jsonl").read_text().splitlines()
    return [json.loads(line)["text"][len("Who likes "):-1] for line in lines]


def test_calibrated_to_the_official_overlap(official_attributes):
    pool = calibrated_pool(official_attributes, seed=0)
    assert len(pool.items) == len(set(pool.items)) == 850
    assert (pool.stats.any, pool.stats.all, pool.stats.one_word) == (OFFICIAL_ANY_OVERLAP, OFFICIAL_ALL_OVERLAP, 5)
    assert not {item.lower() for item in pool.items} & {a.lower() for a in official_attributes}
    assert overlap_stats(pool.items, official_attributes) == pool.stats
    assert calibrated_pool(official_attributes, seed=0).items == pool.items
    assert calibrated_pool(official_attributes, seed=1).items != pool.items


def test_calibration_on_held_out_attributes():
    # attributes and candidates written for this test only
    attributes = ["Copper Kettles", "Rye Whiskey", "Fog", "Tin Whistles", "Brass Bands", "Kettle Drums", "Whiskey Sours"]
    candidates = ["Copper Mines", "Fog Horns", "Tin Roofs", "Brass Buttons", "Kettle Corn", "Rye Bread", "Whistles",
                  "Garden Gnomes", "Paper Boats", "Clay Pots", "Sea Glass", "Oat Cakes", "Wool Socks", "Bells"]
    pool = calibrated_pool(attributes, size=8, any_target=4, all_target=2, one_word_target=1, candidates=candidates)
    assert len(pool.items) == 8
    assert (pool.stats.any, pool.stats.all, pool.stats.one_word) == (4, 2, 1)


def test_unreachable_targets_come_as_close_as_they_can():
    attributes = ["Quokkas", "Axolotl Tanks"]
    candidates = ["Garden Gnomes", "Paper Boats", "Clay Pots", "Sea Glass"]
    pool = calibrated_pool(attributes, size=3, any_target=2, all_target=1, one_word_target=1, candidates=candidates)
    assert len(pool.items) == 3 and (pool.stats.any, pool.stats.all) == (0, 0)
    assert pool.record()["targets"]["any"] == 2 and pool.record()["achieved"]["any"] == 0


def test_too_few_candidates_is_a_data_error():
    with pytest.raises(DataError, match="only 1 candidates differ from the query attributes; 3 are needed"):
        calibrated_pool(["Fog"], size=3, candidates=["Fog", "Rain Boots"])
