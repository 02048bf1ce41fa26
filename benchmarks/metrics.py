"""Evaluation through ir_measures (MacAvaney et al. 2022, ECIR), with measure names
as ir_measures writes them: ``R@2``, ``R@10``, ``nDCG@10``, ``RR``, ``Rprec``, ``P@5``...

Values are reported in percent (x100), as in the LIMIT paper's tables. A query that
a retriever returned nothing for still counts (as zero): it is given a placeholder
result, because the evaluation backends silently skip queries absent from a run.

One ranking for metrics and run files: pytrec_eval breaks score ties by document id
*descending*, while a TREC file lists ties in the order it was written. Every ranking
is therefore put in one canonical order first — score descending, then document id
ascending (:func:`canonical_order`) — and evaluated with strictly decreasing scores
in that order, and the runner writes its TREC files in the same order.

A query with no relevant document (no grade > 0) is not evaluated (see
:func:`limitbench.benchmarks.datasets.dataset.evaluable_qrels`).

Metric names are checked when a config is read, before any work: a cut-off must be a
positive integer (pytrec_eval aborts the whole process on ``R@0``) and the measure must
be computable by an installed backend (checked on a two-document example).
"""

from __future__ import annotations

import os
import sys
from contextlib import contextmanager
from functools import lru_cache

import ir_measures

from limitbench.retrievers.errors import ConfigError
from limitbench.retrievers.types import Qrels, Run

from .datasets.dataset import evaluable_qrels

__all__ = ["DEFAULT_METRICS", "canonical_metrics", "parse_metrics", "evaluate", "canonical_order"]

DEFAULT_METRICS = ("R@2", "R@10", "R@20", "R@100", "nDCG@10")
_PLACEHOLDER = "__limitbench_no_result__"


_INTEGER_PARAMETERS = {"cutoff": "cut-off", "rel": "relevance level"}


@contextmanager
def _quiet_stderr():
    sys.stderr.flush()
    saved = os.dup(2)
    try:
        with open(os.devnull, "w") as sink:
            os.dup2(sink.fileno(), 2)
            yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)


@lru_cache(maxsize=None)
def _parse(name: str):
    if not isinstance(name, str) or not name.strip():
        raise ConfigError(f"metric: a name is required, got {name!r}")
    try:
        measure = ir_measures.parse_measure(name.strip())
    except Exception:  # the parser raises ValueError, NameError, SyntaxError, TypeError ...
        raise ConfigError(f"unknown metric {name!r} (ir_measures names, e.g. R@10, nDCG@10, RR, Rprec)") from None
    parameters = getattr(measure, "params", {}) or {}
    for parameter, meaning in _INTEGER_PARAMETERS.items():
        value = parameters.get(parameter)
        if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 1):
            raise ConfigError(f"metric {name!r}: the {meaning} must be a positive integer, got {value!r}")
    try:  # a measure no installed backend computes fails here, not after every cell ran
        with _quiet_stderr():  # a backend run as a subprocess (trec_eval's perl) would print here
            ir_measures.calc_aggregate([measure], {"q": {"a": 1, "b": 0}}, {"q": {"a": 1.0, "c": 0.5}})
    except Exception as error:
        reason = f"{type(error).__name__}: {error}".splitlines()[0][:160]
        raise ConfigError(f"metric {name!r} cannot be computed here ({reason})") from None
    return measure


def parse_metrics(names: list[str] | tuple[str, ...]) -> list:
    return [_parse(name) for name in names]


def canonical_order(scores: dict[str, float]) -> list[tuple[str, float]]:
    """``(doc_id, score)`` best first: score descending, ties by document id ascending."""
    return sorted(scores.items(), key=lambda item: (-item[1], item[0]))


def _strict(scores: dict[str, float]) -> dict[str, float]:
    """The canonical order as strictly decreasing scores (no ties left to break)."""
    ranked = canonical_order(scores)
    return {doc_id: float(len(ranked) - position) for position, (doc_id, _) in enumerate(ranked)}
def canonical_metrics(names: list[str] | tuple[str, ...]) -> list[str]:
    """``names`` checked, stripped, without repeats of the same measure (``R@2`` and ``R@2 ``)."""
    seen: set[str] = set()
    kept = []
    for name in names:
        measure = str(_parse(name))
        if measure not in seen:
            seen.add(measure)
            kept.append(name.strip())
    return kept


def _complete_run(qrels: Qrels, run: Run) -> Run:
    completed = {qid: _strict(docs) for qid, docs in run.items() if qid in qrels and docs}
    for qid in qrels:
        completed.setdefault(qid, {_PLACEHOLDER: 0.0})
    return completed


def evaluate(
    qrels: Qrels, run: Run, metrics: list[str] | tuple[str, ...] = DEFAULT_METRICS
) -> tuple[dict[str, float], dict[str, dict[str, float]]]:
    """``(aggregate, per_query)``, both in percent, keyed by the metric names given."""
    metrics = canonical_metrics(metrics)
    measures = parse_metrics(metrics)
    by_measure = {str(measure): name for measure, name in zip(measures, metrics)}
    qrels = evaluable_qrels(qrels)
    completed = _complete_run(qrels, run)
    per_query: dict[str, dict[str, float]] = {qid: {} for qid in qrels}
    for metric in ir_measures.iter_calc(measures, qrels, completed):
        per_query[metric.query_id][by_measure[str(metric.measure)]] = 100.0 * float(metric.value)
    aggregate = {
        name: 100.0 * float(value)
        for measure, value in ir_measures.calc_aggregate(measures, qrels, completed).items()
        for name in [by_measure[str(measure)]]
    }
    return {name: aggregate[name] for name in metrics}, per_query
