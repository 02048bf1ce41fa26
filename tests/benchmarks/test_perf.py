"""``limitbench perf``'s encoder stage runs every backend on the same texts and writes
what the README table is made of (speed is measured there, never asserted here)."""

import json

import pytest
from typer.testing import CliRunner

from limitbench.benchmarks.cli import app
from limitbench.benchmarks.datasets import generate_limit_style
from limitbench.benchmarks.perf import ENCODER_VARIANTS, forward_seconds, run_encoder_perf, tokenised_batches
from limitbench.retrievers.encoder import DenseEncoder


@pytest.fixture(scope="module")
def texts():
    dataset = generate_limit_style(name="perf-test", n_relevant=10, n_queries=5, n_distractors=30, distractor_items=10)
    return [doc.full_text for doc in dataset.corpus[:24]]


def test_forward_batches_follow_encode_order(texts):
    encoder = DenseEncoder(backend="torch", use_cache=False, show_progress=False)
    batches = tokenised_batches(encoder, texts, 8)
    assert [len(b["input_ids"]) for b in batches] == [8, 8, 8]
    widths = [b["input_ids"].shape[1] for b in batches]
    assert widths == sorted(widths, reverse=True)  # longest texts first, as encode() batches them
    assert forward_seconds(encoder, batches) > 0


def test_encoder_report_covers_every_backend(texts, tmp_path):
    report = run_encoder_perf(texts, batch_size=8, threads=1, data_dir=str(tmp_path / "missing"), large_document_mb=1)
    encoding = report["encoding"]
    assert set(encoding["variants"]) == set(ENCODER_VARIANTS) and encoding["texts"] == len(texts)
    assert encoding["threads"] == {"torch": 1, "onnxruntime": 1}
    assert set(encoding["forward_speedup_vs_torch"]) == {"onnx-fp32", "onnx-int8"}
    for variant in encoding["variants"].values():
        assert variant["projected_50k_cold_encode_s"] == pytest.approx(50_000 / variant["pipeline_texts_per_second"])
    assert encoding["onnx_export_check"]["onnx-fp32"]["max_abs_diff_sentence"] <= 1e-4
    assert "limit-small" in report["limit_small"]["skipped"]  # no data: said so, not silently zero
    memory = report["large_document"]
    assert memory["document_mb"] > 0.9 and {"dense-torch", "dense-onnx", "colbert-tokens"} <= set(memory)
    assert set(report["encoder_targets"]) >= {"onnx_fp32_forward_at_least_1.8x_torch", "onnx_int8_forward_at_least_2.5x_torch"}


def test_cli_writes_json_and_table(tmp_path):
    out = tmp_path / "perf.json"
    result = CliRunner().invoke(app, [
        "perf", "--documents", "200", "--queries", "10", "--encode-texts", "16", "--batch-size", "8", "--threads", "1",
        "--large-document-mb", "1", "--encoders-only", "--data-dir", str(tmp_path), "--out", str(out),
    ])
    assert result.exit_code == 0, result.output
    report = json.loads(out.read_text())
    assert "bm25" not in report and report["machine"]["threads"] == 1
    table = out.with_suffix(".md").read_text()
    assert "| onnx int8 |" in table and "onnx fp32 / torch forward" in table
