"""TREC run files and the file names of a run's outputs.

A TREC run line is ``qid Q0 docid rank score tag``, six fields separated by white space
(trec_eval's format), so an id holding a space, tab or newline would break its line.
Ids are therefore written with a reversible escape: ``%``, every white-space character
and every control character become ``%XX`` per UTF-8 byte (percent-encoding, RFC 3986
§2.1), everything else is kept — ``"A B"`` is written ``A%20B``, ``"A_B"`` stays
``A_B``, ``"50%"`` becomes ``50%25``; ``urllib.parse.unquote`` gives the id back.
"""

from __future__ import annotations

import unicodedata
from typing import Iterator

from limitbench.retrievers.types import Run

from .metrics import canonical_order

__all__ = ["trec_id", "trec_lines"]


def _needs_escape(char: str) -> bool:
    return char == "%" or char.isspace() or unicodedata.category(char).startswith("C")


def trec_id(identifier: str) -> str:
    """``identifier`` with ``%``, white space and control characters percent-encoded."""
    if not any(_needs_escape(char) for char in identifier):
        return identifier
    return "".join(
        "".join(f"%{byte:02X}" for byte in char.encode("utf-8", "surrogatepass")) if _needs_escape(char) else char for char in identifier
    )


def trec_lines(run: Run, tag: str) -> Iterator[str]:
    """The run as TREC lines, best first per query (ties by document id)."""
    tag = trec_id(tag)
    for query_id, scores in run.items():
        ranked = canonical_order(scores)  # the order the metrics were computed on
        shown_query = trec_id(query_id)
        for rank, (doc_id, score) in enumerate(ranked, start=1):
            yield f"{shown_query} Q0 {trec_id(doc_id)} {rank} {score:.6f} {tag}\n"
