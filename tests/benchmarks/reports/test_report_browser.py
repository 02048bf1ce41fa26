"""report.html in a real browser (Debian's headless Chromium through Selenium), opened
from disk with no network: the query view, the trace viewer, the disagreement filter,
sorting, the two-run page, and a screenshot that must not be blank.

Every expected value is read from the run folder's own files (TREC runs, qrels,
per-query metrics, the agent's trace), never from the page's embedded JSON.
"""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import numpy as np
import pytest
from test_report_data import PER_QUERY, TRACE, TREC, trec_rankings, write_folder  # same folder, on sys.path

from limitbench.benchmarks.reports.compare import write_comparison
from limitbench.benchmarks.reports.html import write_report
from limitbench.benchmarks.reports.run_files import safe_name


def open_report(browser, path: Path, fragment: str = "") -> None:
    browser.get("about:blank")  # a fresh page: no state kept from the previous test
    browser.get(path.resolve().as_uri() + fragment)


def css(browser, selector: str):
    from selenium.webdriver.common.by import By

    return browser.find_elements(By.CSS_SELECTOR, selector)


def choose(browser, select_id: str, value: str) -> None:
    from selenium.webdriver.support.select import Select

    Select(css(browser, f"#{select_id}")[0]).select_by_value(value)


def check_not_blank(png: bytes, path: Path) -> None:
    """Written to ``path`` (and $LIMITBENCH_SCREENSHOTS if set); a blank or one-colour
    page has (almost) no variance and few colours."""
    import matplotlib.image

    path.write_bytes(png)
    if os.environ.get("LIMITBENCH_SCREENSHOTS"):
        Path(os.environ["LIMITBENCH_SCREENSHOTS"]).mkdir(parents=True, exist_ok=True)
        (Path(os.environ["LIMITBENCH_SCREENSHOTS"]) / path.name).write_bytes(png)
    pixels = matplotlib.image.imread(io.BytesIO(png), format="png")[..., :3]
    gray = pixels.mean(axis=2)
    colours = np.unique((pixels * 255).astype(np.uint8).reshape(-1, 3), axis=0)
    assert pixels.shape[0] >= 600 and pixels.shape[1] >= 1000
    assert gray.std() > 0.05, f"screenshot looks blank (grey std {gray.std():.3f})"
    assert len(colours) > 100, f"screenshot has only {len(colours)} colours"


class RunFiles:
    """The expected values, from the run folder's files."""

    def __init__(self, run: Path) -> None:
        self.run = run
        extract = run / "datasets" / "limit-small"
        self.queries = {json.loads(line)["_id"]: json.loads(line)["text"] for line in (extract / "queries.jsonl").read_text().splitlines()}
        self.docs = {json.loads(line)["_id"]: json.loads(line)["text"] for line in (extract / "docs.jsonl").read_text().splitlines()}
        self.qrels = json.loads((extract / "qrels.json").read_text())
        self.trace = [json.loads(line) for line in (run / "traces" / "limit-small" / "agent.jsonl").read_text().splitlines()]

    def ranking(self, system: str) -> dict[str, list[str]]:
        return trec_rankings(self.run / "runs" / "limit-small" / f"{safe_name(system)}.trec", {d.replace(" ", "_"): d for d in self.docs})

    def per_query(self, system: str) -> dict[str, dict[str, float]]:
        return json.loads((self.run / "per_query" / "limit-small" / f"{safe_name(system)}.json").read_text())

    def disputed(self) -> str:
        """The first query where bm25 and dense differ on R@2."""
        bm25, dense = self.per_query("bm25"), self.per_query("dense")
        return next(q for q in self.queries if bm25[q]["R@2"] != dense[q]["R@2"])


@pytest.fixture(scope="module")
def files(limit_small_run: Path) -> RunFiles:
    return RunFiles(limit_small_run)


