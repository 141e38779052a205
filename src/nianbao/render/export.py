"""Write a report to a file in any output format, atomically."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from nianbao.fs import remove_stale_temp_files, write_atomically
from nianbao.render.formats import OUTPUT_FORMATS
from nianbao.report.model import Report


def writer(report: Report, fmt: str) -> Callable[[Path], None]:
    """A function writing `report` as `fmt` to a path (raises MissingFact, PdfError)."""
    write = OUTPUT_FORMATS[fmt].load_writer()
    return lambda path: write(report, path)


def export_report(report: Report, fmt: str, target: Path) -> None:
    target = Path(target)
    remove_stale_temp_files(target.parent)  # what an export killed earlier left in this folder
    write_atomically(target, writer(report, fmt))
