"""The free-embedding best case of Weller et al. (2025, "On the Theoretical Limitations
of Embedding-Based Retrieval", arXiv 2508.21038, section 4).

* :mod:`.pattern` — relevance patterns (all k-subsets, or a dataset's qrels)
* :mod:`.optimise` — free unit vectors, full-batch InfoNCE, Adam
* :mod:`.trials` — one cached optimisation attempt
* :mod:`.search` — critical n for one d (expanding, binary search, re-check)
* :mod:`.sweep` — every d through an executor; JSON, fit, plot
* :mod:`.fit`, :mod:`.plot`, :mod:`.paper` — the cubic fit, the figure, the published figures
* :mod:`.capacity` — the smallest d that realises a given dataset
"""

from .capacity import CapacityReport, measure_capacity
from .fit import CubicFit, extrapolate, fit_cubic
from .optimise import OptimiseSettings, Outcome, optimise
from .paper import PAPER_FIT, PAPER_TABLE6
from .pattern import RelevancePattern, all_subsets_pattern, pattern_from_qrels
from .search import CriticalN, SearchSettings, find_critical_n
from .sweep import SweepResult, parse_dims, run_sweep

__all__ = [
    "CapacityReport",
    "CriticalN",
    "CubicFit",
    "OptimiseSettings",
    "Outcome",
    "PAPER_FIT",
    "PAPER_TABLE6",
    "RelevancePattern",
    "SearchSettings",
    "SweepResult",
    "all_subsets_pattern",
    "extrapolate",
    "find_critical_n",
    "fit_cubic",
    "measure_capacity",
    "optimise",
    "parse_dims",
    "pattern_from_qrels",
    "run_sweep",
]
