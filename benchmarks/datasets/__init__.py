"""Datasets: the BEIR-layout loader, named datasets, and LIMIT-style generators."""

from .beir import load_beir, write_beir
from .dataset import Dataset

__all__ = ["Dataset", "load_beir", "write_beir"]
