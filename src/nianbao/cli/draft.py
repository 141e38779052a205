"""Drafting commands: the TUI (no command), new, resume, sessions."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer
from rich.table import Table
from rich.text import Text

from nianbao import datadir, store
from nianbao.cli.common import EXIT_UNUSABLE, State, app, command, fail, hold_session, load_session, out
from nianbao.session import Session


@app.callback(invoke_without_command=True)
def main_callback(
    ctx: typer.Context,
    data_dir: Optional[str] = typer.Option(
        None, "--data-dir", metavar="DIR", help=f"会话文件夹（默认为用户数据目录，也可用环境变量 {store.ENV_DATA_DIR} 指定）"
    ),
):
    """不带命令运行时打开终端起草界面。"""
    State.data_dir = data_dir
    store.remove_stale_temp_files(data_dir)  # every start, the TUI's included
    if ctx.invoked_subcommand is None:
        run_tui()


def run_tui(session_path: Optional[Path] = None, new_path: Optional[Path] = None) -> None:
    from nianbao.tui.app import open_tui

    open_tui(State.data_dir, session_path, new_path)


def _open_engine(session: Session, path: Path):
    from nianbao.interview.engine import Engine
    from nianbao.interview.errors import PromptsError

    try:
        return Engine(session, path)
    except PromptsError as exc:
        raise fail(str(exc)) from None


@command("new")
def new_cmd(
    plain: bool = typer.Option(False, "--plain", help="逐行问答（不用全屏界面）"),
    answers: Optional[Path] = typer.Option(None, "--answers", metavar="FILE.yaml", help="答案文件（YAML，问题id: 回答），用于自动化"),
    from_last: Optional[str] = typer.Option(None, "--from", metavar="LAST", help="从上年的会话或已发布年报开始，预填机关信息和结转数"),
    name: Optional[str] = typer.Option(None, "--name", metavar="NAME", help="会话名（默认按时间生成）"),
):
    """新建一份年报。"""
    try:
        path = datadir.new_session_path(State.data_dir, name)
    except datadir.BadSessionName as exc:
        raise fail(str(exc)) from None
    hold_session(path)  # first: two `new --name same` started together cannot both pass the check below
    if path.exists():
        raise fail(f"会话“{path.stem}”已存在（{path}），请换一个名字，或用 nianbao resume {path.stem} 继续。")
    if not (plain or answers or from_last):
        run_tui(new_path=path)  # the TUI shows the first question while the engine loads
        return
    script = _read_answers(answers) if answers is not None else None  # a bad file creates nothing
    session = _start_session(from_last)
    engine = _open_engine(session, path)
    if script is not None:
        from nianbao.interview.scripted import SaveFailed, ScriptError, run_answers

        try:
            count = run_answers(engine, script)
        except SaveFailed as exc:
            raise fail(str(exc)) from None
        except ScriptError as exc:
            where = f"（已保存到 {path}）" if engine.save() else f"（{engine.save_error}）"
            raise fail(f"{exc}{where}") from None
        if not engine.save():
            raise fail(engine.save_error or "")
        out.print(Text(f"已按答案文件完成 {count} 项问答，会话保存在 {path}"))
        return
    saved = engine.save()  # a failure: the TUI shows it with the first question
    if plain:
        from nianbao.cli.plain import run_plain

        if not saved:
            out.print(Text(engine.save_error or "", style="bold red"))
        if not run_plain(engine, out, session_ref(path)):
            raise typer.Exit(EXIT_UNUSABLE)
        out.print(Text(f"会话保存在 {path}"))
        return
    run_tui(path)


def session_ref(path: Path) -> str:
    """How to name the session in a command: its name when it lives in the sessions folder."""
    import shlex

    in_folder = path.parent.resolve() == datadir.sessions_dir(State.data_dir).resolve()
    return path.stem if in_folder and " " not in path.stem else shlex.quote(str(path))


def _read_answers(answers: Path) -> dict[str, str]:
    from nianbao.interview.scripted import ScriptError, load_answers

    try:
        return load_answers(answers)
    except ScriptError as exc:
        raise fail(str(exc)) from None


def _start_session(from_last: Optional[str]) -> Session:
    if not from_last:
        return Session()
    from nianbao.importer.errors import ReportImportError
    from nianbao.services.last_year import session_from_last_year

    try:
        return session_from_last_year(store.resolve(from_last, State.data_dir))  # a saved session's name too
    except (store.SessionError, ReportImportError) as exc:
        raise fail(str(exc)) from None  # both name the file in Chinese


@command("resume")
def resume_cmd(
    session: str = typer.Argument(..., metavar="SESSION", help="会话文件路径或会话名"),
    plain: bool = typer.Option(False, "--plain", help="逐行问答（不用全屏界面）"),
):
    """继续填写已保存的会话。"""
    path = store.resolve(session, State.data_dir)
    if path.is_file():  # a missing or unreadable one: load_session says why, no lock left behind
        hold_session(path)
    sess = load_session(session)
    if plain:
        from nianbao.cli.plain import run_plain

        if not run_plain(_open_engine(sess, path), out, session_ref(path)):
            raise typer.Exit(EXIT_UNUSABLE)
        return
    run_tui(path)


@command("sessions")
def sessions_cmd():
    """列出已保存的会话：机关、年度、进度、最后修改时间。"""
    paths = store.list_sessions(State.data_dir)
    if not paths:
        out.print(Text(f"还没有保存的会话（文件夹：{store.sessions_dir(State.data_dir)}）"))
        return
    from nianbao.services.progress import progress_summary

    table = Table("会话", "机关", "年度", "进度", "最后修改")
    for path in paths:
        try:
            session = store.load(path)
            row = (
                Text(path.stem),
                Text(session.report.agency.name or "（未填）"),
                str(session.report.year) if session.year_known else "—",
                Text(progress_summary(session)),
                session.updated.astimezone().strftime("%Y-%m-%d %H:%M"),
            )
        except store.SessionError as exc:
            row = (Text(path.stem), Text(str(exc), style="red"), "", "", "")
        except Exception as exc:  # one bad file never hides the good ones
            row = (Text(path.stem), Text(f"无法读取会话文件 {path}（{type(exc).__name__}）", style="red"), "", "", "")
        table.add_row(*row)
    out.print(table)
