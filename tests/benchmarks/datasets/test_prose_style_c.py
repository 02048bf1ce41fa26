"""Held-out prose style C keeps the contract of ``prose/base.py`` on LIMIT-small: every
liked and disliked item is in its profile (only case, a leading "the", a hyphen or a
plural ending changed), questions name their items, qrels are LIMIT-small's, and the
sentences that state no preference name no item of LIMIT-small or of limitbench's vocabulary."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from limitbench.benchmarks.datasets.beir import load_beir
from limitbench.benchmarks.datasets.prose import Profile, prose_dataset, read_limit_profiles
from limitbench.benchmarks.datasets.prose import heldout_c
from limitbench.benchmarks.datasets.prose.heldout_c import FRAME_TEXTS, NEUTRAL_TEXTS, HeldOutStyleC
from limitbench.benchmarks.datasets.vocabulary import likeable_things

SEEDS = (0, 1, 2)


@pytest.fixture(scope="module")
def limit_small(limit_small_dir: Path):
    return load_beir(limit_small_dir, name="limit-small")


@pytest.fixture(scope="module")
def people(limit_small):
    """LIMIT-small's people, each with three disliked items that person does not like."""
    profiles, items_by_query = read_limit_profiles(limit_small)
    asked = sorted(set(items_by_query.values()))
    rng = random.Random("test-dislikes")
    with_dislikes = []
    for person in profiles.values():
        liked = {item.lower() for item in person.likes}
        pool = [item for item in asked if item.lower() not in liked]
        with_dislikes.append(Profile(name=person.name, likes=person.likes, dislikes=tuple(rng.sample(pool, 3))))
    return with_dislikes


def _normal(text: str) -> str:
    """Lower case, hyphens as spaces, one space between words, no quotes."""
    return " ".join(text.lower().replace("-", " ").replace('"', " ").split())


def _forms(item: str) -> set[str]:
    """How the contract lets ``item`` be written: case, a leading "the", hyphens and the
    plural ending of its last word may change."""
    base = _normal(item)
    forms = {base}
    if base.startswith("the "):
        forms.add(base[4:])
    for form in list(forms):
        for ending in ("es", "s"):
            if form.endswith(ending):
                forms.add(form[: -len(ending)])
    return forms


def _mentions(text: str, item: str) -> bool:
    normal = _normal(text)
    return any(re.search(rf"(?<![a-z0-9]){re.escape(form)}(?![a-z0-9])", normal) for form in _forms(item))


@pytest.mark.parametrize("seed", SEEDS)
def test_every_liked_and_disliked_item_is_in_the_profile(people, seed):
    style = HeldOutStyleC()
    rng = random.Random(seed)
    for person in people:
        text = style.profile(person=person, rng=rng)
        missing = [item for item in person.likes + person.dislikes if not _mentions(text, item)]
        assert not missing, f"{person.name}: {missing} not in\n{text}"
        assert person.name.split()[0].lower() in text.lower()


def test_the_six_kinds_of_document_all_occur(limit_small):
    texts = [d.text for seed in SEEDS for d in prose_dataset(limit_small, style="heldout-c", seed=seed).corpus]
    starts = {
        "interview": lambda t: "\nQ: " in t and "\nA: " in t,
        "letter": lambda t: t.startswith(("To whom", "Dear ")),
        "alumni": lambda t: t.startswith(("Class notes", "News from the class")),
        "spotlight": lambda t: t.startswith(("MEMBER SPOTLIGHT", "Member of the month", "Say hello to")),
        "about me": lambda t: " | " in t.split("\n")[0],
        "dating": lambda t: re.fullmatch(r"\w+, \d\d", t.split("\n")[0]) is not None,
    }
    for kind, looks_like in starts.items():
        assert any(looks_like(t) for t in texts), kind


def test_questions_name_their_item_in_many_ways(limit_small):
    style = HeldOutStyleC()
    _, items_by_query = read_limit_profiles(limit_small)
    rng = random.Random(0)
    shapes = set()
    for item in sorted(set(items_by_query.values())):
        question = style.question(item=item, rng=rng)
        assert _mentions(question, item), (item, question)
        shapes.add(re.sub(re.escape(_normal(item)), "X", _normal(question)))
    assert len(shapes) >= 15
    lowered = [style.question(item="River Otters", rng=rng) for _ in range(200)]
    assert any("river otters" in q for q in lowered) and any('"River Otters"' in q for q in lowered)


def _vocabulary(limit_small) -> set[str]:
    profiles, items_by_query = read_limit_profiles(limit_small)
    items = set(items_by_query.values()) | set(likeable_things())
    for person in profiles.values():
        items |= set(person.likes)
    return items


def test_sentences_stating_no_preference_name_no_item(limit_small):
    items = _vocabulary(limit_small)
    texts = NEUTRAL_TEXTS + FRAME_TEXTS
    assert len(NEUTRAL_TEXTS) >= 20
    for text in texts:
        words = re.sub(r"\{\w+\}|\[[^\]]*\]", " ", text)
        named = [item for item in items if any(_mentions(words, f) for f in _forms(item) | {_normal(item) + "s"})]
        assert not named, f"{text!r} names {named}"


def test_the_style_has_many_ways_to_say_it():
    likes = set(heldout_c._LIKES + heldout_c._FIRST_PERSON_LIKES + heldout_c._FRAGMENT_LIKES + heldout_c._SHORT_LIKES)
    dislikes = set(
        heldout_c._DISLIKES + heldout_c._DISLIKES_NEGATED + heldout_c._FRAGMENT_DISLIKES + heldout_c._FRAGMENT_DISLIKES_NEGATED
    )
    assert len(likes) >= 30 and len(dislikes) >= 15
    assert len(heldout_c._QUESTIONS) >= 15
    assert all(len(heldout_c._PAIR_QUESTIONS[kind]) >= 4 for kind in ("and", "or", "but-not"))
