"""Output commands: print and export."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer
from rich.text import Text

from nianbao.cli.common import EXIT_FINDINGS, command, err, fail, load_session, out
from nianbao.render.formats import OUTPUT_FORMATS, format_from_suffix, format_named, formats_help
from nianbao.report.findings import Finding


@command("print")
def print_cmd(
    session: str = typer.Argument(..., metavar="SESSION", help="会话文件路径或会话名"),
    plain: bool = typer.Option(False, "--plain", help="纯文本输出（用于管道或重定向）"),
):
    """在终端打印报告全文。"""
    from nianbao.render.env import MissingFact
    from nianbao.render.outputs import to_text

    sess = load_session(session)
    try:
        text = to_text(sess.report)
    except MissingFact as exc:
        raise fail(f"{exc}（会话：{session}）") from None
    if plain or not out.is_terminal:
        sys.stdout.write(text)
    else:
        out.print(Text(text))


@command("export", help=f"导出报告为文件（{'、'.join(OUTPUT_FORMATS)}）。")
def export_cmd(
    session: str = typer.Argument(..., metavar="SESSION", help="会话文件路径或会话名"),
    fmt: Optional[str] = typer.Option(
        None, "-f", "--format", metavar="FORMAT", help="格式：" + formats_help() + "。不写时按输出文件扩展名判断，默认 txt"
    ),
    output: Path = typer.Option(..., "-o", "--output", metavar="FILE", help="输出文件（已存在则覆盖）"),
    force: bool = typer.Option(False, "--force", help="报告有错误级问题时仍然导出"),
):
    from nianbao.render.env import MissingFact
    from nianbao.render.export import export_report
    from nianbao.render.pdf import PdfError
    from nianbao.services.checking import check_session

    chosen = format_named(fmt) if fmt else OUTPUT_FORMATS[format_from_suffix(output)]
    if chosen is None:
        raise fail(f"不支持的格式“{fmt}”，可选：{'、'.join(OUTPUT_FORMATS)}")
    fmt = chosen.name
    if output.is_dir():
        raise fail(f"输出路径是一个文件夹：{output}。请在 -o 后写文件名，例如 -o 年报.{fmt}")
    if not output.parent.is_dir():
        raise fail(f"输出文件夹不存在：{output.parent}")
    sess = load_session(session)
    report = sess.report
    checked = check_session(sess)  # every format words the report the same way: a missing fact shows here
    if checked.text.missing:
        raise fail(f"{checked.text.missing}（会话：{session}）")
    errors = checked.errors
    if errors and not force:
        _print_errors(errors)
        raise fail(
            f"报告存在 {len(errors)} 个错误级问题，未导出。改正后再导出，或加 --force 强制导出。", EXIT_FINDINGS
        )
    try:
        export_report(report, fmt, output)
    except MissingFact as exc:
        raise fail(f"{exc}（会话：{session}）") from None
    except PdfError as exc:
        raise fail(str(exc)) from None
    except OSError as exc:
        raise fail(f"无法写入 {output}：{exc.strerror or exc}") from None
    if errors:
        rules = "、".join(dict.fromkeys(f.rule for f in errors))
        err.print(Text(f"注意：报告仍有 {len(errors)} 个错误级问题（{rules}），已按 --force 导出。", style="yellow"))
    out.print(Text(f"已导出：{output}"))


def _print_errors(errors: list[Finding]) -> None:
    """One line per error: rule, place, message, so the clerk knows what to fix and where."""
    for f in errors:
        place = f"{f.where}：" if f.where else ""
        err.print(Text(f"[{f.rule}] {place}{f.message}", style="red"))
