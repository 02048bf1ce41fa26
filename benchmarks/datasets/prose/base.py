"""What a prose style is: how a person's likes and dislikes, and questions about them,
are put into ordinary English.

LIMIT (Weller et al. 2025, arXiv 2508.21038) writes every document from one template,
"<Name> likes A, B, ... and Z.", and every query as "Who likes X?". A reader tuned to
that template tells nothing about text written otherwise, so limitbench renders the same
people and qrels through *styles*: independently written sets of sentence templates and
word lists. A style is a small protocol; :mod:`.render` turns a LIMIT-format dataset into
prose with one. Styles never import the system under test (``limitbench.agents``).

Contract every style keeps (the qrels stay those of the source dataset):

* every liked item is stated as liked by the profile's person, and every disliked item as
  disliked, unambiguously for a human reader; no item is stated both ways;
* an item keeps its words: case, a leading article, singular/plural and hyphenation may
  vary, but no synonym replaces it;
* sentences that state no preference may be added, but they mention no item.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

__all__ = ["Profile", "ProseStyle"]


@dataclass(frozen=True, slots=True)
class Profile:
    """One person: a name, what they like, and what they dislike."""

    name: str
    likes: tuple[str, ...]
    dislikes: tuple[str, ...] = ()


@runtime_checkable
class ProseStyle(Protocol):
    """Sentence templates and word lists for profiles and questions."""

    name: str

    def profile(self, *, person: Profile, rng: random.Random) -> str:
        """The person's document: every like and dislike, in prose."""
        ...

    def question(self, *, item: str, rng: random.Random) -> str:
        """A question (or request) for the people who like ``item``."""
        ...

    def question_and(self, *, first: str, second: str, rng: random.Random) -> str:
        """... who like both items."""
        ...

    def question_or(self, *, first: str, second: str, rng: random.Random) -> str:
        """... who like at least one of the items."""
        ...

    def question_but_not(self, *, first: str, second: str, rng: random.Random) -> str:
        """... who like ``first`` and do not like ``second``."""
        ...
