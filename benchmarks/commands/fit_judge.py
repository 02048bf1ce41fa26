"""``limitbench fit-judge``: fit the embedding judge's threshold on generated data."""

from __future__ import annotations

import json
from typing import Optional

import typer

__all__ = ["register"]


def register(app: typer.Typer) -> None:
    @app.command("fit-judge")
    def fit_judge(
        n_queries: int = typer.Option(300, help="generated queries (one item each)"),
        negatives: int = typer.Option(6, help="documents not mentioning the item, per query"),
        seed: int = typer.Option(0, help="generator seed"),
        model: Optional[str] = typer.Option(None, help="sentence model (default: the bundled MiniLM)"),
    ) -> None:
        """Fit the `embedding` judge's similarity threshold (best F1) on generated prose; prints JSON."""
        from ..judge_fit import fit_embedding_threshold

        print(json.dumps(fit_embedding_threshold(n_queries=n_queries, negatives_per_query=negatives, seed=seed, model=model), indent=2))
