"""A document being written: the facts it states, its distractors, its sentences."""

from __future__ import annotations

import random
import re

from ..facts import Distractor, Fact
from ..periods import Period
from ..units import to_canonical
from ..wording import pick

__all__ = ["Draft"]

HEDGES = ("about", "roughly", "around", "approx.", "~", "circa")


class Draft:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.facts: dict[str, Fact] = {}
        self.distractors: list[Distractor] = []
        self.sentences: list[str] = []
        self.categories: dict[str, str] = {}  # what the document is about ("body": "sedan")

    def categorise(self, **categories: str) -> None:
        self.categories.update(categories)

    def state(self, attribute: str, value: float, unit: str, forms: list[str], *, hedge: bool = False) -> str:
        """Record ``attribute`` = ``value`` (in ``unit``) and return how the text writes it."""
        words = pick(self.rng, forms)
        if hedge:
            words = f"{pick(self.rng, list(HEDGES))} {words}".replace("~ ", "~")
        canonical = to_canonical(value, unit)
        self.facts[attribute] = Fact.point(attribute, canonical, unit, words, approximate=hedge)
        return words

    def state_range(self, attribute: str, low: float, high: float, unit: str, words: str) -> str:
        self.facts[attribute] = Fact(attribute, to_canonical(low, unit), to_canonical(high, unit), unit, words)
        return words

    def state_period(self, attribute: str, period: Period) -> str:
        words = pick(self.rng, list(period.forms))
        self.facts[attribute] = Fact(attribute, period.first_day, period.last_day, period.grain, words)
        return words

    def distract(self, kind: str, words: str) -> str:
        self.distractors.append(Distractor(kind, words))
        return words

    def say(self, *sentences: str) -> None:
        self.sentences.extend(s for s in sentences if s)

    def maybe(self, probability: float) -> bool:
        return self.rng.random() < probability

    def text(self, *, keep_first: int = 1) -> str:
        """The sentences, the first ``keep_first`` in place and the rest shuffled."""
        head, tail = self.sentences[:keep_first], self.sentences[keep_first:]
        self.rng.shuffle(tail)
        # a sentence ending in an abbreviation ("p.a.", "approx.") takes no second full stop
        return re.sub(r"\.\.(?=\s|$)", ".", " ".join(head + tail))
