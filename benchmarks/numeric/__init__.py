"""The numeric-constraint retrieval benchmark (named dataset ``numeric``; see :mod:`.generator`)."""

from .generator import DEFAULT_OPTIONS, generate_numeric, load_default
from .templates import TEMPLATE_SETS, TemplateSet

__all__ = ["DEFAULT_OPTIONS", "TEMPLATE_SETS", "TemplateSet", "generate_numeric", "load_default"]