def test_query_view_shows_each_systems_top_documents(browser, files: RunFiles, tmp_path: Path) -> None:
    query = files.disputed()
    open_report(browser, files.run / "report.html", "#/queries")
    css(browser, "#query-search")[0].send_keys(files.queries[query])
    items = css(browser, ".query-item")
    assert query in [item.get_attribute("data-qid") for item in items]
    next(item for item in items if item.get_attribute("data-qid") == query).click()
    assert css(browser, "#query-text")[0].text == files.queries[query]
    relevant = {d for d, grade in files.qrels[query].items() if grade > 0}
    cards = css(browser, ".system-card")
    assert [card.get_attribute("data-system") for card in cards] == ["bm25", "bm25[backend=rank_bm25]", "dense", "agent"]
    for card in cards:
        system = card.get_attribute("data-system")
        rows = card.find_elements("css selector", ".doc-row")
        top10 = files.ranking(system)[query][:10]
        assert [row.get_attribute("data-doc") for row in rows] == top10
        marked = {row.get_attribute("data-doc") for row in rows if "relevant" in row.get_attribute("class").split()}
        assert marked == relevant & set(top10)
    # where the relevant documents landed: the rank of each in each full ranking
    landed = css(browser, "#landed tbody tr")[: len(relevant)]
    for row in landed:
        doc = row.find_elements("css selector", "td code")[0].text
        ranks = [cell.text for cell in row.find_elements("css selector", "td.rank")]
        expected = []
        for system in ("bm25", "bm25[backend=rank_bm25]", "dense", "agent"):
            ranking = files.ranking(system)[query]
            expected.append(f"#{ranking.index(doc) + 1}" if doc in ranking else "—")
        assert ranks == expected
    # the text of a document, on demand
    first = css(browser, '.system-card[data-system="dense"] .doc-row')[0]
    first.click()
    assert first.find_elements("css selector", ".doc-text")[0].text.startswith(files.docs[first.get_attribute("data-doc")][:60])
    check_not_blank(browser.get_screenshot_as_png(), tmp_path / "query-view.png")


def test_trace_viewer_shows_the_agents_steps(browser, files: RunFiles, tmp_path: Path) -> None:
    query = files.disputed()
    open_report(browser, files.run / "report.html", f"#/queries/0/{query}")
    css(browser, '.trace-button[data-system="agent"]')[0].click()
    steps = [line for line in files.trace if line["query_id"] == query]
    shown = css(browser, "#trace li.step")
    assert [li.get_attribute("data-node") for li in shown] == [line["node"] for line in steps]
    for li, line in zip(shown, steps):
        if line["node"] == "retrieve":
            assert line["tool"] in li.text and line["query"] in li.text and f"depth {line['depth']}" in li.text
        if line["node"] == "judge":
            judged = li.find_elements("css selector", "tr.judgment")
            assert [tr.get_attribute("data-doc") for tr in judged] == list(line["read"])
            for tr, verdict in zip(judged, line["read"].values()):
                assert ("✓ relevant" if verdict["relevant"] else "✗ not relevant") in tr.text
                assert verdict["reason"] in tr.text
        if line["node"] == "analyse":
            assert line["plan"]["expression"] in li.text
    stop = next(line["stop"] for line in reversed(steps) if line.get("stop"))
    summary = css(browser, ".trace-summary")[0].text
    assert stop in summary and f"{len(steps)}\nsteps" in summary
    check_not_blank(browser.get_screenshot_as_png(), tmp_path / "trace-view.png")


