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
"""

from __future__ import annotations

from functools import lru_cache

import ir_measures

from limitbench.retrievers.errors import ConfigError
from limitbench.retrievers.types import Qrels, Run

__all__ = ["DEFAULT_METRICS", "parse_metrics", "evaluate", "canonical_order"]

DEFAULT_METRICS = ("R@2", "R@10", "R@20", "R@100", "nDCG@10")
_PLACEHOLDER = "__limitbench_no_result__"


@lru_cache(maxsize=None)
def _parse(name: str):
    try:
        return ir_measures.parse_measure(name)
    except (ValueError, NameError, SyntaxError, TypeError):
        raise ConfigError(f"unknown metric {name!r} (ir_measures names, e.g. R@10, nDCG@10, RR, Rprec)") from None


def parse_metrics(names: list[str] | tuple[str, ...]) -> list:
    return [_parse(name) for name in names]


def canonical_order(scores: dict[str, float]) -> list[tuple[str, float]]:
    """``(doc_id, score)`` best first: score descending, ties by document id ascending."""
    return sorted(scores.items(), key=lambda item: (-item[1], item[0]))


def _strict(scores: dict[str, float]) -> dict[str, float]:
    """The canonical order as strictly decreasing scores (no ties left to break)."""
    ranked = canonical_order(scores)
    return {doc_id: float(len(ranked) - position) for position, (doc_id, _) in enumerate(ranked)}


def _complete_run(qrels: Qrels, run: Run) -> Run:
    completed = {qid: _strict(docs) for qid, docs in run.items() if qid in qrels and docs}
    for qid in qrels:
        completed.setdefault(qid, {_PLACEHOLDER: 0.0})
    return completed


def evaluate(
    qrels: Qrels, run: Run, metrics: list[str] | tuple[str, ...] = DEFAULT_METRICS
) -> tuple[dict[str, float], dict[str, dict[str, float]]]:
    """``(aggregate, per_query)``, both in percent, keyed by the metric names given."""
    measures = parse_metrics(metrics)
    by_measure = {str(measure): name for measure, name in zip(measures, metrics)}
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
