"""The chat screen: transcript, the answer area for the current question, task list, preview."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Button, Footer, Header, Input, OptionList, Static

from nianbao.interview.engine import Engine, Step
from nianbao.rules import check_report
from nianbao.tui.help import HelpScreen
from nianbao.tui.widgets.answer import AnswerArea, AnswerInput
from nianbao.tui.widgets.preview import Preview
from nianbao.tui.widgets.tasks import TaskList
from nianbao.tui.widgets.transcript import Transcript

PARAGRAPH_KINDS = ("paragraph", "list")
KIND_HINTS = {
    "paragraph": "可换行；Ctrl+J 发送",
    "list": "每行一条；Ctrl+J 发送",
    "yes_no": "点按钮，或输入 有 / 没有",
    "count": "输入数字，如 3、三；没有写 0 或 无",
    "row": "几个数字用空格隔开",
    "counts": "如：自然人3件，企业1件",
    "outcomes": "如：予以公开2件，不掌握1件，结转1件",
    "t4_group": "如：维持1件，尚未审结1件",
}


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

    def __init__(self, engine: Engine) -> None:
        super().__init__()
        self.engine = engine
        self._asked: str | None = None  # id of the question shown last

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="main"):
            yield TaskList(id="tasks")
            with Vertical(id="center"):
                yield Transcript(id="transcript")
                with Vertical(id="answer-box"):
                    yield Static(id="hint", markup=False)
                    yield AnswerInput(id="answer-input", placeholder="在这里输入回答，回车发送")
        yield Footer()

    def on_mount(self) -> None:
        transcript = self.query_one(Transcript)
        if self.engine.answer_count:
            transcript.say("assistant", "欢迎回来！已答的内容都在，我们接着填。")
        self.refresh_side()
        self.ask()

    # --- asking --------------------------------------------------------------------------------
    def ask(self) -> None:
        step = self.engine.current()
        if step is None:
            self._asked = None
            if self._asked != "":
                self.query_one(Transcript).say("assistant", "全部问题已答完。按 F5 查看全部回答和检查结果，然后导出或打印。")
            self._asked = ""
            self._show_answer_widget(None)
            return
        if step.id != self._asked or step.problem:
            self._asked = step.id
            self.query_one(Transcript).say("assistant", self._question_text(step))
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
        area = AnswerArea(id="answer-area", soft_wrap=True, show_line_numbers=False)
        self.query_one("#answer-box").mount(area, after="#answer-input")
        return area

    def _yes_no(self, create: bool) -> Horizontal | None:
        found = self.query("#yes-no")
        if found or not create:
            return found.first() if found else None
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
        paragraph = kind in PARAGRAPH_KINDS
        area = self._area(create=paragraph)
        yes_no = self._yes_no(create=kind == "yes_no")
        hint = self.query_one("#hint", Static)
        single.display = step is not None and not paragraph
        for widget, wanted in ((area, paragraph), (yes_no, kind == "yes_no")):
            if widget is not None:
                widget.display = wanted
        if step is None:
            hint.update(Text("F5 检查与导出  Ctrl+Z 返回修改  Ctrl+Q 退出"))
            return
        tips = [f"{step.section.title} > {step.short}"]
        if kind in KIND_HINTS:
            tips.append(KIND_HINTS[kind])
        if step.question.example:
            tips.append(f"例如：{step.question.example.splitlines()[0]}")
        tips.append("F1 说明")
        hint.update(Text("   ".join(tips), style="dim"))
        text = step.suggestion or ""
        if area is not None and paragraph:
            area.load_text(text)
            area.focus()
        else:
            single.value = text.replace("\n", " ")
            single.focus()
            # A suggestion is selected: typing replaces it, Enter accepts it.
            single.select_all()

    # --- answering -----------------------------------------------------------------------------
    @on(Input.Submitted, "#answer-input")
    def _submit_input(self, event: Input.Submitted) -> None:
        self.submit(event.value)

    @on(AnswerArea.Send)
    def _submit_area(self, event: AnswerArea.Send) -> None:
        self.submit(event.value)

    @on(Button.Pressed, "#btn-yes")
    def _yes(self) -> None:
        self.submit("有")

    @on(Button.Pressed, "#btn-no")
    def _no(self) -> None:
        self.submit("没有")

    def submit(self, text: str) -> None:
        transcript = self.query_one(Transcript)
        if not text.strip():
            transcript.say("error", "请先输入回答；没有可答“无”。")
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
        if self.engine.save_error:
            self.notify(self.engine.save_error, severity="error", timeout=8, markup=False)
        step = self.engine.current()
        self.query_one(TaskList).show(self.engine.progress(), step.section.id if step else None)
        report = self.engine.session.report
        self.title = "年报助手"
        self.sub_title = f"{report.agency.name or '新报告'} {report.year} 年"
        preview = self._preview()
        if preview is not None and preview.display:
            from nianbao.render.outputs import to_text  # Jinja2 loads when the preview is first shown

            text = to_text(report, draft=True)
            preview.show(text, check_report(report, last_year=self.engine.session.last_year, text=text))

    @on(OptionList.OptionSelected, "#tasks")
    def _jump(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.jump_to(event.option.id)

    def jump_to(self, section_id: str) -> None:
        step = self.engine.jump(section_id)
        if step is not None:
            self.query_one(Transcript).say("note", f"转到“{step.section.title}”部分。")
            self._asked = None
            self.refresh_side()
            self.ask()

    # --- actions -------------------------------------------------------------------------------
    def action_help(self) -> None:
        step = self.engine.current()
        if step is None:
            return
        self.app.push_screen(HelpScreen(step.short, step.question.help, step.question.example))

    def action_back(self) -> None:
        step = self.engine.back()
        if step is not None:
            self._asked = None
            self.query_one(Transcript).say("note", f"返回：{step.short}。原来的回答已放在输入框中，修改后重新发送即可。")
            self.refresh_side()
            self.ask()

    def _preview(self) -> Preview | None:
        found = self.query(Preview)
        return found.first() if found else None

    def action_toggle_preview(self) -> None:
        preview = self._preview()
        if preview is None:
            # Built on first use: the preview's tabs cost start-up time most clerks never need.
            self.query_one("#main").mount(Preview(id="preview"))
            self.call_after_refresh(self.refresh_side)
            return
        preview.display = not preview.display
        self.refresh_side()

    def action_save(self) -> None:
        self.engine.save()
        self.notify("已保存。每个回答确认后都会自动保存。", markup=False)

    def action_review(self) -> None:
        from nianbao.tui.review import ReviewScreen

        self.app.push_screen(ReviewScreen(self.engine), self._after_review)

    def _after_review(self, result: str | None) -> None:
        if result == "edit":
            self._asked = None
        self.refresh_side()
        self.ask()

    def action_print(self) -> None:
        self.app.finish_and_print()

    def action_export(self) -> None:
        from nianbao.tui.review import ReviewScreen

        review = ReviewScreen(self.engine)
        self.app.push_screen(review, self._after_review)
        self.call_after_refresh(review.action_export)

    def action_grid(self) -> None:
        from nianbao.tui.grid import GridScreen

        self.app.push_screen(GridScreen(self.engine), lambda _: (self.refresh_side(), self.ask()))