def test_disagreement_filter_lists_exactly_the_disputed_queries(browser, files: RunFiles) -> None:
    from selenium.webdriver.common.keys import Keys

    open_report(browser, files.run / "report.html", "#/queries")
    choose(browser, "filter-a", "bm25")
    choose(browser, "filter-b", "dense")
    choose(browser, "filter-metric", "R@2")
    bm25, dense = files.per_query("bm25"), files.per_query("dense")
    disputed = {q for q in files.queries if bm25[q]["R@2"] != dense[q]["R@2"]}
    assert css(browser, "#query-count")[0].text.startswith(f"{len(disputed)} of 1000 queries")
    shown = [item.get_attribute("data-qid") for item in css(browser, ".query-item")]
    assert set(shown) <= disputed and len(shown) == min(200, len(disputed))
    # the list keeps its order when a query is picked; the down key opens the next one
    css(browser, ".query-item")[0].click()
    css(browser, "body")[0].send_keys(Keys.ARROW_DOWN)
    assert css(browser, ".query-item.active")[0].get_attribute("data-qid") == shown[1]
    assert css(browser, "#query-text")[0].text == files.queries[shown[1]]
    choose(browser, "filter-mode", "b_better")  # dense better than bm25
    better = {q for q in disputed if dense[q]["R@2"] > bm25[q]["R@2"]}
    assert css(browser, "#query-count")[0].text.startswith(f"{len(better)} of 1000 queries")


def test_results_table_sorts_and_page_loads_nothing(browser, files: RunFiles, tmp_path: Path) -> None:
    open_report(browser, files.run / "report.html")
    rows = json.loads((files.run / "results.json").read_text())
    by_recall = sorted(rows, key=lambda r: -r["metrics"]["R@2"])
    css(browser, 'th[data-key="m:R@2"]')[0].click()  # metrics sort best first
    assert css(browser, "#results-table tbody tr.row-main")[0].get_attribute("data-system") == by_recall[0]["retriever"]
    css(browser, 'th[data-key="m:R@2"]')[0].click()
    assert css(browser, "#results-table tbody tr.row-main")[0].get_attribute("data-system") == by_recall[-1]["retriever"]
    # the dense row carries a significance mark against bm25
    assert css(browser, 'tr[data-system="dense"] .sig.down')
    assert css(browser, ".plots img")[0].get_attribute("src").startswith("data:image/png;base64,")
    # nothing was fetched: no resource besides the page itself, and no console error
    assert browser.execute_script("return performance.getEntriesByType('resource').length") == 0
    errors = [entry for entry in browser.get_log("browser") if entry["level"] == "SEVERE"]
    assert errors == []
    check_not_blank(browser.get_screenshot_as_png(), tmp_path / "results.png")


def test_trace_fields_the_viewer_does_not_know_are_still_shown(browser, tmp_path: Path) -> None:
    page = write_report(write_folder(tmp_path / "run", trec=TREC, per_query=PER_QUERY, trace=TRACE))
    open_report(browser, page, "#/queries/0/q1")
    css(browser, '.trace-button[data-system="agent"]')[0].click()
    judge = css(browser, '#trace li.step[data-node="judge"]')[0].text
    assert "likes Quokkas" in judge and "0.90" in judge and "✓ relevant" in judge  # evidence and confidence
    open_report(browser, page, "#/queries/0/q2")
    css(browser, '.trace-button[data-system="agent"]')[0].click()
    rank = css(browser, '#trace li.step[data-node="rank"]')[0].text
    assert "novel_field" in rank and "budget: docs_read" in rank


def test_two_run_page_lists_the_changed_queries(browser, tmp_path: Path) -> None:
    a = write_folder(tmp_path / "a", trec=TREC, per_query=PER_QUERY)
    better = {"bm25": {"q1": {"R@2": 100.0}, "q2": {"R@2": 100.0}}, "agent": PER_QUERY["agent"]}
    b = write_folder(tmp_path / "b", trec=TREC, per_query=better)
    page = write_comparison(a, b, tmp_path / "compare.html")
    open_report(browser, page, "#/changes")
    changed = css(browser, ".changed-query")
    assert [item.get_attribute("data-qid") for item in changed] == ["q2"]  # bm25 q2: 50 -> 100; agent unchanged
    table = css(browser, "#changes-table")[0].text
    assert "+25.00" in table  # mean over the two queries
    changed[0].click()
    assert css(browser, "#query-text")[0].text == "Who likes Tapirs?"
    assert css(browser, "#query-count")[0].text.startswith("1 of 2 queries where A · bm25 and B · bm25 differ")
