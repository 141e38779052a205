"""The Textual application: start screen, then the chat screen for one session."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from nianbao import datadir
from nianbao.tui.background import exit_with_error
from nianbao.tui.chat import ChatScreen
from nianbao.tui.commands import ChatCommands

if TYPE_CHECKING:
    from nianbao.interview.engine import Engine
    from nianbao.session import Session
    from nianbao.tui.start import StartScreen


# Set to 1 for Textual's crash screen with every frame's local variables (they hold the session).
DEBUG_ENV = "NIANBAO_DEBUG"


class NianbaoApp(App[str]):
    """Returns the final report text when the clerk finishes and prints, else None."""

    CSS_PATH = "nianbao.tcss"
    TITLE = "年报助手"
    COMMANDS = App.COMMANDS | {ChatCommands}
    COMMAND_PALETTE_BINDING = "ctrl+p"
    BINDINGS = [
        Binding("ctrl+q", "quit", "退出", priority=True),
        # Declared here so the footer shows it in Chinese (Textual's own says "palette").
        Binding("ctrl+p", "command_palette", "命令", show=False, priority=True, tooltip="打开命令面板"),
    ]

    def __init__(self, data_dir: str | None = None, session_path: Path | None = None, new_path: Path | None = None) -> None:
        """session_path: resume that session; new_path: start a new report saved there;
        neither: the start screen."""
        super().__init__()
        self.data_dir = data_dir
        self.session_path = session_path
        self.new_path = new_path
        self._locked: list[Path] = []  # sessions this app holds the drafting lock of
        self.review_row: str | None = None  # the review's row last opened to edit: its cursor returns there

    def _fatal_error(self) -> None:
        """Textual's crash screen lists every frame's local variables, the whole session among
        them, for anyone who sees or pastes it: a clerk gets the traceback without them, a
        developer (NIANBAO_DEBUG=1) gets Textual's full one."""
        if os.environ.get(DEBUG_ENV) == "1":
            super()._fatal_error()
            return
        import rich
        from rich.console import Group
        from rich.segment import Segments
        from rich.text import Text
        from rich.traceback import Traceback

        self.bell()
        shown = Group(
            Text(f"年报助手出错，已退出。请把下面的出错信息反馈给开发者（设置环境变量 {DEBUG_ENV}=1 可看到更详细的调试信息）。", style="bold red"),
            Traceback(show_locals=False, width=None, suppress=[rich]),
        )
        self._exit_renderables.append(Segments(self.console.render(shown, self.console.options)))
        self._close_messages_no_wait()

    def hold(self, path: Path) -> bool:
        """Take the session's drafting lock; False (and the clerk told where it is open) when
        another instance drafts it."""
        from nianbao import lock

        try:
            lock.acquire(path)
        except lock.SessionLocked as exc:
            self.notify(str(exc), severity="error", timeout=10, markup=False)
            return False
        self._locked.append(path)
        return True

    def on_unmount(self) -> None:
        from nianbao import lock

        for path in self._locked:
            lock.release(path)
        self._locked.clear()

    @property
    def engine(self) -> Engine | None:
        """The open session's engine (None on the start screen, or while it is loading)."""
        chats = [screen for screen in self.screen_stack if isinstance(screen, ChatScreen)]
        return chats[-1].engine if chats else None

    def get_default_screen(self) -> Screen:
        # The first screen is composed with the app: a screen pushed while the app mounts is
        # drawn only after the app's whole start-up batch, some 40 ms later.
        if self.new_path is not None and self.hold(self.new_path):
            return self.new_chat(self.new_path)  # prompts/ is checked in full as the engine loads
        if self.session_path is None:
            from nianbao.tui.start import StartScreen

            return StartScreen(self.data_dir)
        return super().get_default_screen()

    def on_mount(self) -> None:
        # A broken prompts/ folder is reported as soon as the engine or the start screen's
        # session reader loads it, with exit code 2.
        if self.session_path is not None:
            self.open_session(self.session_path)

    def action_command_palette(self) -> None:
        from nianbao.tui.commands import Palette

        if self.use_command_palette and not Palette.is_open(self):
            self.push_screen(Palette(placeholder="搜索命令……", id="--command-palette"))

    def search_themes(self) -> None:
        from textual.theme import ThemeProvider

        from nianbao.tui.commands import Palette

        self.push_screen(Palette(providers=[ThemeProvider], placeholder="搜索配色……"))

    def action_help_quit(self) -> None:
        """Ctrl+C outside a text box: Textual tells how to quit (in English); so do we, in Chinese."""
        self.notify("按 Ctrl+Q 退出，已确认的回答都已保存。", title="要退出吗？", markup=False)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Textual's own commands, in Chinese. Left out: the keys panel (it lists the input
        box's editing keys in English; the footer and F1 cover what a clerk needs) and the
        screenshot (an SVG in the Downloads folder)."""
        yield SystemCommand("退出", "退出年报助手（回答都已保存）", self.action_quit)
        yield SystemCommand("配色", "更换界面配色", self.action_change_theme)
        if screen.maximized is not None:
            yield SystemCommand("还原", "把放大的部分还原", screen.action_minimize)
        elif screen.focused is not None and screen.focused.allow_maximize:
            yield SystemCommand("放大", "放大当前部分", screen.action_maximize)

    def show_start(self) -> None:
        """The start screen, after a session could not be opened (it may already be below)."""
        from nianbao.tui.start import StartScreen

        if not any(isinstance(screen, StartScreen) for screen in self.screen_stack):
            self.push_screen(StartScreen(self.data_dir))

    def on_start_screen_chosen(self, chosen: StartScreen.Chosen) -> None:
        if chosen.control is not self.screen:
            return  # a second choice (a double key press) after a session has opened
        if chosen.action == "resume" and chosen.path is not None:
            self.open_session(chosen.path)
        elif chosen.action == "from_last" and chosen.path is not None:
            self.start_from_last_year(chosen.path)
        else:
            self.open_new(datadir.new_session_path(self.data_dir))

    def open_new(self, path: Path) -> None:
        if self.hold(path):
            self.push_screen(self.new_chat(path))

    def new_chat(self, path: Path) -> ChatScreen:
        """A new, empty report: the first question shows at once, the engine loads behind it."""
        from nianbao.interview.opening import read_opening

        def load() -> Engine:
            from nianbao.interview.engine import Engine
            from nianbao.session import Session

            engine = Engine(Session(), path)
            engine.save()
            return engine

        return ChatScreen(load=load, opening=read_opening())

    def start_new(self, session: Session) -> None:
        from nianbao.interview.engine import Engine
        from nianbao.interview.errors import PromptsError

        path = datadir.new_session_path(self.data_dir)
        if not self.hold(path):
            self.show_start()
            return
        try:
            engine = Engine(session, path)
        except PromptsError as exc:
            exit_with_error(self, str(exc))
            return
        engine.save()
        self.show_chat(engine)

    def start_from_last_year(self, last: Path) -> None:
        from nianbao import store
        from nianbao.importer.errors import ReportImportError
        from nianbao.services.last_year import session_from_last_year

        try:
            session = session_from_last_year(last)
        except (store.SessionError, ReportImportError) as exc:  # both carry Chinese messages
            self.notify(f"无法从上年报告开始：{exc}", severity="error", markup=False)
            self.show_start()
            return
        self.start_new(session)

    def open_session(self, path: Path) -> None:
        from nianbao import store
        from nianbao.interview.engine import Engine
        from nianbao.interview.errors import PromptsError

        if not self.hold(path):
            if path == self.session_path:
                from nianbao import lock

                exit_with_error(self, lock.locked_message(path))
            else:
                self.show_start()
            return
        try:
            engine = Engine(store.load(path), path)
        except PromptsError as exc:
            exit_with_error(self, str(exc))
            return
        except store.SessionError as exc:
            self.notify(str(exc), severity="error", timeout=10, markup=False)
            self.show_start()
            return
        self.show_chat(engine)

    async def action_quit(self) -> None:
        """Ctrl+Q. Every answer is already saved; leaving a finished report prints its text.
        Answers that could not be saved: one more try, then the clerk is asked first."""
        engine = self.engine
        if engine is not None and engine.save_error and not engine.save():
            from nianbao.tui.confirm import ConfirmScreen

            if isinstance(self.screen, ConfirmScreen):
                return
            question = f"{engine.save_error}\n\n仍要退出吗？没有保存的回答将会丢失。"
            self.push_screen(ConfirmScreen(question, "仍然退出", "返回"), self._quit_unsaved)
            return
        if self.engine is not None and self.engine.finished:
            from nianbao.render.env import MissingFact
            from nianbao.render.outputs import to_text

            try:
                self.exit(to_text(self.engine.session.report))
                return
            except MissingFact:
                pass  # finished but incomplete (e.g. edited in the grid): leave quietly
        self.exit()

    def _quit_unsaved(self, yes: bool | None) -> None:
        if yes:
            from rich.text import Text

            message = (self.engine.save_error if self.engine else None) or "回答没有保存。"
            self.exit(return_code=2, message=Text(f"错误：已退出，{message}", style="bold red"))

    def finish_and_print(self) -> None:
        """Leave the app returning the final text (printed by the caller), if the report is complete."""
        from nianbao.render.env import MissingFact
        from nianbao.render.outputs import to_text

        if self.engine is None:
            return
        try:
            text = to_text(self.engine.session.report)
        except MissingFact as exc:
            self.notify(f"{exc}。报告完成后才能打印。", severity="error", markup=False)
            return
        self.exit(text)

    def show_chat(self, engine: Engine) -> None:
        self.push_screen(ChatScreen(engine))


def run(data_dir: str | None = None, session_path: Path | None = None, new_path: Path | None = None) -> str | None:
    from nianbao import lock

    for path in (session_path, new_path):
        if path is not None:
            try:
                lock.acquire(path)  # before the first frame: a second window is refused at once
            except lock.SessionLocked as exc:
                from rich.console import Console
                from rich.text import Text

                Console(stderr=True, highlight=False, soft_wrap=True).print(Text(f"错误：{exc}", style="bold red"))
                raise SystemExit(2) from None
    app = NianbaoApp(data_dir, session_path, new_path)
    text = app.run()
    if app.return_code:
        raise SystemExit(app.return_code)  # the app printed its message on leaving
    return text


def open_tui(data_dir: str | None = None, session_path: Path | None = None, new_path: Path | None = None) -> None:
    """Run the TUI; leaving after finishing prints the final text, ready to copy."""
    from rich.console import Console
    from rich.text import Text

    final_text = run(data_dir=data_dir, session_path=session_path, new_path=new_path)
    if final_text:
        Console(highlight=False, soft_wrap=True).print(Text(final_text))
