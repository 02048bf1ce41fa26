"""Fixtures for the report tests: one real LIMIT-small run with four systems (its folder
is what the page is built from), and a headless Chromium driven by Selenium.

The browser is Debian's ``chromium`` with its ``chromedriver`` (``apt-get install
chromium chromium-driver``). Without them the browser tests skip and say why; with
``LIMITBENCH_REQUIRE_BROWSER=1`` (as in CI) a missing browser is a failure instead.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

from limitbench.benchmarks.config import build_config
from limitbench.benchmarks.runner import run_benchmark

SYSTEMS = ["bm25", "bm25[backend=rank_bm25]", "dense", "agent"]
CHROMIUM = os.environ.get("LIMITBENCH_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("LIMITBENCH_CHROMEDRIVER", "/usr/bin/chromedriver")
# the machine has no network: every background service of the browser is switched off
CHROMIUM_FLAGS = (
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-dev-shm-usage", "--window-size=1400,1000",
)


@pytest.fixture(scope="session")
def limit_small_run(limit_small_dir, cache_dir, tmp_path_factory) -> Path:
    """``limitbench run`` on LIMIT-small with bm25 (two backends), dense and the agent."""
    out = tmp_path_factory.mktemp("report-run") / "limit-small"
    config = build_config({
        "name": "limit-small-report", "data_dir": str(limit_small_dir.parent), "datasets": ["limit-small"],
        "retrievers": SYSTEMS, "k": 100, "metrics": ["R@2", "R@10", "nDCG@10"],
        "significance": {"baseline": "bm25"}, "out": str(out),
    })
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("LIMITBENCH_CACHE", str(cache_dir))
        run_benchmark(config, echo=lambda _: None, fresh=True)
    return out


def _browser_problem() -> str | None:
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (pip install -e '.[dev]')"
    for path in (CHROMIUM, CHROMEDRIVER):
        if not (os.path.isfile(path) and os.access(path, os.X_OK)):
            return f"{path} not found (apt-get install chromium chromium-driver)"
    return None


@pytest.fixture(scope="session")
def browser():
    """Headless Chromium with a fresh profile; skips (or fails, in CI) without one."""
    problem = _browser_problem()
    if problem:
        if os.environ.get("LIMITBENCH_REQUIRE_BROWSER") == "1":
            pytest.fail(f"LIMITBENCH_REQUIRE_BROWSER=1 but {problem}")
        pytest.skip(f"no browser for the report tests: {problem}")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="limitbench-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (*CHROMIUM_FLAGS, f"--user-data-dir={profile}"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.implicitly_wait(2)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)
