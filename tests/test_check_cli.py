"""`nianbao check` on published reports and sessions: exit codes, the --json shape, folders,
unusable files, --last-year, and the progress bar (stderr, terminals only)."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

import nianbao.cli  # noqa: F401  (registers the commands on the app)
from nianbao.cli import check as check_module
from nianbao.cli.common import app
from nianbao.services import batch

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "importer"
CLEAN = FIXTURES / "clean-2021.txt"
IMBALANCE = FIXTURES / "imbalance-2022.txt"
OLD = FIXTURES / "old-2019-blanks.txt"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def _json(result) -> dict:
    return json.loads(result.stdout)


def _one_line_error(result, code: int, fragment: str) -> None:
    assert result.exit_code == code, (result.stdout, result.stderr)
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("错误：") and fragment in lines[0]
    assert "Traceback" not in result.output


# --- exit codes ---------------------------------------------------------------------------------


def test_clean_published_report_exits_0(runner: CliRunner) -> None:
    result = runner.invoke(app, ["check", str(CLEAN)])
    assert result.exit_code == 0, result.output
    assert "".join(result.stdout.splitlines()).startswith(f"{CLEAN}：青溪县白石镇人民政府 2021 年（2021 年格式）")
    assert "未发现问题" in result.stdout
    assert result.stderr == ""


def test_unbalanced_report_exits_1_and_names_the_rule(runner: CliRunner) -> None:
    result = runner.invoke(app, ["check", str(IMBALANCE)])
    assert result.exit_code == 1
    assert "T3-2" in result.stdout


def test_session_and_published_report_together(runner: CliRunner, lilin_path: Path) -> None:
    result = runner.invoke(app, ["check", str(lilin_path), str(CLEAN)])
    assert result.exit_code == 0, result.output
    assert "检查汇总" in result.stdout and "共 2 份：0 份有错误，2 份无错误，0 份无法读取。" in "".join(
        result.stdout.splitlines()
    )


# --- JSON ---------------------------------------------------------------------------------------


def test_json_is_one_object_with_tables_and_findings(runner: CliRunner) -> None:
    result = runner.invoke(app, ["check", "--json", str(IMBALANCE), str(OLD)])
    assert result.exit_code == 1
    payload = _json(result)
    assert set(payload) == {"reports", "errors"} and payload["errors"] == []
    first, old = payload["reports"]
    assert {"file", "year", "agency", "format", "tables", "findings"} <= set(first)
    assert (first["file"], first["year"], first["agency"], first["format"]) == (
        str(IMBALANCE),
        2022,
        "青溪县白石镇人民政府",
        "2021",
    )
    t2, t3, t4 = first["tables"]["表二"], first["tables"]["表三"], first["tables"]["表四"]
    assert [len(r) for r in t2] == [3, 3, 1, 1, 1, 1]
    assert t2[1] == [2, 1, 5] and t2[2] == [12]
    assert len(t3) == 25 and all(len(r) == 7 for r in t3)
    assert t3[0] == [5, 1, 0, 0, 1, 0, 7] and t3[-2] == [5, 1, 0, 0, 1, 0, 7]
    assert t4 == [1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0]
    t3_2 = [f for f in first["findings"] if f["rule"] == "T3-2"]
    assert t3_2 and set(t3_2[0]) == {"rule", "severity", "where", "message"} and t3_2[0]["severity"] == "E"
    # The old-format report: its format, and null (not 0) for blank cells.
    assert old["format"] == "2019" and old["year"] == 2019
    assert old["tables"]["表三"][1] == [1, None, None, None, None, None, 1]
    assert old["tables"]["表二"][0] == [None, None, None]


def test_json_for_a_session(runner: CliRunner, lilin_path: Path) -> None:
    result = runner.invoke(app, ["check", "--json", str(lilin_path)])
    report = _json(result)["reports"][0]
    assert (report["format"], report["tables"]["表三"][0]) == ("2021", [0] * 7)


# --- folders ------------------------------------------------------------------------------------


def test_folder_means_every_report_file_in_it(runner: CliRunner, tmp_path: Path) -> None:
    for name in ("clean-2021.txt", "imbalance-2022.txt", "merged-2024.html"):
        shutil.copy(FIXTURES / name, tmp_path / name)
    (tmp_path / "notes.md").write_text("不是报告", encoding="utf-8")
    result = runner.invoke(app, ["check", "--json", str(tmp_path)])
    assert result.exit_code == 1
    files = [Path(r["file"]).name for r in _json(result)["reports"]]
    assert files == ["clean-2021.txt", "imbalance-2022.txt", "merged-2024.html"]


def test_summary_table_for_several_files(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["check", str(CLEAN), str(IMBALANCE), str(OLD)])
    assert result.exit_code == 1
    text = "".join(result.stdout.splitlines())
    assert "检查汇总" in text and "共 3 份：2 份有错误，1 份无错误，0 份无法读取。" in text


def test_empty_folder_is_unusable(runner: CliRunner, tmp_path: Path) -> None:
    _one_line_error(runner.invoke(app, ["check", str(tmp_path)]), 2, "没有报告文件")


# --- unusable input: exit 2, one Chinese line, no traceback ----------------------------------


@pytest.mark.parametrize(
    "name, content, fragment",
    [
        ("binary.txt", b"\x00\x01\x02\x03PNG\x00" * 50, "不是文本文件"),
        ("empty.txt", b"", "文件是空的"),
        ("old.doc", b"\xd0\xcf\x11\xe0", "另存为 .docx"),
        ("scan.pdf", b"%PDF-1.4", "PDF"),
        ("broken.docx", b"not a zip", "不是有效的 Word"),
    ],
)
def test_unusable_file_exits_2(runner: CliRunner, tmp_path: Path, name: str, content: bytes, fragment: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    _one_line_error(runner.invoke(app, ["check", str(path)]), 2, fragment)


def test_a_50_mb_file_is_refused_without_reading_it(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    _one_line_error(runner.invoke(app, ["check", str(path)]), 2, "文件太大")


def test_missing_report_file(runner: CliRunner, tmp_path: Path) -> None:
    _one_line_error(runner.invoke(app, ["check", str(tmp_path / "nope.html")]), 2, "找不到报告文件")


def test_unusable_among_good_ones_still_checks_the_rest(runner: CliRunner, tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00" * 100)
    result = runner.invoke(app, ["check", "--json", str(CLEAN), str(bad)])
    assert result.exit_code == 2
    payload = _json(result)
    assert [r["file"] for r in payload["reports"]] == [str(CLEAN)]
    assert payload["errors"][0]["file"] == str(bad) and "不是文本文件" in payload["errors"][0]["message"]
    assert result.stderr.startswith("错误：")


# --- last year ----------------------------------------------------------------------------------


def _pair(tmp_path: Path) -> tuple[Path, Path]:
    """Last year's report carried 3 requests forward; this year's says 1 came over."""
    text = CLEAN.read_text(encoding="utf-8")
    last = tmp_path / "last-2021.txt"
    last.write_text(
        text.replace("四、结转下年度继续办理\t1\t0\t0\t0\t0\t0\t1", "四、结转下年度继续办理\t3\t0\t0\t0\t0\t0\t3"),
        encoding="utf-8",
    )
    this = tmp_path / "this-2022.txt"
    this.write_text(text.replace("2021", "2022"), encoding="utf-8")
    return last, this


def test_last_year_report_adds_the_cross_year_rules(runner: CliRunner, tmp_path: Path) -> None:
    last, this = _pair(tmp_path)
    result = runner.invoke(app, ["check", "--json", "--last-year", str(last), str(this)])
    assert result.exit_code == 1
    rules = {f["rule"] for f in _json(result)["reports"][0]["findings"]}
    assert "X-1" in rules  # 上年结转 1 ≠ last year's 结转下年度 3
    assert "X-5" in rules  # the text is last year's with the year changed


def test_without_last_year_no_cross_year_rules(runner: CliRunner, tmp_path: Path) -> None:
    _, this = _pair(tmp_path)
    result = runner.invoke(app, ["check", "--json", str(this)])
    assert not {f["rule"] for f in _json(result)["reports"][0]["findings"]} & {"X-1", "X-2", "X-3", "X-5"}


def test_last_year_session(runner: CliRunner, lilin_path: Path, tmp_path: Path) -> None:
    this = tmp_path / "lilin-2022.txt"
    this.write_text(CLEAN.read_text(encoding="utf-8").replace("2021", "2022"), encoding="utf-8")
    result = runner.invoke(app, ["check", "--json", "--last-year", str(lilin_path), str(this)])
    rules = {f["rule"] for f in _json(result)["reports"][0]["findings"]}
    assert "X-1" in rules  # lilin carried 0 forward, this report says 1 came over


def test_unusable_last_year(runner: CliRunner, tmp_path: Path) -> None:
    bad = tmp_path / "last.txt"
    bad.write_bytes(b"")
    _one_line_error(runner.invoke(app, ["check", "--last-year", str(bad), str(CLEAN)]), 2, "上年报告无法使用")


# --- progress bar -----------------------------------------------------------------------------


def test_progress_bar_only_on_a_terminal(runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    buffer = io.StringIO()
    monkeypatch.setattr(check_module, "err", Console(file=buffer, force_terminal=True, width=80))
    result = runner.invoke(app, ["check", str(CLEAN), str(IMBALANCE)])
    assert result.exit_code == 1
    assert "检查中" in buffer.getvalue()  # drawn on the (terminal) stderr console
    assert "检查中" not in result.stdout


def test_no_progress_bar_for_one_file(runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    buffer = io.StringIO()
    monkeypatch.setattr(check_module, "err", Console(file=buffer, force_terminal=True, width=80))
    runner.invoke(app, ["check", str(CLEAN)])
    assert buffer.getvalue() == ""


def test_report_with_another_suffix_is_read_as_a_report(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "report.md"
    path.write_text(CLEAN.read_text(encoding="utf-8"), encoding="utf-8")
    result = runner.invoke(app, ["check", "--json", str(path)])
    assert result.exit_code == 0, result.output
    assert _json(result)["reports"][0]["agency"] == "青溪县白石镇人民政府"


def test_folder_skips_json_that_is_not_a_session(runner: CliRunner, tmp_path: Path, lilin_path: Path) -> None:
    shutil.copy(CLEAN, tmp_path / "a.txt")
    shutil.copy(lilin_path, tmp_path / "lilin.json")
    (tmp_path / "expected.json").write_text('{"a.txt": [1, 2]}', encoding="utf-8")
    result = runner.invoke(app, ["check", "--json", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert [Path(r["file"]).name for r in _json(result)["reports"]] == ["a.txt", "lilin.json"]


def test_a_program_defect_on_one_file_does_not_stop_the_batch(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken_rules(*args, **kwargs):
        raise ZeroDivisionError

    monkeypatch.setattr(batch, "check_report", broken_rules)
    result = runner.invoke(app, ["check", str(CLEAN)])
    _one_line_error(result, 2, "程序出错（ZeroDivisionError）")
