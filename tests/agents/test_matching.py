"""Judging by reading: phrase in a profile, robust to case and plural, whole list
items only, negations respected."""

from __future__ import annotations

from limitbench.agents.matching import normalize_phrase, phrase_liked

PROFILE = "Geneva Durben likes Quokkas, Joshua Trees, the Aztec Empire, Fish and Chips, Glasses and Elm Trees."


def test_case_plural_and_articles() -> None:
    assert phrase_liked("quokka", PROFILE) is True
    assert phrase_liked("QUOKKAS", PROFILE) is True
    assert phrase_liked("The Aztec Empire", PROFILE) is True
    assert phrase_liked("aztec empire", PROFILE) is True
    assert phrase_liked("glass", PROFILE) is True
    assert normalize_phrase("The Elm Trees") == ("elm", "tree")


def test_whole_items_only() -> None:
    assert phrase_liked("Trees", PROFILE) is False  # only "Joshua Trees" and "Elm Trees"
    assert phrase_liked("Elm Trees", PROFILE) is True  # last item, after "and"
    assert phrase_liked("Fish and Chips", PROFILE) is True
    assert phrase_liked("Geneva Durben", PROFILE) is False  # the name is not a liked item
    assert phrase_liked("Tapirs", PROFILE) is False


def test_negation_and_prose() -> None:
    text = "Ann likes Opera, Jazz, and does not like Quokkas, Tapirs."
    assert phrase_liked("jazz", text) is True
    assert phrase_liked("quokkas", text) is False
    assert phrase_liked("tapirs", text) is False
    prose = "Bob enjoys hiking in the mountains but hates opera. He is not a fan of jazz."
    assert phrase_liked("hiking", prose) is True
    assert phrase_liked("opera", prose) is False
    assert phrase_liked("jazz", prose) is False


def test_phrase_without_words_is_undecidable() -> None:
    assert phrase_liked("the", PROFILE) is None
