"""Held-out prose style D keeps the contract of ``prose/base.py`` on LIMIT-small: every
liked and disliked item is in its profile (only case, a leading "the", a hyphen or the
number of its last word changed), a profile names no item but its person's likes and
dislikes, questions name their items, qrels are LIMIT-small's, no disliked item's
question counts its disliker as relevant, and the words the style adds name no item."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from limitbench.benchmarks.datasets.beir import load_beir
from limitbench.benchmarks.datasets.prose import Profile, prose_dataset, read_limit_profiles
from limitbench.benchmarks.datasets.prose import heldout_d
from limitbench.benchmarks.datasets.prose.heldout_d import HeldOutStyleD
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
    rng = random.Random("test-dislikes-d")
    with_dislikes = []
    for person in profiles.values():
        liked = {item.lower() for item in person.likes}
        pool = [item for item in asked if item.lower() not in liked]
        with_dislikes.append(Profile(name=person.name, likes=person.likes, dislikes=tuple(rng.sample(pool, 3))))
    return with_dislikes


def _normal(text: str) -> str:
    """Lower case, hyphens as spaces, one space between words, no quotes."""
    return " ".join(text.lower().replace("-", " ").replace('"', " ").split())


def _pattern(item: str) -> str:
    """``item`` as the contract lets it be written: any case, with or without a leading
    "the", hyphens as spaces, its last word singular or plural ("cherries"/"cherry")."""
    words = _normal(item).split()
    article = ""
    if len(words) > 1 and words[0] == "the":
        words, article = words[1:], "(?:the )?"
    last = words[-1]
    forms = {last, last + "s"}
    for ending in ("es", "s"):
        if last.endswith(ending):
            forms.add(last[: -len(ending)])
    if last.endswith("ies"):
        forms.add(last[:-3] + "y")
    head = "".join(re.escape(word) + " " for word in words[:-1])
    tail = "(?:" + "|".join(re.escape(form) for form in sorted(forms, key=len, reverse=True)) + ")"
    return rf"(?<![a-z0-9']){article}{head}{tail}(?![a-z0-9'])"


def _mentions(text: str, item: str) -> bool:
    return re.search(_pattern(item), _normal(text)) is not None


# LIMIT-small has the item "Love"; the verb ("used to love X") names no item, only the noun does
_LOVE_NOUN = r"(?<![a-z])(?:in|a|my|her|his|their) loves?(?![a-z])|(?<![a-z])loves? (?:of|for)(?![a-z])"


def _items_in(text: str, items) -> list[str]:
    """The items a text names, in order; an item inside a longer named one does not count."""
    normal = _normal(text)
    found = [
        (m.start(), m.end(), item)
        for item in items
        for m in re.finditer(_LOVE_NOUN if item == "Love" else _pattern(item), normal)
    ]
    kept = [f for f in found if not any(o[0] <= f[0] and f[1] <= o[1] and o != f for o in found)]
    return [item for _, _, item in sorted(kept)]


@pytest.mark.parametrize("seed", SEEDS)
def test_every_liked_and_disliked_item_is_in_the_profile(people, seed):
    style = HeldOutStyleD()
    rng = random.Random(seed)
    for person in people:
        text = style.profile(person=person, rng=rng)
        missing = [item for item in person.likes + person.dislikes if not _mentions(text, item)]
        assert not missing, f"{person.name}: {missing} not in\n{text}"
        assert person.name.split()[0].lower() in text.lower()


@pytest.mark.parametrize("seed", SEEDS)
def test_a_profile_names_only_its_persons_likes_and_dislikes(people, limit_small, seed):
    """The sentences that state no preference (asides) only ever name a disliked item."""
    _, items_by_query = read_limit_profiles(limit_small)
    vocabulary = sorted(set(items_by_query.values()) | {item for person in people for item in person.likes})
    style = HeldOutStyleD()
    rng = random.Random(seed)
    for person in people:
        text = style.profile(person=person, rng=rng)
        for part in person.name.split():  # "Ruby Gaskin" names no rubies
            text = re.sub(rf"\b{re.escape(part)}\b", " ", text, flags=re.IGNORECASE)
        own = {_normal(item) for item in person.likes + person.dislikes}
        strangers = {item for item in _items_in(text, vocabulary) if _normal(item) not in own}
        assert not strangers, f"{person.name}: {strangers}\n{text}"


def test_edge_sized_people_render(people):
    """One like and no dislike, or one like and one dislike, in every kind of document."""
    style = HeldOutStyleD()
    for seed in range(60):
        for person in (Profile("Io Vance", ("Quokkas",)), Profile("Io Vance", ("Quokkas",), ("Tapirs",)),
                       Profile("Io Vance", ("Chess", "Tapirs"), ("the Chicago Cubs",))):
            text = style.profile(person=person, rng=random.Random(seed))
            assert all(_mentions(text, item) for item in person.likes + person.dislikes), text


class _Remembering(HeldOutStyleD):
    """Style D that remembers the dislikes it was given, by person."""

    def __init__(self) -> None:
        self.disliked: dict[str, tuple[str, ...]] = {}

    def profile(self, *, person: Profile, rng: random.Random) -> str:
        self.disliked[person.name] = person.dislikes
        return super().profile(person=person, rng=rng)


def test_disliked_items_are_written_but_never_relevant(limit_small):
    style = _Remembering()
    prose = prose_dataset(limit_small, style=style, seed=3)
    profiles, items_by_query = read_limit_profiles(limit_small)
    texts = {doc.id: doc.text for doc in prose.corpus}
    dislikers: dict[str, set[str]] = {}
    for doc_id, person in profiles.items():
        for item in style.disliked[person.name]:
            assert _mentions(texts[doc_id], item), (doc_id, item)
            dislikers.setdefault(item, set()).add(doc_id)
    assert sum(map(len, dislikers.values())) >= 2 * len(profiles)
    checked = 0
    for query_id, item in items_by_query.items():
        relevant = set(prose.qrels[query_id])
        assert not relevant & dislikers.get(item, set()), (query_id, item)
        checked += bool(dislikers.get(item))
    assert checked >= 50


def test_the_six_kinds_of_document_all_occur(limit_small):
    texts = [d.text for seed in SEEDS for d in prose_dataset(limit_small, style="heldout-d", seed=seed).corpus]
    kinds = {
        "dating": lambda t: re.fullmatch(r"\w+, \d\d", t.split("\n")[0]) is not None and "About me: " in t,
        "diary": lambda t: t.startswith(("Dear diary,", "Sunday, late.", "Notes to self", "Journal, page")),
        "write-up": lambda t: t.startswith(("A few words about", "Meet ", "Five stars for")) or " as seen by " in t.split(".")[0],
        "interview": lambda t: t.startswith("Five minutes with") and "\nINTERVIEWER: " in t,
        "cheat sheet": lambda t: "\n• " in t,
        "gift guide": lambda t: t.startswith("Buying a present for") and "Safe bets: " in t,
    }
    for kind, looks_like in kinds.items():
        assert sum(looks_like(t) for t in texts) >= 5, kind
    assert any(" I " in t for t in texts) and any(" they " in t.lower() for t in texts) and any(" she " in t for t in texts)
    assert any(re.search(r"never met an? [a-z]", t) for t in texts)  # an item in the singular
    assert any("; " in t for t in texts) and any(" — " in t for t in texts) and any("(and " in t for t in texts)


def test_questions_name_their_item_in_many_ways(limit_small):
    style = HeldOutStyleD()
    _, items_by_query = read_limit_profiles(limit_small)
    rng = random.Random(0)
    shapes = set()
    for item in sorted(set(items_by_query.values())):
        question = style.question(item=item, rng=rng)
        assert _mentions(question, item), (item, question)
        shapes.add(re.sub(re.escape(_normal(item)), "X", _normal(question)))
    assert len(shapes) >= 15
    asked = [style.question(item="River Otters", rng=rng) for _ in range(200)]
    assert any("river otters" in q for q in asked) and any('"River Otters"' in q for q in asked)
    assert not any(q.startswith("Who likes ") for q in asked)


def test_sentences_stating_no_preference_name_no_item(limit_small):
    profiles, items_by_query = read_limit_profiles(limit_small)
    items = set(items_by_query.values()) | set(likeable_things())
    for person in profiles.values():
        items |= set(person.likes)
    texts = heldout_d.NEUTRAL + heldout_d.TAGLINES + heldout_d.ASIDES
    assert len(heldout_d.NEUTRAL) >= 20
    for text in texts:
        words = re.sub(r"\{\w+\}|\[[^\]]*\]", " ", text)
        named = [item for item in items if _mentions(words, item)]
        assert not named, f"{text!r} names {named}"


def test_the_style_has_many_ways_to_say_it():
    assert len(set(heldout_d.LIKES + heldout_d.SINGULAR_LIKES)) >= 30
    assert len(set(heldout_d.DISLIKES + heldout_d.CONTRASTS)) >= 20
    assert len(heldout_d.LIKE_TAGS) >= 8 and len(heldout_d.DISLIKE_TAGS) >= 6
    assert len(heldout_d.QUESTIONS) >= 15
    assert all(len(heldout_d.PAIR_QUESTIONS[kind]) >= 4 for kind in ("and", "or", "but-not"))
