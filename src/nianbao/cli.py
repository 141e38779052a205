"""The `nianbao` command. Each command is a thin wrapper over the layers below."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import List, Optional

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from nianbao import store
from nianbao.render.env import MissingFact
from nianbao.render.outputs import FORMATS, render, to_text
from nianbao.report import labels as L
from nianbao.report.findings import Finding, has_errors
from nianbao.rules import check_report

app = typer.Typer(
    name="nianbao",
    help="年报助手：逐项问答起草政府信息公开工作年度报告，随填随查表格勾稽关系。",
    add_completion=False,
    no_args_is_help=False,
    rich_markup_mode=None,
)
out = Console(highlight=False)
err = Console(stderr=True, highlight=False)

EXIT_OK, EXIT_FINDINGS, EXIT_UNUSABLE = 0, 1, 2


class State:
    data_dir: Optional[str] = None


def fail(message: str, code: int = EXIT_UNUSABLE) -> "typer.Exit":
    err.print(Text("错误：" + message, style="bold red"))
    return typer.Exit(code)


def load_session(name: str):
    try:
        return store.load(store.resolve(name, State.data_dir))
    except store.SessionError as exc:
        raise fail(str(exc)) from None


@app.callback(invoke_without_command=True)
def main_callback(
    ctx: typer.Context,
    data_dir: Optional[str] = typer.Option(
        None, "--data-dir", help=f"会话文件夹（默认为用户数据目录，也可用环境变量 {store.ENV_DATA_DIR} 指定）"
    ),
):
    """不带命令运行时打开终端起草界面。"""
    State.data_dir = data_dir
    if ctx.invoked_subcommand is None:
        _run_tui()


def _run_tui(session_path: Optional[Path] = None) -> None:
    try:
        from nianbao.tui.app import run
    except ImportError:
        raise fail("终端起草界面尚未就绪。") from None
    run(data_dir=State.data_dir, session_path=session_path)


@app.command("sessions")
def sessions_cmd():
    """列出已保存的会话：机关、年度、进度、最后修改时间。"""
    paths = store.list_sessions(State.data_dir)
    if not paths:
        out.print(Text(f"还没有保存的会话（文件夹：{store.sessions_dir(State.data_dir)}）"))
        return
    table = Table("会话", "机关", "年度", "进度", "最后修改")
    for path in paths:
        try:
            session = store.load(path)
        except store.SessionError as exc:
            table.add_row(Text(path.stem), Text(str(exc), style="red"), "", "", "")
            continue
        table.add_row(
            Text(path.stem),
            Text(session.report.agency.name or "（未填）"),
            str(session.report.year),
            Text(_progress_text(session)),
            session.updated.astimezone().strftime("%Y-%m-%d %H:%M"),
        )
    out.print(table)


def _progress_text(session) -> str:
    try:
        from nianbao.interview.engine import progress_summary

        return progress_summary(session)
    except ImportError:
        return "已完成" if session.interview.finished else "进行中"


@app.command("print")
def print_cmd(
    session: str = typer.Argument(..., help="会话文件路径或会话名"),
    plain: bool = typer.Option(False, "--plain", help="纯文本输出（用于管道或重定向）"),
):
    """在终端打印报告全文。"""
    sess = load_session(session)
    try:
        text = to_text(sess.report)
    except MissingFact as exc:
        raise fail(f"{exc}（会话：{session}）") from None
    if plain or not out.is_terminal:
        sys.stdout.write(text)
    else:
        out.print(Text(text))


@app.command("export")
def export_cmd(
    session: str = typer.Argument(..., help="会话文件路径或会话名"),
    fmt: str = typer.Option("txt", "-f", "--format", help="格式：" + "、".join(FORMATS)),
    output: Path = typer.Option(..., "-o", "--output", help="输出文件"),
    force: bool = typer.Option(False, "--force", help="报告有错误级问题时仍然导出"),
):
    """导出报告为文件。"""
    sess = load_session(session)
    if fmt not in FORMATS:
        raise fail(f"不支持的格式“{fmt}”，可选：{'、'.join(FORMATS)}")
    try:
        content = render(sess.report, fmt)
    except MissingFact as exc:
        raise fail(f"{exc}（会话：{session}）") from None
    findings = check_report(sess.report, text=to_text(sess.report))
    if has_errors(findings) and not force:
        _print_findings(findings)
        raise fail("报告存在错误级问题，未导出。改正后再导出，或加 --force 强制导出。", EXIT_FINDINGS)
    output.write_text(content, encoding="utf-8")
    out.print(Text(f"已导出：{output}"))


@app.command("check")
def check_cmd(
    files: List[str] = typer.Argument(..., help="会话文件或会话名"),
    as_json: bool = typer.Option(False, "--json", help="以 JSON 输出"),
):
    """检查报告：表格勾稽关系、文字与表格一致、个人信息、未填占位符。退出码 0 无错误，1 有错误，2 无法读取。"""
    reports = []
    worst = EXIT_OK
    for name in files:
        sess = load_session(name)
        try:
            text = to_text(sess.report, draft=True)
        except MissingFact:
            text = None
        findings = check_report(sess.report, text=text)
        reports.append((name, sess.report, findings))
        if has_errors(findings):
            worst = EXIT_FINDINGS
    if as_json:
        payload = {
            "reports": [
                {
                    "file": name,
                    "year": report.year,
                    "agency": report.agency.name,
                    "findings": [_finding_json(f) for f in findings],
                }
                for name, report, findings in reports
            ]
        }
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=1) + "\n")
    else:
        for name, report, findings in reports:
            out.print(Text(f"{name}：{report.agency.name} {report.year} 年", style="bold"))
            _print_findings(findings)
    raise typer.Exit(worst)


def _finding_json(f: Finding) -> dict:
    return {"rule": f.rule, "severity": f.severity, "where": f.where, "message": f.message}


def _print_findings(findings: list[Finding]) -> None:
    if not findings:
        out.print(Text("未发现问题。", style="green"))
        return
    table = Table("规则", "级别", "位置", "说明")
    for f in findings:
        style = "red" if f.is_error else "yellow"
        table.add_row(f.rule, Text(L.SEVERITY_LABELS[f.severity], style=style), Text(f.where), Text(f.message))
    out.print(table)


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        err.print(Text("已中断。已确认的回答都已保存。"))
        sys.exit(130)
