"""The boundary between a retriever (built-in or plug-in) and what uses its results.

A retriever's ``search`` must return ``{query_id: {doc_id: score}}`` with a ranking for
every query asked (``{}`` when it found nothing), only documents of the indexed corpus,
finite real scores and at most ``k`` documents per query. :func:`checked_run` checks all
of that in one place and returns a clean copy (plain ``str`` ids, ``float`` scores, so a
NumPy scalar cannot break JSON later); anything else is a :class:`RetrieverResultError`
naming the retriever, the query and the document. Without it, a NaN score silently
changed metrics, unknown ids scored zero, and a wrong shape crashed deep inside the
evaluation backend.

:func:`call_retriever` runs ``index``/``search`` of a retriever from outside limitbench so
that a crash in it is reported as one line naming the plug-in (limitbench's own retrievers
keep their traceback: a crash there is limitbench's bug).
"""

from __future__ import annotations

import math
import numbers
from typing import Any, Collection, Mapping, Sequence

from .errors import LimitbenchError
from .types import Query, Run

__all__ = ["RetrieverResultError", "checked_run", "call_retriever", "is_builtin"]


class RetrieverResultError(LimitbenchError):
    """A retriever returned results that break the protocol, or failed inside."""


def _shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def checked_run(
    run: Any, *, retriever: str, queries: Sequence[Query], corpus_ids: Collection[str], k: int
) -> Run:
    """``run`` checked against the protocol (see the module docstring), as a clean copy."""
    where = f"retriever {retriever!r}: search()"
    if not isinstance(run, Mapping):
        raise RetrieverResultError(f"{where} returned a {type(run).__name__}, not a dict {{query_id: {{doc_id: score}}}}")
    asked = [query.id for query in queries]
    asked_set = set(asked)
    unknown = [query_id for query_id in run if query_id not in asked_set]
    if unknown:
        raise RetrieverResultError(f"{where} returned a ranking for query {_shown(unknown[0])}, which was not asked "
                                   f"({len(unknown)} unknown query id(s))")
    missing = [query_id for query_id in asked if query_id not in run]
    if missing:
        raise RetrieverResultError(f"{where} returned no ranking for {len(missing)} of {len(asked)} queries "
                                   f"(first: {missing[0]!r}); return an empty dict for a query with no results")
    clean: Run = {}
    for query_id in asked:
        clean[query_id] = _checked_ranking(run[query_id], where=where, query_id=query_id, corpus_ids=corpus_ids, k=k)
    return clean


def _checked_ranking(ranking: Any, *, where: str, query_id: str, corpus_ids: Collection[str], k: int) -> dict[str, float]:
    if not isinstance(ranking, Mapping):
        raise RetrieverResultError(f"{where}: the ranking of query {query_id!r} is a {type(ranking).__name__}, "
                                   "not a dict {doc_id: score}")
    if len(ranking) > k:
        raise RetrieverResultError(f"{where} returned {len(ranking)} documents for query {query_id!r}, more than k={k}")
    row: dict[str, float] = {}
    for doc_id, score in ranking.items():
        if not isinstance(doc_id, str) or doc_id not in corpus_ids:
            raise RetrieverResultError(f"{where} returned document {_shown(doc_id)} for query {query_id!r}, "
                                       "which is not in the indexed corpus")
        if isinstance(score, bool) or not isinstance(score, numbers.Real):
            raise RetrieverResultError(f"{where}: the score of {doc_id!r} for query {query_id!r} is "
                                       f"{_shown(score)}, not a number")
        value = float(score)
        if not math.isfinite(value):
            raise RetrieverResultError(f"{where}: the score of {doc_id!r} for query {query_id!r} is {value}; "
                                       "scores must be finite")
        row[doc_id] = value
    return row


def is_builtin(obj: Any) -> bool:
    """Whether ``obj``'s class is one of limitbench's own."""
    return type(obj).__module__.split(".")[0] == "limitbench"


def call_retriever(retriever: Any, method: str, *, label: str, **arguments: Any) -> Any:
    """``retriever.<method>(**arguments)``; a plug-in's crash becomes one line naming it."""
    try:
        return getattr(retriever, method)(**arguments)
    except LimitbenchError as error:
        if label in str(error):
            raise
        try:  # the same error, saying which retriever it came from
            named = type(error)(f"retriever {label!r}: {error}")
        except Exception:
            raise error from None
        raise named from None
    except Exception as error:
        if is_builtin(retriever):
            raise
        reason = f"{type(error).__name__}: {error}".splitlines()[0][:200]
        raise RetrieverResultError(f"retriever {label!r}: {method}() failed ({reason})") from None
