"""``limitbench probe-numbers``: how similarity follows number order (Jina AI, 2024).

Families of number strings (:mod:`.families`, a :class:`~limitbench.retrievers.plugins.Registry`
of built-ins and plug-ins), scorers (:mod:`.scorers`), order metrics (:mod:`.metrics`),
plots (:mod:`.plots`) and the runner (:mod:`.runner`)."""

from .families import FAMILIES, Family, FamilySpec

__all__ = ["FAMILIES", "Family", "FamilySpec"]
