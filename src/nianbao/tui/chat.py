"""The chat screen: transcript, the answer area for the current question, task list, preview."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Callable

from rich.text import Text
from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, OptionList, Static

from nianbao.interview.kinds import AREA, BUTTONS, KINDS
from nianbao.interview.opening import Opening
from nianbao.interview.status import FIRST_QUESTION_ALREADY
from nianbao.tui.background import after_first_frame, exit_with_error, hand_over
from nianbao.tui.widgets.answer import AnswerInput
from nianbao.tui.widgets.hint import hint_line
from nianbao.tui.widgets.tasks import TaskList
from nianbao.tui.widgets.transcript import Transcript

if TYPE_CHECKING:  # the engine loads pydantic, the model and the rules: not before the first frame
    from textual.widgets import Button

    from nianbao.interview.engine import Engine, Step
    from nianbao.tui.widgets.answer_area import AnswerArea
    from nianbao.tui.widgets.preview import Preview

class ChatScreen(Screen):
    BINDINGS = [
        Binding("f1", "help", "说明"),
        Binding("ctrl+z", "back", "上一题"),
        Binding("escape", "back", "上一题", show=False),
        Binding("f2", "toggle_preview", "预览"),
        Binding("f3", "grid", "表格"),
        Binding("f5", "review", "检查导出"),
        Binding("ctrl+s", "save", "保存"),
    ]

    def __init__(
        self,
        engine: Engine | None = None,
        *,
        load: Callable[[], Engine] | None = None,
        opening: Opening | None = None,
    ) -> None:
        """Either a ready `engine`, or `load` to build it in a thread after the first frame (a new
        report: the first question from `opening` is on screen at once, and the clerk can type)."""
        super().__init__()
        if (engine is None) == (load is None):
            raise ValueError("ChatScreen needs exactly one of engine and load")
        self.engine = engine
        self._load = load
        self._opening = opening
        self._pending: str | None = None  # an answer sent before the engine was ready
        self._asked: str | None = None  # id of the question shown last
        self._loaded = ""  # what the answer box was given for it (a suggestion, or nothing)
        self._unsent: dict[str, str] = {}  # question id -> text typed but not sent when the clerk left it

    def compose(self) -> ComposeResult:
        # A new report's first question is composed with the screen, not mounted after it, so the
        # very first frame shows it while the engine loads.
        opening = self._opening if self.engine is None else None
        first = opening.first if opening else None
        yield Header()
        with Horizontal(id="main"):
            yield TaskList(
                id="tasks",
                titles=opening.sections if opening else (),
                current_section=opening.sections[0][0] if first else None,
            )
            with Vertical(id="center"):
                yield Transcript(*([("assistant", first.ask)] if first else []), id="transcript")
                with Vertical(id="answer-box"):
                    hint = hint_line(first.section_title, first.short, first.kind, first.example) if first else ""
                    yield Static(hint, id="hint", markup=False)
                    yield AnswerInput(id="answer-input", placeholder="在这里输入回答，回车发送")
        # The footer is mounted after the first frame: building its keys would delay the question.

    def on_mount(self) -> None:
        # The footer and the engine come after the first frame: building the footer's keys, or the
        # engine's imports, would delay the screen they wait for.
        after_first_frame(self, self._after_first_frame)
        if self.engine is None:
            self.title, self.sub_title = "年报助手", "新报告"
            if self._opening and self._opening.first:
                self._asked = self._opening.first.id
                self.query_one("#answer-input", AnswerInput).focus()
            return
        if self.engine.answer_count:
            self.query_one(Transcript).say("assistant", "欢迎回来！已答的内容都在，我们接着填。")
        self.refresh_side()
        self.ask()

    async def _after_first_frame(self) -> None:
        if self.engine is None:
            # The app is passed in: a screen cannot always find it from a thread.
            self.run_worker(partial(self._build_engine, self.app), thread=True, name="engine")
        await self.mount(Footer())
        self.call_after_refresh(self._cursor_to_caret)

    # --- the engine, loading in the background -------------------------------------------------
    def _build_engine(self, app: App) -> None:
        """In a worker thread: import and build the engine, then hand it to the screen."""
        from nianbao.interview.errors import PromptsError

        try:
            engine = self._load()
        except PromptsError as exc:
            hand_over(app, exit_with_error, app, str(exc))
            return
        hand_over(app, self._engine_ready, engine)

    def _engine_ready(self, engine: Engine) -> None:
        if not self.is_attached:
            return  # the app is closing
        shown = self._asked
        self.engine = engine
        self.refresh_side()
        self.ask(keep_text=True)
        step = engine.current()
        if self._pending is not None and step is not None and step.id == shown:
            text, self._pending = self._pending, None
            self.submit(text)  # sent while the engine loaded, to the question still on screen

    def _ready(self) -> bool:
        if self.engine is None:
            self.notify("正在载入，请稍候……", timeout=2, markup=False)
        return self.engine is not None

    # --- asking --------------------------------------------------------------------------------
    def ask(self, keep_text: bool = False) -> None:
        """Say the current question, unless it is the one on screen, and fit the answer area to it.
        keep_text: the question may already be on screen, with what the clerk has typed so far."""
        step = self.engine.current()
        if step is None:
            if self._asked != "":  # said once, not on every return from the review
                self.query_one(Transcript).say("assistant", "全部问题已答完。按 F5 查看全部回答和检查结果，然后导出或打印。")
            self._asked = ""
            self._show_answer_widget(None)
            return
        if step.id != self._asked or step.problem:
            self._asked = step.id
            self.query_one(Transcript).say("assistant", self._question_text(step))
        elif keep_text:
            return
        self._show_answer_widget(step)

    def _question_text(self, step: Step) -> str:
        text = self.engine.prompt_text(step)
        if step.carried:
            text += "\n（沿用上年：已填入上年的内容，核对后回车确认，或修改后发送）"
        return text

    # The paragraph area and the yes/no buttons are built the first time a question needs them:
    # every widget mounted at start is start-up time the clerk waits for.
    def _area(self, create: bool) -> AnswerArea | None:
        found = self.query("#answer-area")
        if found or not create:
            return found.first() if found else None
        from nianbao.tui.widgets.answer_area import AnswerArea

        area = AnswerArea(id="answer-area", soft_wrap=True, show_line_numbers=False)
        self.query_one("#answer-box").mount(area, after="#answer-input")
        return area

    def _yes_no(self, create: bool) -> Horizontal | None:
        found = self.query("#yes-no")
        if found or not create:
            return found.first() if found else None
        from textual.widgets import Button

        row = Horizontal(
            Button("有 / 是", id="btn-yes", variant="success"),
            Button("没有 / 否", id="btn-no", variant="primary"),
            id="yes-no",
        )
        self.query_one("#answer-box").mount(row)
        return row

    def _show_answer_widget(self, step: Step | None) -> None:
        single = self.query_one("#answer-input", AnswerInput)
        kind = step.question.kind if step else None
        widget_kind = KINDS[kind].widget if kind in KINDS else None
        paragraph = widget_kind == AREA
        buttons = widget_kind == BUTTONS
        area = self._area(create=paragraph)
        yes_no = self._yes_no(create=buttons)
        hint = self.query_one("#hint", Static)
        single.display = step is not None and not paragraph
        for widget, wanted in ((area, paragraph), (yes_no, buttons)):
            if widget is not None:
                widget.display = wanted
        if step is None:
            hint.update(Text("F5 检查与导出  Ctrl+Z 返回修改  Ctrl+Q 退出"))
            return
        unsent = self._unsent.pop(step.id, None)
        if unsent is not None:
            self.notify("刚才输入但没有发送的内容已放回输入框。", timeout=3, markup=False)
        text = unsent if unsent is not None else (step.suggestion or "")
        # The clerk's own words (typed, or answered before) are kept to be added to: caret at
        # the end. Only a suggestion (last year's value, the suggested year) is selected, so that
        # typing replaces it, and the hint says it is one.
        suggested = unsent is None and bool(text) and (step.raw is None or step.carried)
        hint.update(hint_line(step.section.title, step.short, kind, step.question.example, suggested=suggested))
        if area is not None and paragraph:
            area.load_text(text)
            self._loaded = area.text
            if not suggested:
                area.move_cursor(area.document.end)
            area.focus()
        else:
            single.value = self._loaded = text.replace("\n", " ")
            single.focus()
            if suggested:
                single.select_all()
            else:
                single.cursor_position = len(single.value)
        self.call_after_refresh(self._cursor_to_caret)

    def _typed_text(self) -> str:
        area = self._area(create=False)
        if area is not None and area.display:
            return area.text
        return self.query_one("#answer-input", AnswerInput).value

    def _keep_unsent(self) -> None:
        """Leaving a question without sending it: keep what was typed for when it is asked again."""
        if self._asked and (text := self._typed_text()).strip() and text != self._loaded:
            self._unsent[self._asked] = text

    def _cursor_to_caret(self) -> None:
        """Put the terminal cursor (where an IME opens its candidate window) on the caret again.
        Textual moves it only when the caret or the focus moves, not when the layout shifts the
        answer box (a footer, buttons or a paragraph area appearing)."""
        caret = getattr(self.focused, "cursor_screen_offset", None)
        if caret is not None:
            self.app.cursor_position = caret

    # --- answering -----------------------------------------------------------------------------
    @on(Input.Submitted, "#answer-input")
    def _submit_input(self, event: Input.Submitted) -> None:
        self.submit(event.value)

    def on_answer_area_send(self, event: AnswerArea.Send) -> None:
        self.submit(event.value)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        answers = {"btn-yes": "有", "btn-no": "没有"}
        if event.button.id in answers:
            self.submit(answers[event.button.id])

    def submit(self, text: str) -> None:
        transcript = self.query_one(Transcript)
        if not text.strip():
            transcript.say("error", "请先输入回答；没有可答“无”。")
            return
        if self.engine is None:
            self._pending = text  # answered as soon as the engine is ready; the text stays in the box
            return
        transcript.say("clerk", text)
        reply = self.engine.answer(text)
        if not reply.accepted:
            # The clerk's text stays in the box to be corrected.
            transcript.say("error", reply.message)
            return
        transcript.say("error" if reply.problem else "note", reply.message)
        self.refresh_side()
        self.ask()
        if self.engine.finished:
            self.action_review()

    # --- side panels ---------------------------------------------------------------------------
    def refresh_side(self) -> None:
        if self.engine is None:
            return
        if self.engine.save_error:
            self.notify(self.engine.save_error, severity="error", timeout=8, markup=False)
        step = self.engine.current()
        self.query_one(TaskList).show(self.engine.progress(), step.section.id if step else None)
        report = self.engine.session.report
        self.title = "年报助手"
        year = f" {report.year} 年" if self.engine.session.year_known else ""
        self.sub_title = f"{report.agency.name or '新报告'}{year}"
        preview = self._preview()
        if preview is not None and preview.display:
            from nianbao.render.outputs import to_text  # Jinja2 loads when the preview is first shown
            from nianbao.services.checking import check_session

            preview.show(to_text(report, draft=True), check_session(self.engine.session).findings)

    @on(OptionList.OptionSelected, "#tasks")
    def _jump(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.jump_to(event.option.id)

    def jump_to(self, section_id: str) -> None:
        if not self._ready():
            return
        step = self.engine.jump(section_id)
        if step is not None:
            self._keep_unsent()
            self.query_one(Transcript).say("note", f"转到“{step.section.title}”部分。")
            self._asked = None
            self.refresh_side()
            self.ask()

    # --- actions -------------------------------------------------------------------------------
    def action_help(self) -> None:
        from nianbao.tui.help import HelpScreen

        if self.engine is None:
            first = self._opening.first if self._opening else None
            if first is not None:
                self.app.push_screen(HelpScreen(first.short, first.help, first.example))
            return
        step = self.engine.current()
        if step is None:
            return
        self.app.push_screen(HelpScreen(step.short, step.question.help, step.question.example))

    def action_back(self) -> None:
        if not self._ready():
            return
        step = self.engine.back()
        if step is None:
            self.notify(FIRST_QUESTION_ALREADY, timeout=3, markup=False)
        else:
            self._keep_unsent()  # of the question being left, still self._asked
            self._asked = None
            self.query_one(Transcript).say("note", f"返回：{step.short}。原来的回答已放在输入框中，修改后重新发送即可。")
            self.refresh_side()
            self.ask()

    def _preview(self) -> Preview | None:
        found = self.query("#preview")
        return found.first() if found else None

    async def action_toggle_preview(self) -> None:
        if not self._ready():
            return
        preview = self._preview()
        if preview is None:
            # Built on first use: the preview's tabs cost start-up time most clerks never need.
            from nianbao.tui.widgets.preview import Preview  # with the findings model: on first use

            # Awaited: the preview's text widgets must exist before it is filled.
            await self.query_one("#main").mount(Preview(id="preview"))
        else:
            preview.next_view()  # F2 again: the findings tab, then closed
        self.refresh_side()
        self.call_after_refresh(self._cursor_to_caret)

    def action_save(self) -> None:
        if not self._ready():
            return
        if self.engine.save():
            self.notify("已保存。每个回答确认后都会自动保存。", markup=False)
        else:
            self.notify(self.engine.save_error or "", title="未保存", severity="error", timeout=10, markup=False)

    def action_review(self) -> None:
        if not self._ready():
            return
        from nianbao.tui.review import ReviewScreen

        self.app.push_screen(ReviewScreen(self.engine), self._returned)

    def _returned(self, _result: object = None) -> None:
        """Back from the review or the table grid. The question on screen keeps what was typed;
        if another one is now current (picked in the review to edit, or reached by a table edit),
        the typed text is kept for when its own question comes back."""
        step = self.engine.current()
        if step is not None and step.id != self._asked:
            self._keep_unsent()
            self._asked = None
        self.refresh_side()
        self.ask(keep_text=True)

    def action_print(self) -> None:
        self.app.finish_and_print()

    def action_export(self) -> None:
        if not self._ready():
            return
        from nianbao.tui.review import ReviewScreen

        review = ReviewScreen(self.engine)
        self.app.push_screen(review, self._returned)
        self.call_after_refresh(review.action_export)

    def action_grid(self) -> None:
        if not self._ready():
            return
        from nianbao.tui.grid import GridScreen

        self.app.push_screen(GridScreen(self.engine), self._returned)
