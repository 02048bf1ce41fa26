"""The README's custom-retriever example, run exactly as written — on generated data (so a
fresh clone runs it) and on official LIMIT-small when ``../shared/data`` is there."""

import re
from pathlib import Path

import pytest

from limitbench.benchmarks.config import RetrieverSpec
from limitbench.benchmarks.datasets import generate_limit_style, load_beir
from limitbench.benchmarks.runner import run_cell
from limitbench.retrievers import Retriever, create_retriever

README = Path(__file__).resolve().parent.parent / "README.md"


def _example_source() -> str:
    text = README.read_text(encoding="utf-8")
    match = re.search(r"<!-- example: custom-retriever -->\s*```python\n(.*?)```", text, re.DOTALL)
    assert match, "the README lost its custom-retriever example"
    return match.group(1)


@pytest.mark.parametrize("source", ["generated", "limit-small"])
def test_readme_example_is_short_and_runs(source, request):
    example = _example_source()
    code_lines = [line for line in example.splitlines() if line.strip() and not line.strip().startswith(("#", '"""'))]
    assert len(code_lines) <= 16  # "a ten-line example": ten lines of logic plus imports and signatures
    namespace: dict = {}
    exec(compile(example, "README.md", "exec"), namespace)
    retriever = create_retriever("first-words")
    assert isinstance(retriever, Retriever)
    dataset = (
        load_beir(request.getfixturevalue("limit_small_dir"))
        if source == "limit-small"
        else generate_limit_style(n_relevant=20, n_queries=40, n_distractors=30, distractor_items=10, seed=1)
    )
    cell = run_cell(dataset, RetrieverSpec(name="first-words"), k=10, metrics=["R@10"])
    assert cell.row["retriever"] == "first-words"
    assert 0.0 < cell.row["metrics"]["R@10"] <= 100.0
