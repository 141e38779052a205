"""The check command: findings for sessions and for published reports (txt, html, docx).

`nianbao check FILE... | DIR`: a folder means every report file in it. Exit 0 when no report has
an error-level finding, 1 when one has, 2 when a file cannot be used at all (its one-line Chinese
error goes to stderr; the other files are still checked).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, List, Optional

import typer
from rich.table import Table
from rich.text import Text

from nianbao import store
from nianbao.cli.common import (
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_UNUSABLE,
    State,
    command,
    err,
    fail,
    finding_json,
    out,
    print_findings,
)
from nianbao.importer import ReportImportError, report_suffixes
from nianbao.report import labels as L
from nianbao.report.findings import has_errors
from nianbao.services.batch import (  # noqa: F401  (check_one, tables_json: for the benchmarks and tests)
    Checked, LastYear, Unusable, check_many, check_one, default_jobs, is_published, tables_json,
)

if TYPE_CHECKING:
    from rich.progress import Progress



def folder_suffixes() -> tuple[str, ...]:
    return (*report_suffixes(), store.SUFFIX)


# --- reading ------------------------------------------------------------------------------------


def expand(names: list[str]) -> tuple[list[str], list[str]]:
    """(files to check, errors): a folder becomes the report and session files directly in it."""
    files: list[str] = []
    errors: list[str] = []
    for name in names:
        path = Path(name)
        if path.is_dir() and store.resolve(name, State.data_dir) == path:  # not a saved session's name
            found = sorted(p for p in path.iterdir() if _is_report_file(p))
            if not found:
                errors.append(f"文件夹 {path} 中没有报告文件（{'、'.join(folder_suffixes())}）。")
            files.extend(str(p) for p in found)
        else:
            files.append(name)
    return files, errors


def _is_report_file(path: Path) -> bool:
    suffix = path.suffix.lower()
    if not path.is_file() or suffix not in folder_suffixes():
        return False
    return suffix != store.SUFFIX or _looks_like_session(path)


def _looks_like_session(path: Path) -> bool:
    """A .json file in a folder is checked as a session unless it is clearly other data."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return True  # a damaged session is reported, not skipped
    return isinstance(raw, dict) and bool({"schema_version", "report", "year"} & set(raw))


def load_last_year(name: str) -> LastYear:
    from nianbao.services.last_year import load_last_year as load

    path = store.resolve(name, State.data_dir) if not is_published(name, State.data_dir) else Path(name)
    try:
        report, text = load(path)
    except ReportImportError as exc:
        raise fail(f"上年报告无法使用：{exc}") from None
    return LastYear(report, text)


# --- output -------------------------------------------------------------------------------------


def report_json(c: Checked) -> dict[str, Any]:
    return {
        "file": c.file,
        "year": c.year,
        "agency": c.agency,
        "format": c.format,
        "tables": c.tables,
        "findings": [finding_json(f) for f in c.findings],
        "notes": c.notes,
        "unread_cells": c.unread_cells,
    }


def print_report(c: Checked) -> None:
    year = "？" if c.year is None else str(c.year)
    head = f"{c.file}：{c.agency or '（机关名称未知）'} {year} 年"
    if not c.session:
        head += f"（{L.FORMAT_NAMES.get(c.format, c.format)}）"
    out.print(Text(head, style="bold"))
    for note in c.notes:
        out.print(Text("  读取说明：" + note, style="yellow"))
    print_findings(c.findings)


