"""The reader's core (``limitbench.agents.statements``): what a document says about a phrase.

Each case is a sentence a person might write, with the verdict a human reader gives."""

from __future__ import annotations

import pytest

from limitbench.agents.statements import CONFIDENCE, question_predicate, stance
from limitbench.agents.text import normalize_phrase

PROFILE = "Geneva Durben likes Quokkas, Joshua Trees, the Aztec Empire, Fish and Chips, Glasses and Elm Trees."


def verdict(phrase: str, text: str) -> bool | None:
    return stance(phrase, text).verdict


def test_case_plural_articles_in_a_closed_list() -> None:
    for phrase in ("quokka", "QUOKKAS", "The Aztec Empire", "aztec empire", "glass", "Elm Trees", "Fish and Chips"):
        assert verdict(phrase, PROFILE) is True, phrase
    assert normalize_phrase("The Elm Trees") == ("elm", "tree")


def test_closed_list_absence_is_contrary_but_open_prose_absence_is_unsure() -> None:
    assert verdict("Trees", PROFILE) is False  # only "Joshua Trees" and "Elm Trees"
    assert verdict("Tapirs", PROFILE) is False
    assert stance("Tapirs", PROFILE).confidence == CONFIDENCE["closed_list_absent"]
    assert verdict("Geneva Durben", PROFILE) is None  # the name is the subject, not a liked item
    prose = "Ann is fond of Opera. She has a soft spot for Jazz."
    assert verdict("Tapirs", prose) is None
    assert verdict("the", PROFILE) is None


@pytest.mark.parametrize(
    "text, phrase, expected",
    [
        ("Bo has always been drawn to Oceanic Trenches.", "oceanic trenches", True),
        ("This person has a soft spot for Barley, Kale and Limes.", "kale", True),
        ("Bo can't get enough of Fennel.", "fennel", True),  # a negation inside a liking idiom
        ("Bo never tires of Sudoku.", "sudoku", True),
        ("Bo would never say no to Dumplings.", "dumplings", True),
        ("Bo has never cared for Opera.", "opera", False),
        ("Bo is not a fan of Jazz.", "jazz", False),
        ("Bo isn't keen on Kale.", "kale", False),
        ("Bo can't stand Cilantro.", "cilantro", False),
        ("Bo would rather avoid Karaoke.", "karaoke", False),
        ("Bo has no patience for Golf.", "golf", False),
        ("Bo likes neither Yams nor Beets.", "beets", False),
        ("Bo loves Dogs but not Cats.", "cats", False),
        ("Bo loves Dogs but not Cats.", "dogs", True),
        ("Bo likes all fruit except Figs.", "figs", False),
        ("Chess is something he adores.", "chess", True),
        ("Few things make her happier than Tapirs.", "tapirs", True),
        ("Origami fascinates her.", "origami", True),
        ("Golf bores him to tears.", "golf", False),
        ("Quilts? She loves them.", "quilts", True),
        ("Her brother loves Barley.", "barley", None),  # someone else's liking
        ("Bo enjoys Stir-fries and Children's Books.", "stir fry", True),  # hyphen, plural
        ("Bo enjoys Stir-fries and Children's Books.", "Children's Books", True),  # apostrophe
        ("Bo loves Hot Chocolate.", "chocolate", None),  # part of a larger name, not a mention
        ("Bo adores Magic: The Gathering.", "Magic: The Gathering", True),
        ("Bo is really into Chips Ahoy!, Harmonicas and Pajamas.", "pajamas", True),
        ("Bo is not only fond of Tea but also of Coffee.", "tea", True),
    ],
)
def test_prose_statements(text: str, phrase: str, expected: bool | None) -> None:
    assert verdict(phrase, text) is expected


def test_evidence_span_and_confidence() -> None:
    text = "Bo grew up by the sea. He is not a fan of Jazz. He loves Opera."
    found = stance("jazz", text)
    assert found.verdict is False and found.confidence >= 0.8
    assert text[found.span[0] : found.span[1]] == "He is not a fan of Jazz."


def test_conflicting_statements_are_unsure() -> None:
    assert verdict("jazz", "Bo loves Jazz. Bo hates Jazz.") is None


def test_question_predicate_from_the_lexicon() -> None:
    assert question_predicate("Who would never say no to Quokkas")[0].strip() == "Quokkas"
    assert question_predicate("Who has never cared for Opera") == (" Opera", True)  # negated
    assert question_predicate("What time is it") is None


@pytest.mark.parametrize(
    "text, phrase, expected",
    [
        # semicolon lists: every part takes the clause that says it, however far back
        ("Mara is smitten with kites; ferries; lanterns; tapirs.", "tapirs", True),
        ("Top picks: kites; ferries; tapirs.", "tapirs", True),
        ("Red flags: kites; tapirs.", "tapirs", False),
        # a short tag closes a bare list
        ("- kites, tapirs (my jam)", "tapirs", True),
        ("- kites, tapirs - can't get enough", "tapirs", True),
        ("- tapirs — allergic, honestly", "tapirs", False),
        ("Kites, ferries & tapirs? I'm all in.", "tapirs", True),
        ("Tapirs? Not so much.", "tapirs", False),
        # idioms
        ("He would pick kites and tapirs over almost anything.", "tapirs", True),
        ("She would happily spend a whole weekend with tapirs.", "tapirs", True),
        ("They rate kites, ferries and tapirs very, very highly.", "tapirs", True),
        ("I rate tapirs highly.", "tapirs", True),
        ("He rhapsodises about tapirs to anyone who will listen.", "tapirs", True),
        ("She has never met a tapir she didn't like.", "tapir", True),
        # past liking, and "anything but"
        ("She used to love tapirs but has gone off them.", "tapirs", False),
        ("Anything but tapirs, please.", "tapirs", False),
        ("He enjoys anything but tapirs.", "tapirs", False),
        ("Skip anything involving kites or tapirs.", "tapirs", False),
    ],
)
def test_lists_tags_and_idioms(text: str, phrase: str, expected: bool | None) -> None:
    assert stance(phrase, text).verdict is expected, stance(phrase, text).reason
