"""`nianbao export` for every format: what it writes, what it refuses, and how it says so."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import docx
import html5lib
import pytest
from typer.testing import CliRunner

import nianbao.cli  # noqa: F401  (registers the commands)
from nianbao import store
from nianbao.cli.common import EXIT_FINDINGS, EXIT_UNUSABLE, app
from nianbao.render import pdf
from nianbao.render.outputs import to_text
from nianbao.rules import check_report
from nianbao.session import Session

ID_NUMBER = "11010519491231002X"  # 18 characters: the shape of a resident ID number (P-1)


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def save(session: Session, path: Path) -> Path:
    store.save(session, path)
    return path


def export(runner: CliRunner, session: Path, output: Path, *args: str):
    return runner.invoke(app, ["export", str(session), "-o", str(output), *args])


def no_traceback(result) -> bool:
    return result.exception is None or isinstance(result.exception, SystemExit)


def leftovers(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.startswith(".")]


@pytest.mark.parametrize("fmt", ["txt", "md", "html", "docx"])
def test_export_each_format(runner, lilin_path, tmp_path, fmt):
    out = tmp_path / f"report.{fmt}"
    result = export(runner, lilin_path, out, "-f", fmt)
    assert result.exit_code == 0, result.stderr
    assert f"已导出：{out}" in result.stdout
    title = store.load(lilin_path).report.title
    if fmt == "docx":
        assert docx.Document(str(out)).paragraphs[0].text == title
    else:
        text = out.read_text(encoding="utf-8")
        assert title in text
        if fmt == "html":
            html5lib.HTMLParser(strict=True).parse(text)
    assert leftovers(tmp_path) == []


@pytest.mark.slow
@pytest.mark.skipif(pdf.find_office() is None, reason="LibreOffice is not installed (Debian: apt-get install libreoffice-writer-nogui)")
def test_export_pdf(runner, lilin_path, tmp_path):
    out = tmp_path / "report.pdf"
    result = export(runner, lilin_path, out, "-f", "pdf")
    assert result.exit_code == 0, result.stderr
    assert out.read_bytes().startswith(b"%PDF-")
    assert leftovers(tmp_path) == []


def test_format_follows_the_file_extension(runner, lilin_path, tmp_path):
    out = tmp_path / "年报.docx"
    result = export(runner, lilin_path, out)
    assert result.exit_code == 0, result.stderr
    assert out.read_bytes()[:2] == b"PK"  # a docx is a zip file


def test_export_overwrites_the_output_file(runner, lilin_path, tmp_path):
    out = tmp_path / "report.txt"
    out.write_text("old", encoding="utf-8")
    result = export(runner, lilin_path, out, "-f", "txt")
    assert result.exit_code == 0
    assert out.read_text(encoding="utf-8") == to_text(store.load(lilin_path).report)


def test_unknown_format(runner, lilin_path, tmp_path):
    result = export(runner, lilin_path, tmp_path / "report.odt", "-f", "odt")
    assert result.exit_code == EXIT_UNUSABLE and no_traceback(result)
    assert "不支持的格式" in result.stderr and "docx" in result.stderr and "pdf" in result.stderr


def test_missing_output_folder(runner, lilin_path, tmp_path):
    result = export(runner, lilin_path, tmp_path / "nowhere" / "report.docx")
    assert result.exit_code == EXIT_UNUSABLE and no_traceback(result)
    assert "输出文件夹不存在" in result.stderr


@pytest.mark.parametrize("fmt", ["docx", "pdf", "html"])
def test_missing_fact_is_a_one_line_error(runner, lilin, tmp_path, fmt):
    lilin.report.agency.website = ""
    session = save(lilin, tmp_path / "s.json")
    out = tmp_path / f"report.{fmt}"
    result = export(runner, session, out, "-f", fmt)
    assert result.exit_code == EXIT_UNUSABLE and no_traceback(result)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("错误：") and "报告发布网站" in lines[0]
    assert not out.exists() and leftovers(tmp_path) == []


def test_table_error_blocks_export_unless_forced(runner, lilin, tmp_path):
    lilin.report.table3.set("new", "natural", 3)  # 新收 no longer equals 办结 + 结转: T3-1
    session = save(lilin, tmp_path / "s.json")
    out = tmp_path / "report.docx"
    refused = export(runner, session, out)
    assert refused.exit_code == EXIT_FINDINGS and no_traceback(refused)
    assert "[T3-1] 表三" in refused.stderr and "--force" in refused.stderr
    assert not out.exists()

    forced = export(runner, session, out, "--force")
    assert forced.exit_code == 0, forced.stderr
    assert "T3-1" in forced.stderr and "--force" in forced.stderr  # still told what is wrong
    assert out.exists()


def test_personal_data_blocks_export_naming_p1_and_where(runner, lilin, tmp_path):
    lilin.report.overview.summary = f"本年度办理群众来访登记，经办人身份证号{ID_NUMBER}。"
    report = lilin.report
    findings = [f for f in check_report(report, text=to_text(report)) if f.rule == "P-1"]
    assert findings, "P-1 does not flag an 18-digit ID number"
    session = save(lilin, tmp_path / "s.json")
    out = tmp_path / "report.docx"

    refused = export(runner, session, out, "-f", "docx")
    assert refused.exit_code == EXIT_FINDINGS and no_traceback(refused)
    assert "[P-1]" in refused.stderr
    assert findings[0].where and findings[0].where in refused.stderr
    assert ID_NUMBER not in refused.stderr  # the message itself must not repeat the number
    assert not out.exists()

    forced = export(runner, session, out, "-f", "docx", "--force")
    assert forced.exit_code == 0, forced.stderr
    assert "P-1" in forced.stderr
    assert any(ID_NUMBER in p.text for p in docx.Document(str(out)).paragraphs)


def test_pdf_without_libreoffice_through_the_real_program(lilin_path, tmp_path):
    """The real process: exit 2, one Chinese line naming the package, no traceback."""
    out = tmp_path / "report.pdf"
    env = {**os.environ, "PATH": str(tmp_path)}  # neither soffice nor libreoffice on PATH
    result = subprocess.run(
        [sys.executable, "-m", "nianbao", "export", str(lilin_path), "-f", "pdf", "-o", str(out)],
        capture_output=True, text=True, env=env, timeout=60,
    )
    assert result.returncode == EXIT_UNUSABLE
    assert "Traceback" not in result.stderr
    assert "未找到 LibreOffice" in result.stderr and "libreoffice-writer" in result.stderr
    assert not out.exists() and leftovers(tmp_path) == []
