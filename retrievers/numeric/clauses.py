"""Clauses and the attribute their cue words name.

A quantity's attribute (height, salary, birth date ...) is read from the cue words of
its clause (:data:`.lexicon.ATTRIBUTE_CUES`), falling back to its sentence. Clauses
end at punctuation and at words that start a new statement ("and", "but", "who").
"""

from __future__ import annotations

import re
from functools import lru_cache

from . import lexicon

__all__ = ["clause_bounds", "clause_of", "sentence_of", "attribute_of", "inflect_engine"]


@lru_cache(maxsize=1)
def inflect_engine():
    """inflect's engine (singular and plural nouns: "3 children" counts a child)."""
    import inflect

    return inflect.engine()


_CLAUSE_BREAK = re.compile(r"[;!?]|\.(?=\s|$)|,|\band\b|\bbut\b|\bwhile\b|\bwhereas\b|\bwho\b|\bwhose\b|\bwith\b", re.IGNORECASE)


def clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    left = 0
    for match in _CLAUSE_BREAK.finditer(text, 0, start):
        left = match.end()
    following = _CLAUSE_BREAK.search(text, end)
    right = following.start() if following else len(text)
    return left, right


def clause_of(text: str, start: int, end: int) -> str:
    left, right = clause_bounds(text, start, end)
    return text[left:right]


def sentence_of(text: str, start: int, end: int) -> str:
    left = max((m.end() for m in re.finditer(r"[;!?]|\.(?=\s|$)", text[:start])), default=0)
    following = re.search(r"[;!?]|\.(?=\s|$)", text[end:])
    right = end + following.start() if following else len(text)
    return text[left:right]


def attribute_of(kind: str, text: str, span: tuple[int, int]) -> str:
    """The attribute named by cue words in the mention's clause, else its sentence."""
    start, end = span
    clause = text[slice(*clause_bounds(text, start, end))].replace(text[start:end], " ")
    found = lexicon.cue_attribute(kind, lexicon.tokens(clause))
    if found is None:
        sentence = sentence_of(text, start, end).replace(text[start:end], " ")
        found = lexicon.cue_attribute(kind, lexicon.tokens(sentence))
    if found is None and kind.startswith("count:"):
        return f"number of {inflect_engine().plural(kind.split(':', 1)[1])}"
    return found or lexicon.DEFAULT_ATTRIBUTE.get(kind, kind.split(":")[0])

