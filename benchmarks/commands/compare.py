"""``limitbench compare``: two runs of the same data on one HTML page."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

__all__ = ["register"]


def register(app: typer.Typer) -> None:
    @app.command("compare")
    def compare(
        run_a: Path = typer.Argument(..., help="the first run folder (A)"),
        run_b: Path = typer.Argument(..., help="the second run folder (B)"),
        out: Optional[Path] = typer.Option(None, "--out", "-o", help="where to write the page (default: ./compare-A-vs-B.html)"),
        test: str = typer.Option("t-test", "--test", help="paired test over queries: t-test or wilcoxon"),
    ) -> None:
        """Which queries changed between two runs, by how much, with a paired test per system and metric."""
        from ..reports.compare import write_comparison

        target = out or Path(f"compare-{run_a.resolve().name}-vs-{run_b.resolve().name}.html")
        path = write_comparison(run_a, run_b, target, test=test)
        typer.echo(f"comparison written to {path} ({path.stat().st_size / 1e6:.2f} MB)", err=True)
