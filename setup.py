"""Map the repository's top-level folders into the single ``limitbench`` namespace.

pyproject.toml's ``package-dir`` maps ``limitbench.<folder>`` to ``<folder>``; this
file only lists their sub-packages, so a new sub-folder needs no edit here.
Nothing generic (``agents``, ``benchmarks``) is ever installed at top level.
"""

from setuptools import find_packages, setup

FOLDERS = ("retrievers", "agents", "benchmarks")

packages = [
    f"limitbench.{package}"
    for package in find_packages(include=[f"{folder}" for folder in FOLDERS] + [f"{folder}.*" for folder in FOLDERS])
]

setup(packages=packages)
