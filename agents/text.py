"""Tokens as the reader sees them: normalised words with their place in the text.

Normalisation makes a phrase and its mention in a document compare equal despite the
surface variation ordinary prose has (the issue list of the reader: case, plural,
hyphens, apostrophes, contractions):

* lower case; curly quotes and apostrophes made straight;
* hyphens and slashes split words ("Stir-fries" -> "stir", "fry");
* contractions expanded ("can't" -> "can", "not"; "she's" -> "she", "be"); a possessive
  "'s" is dropped ("Children's" -> "children");
* forms of *be*, *have* and *do* become ``be``/``have``/``do`` (so predicates can be
  written once), every negation becomes ``not`` (except ``never``, ``no``, ``nor``,
  ``neither``, kept as they are);
* other words are singularised with ``inflect`` ("Quokkas" -> "quokka", "loves" -> "love").

Each :class:`Token` keeps its character span, so evidence can be quoted from the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import inflect

__all__ = ["Token", "tokenize", "tokenize_document", "normalize_phrase", "ARTICLES", "PUNCTUATION"]

_WORD = re.compile(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)*|[,;:!?.()\"“”—–&+]|(?<=\s)-(?=\s)")
_ENGINE = inflect.engine()

ARTICLES = frozenset({"the", "a", "an"})
PUNCTUATION = frozenset({",", ";", ":", "!", "?", ".", "(", ")", '"', "“", "”", "—", "–", "-"})

_BE = frozenset({"is", "are", "was", "were", "be", "been", "being", "am"})
_HAVE = frozenset({"has", "have", "had", "having"})
_DO = frozenset({"does", "do", "did"})
_CONTRACTED_NOT = {"can't": ("can", "not"), "cannot": ("can", "not"), "won't": ("will", "not"), "shan't": ("shall", "not"),
                   "ain't": ("be", "not")}
_SUFFIXES = {"'s": "be", "'re": "be", "'m": "be", "'ve": "have", "'d": "would", "'ll": "will"}
_IS_HOLDERS = frozenset({"she", "he", "it", "that", "who", "what", "there", "here", "this", "where", "everyone", "nobody"})
# never singularised: short function words and words inflect gets wrong
_KEEP = frozenset({"this", "his", "its", "us", "was", "has", "does", "is", "yes", "always", "perhaps", "series", "species",
                   "news", "less", "unless", "across", "plus", "thus", "whereas", "towards", "afterwards"})


@dataclass(frozen=True, slots=True)
class Token:
    """A normalised word (or punctuation mark) and its ``[start, end)`` span in the text."""

    norm: str
    start: int
    end: int
    capital: bool = False  # written with a capital letter (names, title-case items)


@lru_cache(maxsize=65536)
def _word_forms(raw: str) -> tuple[str, ...]:
    word = raw.lower().replace("’", "'")
    if word in _CONTRACTED_NOT:
        return _CONTRACTED_NOT[word]
    if word.endswith("n't"):
        stem = word[:-3]
        return (_base(stem), "not")
    for suffix, meaning in _SUFFIXES.items():
        if word.endswith(suffix) and len(word) > len(suffix):
            stem = word[: -len(suffix)]
            if suffix == "'s" and stem not in _IS_HOLDERS:
                return (_base(stem),)  # possessive: "Children's" -> "children"
            return (_base(stem), meaning)
    if "'" in word:
        word = word.replace("'", "")
    return (_base(word),)


def _base(word: str) -> str:
    if word in _BE:
        return "be"
    if word in _HAVE:
        return "have"
    if word in _DO:
        return "do"
    if word == "not" or word == "n't":
        return "not"
    if len(word) <= 3 or not word.isalpha() or word in _KEEP:
        return word
    singular = _ENGINE.singular_noun(word)
    return singular if isinstance(singular, str) and singular else word


@lru_cache(maxsize=16384)
def tokenize(text: str) -> tuple[Token, ...]:
    """Normalised tokens of ``text`` with their spans (hyphenated words split)."""
    tokens: list[Token] = []
    for match in _WORD.finditer(text):
        raw = match.group(0)
        if raw in "&+":  # "asymmetry & sapphires", "A + B": a list's "and"
            tokens.append(Token(norm="and", start=match.start(), end=match.end()))
            continue
        if raw in PUNCTUATION:
            tokens.append(Token(norm=raw, start=match.start(), end=match.end()))
            continue
        capital = raw[:1].isupper()
        for form in _word_forms(raw):
            tokens.append(Token(norm=form, start=match.start(), end=match.end(), capital=capital))
    return tuple(tokens)


def normalize_phrase(phrase: str) -> tuple[str, ...]:
    """Tokens of ``phrase`` as matched against documents: no punctuation, no leading article."""
    words = [t.norm for t in tokenize(_split_compounds(phrase)) if t.norm not in PUNCTUATION]
    while words and words[0] in ARTICLES:
        words = words[1:]
    return tuple(words)


def _split_compounds(text: str) -> str:
    """Hyphens and slashes inside words become spaces ("Stir-fries" -> "Stir fries")."""
    return re.sub(r"(?<=\w)[-/‐‑](?=\w)", " ", text)


def tokenize_document(text: str) -> tuple[Token, ...]:
    """:func:`tokenize` after splitting hyphenated compounds (spans still index ``text``,
    which has the same length after the replacement)."""
    return tokenize(_split_compounds(text))
