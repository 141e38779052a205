"""Shared pieces of the command line: the Typer app, consoles, errors, session loading."""

from __future__ import annotations

from typing import Optional

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from nianbao import store
from nianbao.cli.helptext import ChineseCommand, ChineseGroup
from nianbao.report import labels as L
from nianbao.report.findings import Finding

app = typer.Typer(
    name="nianbao",
    help="年报助手：逐项问答起草政府信息公开工作年度报告，随填随查表格勾稽关系。",
    add_completion=False,
    no_args_is_help=False,
    rich_markup_mode=None,
    cls=ChineseGroup,
)
out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)


# Every command's --help is in Chinese: `@command("name")`, not `@app.command("name")`.
def command(name: str, help: str | None = None):
    return app.command(name, cls=ChineseCommand, help=help)


EXIT_OK, EXIT_FINDINGS, EXIT_UNUSABLE = 0, 1, 2


class State:
    data_dir: Optional[str] = None


def fail(message: str, code: int = EXIT_UNUSABLE) -> "typer.Exit":
    """Print a one-line Chinese error and return the Exit to raise."""
    err.print(Text("错误：" + message, style="bold red"))
    return typer.Exit(code)


def hold_session(path) -> None:
    """Take the session's drafting lock for this process; refused (exit 2) when another instance
    drafts it."""
    from nianbao import lock

    try:
        lock.acquire(path)
    except lock.SessionLocked as exc:
        raise fail(str(exc)) from None


def load_session(name: str):
    try:
        return store.load(store.resolve(name, State.data_dir))
    except store.SessionError as exc:
        raise fail(str(exc)) from None


def finding_json(f: Finding) -> dict:
    return {"rule": f.rule, "severity": f.severity, "where": f.where, "message": f.message}


def print_findings(findings: list[Finding]) -> None:
    if not findings:
        out.print(Text("未发现问题。", style="green"))
        return
    if not out.is_terminal:
        # Piped: one whole line per finding, nothing cut to a terminal width.
        for f in findings:
            out.print(Text(f"{f.rule}\t{L.SEVERITY_LABELS[f.severity]}\t{f.where}\t{f.message}"))
        return
    table = Table("规则", "级别", "位置", "说明")
    for f in findings:
        style = "red" if f.is_error else "yellow"
        table.add_row(
            f.rule,
            Text(L.SEVERITY_LABELS[f.severity], style=style),
            Text(f.where, overflow="fold"),
            Text(f.message, overflow="fold"),
        )
    out.print(table)
