"""``limitbench capacity``: the smallest dimension at which unit vectors realise a dataset's qrels,
by construction (moment curve) or by optimisation, with margins and a rounding check."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

__all__ = ["register"]


def register(app: typer.Typer) -> None:
    @app.command("capacity")
    def capacity(
        dataset: str = typer.Argument(..., help="dataset name (limit-small, default, ...) or BEIR directory"),
        dims: Optional[str] = typer.Option(None, "--dims", help="dimensions to try (default: 1-8, the lower bound, 2k, 2k+2)"),
        methods: Optional[str] = typer.Option(None, "--methods", help="moment-curve,optimiser (default: both)"),
        k: Optional[int] = typer.Option(None, "--k", help="rank every relevant document must reach (default: its count)"),
        seeds: Optional[str] = typer.Option(None, "--seeds", help="seeds per d, e.g. 0,1 (the best one counts)"),
        config: Optional[Path] = typer.Option(None, "--config", "-c", help="YAML settings (its optimiser section is used)"),
        data_dir: Optional[Path] = typer.Option(None, "--data-dir", help="folder holding limit-small/ (named datasets)"),
        judged_only: bool = typer.Option(False, "--judged-only", help="leave out documents relevant to no query"),
        device: Optional[str] = typer.Option(None, "--device", help="auto (GPU if present), cpu or cuda"),
        threads: Optional[int] = typer.Option(None, "--threads", help="torch threads"),
        out: Optional[Path] = typer.Option(None, "--out", "-o",
                                           help="folder for capacity.json, capacity-margin.png and the attempt cache"),
    ) -> None:
        """For each d: documents on the moment curve with each query's supporting hyperplane,
        and free vectors optimised on the qrels; per method the share of queries realised, the
        margin, and whether float32 / float16 / int8 keep the ranking; the smallest d realised
        beside the known lower bound."""
        import torch

        from limitbench.benchmarks.datasets import load_dataset
        from limitbench.benchmarks.executors import CellStore
        from limitbench.benchmarks.free_embedding.capacity import METHODS, measure_capacity
        from limitbench.benchmarks.free_embedding.plot import plot_capacity_margins
        from limitbench.benchmarks.free_embedding.config import load_free_embedding_config
        from limitbench.benchmarks.free_embedding.report import capacity_table
        from limitbench.benchmarks.free_embedding.sweep import parse_dims
        from limitbench.retrievers.atomic import atomic_write_json

        from .free_embedding import _seeds

        from limitbench.benchmarks.publish import ensure_folder

        settings = load_free_embedding_config(config, overrides={"seeds": _seeds(seeds), "device": device,
                                                                 "threads": threads})
        if out is not None:
            ensure_folder(out)  # a bad --out fails now, not after the optimisation
        chosen_dims = parse_dims(dims) if dims is not None else None
        torch.set_num_threads(settings.threads)
        data = load_dataset(dataset, data_dir=data_dir)
        report = measure_capacity(
            data,
            dims=chosen_dims,
            k=k,
            seeds=settings.seeds,
            settings=settings.optimise_settings(),
            device=settings.device,
            judged_only=judged_only,
            store=CellStore(out / "trials") if out is not None else None,
            methods=[m.strip() for m in methods.split(",") if m.strip()] if methods is not None else METHODS,
            log=lambda line: typer.echo(line, err=True),
        )
        typer.echo(capacity_table(report))
        if out is not None:
            atomic_write_json(out / "capacity.json", report.record())
            plot_capacity_margins(out / "capacity-margin.png", rows=report.record()["rows"],
                                  title=f"{report.dataset}: smallest margin against d")
            typer.echo(f"wrote {out / 'capacity.json'} and {out / 'capacity-margin.png'}")
