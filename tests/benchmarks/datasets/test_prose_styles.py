"""Prose styles keep the contract of ``datasets.prose.base`` on official and generated data.

These test the *data*: every liked and disliked item is written into its profile, every
question names its item(s), qrels are those of the source, output is fixed by the seed,
and the words a style adds around the items name no item of the vocabulary. They say
nothing about any reader of the prose.
"""

from __future__ import annotations

import random
import re
from functools import lru_cache

import pytest

from limitbench.benchmarks.datasets import generate_limit_style, load_dataset
from limitbench.benchmarks.datasets.prose import (
    STYLES,
    Profile,
    ProseStyle,
    compositional_set,
    prose_dataset,
    read_limit_profiles,
)
from limitbench.benchmarks.datasets.prose import heldout_a, heldout_b
from limitbench.benchmarks.datasets.vocabulary import likeable_things

STYLE_NAMES = ("dev", "heldout-a", "heldout-b", "heldout-c", "heldout-d")
HELD_OUT = {"heldout-a": heldout_a, "heldout-b": heldout_b}


@lru_cache(maxsize=None)
def mention(item: str) -> re.Pattern[str]:
    """``item`` as the contract lets a style write it: any case, with or without a leading
    article, hyphens or spaces between its words, the last word singular or plural."""
    words = re.split(r"[\s-]+", item.strip().lower())
    article = ""
    if len(words) > 1 and words[0] in ("the", "a", "an"):
        words, article = words[1:], r"(?:(?:the|a|an)\s+)?"
    last = words[-1]
    forms = {last, last + "s", last + "es"}
    if last.endswith("ies"):
        forms.add(last[:-3] + "y")
    if last.endswith("es"):
        forms.add(last[:-2])
    if last.endswith("s"):
        forms.add(last[:-1])
    if last.endswith("y"):
        forms.add(last[:-1] + "ies")
    head = "".join(re.escape(word) + r"[\s-]+" for word in words[:-1])
    tail = "(?:" + "|".join(re.escape(form) for form in sorted(forms, key=len, reverse=True)) + ")"
    return re.compile(r"(?<!\w)" + article + head + tail + r"(?!\w)", re.IGNORECASE)


def mentions(text: str, item: str) -> bool:
    return bool(mention(item).search(text))


class Recording:
    """A style that passes everything through to ``style`` and remembers who it wrote."""

    def __init__(self, style: ProseStyle) -> None:
        self.style, self.name = style, style.name
        self.people: list[tuple[Profile, str]] = []
        self.pairs: list[tuple[str, str, str]] = []

    def profile(self, *, person: Profile, rng: random.Random) -> str:
        text = self.style.profile(person=person, rng=rng)
        self.people.append((person, text))
        return text

    def question(self, *, item: str, rng: random.Random) -> str:
        return self.style.question(item=item, rng=rng)

    def _pair(self, render, first: str, second: str, rng: random.Random) -> str:
        text = render(first=first, second=second, rng=rng)
        self.pairs.append((first, second, text))
        return text

    def question_and(self, *, first: str, second: str, rng: random.Random) -> str:
        return self._pair(self.style.question_and, first, second, rng)

    def question_or(self, *, first: str, second: str, rng: random.Random) -> str:
        return self._pair(self.style.question_or, first, second, rng)

    def question_but_not(self, *, first: str, second: str, rng: random.Random) -> str:
        return self._pair(self.style.question_but_not, first, second, rng)


@pytest.fixture(scope="module")
def generated():
    return generate_limit_style(n_relevant=14, k=2, n_queries=60, n_distractors=8, distractor_items=12, seed=5)


@pytest.fixture(params=["generated", "limit-small"])
def base(request, generated):
    if request.param == "generated":
        return generated
    limit_small_dir = request.getfixturevalue("limit_small_dir")  # skips without ../shared/data
    return load_dataset("limit-small", data_dir=limit_small_dir.parent)


@pytest.mark.parametrize("name", STYLE_NAMES)
def test_registered_and_keeps_the_protocol(name):
    style = STYLES.create(name)
    assert isinstance(style, ProseStyle)
    assert style.name == name


