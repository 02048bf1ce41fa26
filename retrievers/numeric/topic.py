"""What a document is about, scored against a numeric question's topic words.

When the topic names a *category* of :data:`CATEGORIES` (a documented table of kinds of
product, event and person with their synonyms: "phones" also finds "smartphone",
"headphones" also "earbuds"), a document scores by where it names that category: 1 in
its first sentence, 0.6 elsewhere, 0 not at all. Otherwise, by the topic's words:

The topic of "headphones whose battery lasts more than three days" is "headphones" (the
question's words minus its numbers, comparisons, question words and attribute words;
:func:`.parse.parse_report`). A document's relevance to it is

    topic(d) = sum_w idf(w) * place(w, d) / sum_w idf(w)

over the topic words ``w``, with ``idf(w) = ln((N + 1) / (df(w) + 0.5))`` (Robertson &
Spärck Jones' inverse document frequency) and ``place`` 1 when ``w`` is in the document's
first sentence — where a product page, CV or event page says what it is ("a compact
camera from Bralsiax") — 0.6 when it is only elsewhere ("50 MP main camera" in a phone's
page), 0 when absent. Words are compared singular and lower-case ("Laptops" = "laptop"),
which a keyword index without stemming would miss.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from typing import Sequence

from limitbench.retrievers.types import Document

from .attributes import entity_of
from .clauses import inflect_engine

__all__ = ["TopicIndex", "topic_words", "opening", "CATEGORIES", "categories_in"]

# category -> its names (singular; matched as whole words or word pairs)
CATEGORIES: dict[str, tuple[str, ...]] = {
    "headphones": ("headphone", "earbud", "earphone", "headset", "in-ear", "over-ear", "on-ear", "earpiece"),
    "laptop": ("laptop", "notebook", "ultrabook", "chromebook", "macbook"),
    "phone": ("phone", "smartphone", "handset", "cellphone", "mobile phone"),
    "camera": ("camera", "mirrorless", "dslr", "camcorder"),
    "monitor": ("monitor",),
    "tv": ("tv", "television"),
    "e-bike": ("e-bike", "ebike", "electric bike", "electric bicycle", "pedelec", "bike", "bicycle"),
    "coffee machine": ("coffee machine", "espresso machine", "coffee maker", "espresso maker", "bean-to-cup"),
    "smartwatch": ("smartwatch", "smart watch", "fitness watch", "fitness tracker", "sports watch", "gps watch"),
    "tablet": ("tablet",),
    "speaker": ("speaker", "soundbar"),
    "concert": ("concert", "gig", "live show"),
    "festival": ("festival",),
    "conference": ("conference", "summit", "convention", "meetup", "symposium"),
    "race": ("race", "marathon", "half marathon", "ultra", "trail run", "city run", "fun run", "10k", "5k"),
}

_WORD = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_FIRST_SENTENCE = re.compile(r"^.{0,160}?(?:[.!?](?:\s|$)|\n|$)|^.{160}", re.DOTALL)
ELSEWHERE = 0.6
# words that name no kind of thing in particular (the entity decides for them)
_GENERIC = frozenset("people person someone somebody anyone anybody who individual folk one thing item product event "
                     "device".split())


@lru_cache(maxsize=65536)
def _singular(word: str) -> str:
    if "-" in word:  # "e-bikes" -> "e-bike"
        head, _, last = word.rpartition("-")
        return f"{head}-{_singular(last)}"
    if len(word) <= 3 or not word.isalpha():
        return word
    singular = inflect_engine().singular_noun(word)
    return singular if isinstance(singular, str) and singular else word


def topic_words(text: str) -> list[str]:
    """Lower-case singular words of ``text``."""
    return [_singular(w) for w in _WORD.findall(text.lower())]


def opening(text: str) -> str:
    """Where a page says what it is: its first sentence (at most 160 characters)."""
    first = _FIRST_SENTENCE.match(text)
    return first.group(0) if first else text


def categories_in(words: list[str]) -> set[str]:
    """The categories whose names occur in ``words`` (single words or adjacent pairs)."""
    present = set(words) | {f"{a} {b}" for a, b in zip(words, words[1:])}
    return {category for category, names in CATEGORIES.items() if any(name in present for name in names)}


class TopicIndex:
    """Per document: its words and the words of its first sentence."""

    def __init__(self, corpus: Sequence[Document]) -> None:
        self.order = [doc.id for doc in corpus]
        self.words: dict[str, frozenset[str]] = {}
        self.opening: dict[str, frozenset[str]] = {}
        self.categories: dict[str, tuple[set[str], set[str]]] = {}  # (in the first sentence, anywhere)
        self.entities: dict[str, str] = {}
        frequency: dict[str, int] = {}
        for doc in corpus:
            text = doc.full_text
            everything = topic_words(text)
            first_words = topic_words(opening(text))
            self.words[doc.id] = frozenset(everything)
            self.opening[doc.id] = frozenset(first_words)
            self.categories[doc.id] = (categories_in(first_words), categories_in(everything))
            self.entities[doc.id] = entity_of(text)
            for word in self.words[doc.id]:
                frequency[word] = frequency.get(word, 0) + 1
        size = len(corpus)
        self.idf = {word: math.log((size + 1) / (count + 0.5)) for word, count in frequency.items()}

    def scores(self, topic: str, *, entity: str = "") -> dict[str, float]:
        """Each document's topic score in [0, 1] (documents scoring 0 left out). A topic
        with no category and no telling word ("people earning ...") scores documents
        about the same kind of thing (``entity``: person, event, product) 1."""
        asked = categories_in(topic_words(topic))
        if asked:
            return self._category_scores(asked)
        wanted = [w for w in dict.fromkeys(topic_words(topic)) if w in self.idf and w not in _GENERIC]
        if not wanted and entity in ("person", "event"):
            return {doc_id: 1.0 for doc_id in self.order if self.entities[doc_id] == entity}
        total = sum(max(self.idf[w], 0.0) for w in wanted)
        if total <= 0:
            return {}
        scores = {}
        for doc_id in self.order:
            found = sum(
                max(self.idf[w], 0.0) * (1.0 if w in self.opening[doc_id] else ELSEWHERE if w in self.words[doc_id] else 0.0)
                for w in wanted
            )
            if found > 0:
                scores[doc_id] = found / total
        return scores

    def _category_scores(self, asked: set[str]) -> dict[str, float]:
        scores = {}
        for doc_id in self.order:
            opening, anywhere = self.categories[doc_id]
            if asked & opening:
                scores[doc_id] = 1.0
            elif asked & anywhere:
                scores[doc_id] = ELSEWHERE
        return scores
