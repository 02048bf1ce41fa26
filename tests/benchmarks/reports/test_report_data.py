"""report.html from a run folder: what the run writes for it, the JSON the page embeds
(checked against the folder's own files, and against hand-computed values on a
hand-written folder), and that it needs nothing from outside the file."""

from __future__ import annotations

import json
from urllib.parse import unquote
import re
import shutil
from pathlib import Path

import pytest

from limitbench.benchmarks.cli import main
from limitbench.benchmarks.reports.html import render_page, write_report
from limitbench.benchmarks.reports.report_data import read_run_folder, run_report_data
from limitbench.benchmarks.reports.run_files import safe_name
from limitbench.retrievers.errors import DataError

MB = 1_000_000


def embedded(page: str) -> dict:
    match = re.search(r'<script id="report-data" type="application/json">(.*?)</script>', page, re.DOTALL)
    assert match, "no embedded data"
    return json.loads(match.group(1))


def trec_rankings(path: Path, ids: dict[str, str]) -> dict[str, list[str]]:
    rankings: dict[str, list[tuple[int, str]]] = {}
    for line in path.read_text().splitlines():
        qid, _, doc, rank, _, _ = line.split()
        rankings.setdefault(qid, []).append((int(rank), ids.get(doc, unquote(doc))))
    return {q: [d for _, d in sorted(docs)] for q, docs in rankings.items()}


# -- the real LIMIT-small run -----------------------------------------------------------------
def test_run_writes_extracts_traces_and_a_report_under_5_mb(limit_small_run: Path, limit_small_dir: Path) -> None:
    extract = limit_small_run / "datasets" / "limit-small"
    assert {p.name for p in extract.iterdir()} == {"docs.jsonl", "queries.jsonl", "qrels.json", "dataset.json"}
    corpus = {json.loads(line)["_id"]: json.loads(line)["text"] for line in (limit_small_dir / "corpus.jsonl").read_text().splitlines()}
    docs = [json.loads(line) for line in (extract / "docs.jsonl").read_text().splitlines()]
    assert all(doc["text"] == corpus[doc["_id"]] for doc in docs)  # full text in the folder
    assert len((extract / "queries.jsonl").read_text().splitlines()) == 1000
    assert json.loads((extract / "dataset.json").read_text())["documents"] == 46
    # only the agent keeps a trace; one line per graph step, never a document body
    assert [p.name for p in (limit_small_run / "traces" / "limit-small").iterdir()] == ["agent.jsonl"]
    trace = [json.loads(line) for line in (limit_small_run / "traces" / "limit-small" / "agent.jsonl").read_text().splitlines()]
    assert {record["query_id"] for record in trace} == {json.loads(line)["_id"] for line in (extract / "queries.jsonl").read_text().splitlines()}
    assert not any(corpus[doc] in json.dumps(trace) for doc in list(corpus)[:5])
    page = (limit_small_run / "report.html").read_text()
    size = len(page.encode())
    print(f"report.html for LIMIT-small x {len(embedded(page)['datasets'][0]['systems'])} systems: {size / MB:.2f} MB")
    assert size < 5 * MB


def test_page_loads_nothing_from_outside(limit_small_run: Path) -> None:
    page = (limit_small_run / "report.html").read_text()
    assert "default-src 'none'" in page  # the browser itself refuses any load
    # an address appears only as data (a dataset card's "url"), never as something to load
    assert not re.search(r"https?://", re.sub(r'"url":"https?://[^"]*"', "", page))
    assert not re.search(r"<(link|iframe|object|embed)\b", page)
    assert all(src.startswith("data:image/png;base64,") for src in re.findall(r'"src":"([^"]*)"', page))
    assert not re.search(r"<script[^>]+src=", page)


def test_embedded_data_matches_the_run_folder(limit_small_run: Path) -> None:
    data = embedded((limit_small_run / "report.html").read_text())
    rows = json.loads((limit_small_run / "results.json").read_text())
    assert [r["system"] for r in data["rows"]] == [r["retriever"] for r in rows]
    assert data["rows"][2]["metrics"]["R@2"] == round(rows[2]["metrics"]["R@2"], 2)
    assert data["rows"][2]["significance"]["R@2"]["significant"] is True  # dense vs bm25 on LIMIT-small
    assert any(p["name"] == "recall_vs_cost.png" for p in data["plots"])
    block = data["datasets"][0]
    docs = [d[0] for d in block["docs"]]
    qrels = json.loads((limit_small_run / "datasets" / "limit-small" / "qrels.json").read_text())
    underscored = {d.replace(" ", "_"): d for d in docs}
    for system in block["systems"]:
        rankings = trec_rankings(limit_small_run / "runs" / "limit-small" / f"{safe_name(system['name'])}.trec", underscored)
        per_query = json.loads((limit_small_run / "per_query" / "limit-small" / f"{safe_name(system['name'])}.json").read_text())
        for i, (qid, _) in enumerate(block["queries"]):
            assert [docs[d] for d in system["top"][i]] == rankings[qid][: block["top"]]
            relevant = [docs[d] for d, _ in block["relevant"][i]]
            assert set(relevant) == {d for d, g in qrels[qid].items() if g > 0}
            landed = [rankings[qid].index(d) + 1 if d in rankings[qid] else 0 for d in relevant]
            assert system["ranks"][i] == landed
            assert system["per_query"]["R@2"][i] == round(per_query[qid]["R@2"], 2)
    agent = next(s for s in block["systems"] if s["name"] == "agent")
    lines = [json.loads(line) for line in (limit_small_run / "traces" / "limit-small" / "agent.jsonl").read_text().splitlines()]
    first = block["queries"][0][0]
    assert [step["node"] for step in agent["trace"][0]] == [line["node"] for line in lines if line["query_id"] == first]
    assert all(s["trace"] is None for s in block["systems"] if s["name"] != "agent")