@pytest.mark.parametrize("name", STYLE_NAMES)
def test_deterministic_for_a_seed(name, base):
    first = prose_dataset(base, style=name, seed=3)
    again = prose_dataset(base, style=name, seed=3)
    other = prose_dataset(base, style=name, seed=4)
    assert first.fingerprint == again.fingerprint != other.fingerprint
    assert [d.text for d in first.corpus] != [d.text for d in other.corpus]
    assert [q.text for q in first.queries] != [q.text for q in other.queries]


@pytest.mark.parametrize("name", STYLE_NAMES)
def test_a_style_draws_only_from_the_rng_it_is_given(name, generated):
    style = STYLES.create(name)
    people, _ = read_limit_profiles(generated)
    person = next(iter(people.values()))
    random.seed(1)
    once = style.profile(person=person, rng=random.Random(9))
    random.seed(2)  # the global generator must not matter
    assert style.profile(person=person, rng=random.Random(9)) == once


@pytest.mark.parametrize("name", STYLE_NAMES)
@pytest.mark.parametrize("kind", ["and", "or", "but_not"])
def test_pair_questions_name_both_items_first_one_first(name, kind):
    ask = getattr(STYLES.create(name), f"question_{kind}")
    rng = random.Random(3)
    for _ in range(100):
        question = ask(first="Sea Anemones", second="the Chicago Cubs", rng=rng)
        first, second = mention("Sea Anemones").search(question), mention("the Chicago Cubs").search(question)
        assert first and second and first.start() < second.start(), (name, question)


@pytest.mark.parametrize("name", STYLE_NAMES)
def test_every_like_and_dislike_is_written(name, base):
    recording = Recording(STYLES.create(name))
    prose = prose_dataset(base, style=recording, seed=1)
    people, _ = read_limit_profiles(base)
    written = {doc.id: doc.text for doc in prose.corpus}
    assert [text for _, text in recording.people] == [written[doc.id] for doc in base.corpus]
    assert sum(len(person.dislikes) for person, _ in recording.people) >= len(base.corpus) * 2
    for doc, (person, text) in zip(base.corpus, recording.people):
        assert person.likes == people[doc.id].likes
        assert not {i.lower() for i in person.likes} & {i.lower() for i in person.dislikes}
        missing = [item for item in person.likes + person.dislikes if not mentions(text, item)]
        assert not missing, f"{name}, {doc.id}: {missing} not in {text!r}"


@pytest.mark.parametrize("name", STYLE_NAMES)
def test_questions_name_their_item_and_qrels_are_unchanged(name, base):
    prose = prose_dataset(base, style=name, seed=2)
    _, items = read_limit_profiles(base)
    assert [q.id for q in prose.queries] == [q.id for q in base.queries]
    assert [d.id for d in prose.corpus] == [d.id for d in base.corpus]
    assert prose.qrels == base.qrels
    assert prose.metadata["prose_style"] == name
    for query in prose.queries:
        assert mentions(query.text, items[query.id]), (name, query.text, items[query.id])


@pytest.mark.parametrize("name", STYLE_NAMES)
def test_compositional_questions_and_answers(name, base):
    recording = Recording(STYLES.create(name))
    dataset = compositional_set(base, style=recording, seed=0, per_kind=6)
    people, _ = read_limit_profiles(base)
    likers = {}
    for doc_id, person in people.items():
        for item in person.likes:
            likers.setdefault(item, set()).add(doc_id)
    assert [q.text for q in dataset.queries] == [text for _, _, text in recording.pairs]
    combine = {"and": set.__and__, "or": set.__or__, "but-not": set.__sub__}
    for query, (first, second, text) in zip(dataset.queries, recording.pairs):
        assert mentions(text, first) and mentions(text, second), text
        kind = query.id.rsplit("-", 1)[0]
        assert set(dataset.qrels[query.id]) == combine[kind](likers[first], likers[second])
    assert {q.id.rsplit("-", 1)[0] for q in dataset.queries} == set(combine)
    assert [d.text for d in dataset.corpus] == [d.text for d in prose_dataset(base, style=name, seed=0).corpus]
    assert [d.text for d in dataset.corpus] == [d.text for d in prose_dataset(base, style=name, seed=0).corpus]


@pytest.fixture(params=["generator", "limit-small"])
def vocabulary(request) -> tuple[str, ...]:
    """Items a rendered dataset may ask about: the generator's, or the official LIMIT-small ones."""
    if request.param == "generator":
        return likeable_things()
    limit_small_dir = request.getfixturevalue("limit_small_dir")  # skips without ../shared/data
    official = load_dataset("limit-small", data_dir=limit_small_dir.parent)
    return tuple(sorted({item for person in read_limit_profiles(official)[0].values() for item in person.likes}))


