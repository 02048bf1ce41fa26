"""What a template set is: how the benchmark's entities and queries are put into words.

The generator decides *what* is stated (:mod:`..world`) and *what* is asked
(:mod:`..queries`); the qrels follow from those alone (:mod:`..semantics`). A template
set only words them, so independently written sets — the ``dev`` set this project develops
against, and held-out sets written without reading it — give the same relevance on
different text. A template set never imports the system under test
(``limitbench.retrievers.numeric``, ``limitbench.agents``).

Contract every template set keeps:

* **documents** state every fact of the entity exactly once, with its exact value in its
  stated unit or in a form that converts exactly (2.5 hours as "2 hours 30 minutes"), at
  its stated precision (a ``quarter`` period as a quarter, not as a day in it), bound
  unmistakably to its attribute; a rating's scale is evident ("8.1/10"; a bare "user score
  8.1" only above 5); the entity's kind and category are evident to a reader; every
  distractor is worded as what it is (a warranty, a shipping time ...); no other number
  states a queried attribute; the document id never appears;
* **queries** name the kind or category (``spec.category`` None: any entity of the kind),
  every constraint with its operator's meaning as tabled in :mod:`..semantics`, and
  nothing else that restricts the answer.
"""

from __future__ import annotations

import random
from typing import Protocol, runtime_checkable

from ..facts import Entity
from ..semantics import QuerySpec

__all__ = ["TemplateSet"]


@runtime_checkable
class TemplateSet(Protocol):
    """Sentence templates and surface forms for documents and queries."""

    name: str

    def document(self, *, entity: Entity, rng: random.Random) -> str:
        """The text of the document about ``entity``."""
        ...

    def query(self, *, spec: QuerySpec, rng: random.Random) -> str:
        """``spec`` as a question or request."""
        ...
