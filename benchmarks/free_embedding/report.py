"""Markdown tables for the sweep and the capacity check (what the CLI prints and the
docs quote)."""

from __future__ import annotations

from .capacity import CapacityReport
from .sweep import SweepResult

__all__ = ["sweep_table", "capacity_table"]


def _number(value: float) -> str:
    return f"{value:,.0f}" if value >= 1000 else f"{value:.1f}"


def sweep_table(result: SweepResult) -> str:
    lines = [
        "| d | critical n | paper (Table 6) | ratio | attempts | steps | seconds | CPU seconds |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for row in result.rows:
        critical = row["critical_n"] if row["critical_n"] is not None else f"> {row['largest_solved']}"
        paper = row["paper_table6"] if row["paper_table6"] is not None else "-"
        ratio = f"{row['ratio_to_paper']:.2f}" if row["ratio_to_paper"] is not None else "-"
        lines.append(f"| {row['d']} | {critical} | {paper} | {ratio} | {len(row['trials'])} | {row['iterations']} "
                     f"| {row['seconds']:.1f} | {row.get('cpu_seconds', 0.0):.1f} |")
    if result.fit is not None:
        lines += ["", f"cubic fit: {result.fit.formula()}  (r^2 = {result.fit.r_squared:.4f}, {result.fit.points} points)",
                  "", "| d | critical n (our fit) | paper fit | paper quoted |", "|---|---|---|---|"]
        for row in result.extrapolation:
            quoted = _number(row["paper_quoted"]) if row["paper_quoted"] else "-"
            lines.append(f"| {row['d']} | {_number(row['critical_n'])} | {_number(row['paper_fit'])} | {quoted} |")
    return "\n".join(lines)


def _margin(value: float | None) -> str:
    return "-" if value is None else f"{value:.3g}"


def capacity_table(report: CapacityReport) -> str:
    record = report.record()
    lines = [
        f"dataset {report.dataset}: {report.documents} documents, {report.queries} queries with relevant documents "
        f"(at most {report.max_relevant} each)",
        "",
        "| d | method | queries realised | share | min margin | median margin | float32 | float16 | int8 | seconds |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for row in record["rows"]:
        if not row["applicable"]:
            lines.append(f"| {row['d']} | {row['method']} | - | - | - | - | - | - | - | - |")
            continue
        precision = [("yes" if row["precision"][fmt]["realised"] else f"no ({row['precision'][fmt]['share_realised']:.1%})")
                     for fmt in ("float32", "float16", "int8")]
        lines.append(f"| {row['d']} | {row['method']} | {row['realised_queries']}/{report.queries} "
                     f"| {row['share_realised']:.1%} | {_margin(row['min_margin'])} | {_margin(row['median_margin'])} "
                     f"| {' | '.join(precision)} | {row.get('seconds', 0.0):.1f} |")
    if report.smallest_d is not None:
        smallest = f"{report.smallest_d} ({', '.join(report.smallest_by)})"
    else:
        smallest = "none of those tried"
    lines += ["", f"smallest d with every query realised: {smallest}",
              f"known lower bound: d >= {report.lower_bound.d} ({report.lower_bound.reason})"]
    return "\n".join(lines)
