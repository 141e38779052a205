"""Drafting commands: the TUI (no command), sessions list."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer
from rich.table import Table
from rich.text import Text

from nianbao import store
from nianbao.cli.common import State, app, fail, out


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
        run_tui()


def run_tui(session_path: Optional[Path] = None) -> None:
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
    except ImportError:
        return "已完成" if session.interview.finished else "进行中"
    return progress_summary(session)
