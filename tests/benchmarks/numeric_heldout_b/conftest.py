"""One generated set per session: generating takes seconds, every test reads the same one."""

from __future__ import annotations

import pytest

from limitbench.benchmarks.numeric_heldout_b import generate_numeric_heldout_b


@pytest.fixture(scope="session")
def heldout_b():
    return generate_numeric_heldout_b(seed=0)