PLACEHOLDERS = tuple(f"Qzv{letter}x" for letter in "abcdefghijklmnopqrstuvwxyz")


@lru_cache(maxsize=None)
def _glue(name: str) -> str:
    """300 profiles and questions of style ``name`` about placeholder items, with the
    placeholders cut out: what the style itself wrote around the items."""
    style = STYLES.create(name)
    rng = random.Random(0)
    texts = []
    for index in range(300):
        likes = tuple(rng.sample(PLACEHOLDERS[:20], rng.randint(1, 20)))
        dislikes = tuple(rng.sample(PLACEHOLDERS[20:], rng.randint(0, 4)))
        texts.append(style.profile(person=Profile(name=f"Ada{index} Quill", likes=likes, dislikes=dislikes), rng=rng))
        texts.append(style.question(item=PLACEHOLDERS[0], rng=rng))
        for render in (style.question_and, style.question_or, style.question_but_not):
            texts.append(render(first=PLACEHOLDERS[0], second=PLACEHOLDERS[1], rng=rng))
    return re.sub("|".join(PLACEHOLDERS), " ", "\n".join(texts), flags=re.IGNORECASE)


# LIMIT-small has the item "Love"; the verb ("she loves X") is how English states a like and
# names no item, so for it only the noun counts ("in love with", "her love of").
# The same holds for the board game "Go" and the verb ("go hiking"): only the game counts.
NOUN_ONLY = {"love": re.compile(r"(?<!\w)(?:in|a|my|her|his|their|great|real) loves?(?!\w)|(?<!\w)loves? (?:of|for)(?!\w)", re.I),
             "go": re.compile(r"(?<!\w)(?:play|plays|playing|played|of|game) go(?!\w)", re.I)}


@pytest.mark.parametrize("name", STYLE_NAMES)
def test_words_around_the_items_name_no_item(name, vocabulary, request):
    """Neutral sentences and template words must not mention an item: a profile saying
    "loves to travel" would state a like of "Traveling" that the qrels do not have."""
    glue = _glue(name)
    found = sorted(
        item for item in vocabulary
        if (NOUN_ONLY[item.lower()].search(glue) if item.lower() in NOUN_ONLY else mentions(glue, item))
    )
    assert not found, f"{name}: template words mention items {found}"


@pytest.mark.parametrize("name", HELD_OUT)
def test_held_out_styles_are_varied(name):
    module = HELD_OUT[name]
    assert len(module.LIKE_PHRASES) + len(module.LIKE_FRAMES) >= 25
    assert len(module.DISLIKE_PHRASES) + len(module.DISLIKE_FRAMES) >= 12
    assert len(module.QUESTIONS) >= 12
    for pool in (module.QUESTIONS_AND, module.QUESTIONS_OR, module.QUESTIONS_BUT_NOT):
        assert len(pool) >= 4
    assert len(module.NEUTRAL) >= 8


def test_held_out_styles_do_not_share_templates():
    for pool in ("LIKE_PHRASES", "LIKE_FRAMES", "DISLIKE_PHRASES", "DISLIKE_FRAMES", "QUESTIONS", "QUESTIONS_AND",
                 "QUESTIONS_OR", "QUESTIONS_BUT_NOT", "NEUTRAL", "INTROS"):
        shared = set(getattr(heldout_a, pool)) & set(getattr(heldout_b, pool))
        assert not shared, (pool, shared)


@pytest.mark.parametrize("name", HELD_OUT)
def test_questions_use_many_phrasings(name):
    style = STYLES.create(name)
    rng = random.Random(1)
    shapes = {style.question(item="Qzvax", rng=rng).lower().replace("qzvax", "X") for _ in range(400)}
    assert len(shapes) >= 12


def test_matcher_allows_only_the_contract_variations():
    assert mentions("She adores river otters.", "River Otters")
    assert mentions("I love stand up comedy", "Stand-up Comedy")
    assert mentions("a fan of the Iron Age", "The Iron Age")
    assert mentions("a lot of quokka content", "Quokkas")
    assert mentions("Chips Ahoy! and more", "Chips Ahoy!")
    assert not mentions("She loves sea otters.", "River Otters")
    assert not mentions("onion ringside", "Onion Rings")
