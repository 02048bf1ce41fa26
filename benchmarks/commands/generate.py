"""``limitbench generate``: write a LIMIT-style dataset (or the 50k reconstruction) to disk."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

__all__ = ["register"]


def register(app: typer.Typer) -> None:
    @app.command("generate")
    def generate(
        out: Path = typer.Option(..., "--out", "-o", help="folder to write corpus.jsonl, queries.jsonl, qrels.jsonl"),
        n_relevant: int = typer.Option(46, help="people relevant to some query"),
        k: int = typer.Option(2, help="relevant documents per query"),
        n_queries: int = typer.Option(1000, help="queries (one attribute each)"),
        pattern: str = typer.Option("dense", help="qrel pattern: dense, random, cycle, disjoint"),
        items_per_doc: int = typer.Option(0, help="pad relevant documents to this many liked things (0: no padding)"),
        n_distractors: int = typer.Option(0, help="documents relevant to no query"),
        distractor_items: int = typer.Option(40, help="liked things per distractor"),
        seed: int = typer.Option(0, help="random seed (same seed, same data)"),
        reconstruct_from: Optional[Path] = typer.Option(
            None, help="instead: LIMIT-small folder to extend with distractors to --total documents"
        ),
        total: int = typer.Option(50_000, help="corpus size of the reconstruction"),
    ) -> None:
        """Generate LIMIT-style data in the BEIR/MTEB jsonl layout."""
        from ..datasets import generate_limit_style, reconstruct_limit, write_beir
        from ..publish import OutputFolder

        inputs = [reconstruct_from] if reconstruct_from is not None else []
        with OutputFolder.prepare(out, marker="corpus.jsonl", inputs=inputs) as output:  # checked before any work
            if reconstruct_from is not None:
                dataset = reconstruct_limit(reconstruct_from, total_documents=total, distractor_items=distractor_items,
                                            seed=seed)
            else:
                dataset = generate_limit_style(
                    n_relevant=n_relevant, k=k, n_queries=n_queries, pattern=pattern, items_per_doc=items_per_doc,
                    n_distractors=n_distractors, distractor_items=distractor_items, seed=seed,
                )
            write_beir(dataset, output.staging)
            output.commit()
        typer.echo(f"wrote {len(dataset.corpus)} documents, {len(dataset.queries)} queries to {out}/ "
                   f"(fingerprint {dataset.fingerprint[:12]})")
