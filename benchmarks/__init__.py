"""limitbench.benchmarks: datasets, generators, metrics, the runner, reports and the CLI."""

from .config import RunConfig, load_config
from .datasets import Dataset, generate_limit_style, load_beir, load_dataset, reconstruct_limit
from .metrics import DEFAULT_METRICS, evaluate
from .runner import run_benchmark

__all__ = [
    "DEFAULT_METRICS",
    "Dataset",
    "RunConfig",
    "evaluate",
    "generate_limit_style",
    "load_beir",
    "load_config",
    "load_dataset",
    "reconstruct_limit",
    "run_benchmark",
]
