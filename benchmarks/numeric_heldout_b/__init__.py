"""A second held-out numeric set (jobs, homes, used cars), written blind, for measurement only.

See :mod:`.generator`. It imports nothing from ``limitbench.agents`` or from the numeric
benchmark it measures, so nothing in it was tuned to the system under test.
"""

from .generator import generate_numeric_heldout_b, generate_records

__all__ = ["generate_numeric_heldout_b", "generate_records"]
