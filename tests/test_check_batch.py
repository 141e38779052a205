"""A reviewer's batch: `check --jobs N` over processes, `check --xlsx` the workbook."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

import nianbao.cli  # noqa: F401  (registers the commands on the app)
from nianbao.cli.common import app
from nianbao.rules import RULES
from nianbao.services import batch
from nianbao.services.check_workbook import DETAILS, DETAILS_HEADER, SUMMARY, SUMMARY_HEADER

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "importer"
TEMPLATES = ("clean-2021.txt", "imbalance-2022.txt", "pipes-2023.txt", "runtogether-2021.txt", "old-2019-blanks.txt")
EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    """40 reports of five layouts, one file that is not a report, one session."""
    here = tmp_path_factory.mktemp("batch")
    for i in range(40):
        name = TEMPLATES[i % len(TEMPLATES)]
        text = (FIXTURES / name).read_text(encoding="utf-8").replace("白石", f"白石{i:02d}")
        (here / f"{i:02d}-{name}").write_text(text, encoding="utf-8")
    (here / "41-empty.html").write_bytes(b"")
    shutil.copy(EXAMPLES / "lilin-2021.json", here / "42-lilin.json")
    return here


def _run(*args: str):
    result = CliRunner().invoke(app, ["check", *args])
    assert "Traceback" not in result.output, result.output
    return result


def test_jobs_gives_the_same_findings_in_the_same_order(folder, monkeypatch):
    monkeypatch.setattr(batch, "MIN_FILES_PER_PROCESS", 4)  # 42 files over 3 processes
    one, many = _run("--json", "--jobs", "1", str(folder)), _run("--json", "--jobs", "3", str(folder))
    assert one.exit_code == many.exit_code == 2  # the empty file is unusable, the rest checked
    assert json.loads(one.stdout) == json.loads(many.stdout)
    files = [r["file"] for r in json.loads(many.stdout)["reports"]]
    assert files == sorted(files) and len(files) == 41
    assert [e["file"] for e in json.loads(many.stdout)["errors"]] == [str(folder / "41-empty.html")]


def test_check_many_uses_processes_and_keeps_the_order(folder, monkeypatch):
    monkeypatch.setattr(batch, "MIN_FILES_PER_PROCESS", 4)
    names = sorted(str(p) for p in folder.iterdir())
    seen: list[str] = []
    results = batch.check_many(names, jobs=2, on_result=lambda r: seen.append(r.file))
    assert [r.file for r in results] == names == seen
    assert isinstance(results[names.index(str(folder / "41-empty.html"))], batch.Unusable)


def test_the_workbook_has_a_row_per_report_and_per_finding(folder, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    path = tmp_path / "审核结果.xlsx"
    result = _run("--xlsx", str(path), "--json", str(folder))
    assert result.exit_code == 2 and "已保存工作簿" in result.stderr
    reports = json.loads(result.stdout)["reports"]
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == [SUMMARY, DETAILS, "说明"]
    summary, details, about = book[SUMMARY], book[DETAILS], book["说明"]
    assert tuple(c.value for c in summary[1]) == SUMMARY_HEADER
    assert summary.freeze_panes == "A2" and summary.auto_filter.ref
    rows = list(summary.iter_rows(min_row=2, values_only=True))
    assert len(rows) == 42 and [r[0] for r in rows] == sorted(str(p) for p in folder.iterdir())
    unusable = [r for r in rows if r[1] == "无法读取"]
    assert len(unusable) == 1 and "空" in unusable[0][7]
    by_file = {r["file"]: r for r in reports}
    for row in rows:
        if row[0] in by_file:
            findings = by_file[row[0]]["findings"]
            assert row[4] == sum(f["severity"] == "E" for f in findings)
            assert row[5] == sum(f["severity"] == "W" for f in findings)
            assert row[6] == by_file[row[0]]["unread_cells"]
    error_row = next(i for i, r in enumerate(rows, start=2) if r[4])
    assert summary.cell(error_row, 1).fill.start_color.rgb.endswith("FFE0E0")
    assert summary.column_dimensions["B"].width >= 2 * len("白石00镇人民政府")  # CJK counted double
    assert tuple(c.value for c in details[1]) == DETAILS_HEADER
    assert details.max_row - 1 == sum(len(r["findings"]) for r in reports)
    first = next(details.iter_rows(min_row=2, values_only=True))
    finding = next(f for r in reports for f in r["findings"])
    assert first[2:] == (finding["rule"], {"E": "错误", "W": "提醒"}[finding["severity"]], finding["where"], finding["message"])
    ids = [row[0] for row in about.iter_rows(min_row=2, values_only=True) if row[0]]
    assert set(RULES) <= set(ids) and "生成时间" in ids


def test_a_control_character_in_a_report_does_not_break_the_workbook(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    text = (FIXTURES / "imbalance-2022.txt").read_text(encoding="utf-8").replace("白石", "白\x07石", 1)
    (tmp_path / "r.txt").write_text(text, encoding="utf-8")
    result = _run("--xlsx", str(tmp_path / "out.xlsx"), str(tmp_path / "r.txt"))
    assert result.exit_code == 1
    assert openpyxl.load_workbook(tmp_path / "out.xlsx")[SUMMARY].max_row == 2


def test_a_workbook_that_cannot_be_written_is_a_chinese_error(folder, tmp_path):
    result = _run("--xlsx", str(tmp_path / "no-such-folder" / "out.xlsx"), str(folder / "00-clean-2021.txt"))
    assert result.exit_code == 2 and "无法写入工作簿" in result.stderr


@pytest.mark.skipif(not (shutil.which("soffice") or shutil.which("libreoffice")), reason="LibreOffice is not installed")
def test_libreoffice_calc_opens_the_workbook(folder, tmp_path):
    path = tmp_path / "book.xlsx"
    _run("--xlsx", str(path), str(folder))
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    profile = tmp_path / "profile"
    done = subprocess.run(
        [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76",
         "--outdir", str(tmp_path), str(path)],
        capture_output=True, timeout=120,
    )
    assert done.returncode == 0, done.stderr
    csv = (tmp_path / "book.csv").read_text(encoding="utf-8", errors="replace")
    assert csv.splitlines()[0].startswith("文件,机关,年度")


def test_jobs_below_one_is_a_chinese_error(folder):
    result = _run("--jobs", "0", str(folder))
    assert result.exit_code == 2 and "--jobs 应为不小于 1 的整数" in result.stderr


def test_when_processes_cannot_start_the_batch_is_checked_here(folder, monkeypatch):
    def no_processes(*args, **kwargs):
        raise OSError(38, "Function not implemented")

    monkeypatch.setattr(batch, "MIN_FILES_PER_PROCESS", 4)
    monkeypatch.setattr(batch, "ProcessPoolExecutor", no_processes)
    names = sorted(str(p) for p in folder.iterdir())
    results = batch.check_many(names, jobs=2)
    assert [r.file for r in results] == names
