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
from limitbench.benchmarks.datasets.prose import STYLES, Profile, ProseStyle, compositional_set, prose_dataset, read_limit_profiles
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


def test_it_is_a_registered_prose_style():
    style = STYLES.create("heldout-c")
    assert isinstance(style, HeldOutStyleC)
    assert isinstance(style, ProseStyle)
    assert style.name == "heldout-c"


def test_a_seed_fixes_every_profile_and_question(limit_small):
    first = prose_dataset(limit_small, style="heldout-c", seed=4)
    random.seed(123)  # the global generator must not matter
    second = prose_dataset(limit_small, style="heldout-c", seed=4)
    other = prose_dataset(limit_small, style="heldout-c", seed=5)
    assert [d.text for d in first.corpus] == [d.text for d in second.corpus]
    assert [q.text for q in first.queries] == [q.text for q in second.queries]
    assert [d.text for d in first.corpus] != [d.text for d in other.corpus]


def test_the_style_draws_only_from_the_rng_it_is_given(people):
    style = HeldOutStyleC()
    person = people[0]
    random.seed(1)
    once = style.profile(person=person, rng=random.Random(9))
    random.seed(2)
    again = style.profile(person=person, rng=random.Random(9))
    assert once == again


@pytest.mark.parametrize("seed", SEEDS)
def test_every_liked_and_disliked_item_is_in_the_profile(people, seed):
    style = HeldOutStyleC()
    rng = random.Random(seed)
    for person in people:
        text = style.profile(person=person, rng=rng)
        missing = [item for item in person.likes + person.dislikes if not _mentions(text, item)]
        assert not missing, f"{person.name}: {missing} not in\n{text}"
        assert person.name.split()[0].lower() in text.lower()


def test_the_rendered_dataset_keeps_people_and_qrels(limit_small):
    prose = prose_dataset(limit_small, style="heldout-c", seed=0)
    profiles, items_by_query = read_limit_profiles(limit_small)
    assert prose.qrels == limit_small.qrels
    assert [d.id for d in prose.corpus] == [d.id for d in limit_small.corpus]
    assert [q.id for q in prose.queries] == [q.id for q in limit_small.queries]
    assert prose.metadata["prose_style"] == "heldout-c"
    for doc in prose.corpus:
        assert all(_mentions(doc.text, item) for item in profiles[doc.id].likes), doc.id
    for query in prose.queries:
        assert _mentions(query.text, items_by_query[query.id]), query.text


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


@pytest.mark.parametrize("kind", ["and", "or", "but_not"])
def test_pair_questions_name_both_items_first_one_first(kind):
    style = HeldOutStyleC()
    ask = getattr(style, f"question_{kind}")
    rng = random.Random(3)
    shapes = set()
    for _ in range(100):
        question = ask(first="Sea Anemones", second="the Chicago Cubs", rng=rng)
        normal = _normal(question)
        assert 0 <= normal.index("sea anemones") < normal.index("chicago cubs"), question
        shapes.add(normal.replace("sea anemones", "A").replace("the chicago cubs", "B"))
    assert len(shapes) >= 4


def _items_in(question: str, items: list[str]) -> list[str]:
    """The items a question names, in order; an item inside a longer named one does not count."""
    found = []
    normal = _normal(question)
    for item in items:
        for match in re.finditer(rf"(?<![a-z0-9]){re.escape(_normal(item))}(?![a-z0-9])", normal):
            found.append((match.start(), match.end(), item))
    kept = [f for f in found if not any(o[0] <= f[0] and f[1] <= o[1] and o != f for o in found)]
    return [item for _, _, item in sorted(kept)]


def test_compositional_questions_have_set_logic_answers(limit_small):
    data = compositional_set(limit_small, style="heldout-c", seed=1, per_kind=8)
    profiles, items_by_query = read_limit_profiles(limit_small)
    items = sorted(set(items_by_query.values()))
    likers: dict[str, set[str]] = {}
    for doc_id, person in profiles.items():
        for item in person.likes:
            likers.setdefault(item, set()).add(doc_id)
    combine = {"and": set.__and__, "or": set.__or__, "but-not": set.__sub__}
    assert len(data.queries) == 24
    for query in data.queries:
        kind = query.id.rsplit("-", 1)[0]
        first, second = _items_in(query.text, items)
        assert set(data.qrels[query.id]) == combine[kind](likers[first], likers[second]), query.text
    assert [d.text for d in data.corpus] == [d.text for d in prose_dataset(limit_small, style="heldout-c", seed=1).corpus]


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
