"""Shared fixtures. Official LIMIT data is read from ``../shared/data`` (or
``$LIMITBENCH_SHARED_DATA``) and never copied into the repository."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
SHARED_DATA = Path(os.environ.get("LIMITBENCH_SHARED_DATA", REPO_ROOT.parent / "shared" / "data"))


@pytest.fixture(scope="session")
def shared_data_dir() -> Path:
    if not SHARED_DATA.is_dir():
        pytest.skip(f"official LIMIT data not found at {SHARED_DATA}")
    return SHARED_DATA


@pytest.fixture(scope="session")
def limit_small_dir(shared_data_dir: Path) -> Path:
    return shared_data_dir / "limit-small"


@pytest.fixture(scope="session")
def cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One embedding cache for the whole test session, so the model encodes each text once."""
    return tmp_path_factory.mktemp("cache")


@pytest.fixture(autouse=True)
def _isolated_cache(cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # tests never touch the user's ~/.cache/limitbench
    monkeypatch.setenv("LIMITBENCH_CACHE", str(cache_dir))
