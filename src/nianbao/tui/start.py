"""The start screen: new report, resume a saved session, or start from last year's."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Button, Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from nianbao import datadir
from nianbao.tui.background import after_first_frame, exit_with_error, hand_over

WELCOME = (
    "年报助手陪您逐项填写政府信息公开工作年度报告（2021 年新版格式）。\n"
    "每个回答确认后自动保存，可随时 Ctrl+Q 退出，下次从这里继续。"
)

EMPTY_LIST = "（还没有保存的年报，按 N 新建）"


class StartScreen(Screen):
    """The app's first screen when no session is named: posts `Chosen` for the app to act on,
    and stays below the chat screen that opens."""

    class Chosen(Message):
        def __init__(self, start: StartScreen, action: str, path: Path | None) -> None:
            super().__init__()
            self.start = start
            self.action = action  # "new", "resume" or "from_last"
            self.path = path

        @property
        def control(self) -> StartScreen:
            return self.start

    BINDINGS = [
        Binding("n", "new", "新建"),
        Binding("l", "from_last", "以所选为上年"),
        Binding("d", "discard", "删除所选"),
    ]

    def __init__(self, data_dir: str | None) -> None:
        super().__init__()
        self.data_dir = data_dir
        self.paths: list[Path] = []

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="start-main"):
            yield Static(Text(WELCOME), id="welcome", markup=False)
            yield Static(Text("已保存的年报（回车继续填写）", style="bold"), markup=False)
            yield OptionList(id="session-list")
            with Horizontal(classes="buttons"):
                yield Button("新建年报（N）", id="btn-new", variant="primary")
                yield Button("以所选年报为上年，开始新年度（L）", id="btn-from-last")
        yield Footer()

    def on_mount(self) -> None:
        self.title = "年报助手"
        self.sub_title = "政府信息公开工作年度报告"
        listing = self.query_one("#session-list", OptionList)
        self.paths = datadir.list_sessions(self.data_dir)
        for path in self.paths:
            listing.add_option(Option(self._reading(path), id=str(path)))
        if not self.paths:
            listing.add_option(Option(Text(EMPTY_LIST, style="dim"), disabled=True))
            self.query_one("#btn-new", Button).focus()
        else:
            listing.highlighted = 0
            listing.focus()
        # Reading the sessions needs the model and the engine: in a thread, after the first frame.
        # (The app is passed in: a screen cannot always find it from a thread.)
        reader = partial(self._read_sessions, self.app)
        after_first_frame(self, lambda: self.run_worker(reader, thread=True, name="sessions"))

    @staticmethod
    def _reading(path: Path) -> Text:
        line = Text(path.stem, style="bold")
        line.append("\n  正在读取……", style="dim")
        return line

    def _read_sessions(self, app: App) -> None:
        """In a worker thread: check prompts/ (progress is counted with it), then describe each
        session in the list as it is read."""
        from nianbao.interview.errors import PromptsError
        from nianbao.interview.prompts import default_interview

        try:
            default_interview()
        except PromptsError as exc:
            hand_over(app, exit_with_error, app, str(exc))
            return
        for path in list(self.paths):
            hand_over(app, self._described, path, self._describe(path))

    def _described(self, path: Path, line: Text) -> None:
        if self.is_attached and path in self.paths:  # not deleted meanwhile
            self.query_one("#session-list", OptionList).replace_option_prompt(str(path), line)

    @staticmethod
    def _describe(path: Path) -> Text:
        from nianbao import store
        from nianbao.services.progress import progress_summary

        try:
            session = store.load(path)
            progress = progress_summary(session)
        except store.SessionError as exc:
            return Text(f"{path.stem}  {exc}", style="red")
        except Exception as exc:  # one bad file never hides the good ones, nor stops the reading
            return Text(f"{path.stem}  无法读取会话文件 {path}（{type(exc).__name__}）", style="red")
        agency = session.report.agency.name or "（未填机关名称）"
        changed = session.updated.astimezone().strftime("%Y-%m-%d %H:%M")
        year = f"{session.report.year} 年" if session.year_known else "年度未填"
        line = Text(f"{agency}  {year}", style="bold")
        line.append(f"\n  {progress}  最后修改 {changed}  {path.stem}", style="dim")
        return line

    def _selected(self) -> Path | None:
        listing = self.query_one("#session-list", OptionList)
        if listing.highlighted is None or not self.paths:
            return None
        return self.paths[listing.highlighted]

    @on(OptionList.OptionSelected, "#session-list")
    def _resume(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.post_message(self.Chosen(self, "resume", Path(event.option.id)))

    @on(Button.Pressed, "#btn-new")
    def action_new(self) -> None:
        self.post_message(self.Chosen(self, "new", None))

    @on(Button.Pressed, "#btn-from-last")
    def action_from_last(self) -> None:
        path = self._selected()
        if path is None:
            self.notify("请先在列表中选中上年的年报。", severity="warning", markup=False)
            return
        self.post_message(self.Chosen(self, "from_last", path))

    def action_discard(self) -> None:
        path = self._selected()
        if path is None:
            self.notify("请先在列表中选中要删除的年报。", severity="warning", markup=False)
            return
        from nianbao.tui.confirm import ConfirmScreen

        listing = self.query_one("#session-list", OptionList)
        what = listing.get_option(str(path)).prompt.plain.splitlines()[0]
        question = (
            f"删除“{what}”（{path.stem}）吗？\n"
            f"它会移到 {path.parent / datadir.TRASH} 文件夹，需要时可以从那里找回。"
        )
        self.app.push_screen(ConfirmScreen(question, "删除", "取消"), partial(self._discard_confirmed, path))

    def _discard_confirmed(self, path: Path, yes: bool | None) -> None:
        if not yes:
            return
        try:
            moved = datadir.discard_session(path)
        except OSError as exc:
            self.notify(f"无法删除 {path.name}：{exc.strerror or exc}", severity="error", markup=False)
            return
        listing = self.query_one("#session-list", OptionList)
        listing.remove_option(str(path))
        self.paths.remove(path)
        if not self.paths:
            listing.add_option(Option(Text(EMPTY_LIST, style="dim"), disabled=True))
            self.query_one("#btn-new", Button).focus()
        self.notify(f"已删除。文件在 {moved}", markup=False)
