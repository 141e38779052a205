"""Output commands: print and export."""

from __future__ import annotations

import sys
from pathlib import Path

import typer
from rich.text import Text

from nianbao.cli.common import EXIT_FINDINGS, app, fail, load_session, out, print_findings
from nianbao.render.env import MissingFact
from nianbao.render.outputs import FORMATS, render, to_text
from nianbao.report.findings import has_errors
from nianbao.rules import check_report


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
        print_findings(findings)
        raise fail("报告存在错误级问题，未导出。改正后再导出，或加 --force 强制导出。", EXIT_FINDINGS)
    output.write_text(content, encoding="utf-8")
    out.print(Text(f"已导出：{output}"))
