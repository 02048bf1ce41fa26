"""Datasets: the BEIR-layout loader, the catalogue of named datasets (cards over one
plug-in registry), and LIMIT-style generators."""

from .beir import load_beir, write_beir
from .dataset import Dataset, DatasetCard
from .generator import GeneratorSpec, generate_limit_style
from .named import CARDS, DATASETS, dataset_names, load_dataset
from .reconstruction import reconstruct_limit

__all__ = [
    "CARDS",
    "DATASETS",
    "Dataset",
    "DatasetCard",
    "GeneratorSpec",
    "dataset_names",
    "generate_limit_style",
    "load_beir",
    "load_dataset",
    "reconstruct_limit",
    "write_beir",
]
