"""``limitbench report``: rebuild a run's ``report.html`` from its folder."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

__all__ = ["register"]


def register(app: typer.Typer) -> None:
    @app.command("report")
    def report(
        run_dir: Path = typer.Argument(..., help="a folder written by 'limitbench run'"),
        out: Optional[Path] = typer.Option(None, "--out", "-o", help="where to write the page (default: RUN_DIR/report.html)"),
    ) -> None:
        """Rebuild the self-contained HTML report of a run from the files in its folder."""
        from ..reports.html import write_report

        path = write_report(run_dir, out=out)
        typer.echo(f"report written to {path} ({path.stat().st_size / 1e6:.2f} MB)", err=True)
