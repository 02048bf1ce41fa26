"""The Markdown results table (also printed to the terminal).

A row that was given information from the answers (``oracle_hints``: a target count
taken from the qrels, a simulated judge) is marked ``†`` and its hints are listed under
the table, so an oracle figure is never read as a plain one."""

from __future__ import annotations

from typing import Any

__all__ = ["markdown_table"]

_COST_COLUMNS = (("docs_read", "docs read/q"), ("tool_calls", "tool calls/q"), ("seconds_per_query", "s/query"))


def _format(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.1f}" if abs(value) >= 1 else f"{value:.3f}"
    return str(value)


def markdown_table(rows: list[dict[str, Any]], metrics: list[str], *, significant: set[tuple[str, str, str]] = frozenset()) -> str:
    """One line per (dataset, retriever); ``*`` marks a significant difference from the baseline
    (``significant`` holds ``(dataset, retriever, metric)``)."""
    cost_columns = [(key, title) for key, title in _COST_COLUMNS if any(key in row["cost"] for row in rows)]
    header = ["dataset", "retriever", *metrics, *(title for _, title in cost_columns)]
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    oracle: dict[str, list[str]] = {}
    for row in rows:
        hints = row.get("oracle_hints") or []
        label = row["retriever"] + (" †" if hints else "")
        if hints:
            oracle[row["retriever"]] = list(hints)
        cells = [row["dataset"], label]
        for metric in metrics:
            mark = "*" if (row["dataset"], row["retriever"], metric) in significant else ""
            cells.append(_format(row["metrics"][metric]) + mark)
        cells += [_format(row["cost"].get(key, "")) for key, _ in cost_columns]
        lines.append("| " + " | ".join(cells) + " |")
    if oracle:
        lines.append("")
        grouped: dict[str, list[str]] = {}
        for label, hints in oracle.items():
            grouped.setdefault("; ".join(hints), []).append(label)
        lines += [f"† {', '.join(labels)}: oracle hint — {hint}" for hint, labels in grouped.items()]
    return "\n".join(lines) + "\n"
