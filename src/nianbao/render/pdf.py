"""PDF export: write the docx, then let LibreOffice convert it (the only layout engine we need).

Each conversion runs LibreOffice with a private profile in a temporary folder, so parallel
exports (and a clerk's open LibreOffice window) do not collide, and with a timeout.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
from os import PathLike
from pathlib import Path

from nianbao.report.model import Report

OFFICE_COMMANDS = ("soffice", "libreoffice")
DEFAULT_TIMEOUT = 180.0  # seconds; the first start of a fresh profile alone takes a few
NOT_INSTALLED = (
    "未找到 LibreOffice，无法导出 PDF。请安装 libreoffice-writer"
    "（Debian/Ubuntu：apt-get install libreoffice-writer；Windows、macOS：从 libreoffice.org 下载安装，"
    "装在默认位置即可），或先导出 docx 再用 WPS/Word 另存为 PDF。"
)
# Where the installers put it when it is not on PATH (the Windows installer never adds it).
# Both Program Files folders: a 32-bit LibreOffice on 64-bit Windows lands in the (x86) one.
WINDOWS_FOLDERS = ("ProgramFiles", "ProgramW6432", "ProgramFiles(x86)")
WINDOWS_OFFICE = ("LibreOffice", "program", "soffice.exe")
MACOS_OFFICE = "/Applications/LibreOffice.app/Contents/MacOS/soffice"


class PdfError(Exception):
    """PDF export is not possible; the message is Chinese and says what to do."""


def find_office() -> str | None:
    """The LibreOffice command on PATH, else where its installer puts it; None when neither."""
    for name in OFFICE_COMMANDS:
        found = shutil.which(name)
        if found:
            return found
    for candidate in _installed_places():
        if os.path.isfile(candidate):
            return candidate
    return None


def _installed_places() -> list[str]:
    if sys.platform == "win32":
        folders = dict.fromkeys(os.environ.get(name) for name in WINDOWS_FOLDERS)
        return [os.path.join(folder, *WINDOWS_OFFICE) for folder in folders if folder]
    if sys.platform == "darwin":
        return [MACOS_OFFICE]
    return []


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
    try:
        return convert_with_office(docx, workdir, office, "pdf", timeout)
    except OSError as exc:
        raise PdfError(f"无法启动 LibreOffice（{office}）：{exc.strerror or exc}") from None
    except subprocess.TimeoutExpired:
        raise PdfError(f"LibreOffice 转换 PDF 超时（{timeout:.0f} 秒），已停止。请稍后重试。") from None
    except OfficeFailed as exc:
        raise PdfError(f"LibreOffice 未能生成 PDF（退出码 {exc.code}）{exc.detail}") from None


class OfficeFailed(Exception):
    """LibreOffice ended without writing the converted file."""

    def __init__(self, code: int, detail: str):
        super().__init__(code, detail)
        self.code = code
        self.detail = detail  # "：<its last line of output>", or ""


def convert_with_office(
    source: Path, workdir: Path, office: str, target: str, timeout: float = DEFAULT_TIMEOUT
) -> Path:
    """Convert `source` into workdir/out/<name>.<ext> with a private profile in workdir and return
    that path. target: LibreOffice's --convert-to argument ("pdf", "docx:MS Word 2007 XML").

    Raises OSError (LibreOffice cannot start), subprocess.TimeoutExpired (it was stopped after
    `timeout` seconds) or OfficeFailed (it wrote nothing).
    """
    outdir = workdir / "out"
    profile = workdir / "profile"
    command = [
        office,
        f"-env:UserInstallation={profile.resolve().as_uri()}",
        "--headless",
        "--norestore",
        "--nolockcheck",
        "--convert-to",
        target,
        "--outdir",
        str(outdir),
        str(source),
    ]
    # A session of its own, so a timeout can end soffice.bin too, not only its launcher script.
    proc = subprocess.Popen(
        command,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
        env={**os.environ, "HOME": str(workdir)},  # LibreOffice writes caches under HOME
    )
    try:
        output, _ = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        _kill_group(proc)
        raise
    result = outdir / (source.stem + "." + target.split(":")[0])
    if proc.returncode != 0 or not result.is_file() or result.stat().st_size == 0:
        detail = output.decode("utf-8", "replace").strip().splitlines()
        raise OfficeFailed(proc.returncode, f"：{detail[-1]}" if detail else "")
    return result


def _kill_group(proc: subprocess.Popen) -> None:
    """End LibreOffice and what it started (soffice launches soffice.bin)."""
    if sys.platform == "win32":
        # No process groups to signal: taskkill /T ends the tree; kill() if taskkill cannot run.
        try:
            subprocess.run(
                ["taskkill", "/F", "/T", "/PID", str(proc.pid)],
                stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=30,
            )
        except (OSError, subprocess.SubprocessError):
            pass
        if proc.poll() is None:
            proc.kill()
    else:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    proc.wait()
