"""The README's custom-retriever example, run exactly as written."""

import re
from pathlib import Path

from limitbench.benchmarks.config import RetrieverSpec
from limitbench.benchmarks.datasets import load_beir
from limitbench.benchmarks.runner import run_cell
from limitbench.retrievers import Retriever, create_retriever

README = Path(__file__).resolve().parent.parent / "README.md"


def _example_source() -> str:
    text = README.read_text(encoding="utf-8")
    match = re.search(r"<!-- example: custom-retriever -->\s*```python\n(.*?)```", text, re.DOTALL)
    assert match, "the README lost its custom-retriever example"
    return match.group(1)


def test_readme_example_is_short_and_runs(limit_small_dir):
    source = _example_source()
    code_lines = [line for line in source.splitlines() if line.strip() and not line.strip().startswith(("#", '"""'))]
    assert len(code_lines) <= 16  # "a ten-line example": ten lines of logic plus imports and signatures
    namespace: dict = {}
    exec(compile(source, "README.md", "exec"), namespace)
    retriever = create_retriever("first-words")
    assert isinstance(retriever, Retriever)
    cell = run_cell(load_beir(limit_small_dir), RetrieverSpec(name="first-words"), k=10, metrics=["R@10"])
    assert cell.row["retriever"] == "first-words"
    assert 0.0 < cell.row["metrics"]["R@10"] <= 100.0
