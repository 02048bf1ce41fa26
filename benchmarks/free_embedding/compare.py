r"""The paper's protocol and the tuned one, beside Table 6.

For each protocol :math:`p` with critical n :math:`n_p(d)` measured at the dimensions
:math:`D_p` that Table 6 also has (Weller et al. 2025, arXiv 2508.21038, appendix Table 6,
:math:`n_6(d)`):

.. math::

    \text{max deviation}_p = \max_{d \in D_p} \left|\frac{n_p(d)}{n_6(d)} - 1\right|, \qquad
    \text{mean deviation}_p = \frac{1}{|D_p|} \sum_{d \in D_p} \left|\frac{n_p(d)}{n_6(d)} - 1\right| .

A protocol *reproduces* the table (to 10%) when its max deviation is at most 0.10; the one
with the smaller mean deviation is the closer. The paper calls critical n the point at which
optimisation stops solving; it does not say whether Table 6 lists the first n that fails or
the last that is solved, so both readings are reported: ``critical_n`` (the first n above the
largest solved) and ``largest_solved``. Written to ``critical-n-protocols.json`` and
``critical-n-protocols.png``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping, Sequence

from limitbench.retrievers.atomic import atomic_write_json

from .paper import PAPER_TABLE6
from .plot import plot_protocols

__all__ = ["ProtocolComparison", "compare_protocols", "comparison_table", "TOLERANCE"]

TOLERANCE = 0.10


@dataclass
class ProtocolComparison:
    rows: list[dict[str, Any]]
    summary: dict[str, dict[str, Any]]
    closer: str | None
    json_path: Path
    png_path: Path


def _deviations(rows: Sequence[dict[str, Any]], key: str) -> dict[str, Any]:
    measured = [row for row in rows if row[key] is not None and row["d"] in PAPER_TABLE6]
    deviations = [abs(row[key] / PAPER_TABLE6[row["d"]] - 1) for row in measured]
    return {
        "dims": [row["d"] for row in measured],
        "max_deviation": round(max(deviations), 4) if deviations else None,
        "mean_deviation": round(sum(deviations) / len(deviations), 4) if deviations else None,
        "reproduces_table6_within_10_percent": bool(deviations) and max(deviations) <= TOLERANCE,
    }


def _summary(rows: Sequence[dict[str, Any]]) -> dict[str, Any]:
    return {**_deviations(rows, "critical_n"), "largest_solved_reading": _deviations(rows, "largest_solved")}


def compare_protocols(
    results: Mapping[str, Sequence[dict[str, Any]]], *, out: str | os.PathLike[str], k: int = 2
) -> ProtocolComparison:
    """``results``: protocol -> the ``rows`` of its ``critical-n.json``."""
    dims = sorted({row["d"] for rows in results.values() for row in rows})
    by_protocol = {name: {row["d"]: row for row in rows} for name, rows in results.items()}
    rows = []
    for d in dims:
        row: dict[str, Any] = {"d": d, "paper_table6": PAPER_TABLE6.get(d) if k == 2 else None}
        for name, found in by_protocol.items():
            measured = found.get(d)
            critical = measured["critical_n"] if measured else None
            row[name] = {
                "critical_n": critical,
                "largest_solved": measured["largest_solved"] if measured else None,
                "ratio_to_table6": round(critical / row["paper_table6"], 4) if critical and row["paper_table6"] else None,
            }
        rows.append(row)
    summary = {name: _summary(found_rows) for name, found_rows in results.items()} if k == 2 else {}
    ranked = sorted((s["mean_deviation"], name) for name, s in summary.items() if s["mean_deviation"] is not None)
    closer = ranked[0][1] if ranked else None
    out_dir = Path(out)
    json_path, png_path = out_dir / "critical-n-protocols.json", out_dir / "critical-n-protocols.png"
    atomic_write_json(json_path, {
        "experiment": "free embedding, critical n by protocol, beside Weller et al. 2025 (arXiv 2508.21038) Table 6",
        "k": k, "tolerance": TOLERANCE, "rows": rows, "summary": summary, "closer_to_table6": closer,
    })
    series = {name: ([r["d"] for r in found if r["critical_n"] is not None],
                     [r["critical_n"] for r in found if r["critical_n"] is not None]) for name, found in results.items()}
    if any(dims_ for dims_, _ in series.values()):
        plot_protocols(png_path, series={name: s for name, s in series.items() if s[0]}, k=k)
    return ProtocolComparison(rows=rows, summary=summary, closer=closer, json_path=json_path, png_path=png_path)


def comparison_table(comparison: ProtocolComparison) -> str:
    """Markdown: per d, Table 6 and each protocol's critical n (ratio); then the summary."""
    names = [name for name in comparison.rows[0] if name not in ("d", "paper_table6")] if comparison.rows else []
    lines = ["| d | Table 6 | " + " | ".join(f"{name} (ratio)" for name in names) + " |",
             "|---|---|" + "---|" * len(names)]
    for row in comparison.rows:
        cells = []
        for name in names:
            entry = row[name]
            ratio = f" ({entry['ratio_to_table6']:.2f})" if entry["ratio_to_table6"] is not None else ""
            cells.append(f"{entry['critical_n'] if entry['critical_n'] is not None else '-'}{ratio}")
        lines.append(f"| {row['d']} | {row['paper_table6'] if row['paper_table6'] is not None else '-'} | "
                     + " | ".join(cells) + " |")
    for name, summary in comparison.summary.items():
        for label, reading in (("critical n", summary), ("largest solved n", summary["largest_solved_reading"])):
            if reading["max_deviation"] is not None:
                verdict = "within" if reading["reproduces_table6_within_10_percent"] else "not within"
                lines.append(f"\n{name}, {label}: max deviation {reading['max_deviation']:.1%}, "
                             f"mean {reading['mean_deviation']:.1%} from Table 6 ({verdict} 10%)")
    if comparison.closer:
        lines.append(f"\ncloser to Table 6: {comparison.closer}")
    return "\n".join(lines)
