"""The development template set (``dev``): the wording this project develops against.

Held-out sets are written separately, without reading this package or the system under
test, and are used only to measure (see :mod:`..base`).
"""

from __future__ import annotations

import random

from ...facts import Entity
from ...semantics import QuerySpec
from .documents import render_document
from .questions import render_query

__all__ = ["DevTemplates"]


class DevTemplates:
    """Shop pages, spec sheets, bios, CVs and event pages; shopper-style queries."""

    name = "dev"

    def document(self, *, entity: Entity, rng: random.Random) -> str:
        return render_document(entity, rng)

    def query(self, *, spec: QuerySpec, rng: random.Random) -> str:
        return render_query(spec, rng)
