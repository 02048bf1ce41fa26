"""The numeric-constraint retrieval benchmark (named dataset ``numeric``)."""

from .generator import DEFAULT_OPTIONS, generate_numeric, load_default

__all__ = ["DEFAULT_OPTIONS", "generate_numeric", "load_default"]
