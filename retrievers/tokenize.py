"""The word tokenizer shared by both BM25 backends, so their rankings can be compared
token for token (lower-cased ``\\w+`` runs, English stop words from bm25s removed)."""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["word_tokens"]

_WORD = re.compile(r"\w+", re.UNICODE)


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    from bm25s.stopwords import STOPWORDS_EN

    return frozenset(STOPWORDS_EN)


def word_tokens(text: str, *, stopwords: bool = True) -> list[str]:
    tokens = _WORD.findall(text.lower())
    if stopwords:
        drop = _stopwords()
        tokens = [token for token in tokens if token not in drop]
    return tokens
