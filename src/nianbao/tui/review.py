"""Check your answers: every answer (one key to change it), every finding, export and print."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, DataTable, Footer, Header, Static
from textual.widgets.data_table import RowDoesNotExist

from nianbao.interview.engine import Engine
from nianbao.services.checking import check_session
from nianbao.tui.closing import ClosesOnce
from nianbao.tui.widgets.preview import findings_text


# The answer column takes what the others leave of the pane, and wraps: at 80 columns it still
# shows a few words of each answer per line, all of it over as many lines as it needs.
LABEL_WIDTH, STATUS_WIDTH, MIN_ANSWER_WIDTH = 14, 8, 12


def status_of(row) -> Text:
    if row.problem:
        return Text("有问题", style="bold red")
    if row.carried:
        return Text("沿用上年", style="yellow")
    if row.answer == "（未答）":
        return Text("未答", style="dim")
    return Text("已答", style="green")


class ReviewScreen(ClosesOnce, Screen[str]):
    BINDINGS = [
        Binding("escape", "close", "返回问答"),
        Binding("e", "export", "导出"),
        Binding("p", "finish", "完成并打印"),
    ]

    def __init__(self, engine: Engine) -> None:
        super().__init__()
        self.engine = engine

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="review-main"):
            with Vertical(id="review-answers"):
                yield Static(Text("全部回答（选中一行按回车可修改）", style="bold"), markup=False)
                yield DataTable(id="answers", cursor_type="row", zebra_stripes=True)
            with Vertical(id="review-side"):
                yield Static(Text("检查结果", style="bold"), markup=False)
                with VerticalScroll():
                    yield Static(id="review-findings", markup=False)
        with Horizontal(id="review-buttons", classes="buttons"):
            yield Button("导出（E）", id="btn-export", variant="primary")
            yield Button("完成并打印全文（P）", id="btn-finish", variant="success")
            yield Button("返回问答（Esc）", id="btn-close")
        yield Footer()

    def on_mount(self) -> None:
        self.title = "检查你的回答"
        table = self.query_one("#answers", DataTable)
        pane = self.query_one("#review-answers").region.width or self.app.size.width * 3 // 5
        answer_width = max(MIN_ANSWER_WIDTH, pane - 2 - LABEL_WIDTH - STATUS_WIDTH - 3 * 2 - 2)
        table.add_column("项目", width=LABEL_WIDTH)
        table.add_column("状态", width=STATUS_WIDTH)
        table.add_column("回答（读作）", width=answer_width)
        section = None
        for row in self.engine.review():
            shown = (row.understood or row.answer).replace("\n", "；")
            label = row.label if row.section == section else f"{row.section}\n{row.label}"
            section = row.section
            table.add_row(
                Text(label), status_of(row), Text(shown, overflow="fold"), key=row.step_id, height=None
            )
        kept = getattr(self.app, "review_row", None)
        if kept is not None:
            try:
                table.move_cursor(row=table.get_row_index(kept))
            except RowDoesNotExist:  # a question no longer asked: stay at the top
                pass
        self.query_one("#review-findings", Static).update(findings_text(self.full_findings()))
        table.focus()

    def full_findings(self):
        checked = check_session(self.engine.session)
        if checked.text.missing:
            self.notify(checked.text.missing, severity="warning", markup=False)
        return checked.findings

    @on(DataTable.RowSelected, "#answers")
    def _edit(self, event: DataTable.RowSelected) -> None:
        self.app.review_row = str(event.row_key.value)  # the cursor comes back to it
        self.engine.goto(str(event.row_key.value))
        self.dismiss("edit")

    @on(Button.Pressed, "#btn-close")
    def action_close(self) -> None:
        self.dismiss("back")

    @on(Button.Pressed, "#btn-export")
    def action_export(self) -> None:
        from nianbao.tui.export import ExportScreen

        self.app.push_screen(ExportScreen(self.engine.session.report, self.full_findings(), self._default_folder()))

    def _default_folder(self) -> Path:
        # Where the clerk started nianbao, as `nianbao export` does; the sessions folder is
        # tucked away in the user data folder, where nobody would look for a report.
        return Path.cwd()

    @on(Button.Pressed, "#btn-finish")
    def action_finish(self) -> None:
        self.app.finish_and_print()
