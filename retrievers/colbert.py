"""Entry point ``colbert``: see :mod:`limitbench.retrievers.late_interaction`."""

from .late_interaction import ColBERTRetriever

__all__ = ["ColBERTRetriever"]
