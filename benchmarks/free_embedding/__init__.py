"""The free-embedding best case of Weller et al. (2025, "On the Theoretical Limitations
of Embedding-Based Retrieval", arXiv 2508.21038, section 4).

* :mod:`.pattern` — relevance patterns (all k-subsets, or a dataset's qrels)
* :mod:`.optimise` — free unit vectors, full-batch InfoNCE, Adam (the ``tuned`` protocol)
* :mod:`.paper_optimise`, :mod:`.paper_search` — the released script's optimiser and search
  (the ``paper`` protocol)
* :mod:`.trials` — one cached optimisation attempt
* :mod:`.search` — critical n for one d, tuned (expanding, binary search, re-check)
* :mod:`.sweep` — every d through an executor; JSON, fit, plot
* :mod:`.compare` — the two protocols beside Table 6
* :mod:`.fit`, :mod:`.plot`, :mod:`.paper` — the cubic fit, the figures, the published figures
* :mod:`.moment_curve`, :mod:`.margin`, :mod:`.bounds` — the constructive embedding, margins and
  rounding, known lower bounds
* :mod:`.capacity` — the smallest d that realises a given dataset, and by which method
"""

from .bounds import LowerBound, known_lower_bound
from .capacity import CapacityReport, measure_capacity
from .compare import ProtocolComparison, compare_protocols
from .fit import CubicFit, extrapolate, fit_cubic
from .margin import margin_summary
from .optimise import OptimiseSettings, Outcome, optimise
from .paper import PAPER_FIT, PAPER_TABLE6
from .paper_optimise import PaperSettings, optimise_paper
from .paper_search import find_critical_n_paper
from .pattern import RelevancePattern, all_subsets_pattern, pattern_from_qrels
from .search import CriticalN, SearchSettings, find_critical_n
from .sweep import SweepResult, parse_dims, run_sweep

__all__ = [
    "CapacityReport",
    "CriticalN",
    "CubicFit",
    "LowerBound",
    "OptimiseSettings",
    "Outcome",
    "PAPER_FIT",
    "PAPER_TABLE6",
    "PaperSettings",
    "ProtocolComparison",
    "RelevancePattern",
    "SearchSettings",
    "SweepResult",
    "all_subsets_pattern",
    "compare_protocols",
    "extrapolate",
    "find_critical_n",
    "find_critical_n_paper",
    "fit_cubic",
    "known_lower_bound",
    "margin_summary",
    "measure_capacity",
    "optimise",
    "optimise_paper",
    "parse_dims",
    "pattern_from_qrels",
    "run_sweep",
]
