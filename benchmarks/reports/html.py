"""``report.html``: one self-contained page per run (or per pair of runs).

The page is a single file: the stylesheet, the script and the plots (base64 PNG) are
inlined, and a Content-Security-Policy of ``default-src 'none'`` forbids it to load
anything, so it opens from disk with no network. The data is one JSON document
(:mod:`.report_data`) embedded in a ``<script type="application/json">`` element;
the script renders only what is on screen (the results table, one query, one trace),
which keeps the page fast with 1000 queries and several systems.
"""

from __future__ import annotations

import html
import json
from importlib import resources
from pathlib import Path
from typing import Any

from limitbench.retrievers.atomic import atomic_write_text

from .report_data import read_run_folder, run_report_data

__all__ = ["REPORT_NAME", "render_page", "write_report"]

REPORT_NAME = "report.html"
_CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; script-src 'unsafe-inline'"


def _asset(name: str) -> str:
    return resources.files(__package__).joinpath("assets", name).read_text(encoding="utf-8")


def _script_json(data: Any) -> str:
    """JSON that cannot end its <script> element early (``</script>``, ``<!--``)."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def render_page(data: dict[str, Any]) -> str:
    """The whole page for ``data`` (see :func:`.report_data.run_report_data`)."""
    title = html.escape(f"limitbench · {data.get('title', 'report')}")
    return (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        f"<meta http-equiv=\"Content-Security-Policy\" content=\"{_CSP}\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        f"<title>{title}</title>\n<style>\n{_asset('report.css')}</style>\n</head>\n<body>\n"
        "<div id=\"app\"><noscript>This report is drawn by JavaScript; the same figures are in results.md.</noscript></div>\n"
        f"<script id=\"report-data\" type=\"application/json\">{_script_json(data)}</script>\n"
        f"<script>\n{_asset('report.js')}</script>\n</body>\n</html>\n"
    )


def write_report(run_dir: str | Path, *, out: str | Path | None = None) -> Path:
    """Build ``report.html`` (or ``out``) from the files in ``run_dir``; returns its path."""
    folder = read_run_folder(run_dir)
    target = Path(out) if out is not None else Path(run_dir) / REPORT_NAME
    atomic_write_text(target, render_page(run_report_data(folder)))
    return target
