"""Write a report to a file in any export format, atomically."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Callable

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


def write_atomically(target: Path, write: Callable[[Path], None]) -> None:
    """Write into a temp file beside the target, then replace it: a failed export leaves no half file."""
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        write(tmp)
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; an export is an ordinary file
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def export_report(report: Report, fmt: str, target: Path) -> None:
    write_atomically(Path(target), writer(report, fmt))
