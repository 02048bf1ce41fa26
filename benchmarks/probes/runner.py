"""Run the number probes: every family through every scorer, into ``probes.json`` and
one PNG per family. The output folder is checked before any model is loaded and replaced
whole at the end (:class:`~limitbench.benchmarks.publish.OutputFolder`)."""

from __future__ import annotations

import datetime as dt
import os
import time
from pathlib import Path
from typing import Callable

from limitbench.retrievers.atomic import atomic_write_json
from limitbench.retrievers.errors import ConfigError

from ..publish import OutputFolder, file_stem
from .config import ProbeConfig
from .families import Family
from .metrics import summarise
from .plots import ScorerPanel, plot_family

__all__ = ["run_probes"]


def _probe_family(family: Family, scorers: list, log: Callable[[str], None]) -> tuple[dict, list[ScorerPanel]]:
    results, panels = {}, []
    for scorer in scorers:
        started = time.perf_counter()
        similarity = scorer.matrix(family.items)
        to_zero = scorer.to_anchor(family.zero, family.items)
        summary = summarise(similarity, to_zero)
        summary["seconds"] = round(time.perf_counter() - started, 3)
        summary["similarity_to_zero"] = [float(v) for v in to_zero]
        results[scorer.label] = summary
        panels.append(ScorerPanel(label=scorer.label, similarity=similarity, to_zero=to_zero, summary=summary))
        log(f"  {family.name:<10} {scorer.label:<22} spearman={_show(summary['spearman'])} "
            f"order_acc={summary['order_accuracy']:.3f} mono_viol={summary['monotonicity_violations']:.3f}")
    return results, panels


def _show(value: float | None) -> str:
    return "  n/a" if value is None else f"{value:+.3f}"


def run_probes(config: ProbeConfig, *, out: str | os.PathLike[str] | None = None,
               log: Callable[[str], None] = lambda line: None) -> dict:
    """Probe every family with every scorer; write ``probes.json`` and ``<family>.png`` to ``out``."""
    directory = Path(out or config.out)
    families = config.built_families()
    names = [family.name for family in families]
    repeated = sorted({name for name in names if names.count(name) > 1})
    if repeated:
        raise ConfigError(f"families: two families are both named {repeated[0]!r}")
    with OutputFolder.prepare(directory, marker="probes.json") as output:
        scorers = [spec.build() for spec in config.scorers]
        return _probe_all(families, scorers, output, log)


def _probe_all(families: list[Family], scorers: list, output: OutputFolder, log: Callable[[str], None]) -> dict:
    report = {
        "created": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "scorers": [s.label for s in scorers],
        "definitions": {
            "spearman": "Spearman rho between S[i,j] and -|i-j| over i != j",
            "monotonicity_violations": "share of steps away from an anchor where the farther item is more similar",
            "order_accuracy": "share of triples (c,a,b), |a-c| < |b-c|, with S[c,a] > S[c,b] (ties 1/2)",
            "zero_spearman": "Spearman rho between similarity to the zero item and -index",
        },
        "families": {},
    }
    for family in families:
        results, panels = _probe_family(family, scorers, log)
        image = output.staging / f"{file_stem(family.name)}.png"
        plot_family(image, family=family.name, description=family.description, items=family.items,
                    zero=family.zero, panels=panels)
        report["families"][family.name] = {
            "description": family.description,
            "items": list(family.items),
            "zero": family.zero,
            "plot": image.name,
            "scorers": results,
        }
    atomic_write_json(output.staging / "probes.json", report)
    output.commit()
    return report
