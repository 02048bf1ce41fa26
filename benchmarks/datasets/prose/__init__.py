"""Prose renderings of LIMIT-format data: styles written separately for development and
for held-out measurement (see :mod:`.base`)."""

from .base import Profile, ProseStyle
from .render import STYLES, compositional_set, prose_dataset, read_limit_profiles

__all__ = ["Profile", "ProseStyle", "STYLES", "prose_dataset", "compositional_set", "read_limit_profiles"]
