"""The paths Windows takes, simulated here: a replace refused while another process holds the file,
LibreOffice where its Windows installer puts it, no process groups to kill, a GBK console."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

import nianbao.cli  # noqa: F401  (registers the commands)
from nianbao import datadir, fs
from nianbao.cli.common import app
from nianbao.render import pdf
from nianbao.render.docx_writer import write_docx

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "examples" / "lilin-2021.json"
MKDIR = shutil.which("mkdir")  # looked up before sys.platform is patched (which() reads it)
posix_shell = pytest.mark.skipif(sys.platform == "win32", reason="the fake LibreOffice is a shell script")


@pytest.fixture
def windows(monkeypatch):
    """sys.platform says Windows, and the POSIX-only process-group call is gone."""
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(time, "sleep", lambda seconds: None)  # the retries, without the wait
    monkeypatch.delattr(os, "killpg", raising=False)


class HeldOpen:
    """os.replace refusing `times` times, as Windows does while a scanner holds the target."""

    def __init__(self, times: int):
        self.times = times
        self.calls = 0
        self.real = os.replace

    def __call__(self, source, target):
        self.calls += 1
        if self.calls <= self.times:
            raise PermissionError(13, "另一个程序正在使用此文件，进程无法访问。", str(target))
        self.real(source, target)


def test_a_replace_refused_twice_on_windows_is_retried_and_lands(tmp_path, monkeypatch, windows):
    target = tmp_path / "年报.txt"
    target.write_text("旧", encoding="utf-8")
    held = HeldOpen(times=2)
    monkeypatch.setattr(os, "replace", held)
    fs.write_bytes_atomically(target, "新".encode("utf-8"))
    assert held.calls == 3
    assert target.read_text(encoding="utf-8") == "新"
    assert [p.name for p in tmp_path.iterdir()] == ["年报.txt"]  # no temp file left


def test_a_file_held_open_for_good_fails_after_the_retries_with_the_old_file_intact(tmp_path, monkeypatch, windows):
    target = tmp_path / "年报.txt"
    target.write_text("旧", encoding="utf-8")
    held = HeldOpen(times=100)
    monkeypatch.setattr(os, "replace", held)
    with pytest.raises(PermissionError):
        fs.write_bytes_atomically(target, b"new")
    assert held.calls == len(fs.REPLACE_RETRY_DELAYS) + 1
    assert target.read_text(encoding="utf-8") == "旧"
    assert [p.name for p in tmp_path.iterdir()] == ["年报.txt"]


def test_elsewhere_a_refused_replace_is_a_real_permission_problem_and_not_retried(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "platform", "linux")
    held = HeldOpen(times=1)
    monkeypatch.setattr(os, "replace", held)
    with pytest.raises(PermissionError):
        fs.write_bytes_atomically(tmp_path / "a.txt", b"x")
    assert held.calls == 1


def test_an_export_over_a_file_held_open_on_windows_succeeds(tmp_path, monkeypatch, windows):
    out = tmp_path / "年报.txt"
    out.write_text("上次导出", encoding="utf-8")
    monkeypatch.setattr(os, "replace", HeldOpen(times=2))
    result = CliRunner().invoke(app, ["export", str(EXAMPLE), "-f", "txt", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith("梨林镇人民政府2021年政府信息公开工作年度报告")


def test_deleting_a_session_held_open_on_windows_is_retried(tmp_path, monkeypatch, windows):
    session = tmp_path / "lilin.json"
    session.write_bytes(EXAMPLE.read_bytes())
    datadir.backup_path(session).write_bytes(EXAMPLE.read_bytes())
    held = HeldOpen(times=2)
    monkeypatch.setattr(os, "replace", held)
    moved = datadir.discard_session(session)
    assert moved.read_bytes() == EXAMPLE.read_bytes() and datadir.backup_path(moved).is_file()
    assert not session.exists()
    assert held.calls == 4  # the session: two refusals and the move; the backup: one move


def _program_files(tmp_path: Path, monkeypatch, *, installed_in: str | None) -> dict[str, Path]:
    folders = {name: tmp_path / name.replace("(", "_").replace(")", "") for name in pdf.WINDOWS_FOLDERS}
    for name, folder in folders.items():
        folder.mkdir()
        monkeypatch.setenv(name, str(folder))
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))  # not on PATH, as the installer leaves it
    if installed_in:
        office = folders[installed_in].joinpath(*pdf.WINDOWS_OFFICE)
        office.parent.mkdir(parents=True)
        # Writes the PDF where it was asked to (--outdir DIR, the source last).
        office.write_text(
            '#!/bin/sh\nfor a in "$@"; do prev="$cur"; cur="$a"; [ "$prev" = --outdir ] && out="$a"; done\n'
            f'{MKDIR} -p "$out"; printf "%%PDF-1.4 fake" > "$out/report.pdf"\n',
            encoding="utf-8",
        )
        office.chmod(0o755)
    return folders


@pytest.mark.parametrize("installed_in", ["ProgramFiles", "ProgramFiles(x86)"])
def test_libreoffice_is_found_in_either_program_files_folder(tmp_path, monkeypatch, windows, installed_in):
    folders = _program_files(tmp_path, monkeypatch, installed_in=installed_in)
    found = pdf.find_office()
    assert found == str(folders[installed_in] / "LibreOffice" / "program" / "soffice.exe")


def test_without_libreoffice_windows_is_told_where_to_get_it(tmp_path, monkeypatch, windows):
    _program_files(tmp_path, monkeypatch, installed_in=None)
    assert pdf.find_office() is None
    result = CliRunner().invoke(app, ["export", str(EXAMPLE), "-f", "pdf", "-o", str(tmp_path / "a.pdf")])
    assert result.exit_code == 2
    assert "未找到 LibreOffice" in result.output and "libreoffice.org" in result.output


@posix_shell
def test_a_pdf_export_uses_the_libreoffice_in_program_files(tmp_path, monkeypatch, windows):
    _program_files(tmp_path, monkeypatch, installed_in="ProgramFiles")
    out = tmp_path / "年报.pdf"
    result = CliRunner().invoke(app, ["export", str(EXAMPLE), "-f", "pdf", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_bytes() == b"%PDF-1.4 fake"


def _hanging_office(tmp_path: Path) -> tuple[str, Path, Path]:
    docx = tmp_path / "report.docx"
    write_docx(pdf_report(), docx)
    child_pid = tmp_path / "child.pid"
    script = tmp_path / "soffice"
    script.write_text(f"#!/bin/sh\nsleep 60 & echo $! > {child_pid}; wait\n", encoding="utf-8")
    script.chmod(0o755)
    return str(script), docx, child_pid


def pdf_report():
    from nianbao import store

    return store.load(EXAMPLE).report


def _wait_gone(pid: int) -> bool:
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
        except FileNotFoundError:
            return True
        if state in ("Z", "X"):
            return True
        time.sleep(0.05)
    return False


@posix_shell
def test_a_hanging_conversion_on_windows_is_ended_with_its_children_by_taskkill(tmp_path, monkeypatch):
    killpg = os.killpg
    office, docx, child_pid = _hanging_office(tmp_path)
    calls: list[list[str]] = []
    real_run = subprocess.run

    def taskkill(args, **kwargs):
        if args[0] != "taskkill":
            return real_run(args, **kwargs)
        calls.append(args)
        killpg(int(args[args.index("/PID") + 1]), 9)  # what /T does: the process and its children
        return subprocess.CompletedProcess(args, 0)

    monkeypatch.setattr(subprocess, "run", taskkill)
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.delattr(os, "killpg")
    with pytest.raises(pdf.PdfError) as caught:
        pdf.convert_to_pdf(docx, tmp_path, office, timeout=1)
    assert "超时" in str(caught.value)
    assert len(calls) == 1 and calls[0][:4] == ["taskkill", "/F", "/T", "/PID"]
    assert _wait_gone(int(child_pid.read_text()))


@posix_shell
def test_a_hanging_conversion_on_windows_without_taskkill_still_stops(tmp_path, monkeypatch):
    office, docx, child_pid = _hanging_office(tmp_path)
    real_run = subprocess.run

    def no_taskkill(args, **kwargs):
        if args[0] == "taskkill":
            raise FileNotFoundError(2, "系统找不到指定的文件。", "taskkill")
        return real_run(args, **kwargs)

    monkeypatch.setattr(subprocess, "run", no_taskkill)
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.delattr(os, "killpg")
    started = time.monotonic()
    with pytest.raises(pdf.PdfError) as caught:
        pdf.convert_to_pdf(docx, tmp_path, office, timeout=1)
    assert "超时" in str(caught.value)
    assert time.monotonic() - started < 10
    os.kill(int(child_pid.read_text()), 9)  # only the launcher is ended this way: tidy its child


def _session_with(tmp_path: Path, extra: str) -> Path:
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    data["report"]["overview"]["summary"] += extra
    path = tmp_path / "bullet.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def _run_with_encoding(encoding: str, *args: str, tmp_path: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONIOENCODING": encoding, "NIANBAO_DATA_DIR": str(tmp_path / "data")}
    return subprocess.run(
        [sys.executable, "-m", "nianbao", *args], capture_output=True, env=env, timeout=120, cwd=tmp_path
    )


@pytest.mark.parametrize("plain", [True, False])
def test_printing_to_a_gbk_console_replaces_what_gbk_lacks_and_says_so(tmp_path, plain):
    session = _session_with(tmp_path, "•推进✓😀")
    proc = _run_with_encoding("gbk", "print", str(session), *(["--plain"] if plain else []), tmp_path=tmp_path)
    stderr = proc.stderr.decode("gbk")
    assert proc.returncode == 0, stderr
    assert "Traceback" not in stderr
    text = proc.stdout.decode("gbk")
    assert text.startswith("梨林镇人民政府2021年政府信息公开工作年度报告")
    assert "深化重点领域信息公开?推进??" in text  # • ✓ 😀 replaced, every other character kept
    assert "“大美梨林”" in text
    assert "无法显示其中 3 个字符" in stderr and "nianbao export" in stderr


def test_a_gbk_console_that_can_show_everything_gets_no_note(tmp_path):
    proc = _run_with_encoding("gbk", "print", str(EXAMPLE), "--plain", tmp_path=tmp_path)
    assert proc.returncode == 0
    assert proc.stderr == b""
    assert proc.stdout.decode("gbk") == (REPO / "tests" / "golden" / "lilin-2021.txt").read_text(encoding="utf-8")


def test_check_on_a_gbk_console_names_a_file_gbk_cannot_show(tmp_path):
    session = _session_with(tmp_path, "")
    named = session.rename(tmp_path / "报告😀.json")
    proc = _run_with_encoding("gbk", "check", str(named), tmp_path=tmp_path)
    assert proc.returncode in (0, 1), proc.stderr.decode("gbk")
    assert b"Traceback" not in proc.stderr
    assert "报告?.json" in proc.stdout.decode("gbk")


def test_reading_a_doc_without_libreoffice_tells_windows_where_to_get_it(tmp_path, monkeypatch, windows):
    from nianbao.importer.errors import ReportImportError
    from nianbao.importer.extraction.office_convert import OLE_MAGIC, office_to_text

    _program_files(tmp_path, monkeypatch, installed_in=None)
    with pytest.raises(ReportImportError) as caught:
        office_to_text(OLE_MAGIC + b"\0" * 512, "2023年报.doc")
    assert "2023年报.doc" in str(caught.value) and "libreoffice.org" in str(caught.value)