def test_limitbench_report_rebuilds_the_same_page(limit_small_run: Path, tmp_path: Path, capsys) -> None:
    copy = tmp_path / "limit-small"
    shutil.copytree(limit_small_run, copy)
    (copy / "report.html").unlink()
    with pytest.raises(SystemExit) as exit_info:
        main(["report", str(copy)])
    assert exit_info.value.code in (0, None)
    assert (copy / "report.html").read_bytes() == (limit_small_run / "report.html").read_bytes()
    assert "report written to" in capsys.readouterr().err


# -- a hand-written folder: values computed by hand --------------------------------------------
def write_folder(path: Path, *, trec: dict[str, str], per_query: dict[str, dict], trace: list[dict] | None = None,
                 fingerprint: str = "f" * 64, texts: dict[str, str] | None = None) -> Path:
    """Two queries, four documents ("Ann Lee" has a space, so TREC writes Ann%20Lee)."""
    texts = texts or {"Ann Lee": "Ann Lee likes Quokkas.", "Bo": "Bo likes Tapirs.", "Cy": "Cy likes Quokkas and Tapirs.", "Di": "Di likes Jazz."}
    rows = []
    for system in trec:
        rows.append({"dataset": "tiny", "retriever": system, "metrics": {"R@2": 50.0}, "cost": {"seconds_per_query": 0.01},
                     "k": 3, "queries": 2, "documents": 4, "dataset_fingerprint": fingerprint,
                     "oracle_hint": {"target_from_qrels": True},
                     "run": {"config": {"name": "tiny", "metrics": ["R@2"]}, "created": "2026-01-01T00:00:00+00:00"}})
        (path / "runs" / "tiny").mkdir(parents=True, exist_ok=True)
        (path / "runs" / "tiny" / f"{system}.trec").write_text(trec[system])
        (path / "per_query" / "tiny").mkdir(parents=True, exist_ok=True)
        (path / "per_query" / "tiny" / f"{system}.json").write_text(json.dumps(per_query[system]))
    (path / "results.json").write_text(json.dumps(rows))
    extract = path / "datasets" / "tiny"
    extract.mkdir(parents=True)
    (extract / "docs.jsonl").write_text("".join(json.dumps({"_id": d, "title": "", "text": t}) + "\n" for d, t in texts.items()))
    (extract / "queries.jsonl").write_text('{"_id": "q1", "text": "Who likes Quokkas?"}\n{"_id": "q2", "text": "Who likes Tapirs?"}\n')
    (extract / "qrels.json").write_text(json.dumps({"q1": {"Ann Lee": 1, "Cy": 1}, "q2": {"Bo": 1, "Cy": 1}}))
    if trace:
        (path / "traces" / "tiny").mkdir(parents=True)
        (path / "traces" / "tiny" / "agent.jsonl").write_text("".join(json.dumps(line) + "\n" for line in trace))
    return path


TREC = {
    "bm25": "q1 Q0 Ann%20Lee 1 2.0 bm25\nq1 Q0 Cy 2 1.5 bm25\nq1 Q0 Bo 3 0.1 bm25\nq2 Q0 Di 1 1.0 bm25\nq2 Q0 Bo 2 0.9 bm25\nq2 Q0 Ann%20Lee 3 0.5 bm25\n",
    "agent": "q1 Q0 Cy 1 3.0 agent\nq1 Q0 Di 2 2.0 agent\nq1 Q0 Ann%20Lee 3 1.0 agent\nq2 Q0 Bo 1 3.0 agent\nq2 Q0 Cy 2 2.0 agent\nq2 Q0 Di 3 1.0 agent\n",
}
PER_QUERY = {"bm25": {"q1": {"R@2": 100.0}, "q2": {"R@2": 50.0}}, "agent": {"q1": {"R@2": 50.0}, "q2": {"R@2": 100.0}}}
TRACE = [
    {"run": "r", "agent": "agent", "query_id": "q1", "step": 1, "node": "analyse", "plan": {"expression": '"Quokkas"'}},
    {"run": "r", "agent": "agent", "query_id": "q1", "step": 2, "node": "judge",
     "read": {"Cy": {"relevant": True, "reason": "says so", "by": "llm", "confidence": 0.9, "evidence": "likes Quokkas"}}},
    {"run": "r", "agent": "agent", "query_id": "q2", "step": 1, "node": "rank", "stop": "budget: docs_read", "novel_field": [1, 2]},
]


