"""Template sets for the numeric benchmark (see :mod:`.base`), looked up by name.

``dev`` (:mod:`.dev`) is the set this project develops and tunes against; further sets
(held-out, written separately and used only to measure) register here or through the
entry-point group ``limitbench.numeric_templates``.
"""

from __future__ import annotations

from limitbench.retrievers.plugins import Registry

from .base import TemplateSet

__all__ = ["TEMPLATE_SETS", "TemplateSet"]

TEMPLATE_SETS: Registry[TemplateSet] = Registry(
    "numeric template set",
    protocol=TemplateSet,
    builtins={"dev": "limitbench.benchmarks.numeric.templates.dev:DevTemplates"},
    group="limitbench.numeric_templates",
)
