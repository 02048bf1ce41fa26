"""Judge by reading: does a document state that its subject likes a key phrase?

Text is tokenised and each token lower-cased and singularised with ``inflect``
(``"Quokkas" -> "quokka"``), so matching is robust to case and plural; a leading
article ("the Texas Rangers") is ignored. The phrase must occur as a contiguous token
sequence, and in a *list-like* document (LIMIT's "Ann likes A, B, ... and Z.") it must
be a whole list item — bounded by a comma, a connective ("and", "or") or the predicate
("likes") — so "Trees" does not match "Joshua Trees" while "Fish and Chips" still
matches "..., Fish and Chips, ...".

Polarity: the nearest preference word before the match decides (in a list, a
match with none before it — the person's name — is not a liked item). "likes"/"enjoys"
keep it positive; "not", "never", "dislikes", "doesn't" ... make it a negative
statement, which counts as *not* liking the phrase. A phrase that does not occur is
judged not liked (closed world: a profile lists what its person likes).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import inflect

__all__ = ["normalize_phrase", "phrase_liked", "DocumentView", "read_document"]

_TOKEN = re.compile(r"[a-z0-9]+(?:['’\-][a-z0-9]+)*|[,;]")
_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+")
_ARTICLES = frozenset({"the", "a", "an"})
_COMMA = ","
_ENGINE = inflect.engine()


@lru_cache(maxsize=65536)
def _normal_token(token: str) -> str:
    if token in (_COMMA, ";"):
        return _COMMA
    token = token.replace("’", "'")
    if len(token) <= 3 or not token.isalpha():
        return token
    singular = _ENGINE.singular_noun(token)
    return singular if isinstance(singular, str) and singular else token


def _tokens(text: str) -> tuple[str, ...]:
    return tuple(_normal_token(token) for token in _TOKEN.findall(text.lower()))


_CONNECTORS = frozenset(
    _tokens("and or also including especially plus like likes love loves enjoy enjoys adore adores prefer prefers")
) | {_COMMA}
_POSITIVE = frozenset(_tokens("like likes liking love loves enjoy enjoys adore adores prefer prefers fan fans into"))
_NEGATIVE = frozenset(
    _tokens(
        "not never no neither nor dislike dislikes hate hates detest detests loathe loathes "
        "doesn't don't didn't isn't aren't can't cannot"
    )
)


def normalize_phrase(phrase: str) -> tuple[str, ...]:
    """Tokens of ``phrase`` as matched against documents (no commas, no leading article)."""
    tokens = [t for t in _tokens(phrase) if t != _COMMA]
    while tokens and tokens[0] in _ARTICLES:
        tokens = tokens[1:]
    return tuple(tokens)


@dataclass(frozen=True, slots=True)
class DocumentView:
    """A document as the judge reads it: tokenised sentences, and whether it is a list."""

    sentences: tuple[tuple[str, ...], ...]
    is_list: bool


@lru_cache(maxsize=8192)
def read_document(text: str) -> DocumentView:
    sentences = tuple(t for t in (_tokens(s) for s in _SENTENCE.split(text)) if t)
    segments = [len(part) for sentence in sentences for part in _split(sentence)]
    # a profile of short comma-separated items, not prose
    is_list = len(segments) >= 3 and sorted(segments)[len(segments) // 2] <= 6
    return DocumentView(sentences=sentences, is_list=is_list)


def _split(sentence: tuple[str, ...]) -> list[tuple[str, ...]]:
    parts: list[tuple[str, ...]] = [()]
    for token in sentence:
        if token == _COMMA:
            parts.append(())
        else:
            parts[-1] += (token,)
    return [part for part in parts if part]


def phrase_liked(phrase: str, text: str) -> bool | None:
    """True if ``text`` states a liking for ``phrase``; False if absent or negated;
    None if the phrase has no words to look for."""
    wanted = normalize_phrase(phrase)
    if not wanted:
        return None
    view = read_document(text)
    for sentence in view.sentences:
        for start in _occurrences(sentence, wanted):
            if view.is_list and not _bounded(sentence, start, start + len(wanted)):
                continue
            polarity = _polarity(sentence, start)
            if polarity is None and not view.is_list:
                # prose may name the thing before the verb ("Opera is what Bob loves")
                polarity = any(t in _POSITIVE for t in sentence) and not any(t in _NEGATIVE for t in sentence)
            if polarity:
                return True
    return False


def _occurrences(sentence: tuple[str, ...], wanted: tuple[str, ...]):
    width = len(wanted)
    first = wanted[0]
    for index, token in enumerate(sentence):
        if token == first and sentence[index : index + width] == wanted:
            yield index


def _bounded(sentence: tuple[str, ...], start: int, end: int) -> bool:
    left = start - 1
    while left >= 0 and sentence[left] in _ARTICLES:
        left -= 1
    left_ok = left < 0 or sentence[left] in _CONNECTORS
    right_ok = end >= len(sentence) or sentence[end] in _CONNECTORS
    return left_ok and right_ok


def _polarity(sentence: tuple[str, ...], start: int) -> bool | None:
    """The nearest preference or negation word before ``start`` decides ("does not
    like X": a negation up to three words before the verb flips it); None if there is none
    (in a profile list that is the person's name, not a liked item)."""
    for position in range(start - 1, -1, -1):
        token = sentence[position]
        if token in _NEGATIVE:
            return False
        if token in _POSITIVE:
            return not any(t in _NEGATIVE for t in sentence[max(0, position - 3) : position])
    return None
