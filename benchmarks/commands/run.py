"""``limitbench run``: the comparison benchmark."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from limitbench.retrievers.errors import ConfigError

from ..config import DatasetSpec, RunConfig, SignificanceSpec, build_config, load_config, parse_retriever_arg

__all__ = ["register", "config_from_cli", "with_llm_tape"]


def config_from_cli(
    config_path: Optional[Path],
    *,
    datasets: list[str],
    retrievers: list[str],
    k: Optional[int],
    out: Optional[Path],
    data_dir: Optional[Path],
    metrics: list[str],
    baseline: Optional[str],
    max_queries: Optional[int],
    executor: Optional[str] = None,
    workers: Optional[int] = None,
) -> RunConfig:
    """The config file (or the defaults) with command-line flags laid over it."""
    if config_path:
        config = load_config(config_path)
    else:  # the embedded default, as in configs/default.yaml
        defaults = {} if retrievers else {"significance": {"baseline": "bm25"}}
        config = build_config({"name": "default", **defaults}, source="defaults")
    updates: dict = {}
    if datasets:
        updates["datasets"] = [DatasetSpec(name=name) for name in datasets]
    if max_queries is not None:
        if max_queries < 1:
            raise ConfigError(f"--max-queries must be >= 1, got {max_queries}")
        updates["datasets"] = [d.model_copy(update={"max_queries": max_queries}) for d in updates.get("datasets", config.datasets)]
    if retrievers:
        updates["retrievers"] = [parse_retriever_arg(text) for text in retrievers]
    if k is not None:
        if k < 1:
            raise ConfigError(f"--k must be a positive integer, got {k}")
        updates["k"] = k
    if out is not None:
        updates["out"] = str(out)
    if data_dir is not None:
        updates["data_dir"] = str(data_dir)
    if metrics:
        updates["metrics"] = metrics
    if executor is not None:
        updates["executor"] = executor
    if workers is not None:
        updates["workers"] = workers
    if baseline is not None:
        updates["significance"] = SignificanceSpec(baseline=baseline)
    merged = config.model_dump(exclude_none=True)
    merged.update({key: value.model_dump() if hasattr(value, "model_dump") else value for key, value in updates.items()})
    if "datasets" in updates:
        merged["datasets"] = [d.model_dump() for d in updates["datasets"]]
    if "retrievers" in updates:
        merged["retrievers"] = [r.model_dump(exclude_none=True) for r in updates["retrievers"]]
    return build_config(merged, source=str(config_path or "command line"))


def with_llm_tape(config: RunConfig, *, record: Optional[Path], replay: Optional[Path]) -> RunConfig:
    """``config`` with ``llm.record`` / ``llm.replay`` set on every retriever that calls an LLM
    (``policy: llm`` or an ``llm`` option); see :mod:`limitbench.agents.llm_client`."""
    if record is None and replay is None:
        return config
    if record is not None and replay is not None:
        raise ConfigError("--llm-record and --llm-replay exclude each other")
    if replay is not None and not replay.is_file():
        raise ConfigError(f"--llm-replay: {replay} is not a file")
    flag, path = ("record", record) if record is not None else ("replay", replay)
    specs = [s for s in config.retrievers if s.options.get("policy") == "llm" or "llm" in s.options]
    if not specs:
        raise ConfigError(f"--llm-{flag}: no retriever in this run calls an LLM (use e.g. agent[policy=llm])")
    for spec in specs:
        spec.options["llm"] = {**dict(spec.options.get("llm") or {}), flag: str(path.resolve())}
    if record is not None:  # a fresh file per run, so it holds this run's calls only
        record.parent.mkdir(parents=True, exist_ok=True)
        record.write_text("")
    return config


def register(app: typer.Typer) -> None:
    @app.command("run")
    def run(
        config: Optional[Path] = typer.Argument(None, help="YAML run config (see configs/); default: the embedded demo"),
        dataset: list[str] = typer.Option([], "--dataset", "-d", help="dataset name or BEIR directory (repeatable)"),
        retriever: list[str] = typer.Option(
            [], "--retriever", "-r", help="retriever name, e.g. bm25, dense[dim=64], pkg.mod:Class (repeatable)"
        ),
        k: Optional[int] = typer.Option(None, "--k", help="documents retrieved per query"),
        out: Optional[Path] = typer.Option(None, "--out", "-o", help="output folder"),
        data_dir: Optional[Path] = typer.Option(
            None, "--data-dir", help="folder holding limit-small/ and limit/ (else $LIMITBENCH_DATA_DIR, else the hub)"
        ),
        metric: list[str] = typer.Option([], "--metric", "-m", help="ir_measures name, e.g. R@2, nDCG@10 (repeatable)"),
        baseline: Optional[str] = typer.Option(None, "--baseline", help="paired significance tests against this retriever"),
        max_queries: Optional[int] = typer.Option(None, "--max-queries", help="evaluate only the first N queries"),
        executor: Optional[str] = typer.Option(None, "--executor", "-e", help="sequential (default), process or ray"),
        workers: Optional[int] = typer.Option(None, "--workers", "-w", help="parallel workers (process, ray)"),
        fresh: bool = typer.Option(False, "--fresh", help="recompute every cell instead of reusing finished ones"),
        llm_record: Optional[Path] = typer.Option(None, "--llm-record", help="write every LLM request and response to this JSONL file"),
        llm_replay: Optional[Path] = typer.Option(None, "--llm-replay", help="answer every LLM request from this recorded file, offline"),
    ) -> None:
        """Run retrievers on datasets; write results.json, TREC runs, per-query metrics and a table."""
        from ..runner import run_benchmark

        run_config = config_from_cli(
            config, datasets=dataset, retrievers=retriever, k=k, out=out, data_dir=data_dir,
            metrics=metric, baseline=baseline, max_queries=max_queries, executor=executor, workers=workers,
        )
        run_config = with_llm_tape(run_config, record=llm_record, replay=llm_replay)
        fresh = fresh or bool(llm_record or llm_replay)  # a cell from the cache would make no LLM call
        outcome = run_benchmark(run_config, echo=lambda line: typer.echo(line, err=True), fresh=fresh)
        typer.echo(outcome.table)
        typer.echo(f"results written to {outcome.out_dir}/ (results.json, results.md, report.html, runs/, per_query/)", err=True)