def print_summary(results: list[Checked], unusable: list[tuple[str, str]]) -> None:
    table = Table("文件", "机关", "年度", "格式", "错误", "提醒", "读取说明", title="检查汇总")
    for c in results:
        errors = sum(1 for f in c.findings if f.is_error)
        warnings = len(c.findings) - errors
        table.add_row(
            Text(_short_name(c.file)),
            Text(c.agency or "？"),
            "？" if c.year is None else str(c.year),
            "会话" if c.session else c.format,
            Text(str(errors), style="red" if errors else "green"),
            Text(str(warnings), style="yellow" if warnings else ""),
            str(len(c.notes)),
        )
    for name, _ in unusable:
        table.add_row(Text(_short_name(name)), Text("无法读取", style="bold red"), "", "", "", "", "")
    out.print(table)
    with_errors = sum(1 for c in results if has_errors(c.findings))
    out.print(
        Text(
            f"共 {len(results) + len(unusable)} 份：{with_errors} 份有错误，"
            f"{len(results) - with_errors} 份无错误，{len(unusable)} 份无法读取。"
        )
    )


def _short_name(name: str) -> str:
    # The table is narrow: the file's own name says which report it is; the full path is above.
    return Path(name).name or name


def _progress() -> "Progress":
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    return Progress(
        TextColumn("检查中"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=err,
        transient=True,
    )


def _write_workbook(path: Path, outcome) -> None:
    from nianbao.services.check_workbook import write_workbook

    try:
        written = write_workbook(path, outcome)
    except OSError as exc:
        raise fail(f"无法写入工作簿 {path}：{exc.strerror or exc}") from None
    err.print(Text(f"已保存工作簿：{written}"))


# --- the command ----------------------------------------------------------------------------


@command("check")
def check_cmd(
    files: List[str] = typer.Argument(..., metavar="FILE", help="会话文件或会话名、已发布的报告（.txt .html .htm .docx .pdf .doc .wps），或它们所在的文件夹"),
    as_json: bool = typer.Option(False, "--json", help="以 JSON 输出（一个对象）"),
    last_year: Optional[str] = typer.Option(
        None, "--last-year", metavar="LAST", help="上年的报告（会话或已发布的报告），用于跨年度检查（X 规则）"
    ),
    jobs: Optional[int] = typer.Option(
        None, "--jobs", "-j", metavar="N", help="同时使用的进程数（默认：全部 CPU 核心；1 为单进程）"
    ),
    xlsx: Optional[Path] = typer.Option(
        None, "--xlsx", metavar="FILE", help="另存一份 Excel 工作簿（汇总、问题明细、说明），可发回各部门"
    ),
):
    """检查报告：表格勾稽关系、文字与表格一致、个人信息、未填占位符。退出码 0 无错误，1 有错误，2 无法读取。"""
    if jobs is not None and jobs < 1:
        raise fail(f"--jobs 应为不小于 1 的整数（同时使用的进程数），收到 {jobs}。")
    last = load_last_year(last_year) if last_year else None
    names, folder_errors = expand(files)
    unusable: list[tuple[str, str]] = [("", message) for message in folder_errors]
    for message in folder_errors:
        err.print(Text("错误：" + message, style="bold red"))
    show_progress = err.is_terminal and len(names) > 1 and not as_json
    progress = _progress() if show_progress else None
    task = progress.add_task("check", total=len(names)) if progress else None

    def done(result) -> None:
        if isinstance(result, Unusable):
            unusable.append((result.file, str(result)))
            (progress.console if progress else err).print(Text("错误：" + str(result), style="bold red"))
        if progress:
            progress.advance(task)

    if progress:
        progress.start()
    try:
        outcome = check_many(names, last, State.data_dir, jobs or default_jobs(), on_result=done)
    finally:
        if progress:
            progress.stop()
    results = [r for r in outcome if isinstance(r, Checked)]
    if xlsx is not None:
        _write_workbook(xlsx, outcome)
    if as_json:
        payload = {
            "reports": [report_json(c) for c in results],
            "errors": [{"file": name, "message": message} for name, message in unusable],
        }
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=1) + "\n")
    else:
        for c in results:
            print_report(c)
        if len(results) + len(unusable) > 1 and results:
            print_summary(results, [u for u in unusable if u[0]])
    if unusable:
        raise typer.Exit(EXIT_UNUSABLE)
    raise typer.Exit(EXIT_FINDINGS if any(has_errors(c.findings) for c in results) else EXIT_OK)
