"""PDF export: write the docx, then let LibreOffice convert it (the only layout engine we need).

Each conversion runs LibreOffice with a private profile in a temporary folder, so parallel
exports (and a clerk's open LibreOffice window) do not collide, and with a timeout.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from os import PathLike
from pathlib import Path

from nianbao.report.model import Report

OFFICE_COMMANDS = ("soffice", "libreoffice")
DEFAULT_TIMEOUT = 180.0  # seconds; the first start of a fresh profile alone takes a few
NOT_INSTALLED = (
    "未找到 LibreOffice，无法导出 PDF。请安装 libreoffice-writer"
    "（Debian/Ubuntu：apt-get install libreoffice-writer），或先导出 docx 再用 WPS/Word 另存为 PDF。"
)


class PdfError(Exception):
    """PDF export is not possible; the message is Chinese and says what to do."""


def find_office() -> str | None:
    """The LibreOffice command on PATH, or None."""
    for name in OFFICE_COMMANDS:
        found = shutil.which(name)
        if found:
            return found
    return None


def write_pdf(report: Report, path: str | PathLike, timeout: float = DEFAULT_TIMEOUT) -> None:
    """Write the report as PDF. Raises MissingFact for a missing fact, PdfError when it cannot."""
    from nianbao.render.docx_writer import write_docx  # python-docx loads only when exporting

    office = find_office()
    if office is None:
        raise PdfError(NOT_INSTALLED)
    with tempfile.TemporaryDirectory(prefix="nianbao-pdf-") as tmp:
        docx = Path(tmp) / "report.docx"
        write_docx(report, docx)
        pdf = convert_to_pdf(docx, Path(tmp), office, timeout)
        shutil.copyfile(pdf, path)


def convert_to_pdf(docx: Path, workdir: Path, office: str, timeout: float = DEFAULT_TIMEOUT) -> Path:
    """Convert `docx` into workdir/out/<name>.pdf and return that path."""
    outdir = workdir / "out"
    profile = workdir / "profile"
    command = [
        office,
        f"-env:UserInstallation={profile.resolve().as_uri()}",
        "--headless",
        "--norestore",
        "--nolockcheck",
        "--convert-to",
        "pdf",
        "--outdir",
        str(outdir),
        str(docx),
    ]
    try:
        # A session of its own, so a timeout can end soffice.bin too, not only its launcher script.
        proc = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            env={**os.environ, "HOME": str(workdir)},  # LibreOffice writes caches under HOME
        )
    except OSError as exc:
        raise PdfError(f"无法启动 LibreOffice（{office}）：{exc.strerror or exc}") from None
    try:
        output, _ = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        _kill_group(proc)
        raise PdfError(f"LibreOffice 转换 PDF 超时（{timeout:.0f} 秒），已停止。请稍后重试。") from None
    pdf = outdir / (docx.stem + ".pdf")
    if proc.returncode != 0 or not pdf.is_file() or pdf.stat().st_size == 0:
        detail = output.decode("utf-8", "replace").strip().splitlines()
        last = f"：{detail[-1]}" if detail else ""
        raise PdfError(f"LibreOffice 未能生成 PDF（退出码 {proc.returncode}）{last}")
    return pdf


def _kill_group(proc: subprocess.Popen) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    proc.wait()
