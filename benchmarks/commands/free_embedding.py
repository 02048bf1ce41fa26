"""``limitbench free-embedding``: critical n per dimension for free embeddings (k-subsets)."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

__all__ = ["register"]


def _seeds(text: Optional[str]) -> Optional[list[int]]:
    from limitbench.retrievers.errors import ConfigError

    if text is None:
        return None
    try:
        return [int(part) for part in text.split(",") if part.strip()]
    except ValueError:
        raise ConfigError(f"--seeds: {text!r} is not a comma-separated list of integers") from None


def register(app: typer.Typer) -> None:
    @app.command("free-embedding")
    def free_embedding(
        out: Path = typer.Option(..., "--out", "-o", help="folder for critical-n.json, critical-n.png and the caches"),
        dims: Optional[str] = typer.Option(None, "--dims", help="dimensions: a range 4-20, a list 4,8,16, or a mix"),
        config: Optional[Path] = typer.Option(None, "--config", "-c", help="YAML settings (configs/free-embedding.yaml)"),
        k: Optional[int] = typer.Option(None, "--k", help="relevant documents per query (the paper uses 2)"),
        seeds: Optional[str] = typer.Option(None, "--seeds", help="seeds tried per n, e.g. 0,1,2 (solved if any solves)"),
        protocol: Optional[str] = typer.Option(
            None, "--protocol", help="paper (the released script's optimiser and search; default), tuned, or both"),
        learning_rate: Optional[float] = typer.Option(None, "--lr", help="Adam learning rate"),
        temperature: Optional[float] = typer.Option(None, "--temperature", help="InfoNCE temperature"),
        patience: Optional[int] = typer.Option(None, "--patience", help="steps without loss improvement before giving up"),
        max_iterations: Optional[int] = typer.Option(None, "--max-iterations", help="step cap per attempt"),
        start: Optional[str] = typer.Option(None, "--start", help="tuned protocol: first n, fit (paper's cubic) or expand"),
        executor: Optional[str] = typer.Option(None, "--executor", "-e", help="sequential, process or ray"),
        workers: Optional[int] = typer.Option(None, "--workers", "-w", help="parallel workers (process, ray)"),
        device: Optional[str] = typer.Option(None, "--device", help="auto (GPU if present), cpu or cuda"),
        threads: Optional[int] = typer.Option(None, "--threads", help="torch threads per worker"),
        cache: Optional[Path] = typer.Option(None, "--cache", help="cache folder (default: OUT)"),
    ) -> None:
        """Free-embedding best case (Weller et al. 2025, Table 6): for each d, the smallest
        n at which optimised free vectors cannot make every k-subset a top-k. With
        --protocol both, each protocol goes to OUT/paper and OUT/tuned, and
        OUT/critical-n-protocols.json/.png set them beside Table 6."""
        from limitbench.benchmarks.free_embedding.compare import compare_protocols, comparison_table
        from limitbench.benchmarks.free_embedding.config import load_free_embedding_config
        from limitbench.benchmarks.free_embedding.report import sweep_table
        from limitbench.benchmarks.free_embedding.sweep import parse_dims, run_sweep

        flags = {"learning_rate": learning_rate, "temperature": temperature, "patience": patience,
                 "max_iterations": max_iterations}
        settings = load_free_embedding_config(
            config,
            overrides={
                "dims": dims, "k": k, "seeds": _seeds(seeds), "protocol": protocol, "executor": executor,
                "workers": workers, "device": device, "threads": threads,
                "optimiser": flags, "paper": flags, "search": {"start": start},
            },
        )
        from limitbench.benchmarks.publish import ensure_folder

        ensure_folder(out)  # a bad --out or --cache fails now, not after the sweep
        if cache is not None:
            ensure_folder(cache, option="--cache")
        chosen = settings.protocol_settings()
        rows = {}
        for name, optimiser in chosen.items():
            folder = out / name if len(chosen) > 1 else out
            result = run_sweep(
                parse_dims(settings.dims_text()),
                out=folder,
                k=settings.k,
                seeds=settings.seeds,
                settings=optimiser,
                search=settings.search_settings(),
                executor=settings.executor,
                workers=settings.workers,
                device=settings.device,
                threads=settings.threads,
                cache_dir=cache / name if cache is not None and len(chosen) > 1 else cache,
            )
            typer.echo(f"## {name} protocol\n\n{sweep_table(result)}\n")
            typer.echo(f"wrote {result.json_path} and {result.png_path} ({result.wall_seconds:.0f}s)")
            rows[name] = result.rows
        if len(rows) > 1:
            comparison = compare_protocols(rows, out=out, k=settings.k)
            typer.echo(f"\n{comparison_table(comparison)}")
            typer.echo(f"wrote {comparison.json_path} and {comparison.png_path}")
