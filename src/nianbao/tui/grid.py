"""Table 3 as an editable grid, with the cells that break a rule marked."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Input, Static

from nianbao.interview.engine import Engine
from nianbao.render.numbers import fmt_number
from nianbao.report import labels as L
from nianbao.report.findings import Finding
from nianbao.tui.widgets.answer import AnswerInput
from nianbao.tui.widgets.preview import findings_text


def failing_cells(findings: list[Finding]) -> set[tuple[str, str]]:
    """(row, column) cells named by Table 3 findings; a whole-row or whole-column finding marks its total."""
    cells: set[tuple[str, str]] = set()
    for f in findings:
        if f.table != "表三":
            continue
        if f.row and f.column:
            cells.add((f.row, f.column))
        elif f.row:
            cells.add((f.row, "total"))
        elif f.column:
            cells.add(("total", f.column))
    return cells


class GridScreen(Screen[None]):
    BINDINGS = [Binding("escape", "close", "返回问答")]

    def __init__(self, engine: Engine) -> None:
        super().__init__()
        self.engine = engine
        self._editing: tuple[str, str] | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="grid-main"):
            yield Static(Text("表三：方向键选格，回车修改；标红的格子违反了勾稽关系。", style="bold"), markup=False)
            yield DataTable(id="grid", cursor_type="cell")
            yield AnswerInput(id="cell-input", placeholder="选中格子后回车，在这里输入新数字")
            yield Static(id="grid-findings", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.title = "表三 收到和处理政府信息公开申请情况"
        table = self.query_one("#grid", DataTable)
        table.add_column("", key="label")
        for key, label in L.T3_COLUMNS.items():
            table.add_column(label, key=key)
        for row in L.T3_ROWS:
            table.add_row(Text(L.t3_row_full_label(row.key)), *([""] * len(L.T3_COLUMNS)), key=row.key)
        self.refresh_cells()
        table.focus()

    def refresh_cells(self) -> None:
        table = self.query_one("#grid", DataTable)
        t3 = self.engine.session.report.table3
        findings = [f for f in self.engine.findings if f.table == "表三"]
        bad = failing_cells(findings)
        for row in L.T3_ROWS:
            for col in L.T3_COLUMN_KEYS:
                value = t3.get(row.key, col)
                if value is None:
                    cell = Text("?", style="bold yellow")
                elif (row.key, col) in bad:
                    cell = Text(fmt_number(value), style="bold white on red")
                else:
                    cell = Text(fmt_number(value))
                table.update_cell(row.key, col, cell)
        self.query_one("#grid-findings", Static).update(findings_text(findings))

    @on(DataTable.CellSelected, "#grid")
    def _select(self, event: DataTable.CellSelected) -> None:
        row, col = str(event.cell_key.row_key.value), str(event.cell_key.column_key.value)
        if col == "label":
            return
        self._editing = (row, col)
        field = self.query_one("#cell-input", Input)
        value = self.engine.session.report.table3.get(row, col)
        field.value = "" if value is None else str(value)
        field.placeholder = f"{L.t3_row_full_label(row)} / {L.T3_COLUMNS[col]}"
        field.focus()

    @on(Input.Submitted, "#cell-input")
    def _commit(self, event: Input.Submitted) -> None:
        if self._editing is None:
            return
        row, col = self._editing
        reply = self.engine.set_cell(f"table3.rows.{row}.{col}", event.value)
        if not reply.accepted:
            self.notify(reply.message, severity="error", markup=False)
            return
        self._editing = None
        event.input.value = ""
        self.refresh_cells()
        self.query_one("#grid", DataTable).focus()

    def action_close(self) -> None:
        self.dismiss(None)
