"""``limitbench perf``: the speed and memory benchmark (writes JSON)."""

from __future__ import annotations

from pathlib import Path

import typer

from limitbench.retrievers.errors import ConfigError

__all__ = ["register", "perf_table"]


def perf_table(report: dict) -> str:
    bm25, encoding, dense, faiss = report["bm25"], report["encoding"], report["dense"], report["faiss"]
    rows = [
        ("BM25 index, bm25s / rank-bm25 (s)", f"{bm25['bm25s']['index_seconds']:.1f} / {bm25['rank_bm25']['index_seconds']:.1f}"),
        ("BM25 search, bm25s / rank-bm25 (s)", f"{bm25['bm25s']['search_seconds']:.2f} / {bm25['rank_bm25']['search_seconds']:.1f}"),
        ("BM25 search speed-up (target >= 20x)", f"{bm25['search_speedup']:.0f}x"),
        ("bm25s first call, one query incl. numba compile (s)", f"{bm25['bm25s']['first_call_seconds']:.1f}"),
        ("encoding, raw forward (texts/s)", f"{encoding['raw_forward_texts_per_second']:.1f}"),
        ("encoding, pipeline (texts/s)", f"{encoding['pipeline_texts_per_second']:.1f}"),
        ("pipeline / raw forward (target >= 0.9)", f"{encoding['pipeline_vs_raw']:.2f}"),
        (f"FAISS flat search, {faiss['queries']} queries x {faiss['documents']} docs (s)", f"{faiss['search_seconds']:.2f}"),
        ("dense run cold / cached (s)", f"{dense['cold_seconds']:.1f} / {dense['cached_seconds']:.2f}"),
        ("cached / cold (target < 5%)", f"{100 * dense['cached_vs_cold']:.1f}%"),
        ("peak RSS, BM25 rank-bm25 / dense cold (MB)", f"{bm25['rank_bm25']['peak_rss_mb']:.0f} / {dense['cold_peak_rss_mb']:.0f}"),
    ]
    extra = report.get("multivector")
    if extra:
        rows += [(f"multi-vector: {key}", f"{value:.3g}" if isinstance(value, float) else str(value)) for key, value in extra.items() if not isinstance(value, dict)]
    lines = ["| measurement | value |", "|---|---|"] + [f"| {name} | {value} |" for name, value in rows]
    return "\n".join(lines) + "\n"


def register(app: typer.Typer) -> None:
    @app.command("perf")
    def perf(
        out: Path = typer.Option(Path("runs/perf/perf.json"), "--out", "-o", help="JSON file to write"),
        documents: int = typer.Option(50_000, help="size of the generated LIMIT-style corpus"),
        queries: int = typer.Option(1000, help="queries"),
        dense_docs: int = typer.Option(2000, help="documents encoded for the dense cold/cached runs"),
        encode_texts: int = typer.Option(1000, help="texts for the pipeline-vs-raw encoding comparison"),
        batch_size: int = typer.Option(64, help="encoding batch size"),
        multivector: bool = typer.Option(False, help="also benchmark the late-interaction path"),
    ) -> None:
        """Measure BM25, encoding, FAISS and caching on a generated corpus; write JSON and a table."""
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
        report = run_core_perf(dataset, dense_docs=dense_docs, encode_texts=encode_texts, batch_size=batch_size)
        if multivector:
            from ..perf_multivector import run_multivector_perf

            report["multivector"] = run_multivector_perf(dataset=dataset, out_path=out.with_name("perf_multivector.json"))
        atomic_write_json(out, report)
        table = perf_table(report)
        atomic_write_text(out.with_suffix(".md"), table)
        typer.echo(table)
        typer.echo(f"wrote {out}", err=True)
