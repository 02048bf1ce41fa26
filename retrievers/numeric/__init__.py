"""Numeric constraints: a parser, a document check, and a retriever that filters.

Public API (stable; the agent layer imports exactly these names):

* :class:`Constraint` — frozen dataclass ``attribute``, ``operator`` (one of
  ``> >= < <= == between``), ``values`` (one, or two for ``between``; ``.value`` is
  the first), ``kind``, ``unit``, ``text``; ``describe()`` gives one readable line.
* :func:`parse_constraints` ``(text, *, strict=False) -> list[Constraint]`` — empty
  when the text asks for no numeric comparison; :func:`parse_report` also returns
  the problems (unknown unit ...) as readable lines; ``strict=True`` raises
  :class:`ConstraintParseError` instead.
* :func:`document_satisfies` ``(text, constraints) -> bool | None`` — None when the
  document states nothing about a constrained attribute.
* :class:`NumericRetriever` — the ``numeric`` retriever (index + search).
* :func:`extract_mentions` ``(text) -> tuple[Mention, ...]`` — what a text states.
"""

from .constraints import Constraint
from .extract import Mention, extract_mentions
from .parse import ConstraintParseError, ParseResult, parse_constraints, parse_report
from .retriever import NumericRetriever
from .satisfy import document_satisfies

__all__ = [
    "Constraint",
    "ConstraintParseError",
    "Mention",
    "NumericRetriever",
    "ParseResult",
    "document_satisfies",
    "extract_mentions",
    "parse_constraints",
    "parse_report",
]
