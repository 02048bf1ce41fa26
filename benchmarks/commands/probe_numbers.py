"""``limitbench probe-numbers``: how similarity follows number order (Jina AI, 2024)."""

from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer

__all__ = ["register"]


def register(app: typer.Typer) -> None:
    @app.command("probe-numbers")
    def probe_numbers(
        config: Optional[Path] = typer.Argument(None, help="probe config YAML (default: every built-in family, dense model)"),
        out: Optional[Path] = typer.Option(None, "--out", "-o", help="folder for probes.json and one PNG per family"),
        family: Optional[List[str]] = typer.Option(None, "--family", "-f", help="only these built-in families (repeatable)"),
        scorer: Optional[List[str]] = typer.Option(None, "--scorer", "-s",
                                                   help="scorers: dense, dense-question, bm25, colbert, colbert-question ... (repeatable)"),
    ) -> None:
        """Pairwise similarity of number strings against their index gap; writes probes.json and PNGs."""
        from limitbench.benchmarks.probes.config import build_probe_config, load_probe_config

        data = load_probe_config(config).model_dump(exclude_unset=True) if config else {}
        if family:
            data["families"] = list(family)
        if scorer:
            data["scorers"] = [_scorer_arg(name) for name in scorer]
        probe_config = build_probe_config(data, source=str(config) if config else "command line")
        from limitbench.benchmarks.probes.runner import run_probes

        directory = out or Path(probe_config.out)
        run_probes(probe_config, out=directory, log=typer.echo)
        typer.echo(f"wrote {directory / 'probes.json'} and {len(probe_config.families)} PNG(s)")


def _scorer_arg(text: str) -> dict:
    """``colbert-question`` is the question form of ``colbert``."""
    if text.endswith("-question"):
        return {"name": text[: -len("-question")], "form": "question"}
    return {"name": text}
