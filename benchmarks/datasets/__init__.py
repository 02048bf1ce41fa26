"""Datasets: the BEIR-layout loader, named datasets, and LIMIT-style generators."""

from .beir import load_beir, write_beir
from .dataset import Dataset
from .generator import GeneratorSpec, generate_limit_style
from .named import dataset_names, load_dataset
from .reconstruction import reconstruct_limit

__all__ = [
    "Dataset",
    "GeneratorSpec",
    "dataset_names",
    "generate_limit_style",
    "load_beir",
    "load_dataset",
    "reconstruct_limit",
    "write_beir",
]
