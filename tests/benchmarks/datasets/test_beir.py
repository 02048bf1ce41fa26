import json

import pytest

from limitbench.benchmarks.datasets import load_beir, write_beir
from limitbench.retrievers import DataError


def _write(folder, corpus, queries, qrels, qrels_name="qrels.jsonl"):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "corpus.jsonl").write_text("".join(json.dumps(r) + "\n" for r in corpus))
    (folder / "queries.jsonl").write_text("".join(json.dumps(r) + "\n" for r in queries))
    if qrels_name.endswith(".tsv"):
        (folder / "qrels").mkdir(exist_ok=True)
        (folder / qrels_name).write_text("query-id\tcorpus-id\tscore\n" + "".join("\t".join(map(str, r)) + "\n" for r in qrels))
    else:
        (folder / qrels_name).write_text("".join(json.dumps(r) + "\n" for r in qrels))
    return folder


CORPUS = [{"_id": "a", "text": "Ann likes tea."}, {"_id": "b", "title": "T", "text": "Bo likes jam."}]
QUERIES = [{"_id": "q1", "text": "Who likes tea?"}, {"_id": "q2", "text": "Unjudged?"}]
QRELS = [{"query-id": "q1", "corpus-id": "a", "score": 1}]


def test_official_limit_small_loads(limit_small_dir):
    dataset = load_beir(limit_small_dir)
    assert (len(dataset.corpus), len(dataset.queries)) == (46, 1000)
    assert all(len(rel) == 2 for rel in dataset.qrels.values())


def test_tsv_qrels_and_unjudged_queries_dropped(tmp_path):
    folder = _write(tmp_path / "d", CORPUS, QUERIES, [("q1", "a", 1)], qrels_name="qrels/test.tsv")
    dataset = load_beir(folder)
    assert [q.id for q in dataset.queries] == ["q1"]
    assert dataset.qrels == {"q1": {"a": 1}}
    assert dataset.documents_by_id["b"].full_text == "T Bo likes jam."


def test_roundtrip_keeps_fingerprint(tmp_path):
    dataset = load_beir(_write(tmp_path / "d", CORPUS, QUERIES, QRELS))
    again = load_beir(write_beir(dataset, tmp_path / "copy"))
    assert again.fingerprint == dataset.fingerprint


@pytest.mark.parametrize(
    "corpus, queries, qrels, message",
    [
        (CORPUS + [CORPUS[0]], QUERIES, QRELS, r"corpus.jsonl:3: duplicate document id 'a'"),
        (CORPUS, QUERIES + [QUERIES[0]], QRELS, r"queries.jsonl:3: duplicate query id 'q1'"),
        (CORPUS, QUERIES, QRELS + [{"query-id": "qx", "corpus-id": "a"}], r"qrels.jsonl:2: qrel names unknown query 'qx'"),
        (CORPUS, QUERIES, QRELS + [{"query-id": "q1", "corpus-id": "zz"}], r"qrels.jsonl:2: qrel names unknown document 'zz'"),
        ([{"_id": "a"}], QUERIES, QRELS, r"corpus.jsonl:1: missing field 'text'"),
        ([], QUERIES, QRELS, r"corpus.jsonl: empty corpus"),
    ],
)
def test_bad_input_names_file_and_line(tmp_path, corpus, queries, qrels, message):
    with pytest.raises(DataError, match=message):
        load_beir(_write(tmp_path / "d", corpus, queries, qrels))


def test_malformed_json_line(tmp_path):
    folder = _write(tmp_path / "d", CORPUS, QUERIES, QRELS)
    (folder / "queries.jsonl").write_text('{"_id": "q1", "text": "x"}\n{oops\n')
    with pytest.raises(DataError, match=r"queries.jsonl:2: malformed JSON"):
        load_beir(folder)


def test_missing_file(tmp_path):
    folder = _write(tmp_path / "d", CORPUS, QUERIES, QRELS)
    (folder / "corpus.jsonl").unlink()
    with pytest.raises(DataError, match=r"corpus.jsonl: file not found"):
        load_beir(folder)
