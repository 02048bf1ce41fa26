"""Every bad input the hardening issue catalogued, and more, through the real command line:
exit status 2, exactly one ``limitbench: error:`` line naming the file, line, field or
plug-in, no traceback, and an earlier output left exactly as it was. Tiny hand-made data,
BM25 only, so each case takes a second or two."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

CLI = [sys.executable, "-m", "limitbench.benchmarks.cli"]

CORPUS = [{"_id": "a", "title": "", "text": "Ann likes quokkas"}, {"_id": "b", "text": "Bo likes tapirs"},
          {"_id": "c", "text": "Cy likes jazz"}]
QUERIES = [{"_id": "q1", "text": "Who likes quokkas?"}, {"_id": "q2", "text": "Who likes tapirs?"}]
QRELS = [{"query-id": "q1", "corpus-id": "a", "score": 1}, {"query-id": "q2", "corpus-id": "b", "score": 1}]

PLUGINS = '''
import math


class Base:
    name = "base"

    def index(self, *, corpus):
        self.ids = [d.id for d in corpus]

    def search(self, *, queries, k):
        return {q.id: {d: 1.0 / (i + 1) for i, d in enumerate(self.ids[:k])} for q in queries}


class NaNScores(Base):
    def search(self, *, queries, k):
        return {q.id: {d: math.nan for d in self.ids[:k]} for q in queries}


class UnknownDocument(Base):
    def search(self, *, queries, k):
        return {q.id: {"nobody": 1.0} for q in queries}


class UnknownQuery(Base):
    def search(self, *, queries, k):
        return {**super().search(queries=queries, k=k), "ghost": {}}


class Empty(Base):
    def search(self, *, queries, k):
        return {}


class MoreThanK(Base):
    def search(self, *, queries, k):
        return {q.id: {d: 1.0 for d in self.ids} for q in queries}


class WrongShape(Base):
    def search(self, *, queries, k):
        return [[q.id, self.ids[0], 1.0] for q in queries]


class StringScores(Base):
    def search(self, *, queries, k):
        return {q.id: {d: "high" for d in self.ids[:k]} for q in queries}


class CrashesInIndex(Base):
    def index(self, *, corpus):
        raise ZeroDivisionError("boom")


class NoSearch:
    name = "nosearch"

    def index(self, *, corpus):
        pass


class Typed(Base):
    def __init__(self, *, depth: int = 3):
        self.depth = depth


NOT_A_CLASS = 42
'''


def _jsonl(rows) -> bytes:
    return "".join((row if isinstance(row, str) else json.dumps(row)) + "\n" for row in rows).encode()


def _dataset(root: Path, name: str, *, corpus=CORPUS, queries=QUERIES, qrels=QRELS, raw: dict | None = None) -> str:
    folder = root / name
    files = {"corpus.jsonl": _jsonl(corpus), "queries.jsonl": _jsonl(queries), "qrels.jsonl": _jsonl(qrels), **(raw or {})}
    for file_name, data in files.items():
        if data is not None:
            (folder / file_name).parent.mkdir(parents=True, exist_ok=True)
            (folder / file_name).write_bytes(data)
    return str(folder)


@pytest.fixture(scope="module")
def workspace(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("bad-input")
    (root / "plugins_bad.py").write_text(PLUGINS)
    (root / "plugins_raise.py").write_text("raise RuntimeError('fails on import')\n")
    (root / "plugins_syntax.py").write_text("def broken(:\n    pass\n")
    _dataset(root, "good")
    (root / "a-file").write_text("not a folder")
    return root


def limitbench(*args: str, root: Path, cwd: Path | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    environment = {**os.environ, "PYTHONPATH": os.pathsep.join([str(root), os.environ.get("PYTHONPATH", "")]), **(env or {})}
    return subprocess.run([*CLI, *args], capture_output=True, text=True, cwd=cwd or root, env=environment, timeout=300)


def _snapshot(folder: Path) -> dict[str, bytes] | None:
    if not folder.exists():
        return None
    return {str(path.relative_to(folder)): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


def _earlier_output(folder: Path) -> None:
    folder.mkdir(parents=True)
    (folder / "results.json").write_text("[]\n")
    (folder / "runs").mkdir()
    (folder / "runs" / "old.trec").write_text("q1 Q0 a 1 1.0 old\n")


def assert_one_clear_line(result: subprocess.CompletedProcess, expected: str) -> str:
    errors = [line for line in result.stderr.splitlines() if line.startswith("limitbench: error:")]
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    assert len(errors) == 1, result.stderr
    assert expected in errors[0], errors[0]
    return errors[0]


def check_bad_run(workspace: Path, tmp_path: Path, args: list[str], expected: str, **kwargs) -> str:
    out = tmp_path / "out"
    _earlier_output(out)
    before = _snapshot(out)
    line = assert_one_clear_line(limitbench(*args, "--out", str(out), root=workspace, **kwargs), expected)
    assert _snapshot(out) == before  # the earlier output is intact
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".out.limitbench-")]  # no staging left
    return line


BM25 = ["run", "-r", "bm25", "--k", "2", "-m", "R@1"]

DATA_CASES = {
    "text-null": ({"corpus": [{"_id": "a", "text": None}]}, "corpus.jsonl:1: field 'text' must be a string, got null"),
    "text-list": ({"corpus": [{"_id": "a", "text": ["x"]}]}, "corpus.jsonl:1: field 'text' must be a string, got list"),
    "id-null": ({"corpus": [{"_id": None, "text": "x"}]}, "corpus.jsonl:1: field '_id' must be a string or integer id, got null"),
    "id-float": ({"corpus": [{"_id": 1.5, "text": "x"}]}, "corpus.jsonl:1: field '_id' must be a string or integer id"),
    "id-empty": ({"corpus": [{"_id": "", "text": "x"}]}, "corpus.jsonl:1: field '_id' is empty"),
    "title-number": ({"corpus": [{"_id": "a", "text": "x", "title": 3}]}, "corpus.jsonl:1: field 'title' must be a string"),
    "query-id-null": ({"queries": [{"_id": None, "text": "x"}]}, "queries.jsonl:1: field '_id'"),
    "corpus-not-utf8": ({"raw": {"corpus.jsonl": _jsonl(CORPUS) + b'{"_id": "d", "text": "caf\xe9"}\n'}},
                        "corpus.jsonl:4: not UTF-8 (byte 0xe9"),
    "queries-not-utf8": ({"raw": {"queries.jsonl": b'{"_id": "q1", "text": "\xff"}\n'}}, "queries.jsonl:1: not UTF-8"),
    "qrels-not-utf8": ({"raw": {"qrels.jsonl": _jsonl(QRELS) + b"\x80\n"}}, "qrels.jsonl:3: not UTF-8"),
    "tsv-not-utf8": ({"raw": {"qrels.jsonl": None, "qrels/test.tsv": b"q1\ta\t1\nq2\t\xfe\t1\n"}}, "test.tsv:2: not UTF-8"),
    "score-fraction": ({"qrels": [{"query-id": "q1", "corpus-id": "a", "score": 0.7}]}, "qrels.jsonl:1: score 0.7 is not an integer"),
    "score-1e300": ({"qrels": [{"query-id": "q1", "corpus-id": "a", "score": 1e300}]}, "qrels.jsonl:1: score 1e+300 is out of range"),
    "score-text": ({"qrels": [{"query-id": "q1", "corpus-id": "a", "score": "abc"}]}, "qrels.jsonl:1: score 'abc' is not a number"),
    "score-nan": ({"qrels": ['{"query-id": "q1", "corpus-id": "a", "score": NaN}']}, "qrels.jsonl:1: malformed JSON (NaN"),
    "score-bool": ({"qrels": [{"query-id": "q1", "corpus-id": "a", "score": True}]}, "qrels.jsonl:1: score True"),
    "qrel-twice": ({"qrels": QRELS + [{"query-id": "q1", "corpus-id": "a", "score": 2}]},
                   "qrels.jsonl:3: ('q1', 'a') is judged twice (first on line 1)"),
    "all-grades-zero": ({"qrels": [{"query-id": "q1", "corpus-id": "a", "score": 0}]}, "no query has a relevant document"),
    "qrel-unknown-document": ({"qrels": QRELS + [{"query-id": "q1", "corpus-id": "zz"}]}, "qrels.jsonl:3: qrel names unknown document 'zz'"),
    "qrel-unknown-query": ({"qrels": QRELS + [{"query-id": "qx", "corpus-id": "a"}]}, "qrels.jsonl:3: qrel names unknown query 'qx'"),
    "duplicate-document": ({"corpus": CORPUS + [CORPUS[0]]}, "corpus.jsonl:4: duplicate document id 'a' (first on line 1)"),
    "empty-corpus-file": ({"raw": {"corpus.jsonl": b""}}, "corpus.jsonl: empty corpus"),
    "empty-queries-file": ({"raw": {"queries.jsonl": b"\n\n"}}, "queries.jsonl: no queries"),
    "empty-qrels-file": ({"raw": {"qrels.jsonl": b""}}, "qrels.jsonl: no qrels"),
    "tsv-four-columns": ({"raw": {"qrels.jsonl": None, "qrels/test.tsv": b"q1\t0\ta\t1\n"}}, "test.tsv:1: expected 3 tab-separated fields"),
    "lone-surrogate": ({"corpus": ['{"_id": "a", "text": "x\\ud800y"}']}, "corpus.jsonl:1: field 'text' holds a lone surrogate"),
    "json-array-line": ({"corpus": ["[1, 2]"]}, "corpus.jsonl:1: expected a JSON object"),
    "truncated-line": ({"raw": {"corpus.jsonl": _jsonl(CORPUS) + b'{"_id": "d", "te'}}, "corpus.jsonl:4: malformed JSON"),
}


@pytest.mark.parametrize("case", list(DATA_CASES))
def test_bad_data_file(workspace, tmp_path, case):
    files, expected = DATA_CASES[case]
    folder = _dataset(tmp_path, "data", **files)
    check_bad_run(workspace, tmp_path, [*BM25, "-d", folder], expected)


def test_a_folder_where_a_file_belongs(workspace, tmp_path):
    folder = Path(_dataset(tmp_path, "data", raw={"corpus.jsonl": None}))
    (folder / "corpus.jsonl").mkdir()
    check_bad_run(workspace, tmp_path, [*BM25, "-d", str(folder)], "corpus.jsonl: file not found")


CLI_CASES = {
    "metric-cutoff-zero": (["-m", "R@0"], "metric 'R@0': the cut-off must be a positive integer"),
    "metric-fraction-cutoff": (["-m", "nDCG@1.5"], "metric 'nDCG@1.5': the cut-off must be a positive integer"),
    "metric-unknown": (["-m", "Foo@3"], "unknown metric 'Foo@3'"),
    "baseline-unknown": (["--baseline", "nope"], "significance.baseline 'nope' is not a retriever of this run (labels: bm25)"),
    "option-type": (["-r", "bm25[k1=abc]"], "retriever 'bm25': option 'k1' must be float, got 'abc'"),
    "option-unknown": (["-r", "bm25[colour=red]"], "unknown option(s) colour"),
    "retriever-unknown": (["-r", "nope"], "unknown retriever 'nope'"),
    "retriever-empty": (["-r", ""], "retriever: a name is required"),
    "retriever-twice": (["-r", "bm25"], "two retrievers are both labelled 'bm25'"),
    "k-zero": (["--k", "0"], "--k must be a positive integer"),
    "k-negative": (["--k", "-3"], "--k must be a positive integer"),
    "k-not-a-number": (["--k", "abc"], "Invalid value for '--k'"),
    "max-queries-zero": (["--max-queries", "0"], "--max-queries must be >= 1"),
    "executor-unknown": (["-e", "slurm"], "unknown executor 'slurm'"),
    "workers-zero": (["-e", "process", "-w", "0"], "field workers"),
    "unknown-flag": (["--colour"], "No such option: --colour"),
    "dataset-empty-name": (["-d", ""], "dataset: a name or folder is required"),
    "dataset-missing-folder": (["-d", "./missing"], "missing: dataset directory not found"),
    "dataset-unknown-name": (["-d", "nope"], "unknown dataset 'nope'"),
    "dataset-plugin-missing": (["-d", "nomodule:load"], "dataset 'nomodule:load': cannot import module 'nomodule'"),
    "dataset-plugin-not-a-dataset": (["-d", "plugins_bad:Base"], "dataset 'plugins_bad:Base': the loader returned a Base, not a Dataset"),
    "plugin-raises-on-import": (["-r", "plugins_raise:X"], "retriever 'plugins_raise:X': cannot import module 'plugins_raise' (RuntimeError"),
    "plugin-syntax-error": (["-r", "plugins_syntax:X"], "retriever 'plugins_syntax:X': cannot import module 'plugins_syntax' (SyntaxError"),
    "plugin-not-a-class": (["-r", "plugins_bad:NOT_A_CLASS"], "'plugins_bad:NOT_A_CLASS' is a int, not a class or function"),
    "plugin-missing-class": (["-r", "plugins_bad:Nope"], "module 'plugins_bad' has no attribute 'Nope'"),
    "plugin-no-search": (["-r", "plugins_bad:NoSearch"], "NoSearch does not implement Retriever"),
    "plugin-option-type": (["-r", "plugins_bad:Typed[depth=deep]"], "option 'depth' must be int, got 'deep'"),
    "plugin-nan-scores": (["-r", "plugins_bad:NaNScores"], "retriever 'plugins_bad:NaNScores': search(): the score of 'a' for query 'q1' is nan"),
    "plugin-unknown-document": (["-r", "plugins_bad:UnknownDocument"], "returned document 'nobody' for query 'q1', which is not in the indexed corpus"),
    "plugin-unknown-query": (["-r", "plugins_bad:UnknownQuery"], "returned a ranking for query 'ghost', which was not asked"),
    "plugin-empty-run": (["-r", "plugins_bad:Empty"], "returned no ranking for 2 of 2 queries"),
    "plugin-more-than-k": (["-r", "plugins_bad:MoreThanK"], "returned 3 documents for query 'q1', more than k=2"),
    "plugin-wrong-shape": (["-r", "plugins_bad:WrongShape"], "search() returned a list, not a dict"),
    "plugin-string-scores": (["-r", "plugins_bad:StringScores"], "the score of 'a' for query 'q1' is 'high', not a number"),
    "plugin-crashes": (["-r", "plugins_bad:CrashesInIndex"], "retriever 'plugins_bad:CrashesInIndex': index() failed (ZeroDivisionError: boom)"),
}


@pytest.mark.parametrize("case", list(CLI_CASES))
def test_bad_command_line(workspace, tmp_path, case):
    args, expected = CLI_CASES[case]
    plugin = any(arg.startswith("plugins_") for arg in args)
    base = ["run", "--k", "2", "-m", "R@1"] if plugin else BM25
    dataset = [] if "-d" in args else ["-d", str(workspace / "good")]
    check_bad_run(workspace, tmp_path, [*base, *dataset, *args], expected)


def test_two_datasets_in_folders_of_the_same_name(workspace, tmp_path):
    first, second = _dataset(tmp_path / "x", "data"), _dataset(tmp_path / "y", "data")
    line = check_bad_run(workspace, tmp_path, [*BM25, "-d", first, "-d", second], "two datasets are both named 'data'")
    assert "'label'" in line


@pytest.mark.parametrize("label, expected", [("x" * 300, "at most 120 characters, this one has 300"),
                                             ("a\\nb", "must not hold control characters")])
def test_bad_labels(workspace, tmp_path, label, expected):
    config = tmp_path / "c.yaml"
    config.write_text(f'datasets: [{workspace / "good"}]\nretrievers: [{{name: bm25, label: "{label}"}}]\nk: 2\nmetrics: [R@1]\n')
    check_bad_run(workspace, tmp_path, ["run", str(config)], "c.yaml: field retrievers.0.label")


@pytest.mark.parametrize(
    "content, expected",
    [(b"name: x\n# caf\xe9\n", "c.yaml:2: not UTF-8 (byte 0xe9)"), (b"k: [1\n", "invalid YAML"), (b"- a\n", "must be a YAML mapping"),
     (b"retreivers: [bm25]\n", "field retreivers: Extra inputs"), (b"k: many\n", "field k"),
     (b"datasets: [{name: generated, options: {n_relevant: abc}}]\n", "dataset 'generated': option 'n_relevant' must be int")],
)
def test_bad_config_file(workspace, tmp_path, content, expected):
    config = tmp_path / "c.yaml"
    config.write_bytes(content)
    check_bad_run(workspace, tmp_path, ["run", str(config)], expected)


def test_official_name_on_other_files(workspace, tmp_path):
    _dataset(tmp_path / "shared", "limit-small")  # one relevant document per query: not the release
    check_bad_run(workspace, tmp_path, [*BM25, "-d", "limit-small", "--data-dir", str(tmp_path / "shared")],
                  "official limit-small has 2 per query")


def test_cache_that_is_a_file(workspace, tmp_path):
    (tmp_path / "cache").write_text("x")
    check_bad_run(workspace, tmp_path, [*BM25, "-d", str(workspace / "good")], "is a file, not a folder",
                  env={"LIMITBENCH_CACHE": str(tmp_path / "cache")})


@pytest.mark.parametrize("target, expected", [
    ("a-file", "exists and is not a folder"), ("/dev/null", "--out /dev/null: exists and is not a folder"),
    ("a-file/sub", "is a file, not a folder"), ("/proc/limitbench-out", "cannot write in /proc"),
    ("o" * 300, "longer than 255 bytes"), (".", "is the current folder or holds it"), ("good", "holds the input"),
])
def test_bad_out(workspace, tmp_path, target, expected):
    path = target if target.startswith("/") else str(workspace / target)
    before = _snapshot(workspace / "good")
    result = limitbench(*BM25, "-d", str(workspace / "good"), "--out", path, root=workspace)
    assert_one_clear_line(result, expected)
    assert (workspace / "a-file").read_text() == "not a folder" and _snapshot(workspace / "good") == before


def test_out_that_is_someone_elses_folder(workspace, tmp_path):
    out = tmp_path / "thesis"
    out.mkdir()
    (out / "chapter1.tex").write_text("precious")
    line = assert_one_clear_line(limitbench(*BM25, "-d", str(workspace / "good"), "--out", str(out), root=workspace),
                                 "holds no results.json")
    assert "choose a new or empty folder" in line and _snapshot(out) == {"chapter1.tex": b"precious"}


@pytest.mark.parametrize("args, expected", [
    (["generate", "--n-relevant", "0"], "generator: n_relevant must be >= 1"),
    (["generate", "--pattern", "nope"], "unknown qrel pattern 'nope'"),
    (["probe-numbers", "-f", "nope"], "unknown family 'nope'"),
    (["probe-numbers", "-f", "integers", "-s", "plugins_bad:NaNScores"], "retriever 'plugins_bad:NaNScores': search(): the score"),
    (["probe-numbers", "-f", "plugins_bad:Base", "-s", "bm25"], "probe family 'plugins_bad:Base'"),
    (["capacity", "good", "--dims", "abc"], "--dims: 'abc'"),
    (["perf", "--documents", "10"], "--documents must be >= 46"),
])
def test_other_commands(workspace, tmp_path, args, expected):
    out = tmp_path / ("perf.json" if args[0] == "perf" else "out")
    assert_one_clear_line(limitbench(*args, "--out", str(out), root=workspace), expected)
    assert not out.exists() and not [p for p in tmp_path.iterdir() if ".limitbench-" in p.name]


def test_nothing_but_good_files_is_accepted_and_written_as_it_should(workspace, tmp_path):
    """BOM, CRLF, a TSV header, ids with spaces, tabs, '%' and non-ASCII, a query whose only
    grade is 0 (left out and said so), and a label made from options."""
    folder = _dataset(
        tmp_path, "ids",
        corpus=[{"_id": "A B", "text": "Ann likes quokkas"}, {"_id": "A_B", "text": "Ann likes quokkas too"},
                {"_id": "Zoë\t名", "text": "tapirs"}, {"_id": "50%", "text": "jazz"}],
        queries=[{"_id": "q 1", "text": "Who likes quokkas?"}, {"_id": "q2", "text": "tapirs"}, {"_id": "q3", "text": "jazz"}],
        raw={"qrels.jsonl": None, "corpus.jsonl": b"\xef\xbb\xbf" + _jsonl(
            [{"_id": "A B", "text": "Ann likes quokkas"}, {"_id": "A_B", "text": "Ann likes quokkas too"},
             {"_id": "Zoë\t名", "text": "tapirs"}, {"_id": "50%", "text": "jazz"}]).replace(b"\n", b"\r\n"),
             "qrels/test.tsv": "query-id\tcorpus-id\tscore\r\nq 1\tA B\t1\r\nq2\tZoë\t名\t1\r\nq3\t50%\t0\r\n".encode()},
    )
    # the tab inside an id cannot be written in a TSV: that line is refused, naming it
    assert_one_clear_line(limitbench(*BM25, "-d", folder, "--out", str(tmp_path / "o1"), root=workspace),
                          "test.tsv:3: expected 3 tab-separated fields")
    (Path(folder) / "qrels" / "test.tsv").unlink()
    (Path(folder) / "qrels.jsonl").write_bytes(_jsonl([{"query-id": "q 1", "corpus-id": "A B", "score": 1},
                                                       {"query-id": "q2", "corpus-id": "Zoë\t名", "score": "1"},
                                                       {"query-id": "q3", "corpus-id": "50%", "score": 0}]))
    out = tmp_path / "out"
    result = limitbench("run", "-r", "bm25[k1=2.0]", "--k", "4", "-m", "R@1", "-d", folder, "--out", str(out), root=workspace)
    assert result.returncode == 0, result.stderr
    assert "(1 queries without a relevant document left out)" in result.stderr
    row = json.loads((out / "results.json").read_text())[0]
    assert row["retriever"] == "bm25[k1=2.0]" and row["dataset_card"]["kind"] == "local"
    assert row["dataset_metadata"] == {"queries_without_qrels": 0, "queries_without_relevant": 1}
    lines = (out / row["files"]["trec"]).read_text(encoding="utf-8").splitlines()
    assert all(len(line.split()) == 6 for line in lines)
    ids = {line.split()[2] for line in lines}
    assert {"A%20B", "A_B"} <= ids and "Zoë%09名" in ids
    from urllib.parse import unquote

    assert {unquote(i) for i in ids} <= {"A B", "A_B", "Zoë\t名", "50%"}