def test_hand_written_folder_gives_hand_computed_block(tmp_path: Path) -> None:
    folder = read_run_folder(write_folder(tmp_path / "run", trec=TREC, per_query=PER_QUERY, trace=TRACE))
    data = run_report_data(folder)
    block = data["datasets"][0]
    docs = [d[0] for d in block["docs"]]
    # qrels are numbered first (q1: Ann Lee, Cy; q2: Bo), then the rest in order of appearance
    assert docs == ["Ann Lee", "Cy", "Bo", "Di"]
    bm25, agent = block["systems"]
    assert bm25["top"] == [[0, 1, 2], [3, 2, 0]]  # Ann%20Lee in the TREC file is "Ann Lee"
    assert bm25["ranks"] == [[1, 2], [2, 0]]  # q2: Bo at 2, Cy not retrieved
    assert agent["ranks"] == [[3, 1], [1, 2]]
    assert agent["per_query"] == {"R@2": [50.0, 100.0]}
    # trace: grouped per query, run/agent/query_id dropped, unknown fields kept
    assert agent["trace"][0][1]["read"]["Cy"]["evidence"] == "likes Quokkas"
    assert agent["trace"][1] == [{"step": 1, "node": "rank", "stop": "budget: docs_read", "novel_field": [1, 2]}]
    assert bm25["trace"] is None
    assert data["rows"][0]["extra"] == {"oracle_hint": {"target_from_qrels": True}}
    assert block["docs"][0][1] == "Ann Lee likes Quokkas." and block["docs"][0][2] is False


def test_long_texts_are_truncated_in_the_page_only(tmp_path: Path) -> None:
    long = "Ann Lee likes " + ", ".join(f"thing {i}" for i in range(400)) + "."
    texts = {"Ann Lee": long, "Bo": "Bo.", "Cy": "Cy.", "Di": "Di."}
    data = run_report_data(read_run_folder(write_folder(tmp_path / "run", trec=TREC, per_query=PER_QUERY, texts=texts)))
    text, truncated = data["datasets"][0]["docs"][0][1:]
    assert truncated is True and long.startswith(text) and len(text) == 600
    assert json.loads((tmp_path / "run" / "datasets" / "tiny" / "docs.jsonl").read_text().splitlines()[0])["text"] == long


def test_page_text_cannot_close_its_script(tmp_path: Path) -> None:
    texts = {"Ann Lee": "</script><script>alert(1)</script><!--", "Bo": "Bo.", "Cy": "Cy & co.", "Di": "Di."}
    path = write_report(write_folder(tmp_path / "run", trec=TREC, per_query=PER_QUERY, texts=texts))
    page = path.read_text()
    assert page.count("</script>") == 2 and "<!--" not in page
    assert embedded(page)["datasets"][0]["docs"][0][1] == texts["Ann Lee"]


def test_folder_from_before_extracts_still_gives_a_page(tmp_path: Path) -> None:
    path = write_folder(tmp_path / "run", trec=TREC, per_query=PER_QUERY)
    shutil.rmtree(path / "datasets")
    block = run_report_data(read_run_folder(path))["datasets"][0]
    assert [q for q, _ in block["queries"]] == ["q1", "q2"] and block["relevant"] == [[], []]
    assert block["docs"][0] == ["Ann Lee", None, False]  # ids as the TREC file means them, no text


def test_bad_folders_are_named(tmp_path: Path, capsys) -> None:
    with pytest.raises(DataError, match="no results.json"):
        read_run_folder(tmp_path)
    path = write_folder(tmp_path / "run", trec={**TREC, "bm25": "q1 Q0 Cy\n"}, per_query=PER_QUERY)
    with pytest.raises(DataError, match=r"bm25\.trec, line 1: not a TREC run line"):
        read_run_folder(path)
    with pytest.raises(SystemExit) as exit_info:
        main(["report", str(path)])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "bm25.trec, line 1" in err and "Traceback" not in err


def test_render_page_is_one_self_contained_document() -> None:
    page = render_page({"kind": "run", "title": "t <b>", "rows": [], "datasets": [], "metrics": [], "plots": [], "runs": []})
    assert page.startswith("<!DOCTYPE html>") and "<title>limitbench · t &lt;b&gt;</title>" in page
    assert "<style>" in page and "STEP_VIEWS" in page
