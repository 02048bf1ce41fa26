"""``limitbench perf``: the speed and memory benchmark (writes JSON)."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from limitbench.retrievers.errors import ConfigError

__all__ = ["register", "perf_table", "encoder_table"]


def _variant_label(name: str) -> str:
    return {"torch": "torch", "onnx-fp32": "onnx fp32", "onnx-int8": "onnx int8"}[name]


def encoder_table(report: dict) -> str:
    """torch vs onnx fp32 vs onnx int8: throughput, speed-up, projected 50k encode, LIMIT-small."""
    encoding = report["encoding"]
    small = report.get("limit_small", {})
    header = "| backend | forward (texts/s) | vs torch | pipeline (texts/s) | 50k cold encode (min) |"
    if "dense" in small:
        header += " dense R@2 / R@10 / R@20 | colbert R@2 / R@10 / R@20 |"
    lines = [header, "|" + "---|" * (header.count("|") - 1)]
    for name, variant in encoding["variants"].items():
        speedup = encoding["forward_speedup_vs_torch"].get(name, 1.0)
        row = (
            f"| {_variant_label(name)} | {variant['forward_texts_per_second']:.1f} | {speedup:.2f}x "
            f"| {variant['pipeline_texts_per_second']:.1f} | {variant['projected_50k_cold_encode_s'] / 60:.0f} |"
        )
        if "dense" in small:
            for family in ("dense", "colbert"):
                scores = small[family]["scores"][name]
                row += " " + " / ".join(f"{scores[m]:.2f}" for m in small["metrics"]) + " |"
        lines.append(row)
    return "\n".join(lines) + "\n"


def _encoder_rows(report: dict) -> list[tuple[str, str]]:
    encoding, memory = report["encoding"], report["large_document"]
    default = encoding["variants"]["onnx-fp32" if encoding["default_backend"] == "onnx" else "torch"]
    rows = [
        ("pipeline / forward, default backend (target >= 0.9)", f"{default['pipeline_vs_forward']:.2f}"),
        ("onnx fp32 / torch forward (target >= 1.8x)", f"{encoding['forward_speedup_vs_torch']['onnx-fp32']:.2f}x"),
        ("onnx int8 / torch forward (target >= 2.5x)", f"{encoding['forward_speedup_vs_torch']['onnx-int8']:.2f}x"),
    ]
    for family in ("dense", "colbert"):
        deltas = report.get("limit_small", {}).get(family, {}).get("delta_vs_torch")
        if deltas:
            for name, delta in deltas.items():
                shown = " / ".join(f"{value:+.2f}" for value in delta.values())
                rows.append((f"LIMIT-small {family} {_variant_label(name)} - torch (R@2 / R@10 / R@20)", shown))
    rows.append((
        f"peak RSS increase, one {memory['document_mb']:.0f} MB document: dense torch / dense onnx / colbert tokens (MB)",
        f"{memory['dense-torch']['peak_rss_increase_mb']:.0f} / {memory['dense-onnx']['peak_rss_increase_mb']:.0f} "
        f"/ {memory['colbert-tokens']['peak_rss_increase_mb']:.0f}",
    ))
    rows.append(("for scale: tokenising 5 MB of it whole, no clipping (MB)", f"{memory['tokenise_5mb_whole_peak_rss_increase_mb']:.0f}"))
    return rows


def perf_table(report: dict) -> str:
    rows = _encoder_rows(report)
    if "bm25" in report:
        bm25, dense, faiss = report["bm25"], report["dense"], report["faiss"]
        rows += [
            ("BM25 index, bm25s / rank-bm25 (s)", f"{bm25['bm25s']['index_seconds']:.1f} / {bm25['rank_bm25']['index_seconds']:.1f}"),
            ("BM25 search, bm25s / rank-bm25 (s)", f"{bm25['bm25s']['search_seconds']:.2f} / {bm25['rank_bm25']['search_seconds']:.1f}"),
            ("BM25 search speed-up (target >= 20x)", f"{bm25['search_speedup']:.0f}x"),
            ("bm25s first call, one query incl. numba compile (s)", f"{bm25['bm25s']['first_call_seconds']:.1f}"),
            (f"FAISS flat search, {faiss['queries']} queries x {faiss['documents']} docs (s)", f"{faiss['search_seconds']:.2f}"),
            ("dense run cold / cached (s)", f"{dense['cold_seconds']:.1f} / {dense['cached_seconds']:.2f}"),
            ("cached / cold (target < 5%)", f"{100 * dense['cached_vs_cold']:.1f}%"),
            ("peak RSS, BM25 rank-bm25 / dense cold (MB)", f"{bm25['rank_bm25']['peak_rss_mb']:.0f} / {dense['cold_peak_rss_mb']:.0f}"),
        ]
    extra = report.get("multivector")
    if extra:
        rows += [(f"multi-vector: {key}", f"{value:.3g}" if isinstance(value, float) else str(value)) for key, value in extra.items() if not isinstance(value, dict)]
    lines = ["| measurement | value |", "|---|---|"] + [f"| {name} | {value} |" for name, value in rows]
    return encoder_table(report) + "\n" + "\n".join(lines) + "\n"


def register(app: typer.Typer) -> None:
    @app.command("perf")
    def perf(
        out: Path = typer.Option(Path("runs/perf/perf.json"), "--out", "-o", help="JSON file to write"),
        documents: int = typer.Option(50_000, help="size of the generated LIMIT-style corpus"),
        queries: int = typer.Option(1000, help="queries"),
        dense_docs: int = typer.Option(2000, help="documents encoded for the dense cold/cached runs"),
        encode_texts: int = typer.Option(1000, help="texts for the encoder comparison (torch / onnx fp32 / onnx int8)"),
        batch_size: int = typer.Option(64, help="encoding batch size"),
        threads: Optional[int] = typer.Option(None, help="threads for torch and onnxruntime (default: this machine's cores)"),
        data_dir: Optional[Path] = typer.Option(
            None, "--data-dir", help="folder holding limit-small/ for the metric deltas (else $LIMITBENCH_DATA_DIR)"
        ),
        large_document_mb: int = typer.Option(50, help="size of the one-document memory test (MB)"),
        encoders_only: bool = typer.Option(False, help="only the encoder comparison, LIMIT-small deltas and memory"),
        multivector: bool = typer.Option(False, help="also benchmark the late-interaction path"),
    ) -> None:
        """Measure encoders (torch vs onnx), BM25, FAISS and caching on a generated corpus; write JSON and a table."""
        from limitbench.retrievers.atomic import atomic_write_json, atomic_write_text

        from ..datasets import generate_limit_style
        from ..perf import run_core_perf
        from ..publish import ensure_file_target

        ensure_file_target(out)  # a bad --out fails now, not after minutes of measuring
        if documents < 46 or queries < 1 or dense_docs < 1 or encode_texts < 1 or batch_size < 1:
            raise ConfigError("perf: --documents must be >= 46 and --queries, --dense-docs, --encode-texts, "
                              "--batch-size >= 1")

        dataset = generate_limit_style(
            name=f"generated-{documents}", n_relevant=46, n_queries=queries, n_distractors=documents - 46, distractor_items=40,
        )
        typer.echo(f"perf on {len(dataset.corpus)} documents, {len(dataset.queries)} queries", err=True)
        report = run_core_perf(
            dataset, dense_docs=dense_docs, encode_texts=encode_texts, batch_size=batch_size, threads=threads,
            data_dir=str(data_dir) if data_dir else None, large_document_mb=large_document_mb, encoders_only=encoders_only,
        )
        if multivector:
            from ..perf_multivector import run_multivector_perf

            report["multivector"] = run_multivector_perf(dataset=dataset, out_path=out.with_name("perf_multivector.json"), threads=threads)
        atomic_write_json(out, report)
        table = perf_table(report)
        atomic_write_text(out.with_suffix(".md"), table)
        typer.echo(table)
        typer.echo(f"wrote {out}", err=True)
