"""Write a report to a file in any export format, atomically."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from nianbao.fs import write_atomically
from nianbao.report.model import Report


def writer(report: Report, fmt: str) -> Callable[[Path], None]:
    """A function writing `report` as `fmt` to a path (raises MissingFact, PdfError)."""
    if fmt == "docx":
        from nianbao.render.docx_writer import write_docx

        return lambda path: write_docx(report, path)
    if fmt == "pdf":
        from nianbao.render.pdf import write_pdf

        return lambda path: write_pdf(report, path)
    from nianbao.render.outputs import render

    content = render(report, fmt)
    return lambda path: path.write_text(content, encoding="utf-8")


def export_report(report: Report, fmt: str, target: Path) -> None:
    write_atomically(Path(target), writer(report, fmt))
