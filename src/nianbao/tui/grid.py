"""Tables 3 and 4 as editable grids, with the cells that break a rule marked."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Optional

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Input, Static, TabbedContent, TabPane

from nianbao.interview.engine import Engine
from nianbao.render.numbers import fmt_number
from nianbao.report import labels as L
from nianbao.report.fieldnames import describe_path
from nianbao.report.findings import Finding
from nianbao.report.model import Report
from nianbao.tui.closing import ClosesOnce
from nianbao.tui.widgets.answer import AnswerInput
from nianbao.tui.widgets.preview import findings_text


@dataclass(frozen=True)
class GridSpec:
    id: str
    name: str  # the findings' table name, "表三"
    title: str
    rows: tuple[tuple[str, str], ...]  # (key, label)
    columns: tuple[tuple[str, str], ...]
    path: Callable[[str, str], str]  # model path of a cell, for Engine.set_cell
    value: Callable[[Report, str, str], Optional[int]]


LABEL_WIDTH = 16  # characters of a row label in the grid; the edit box shows the whole label


def _short_t3_label(row: L.T3Row) -> str:
    """"（三）不予公开 1.属于国家秘密" -> "（三）1.属于国家秘密", cut to LABEL_WIDTH."""
    label = row.label.split("（区分")[0]  # the 部分公开 note is in the full label
    if row.group and row.group != "results":
        label = L.T3_GROUPS[row.group][:3] + label
    return label if len(label) <= LABEL_WIDTH else label[: LABEL_WIDTH - 1] + "..."


GRIDS = (
    GridSpec(
        "t3",
        "表三",
        L.SECTIONS["requests"],
        tuple((row.key, _short_t3_label(row)) for row in L.T3_ROWS),
        tuple(L.T3_COLUMNS.items()),
        lambda row, col: f"table3.rows.{row}.{col}",
        lambda report, row, col: report.table3.get(row, col),
    ),
    GridSpec(
        "t4",
        "表四",
        L.SECTIONS["appeals"],
        tuple((group, L.t4_group_full_label(group)) for group in L.T4_GROUP_KEYS),
        tuple(L.T4_COLUMNS.items()),
        lambda row, col: f"table4.{row}.{col}",
        lambda report, row, col: getattr(getattr(report.table4, row), col),
    ),
)


def failing_cells(findings: list[Finding], table: str) -> set[tuple[str, str]]:
    """(row, column) cells named by a table's findings; a whole-row or whole-column finding marks its total."""
    cells: set[tuple[str, str]] = set()
    for f in findings:
        if f.table != table:
            continue
        if f.row and f.column:
            cells.add((f.row, f.column))
        elif f.row:
            cells.add((f.row, "total"))
        elif f.column:
            cells.add(("total", f.column))
    return cells


class GridScreen(ClosesOnce, Screen[None]):
    BINDINGS = [
        Binding("escape", "close", "返回问答"),
        Binding("ctrl+t", "switch_table", "切换表三/表四"),
        Binding("ctrl+r", "recompute", "重算总计"),
    ]

    def __init__(self, engine: Engine) -> None:
        super().__init__()
        self.engine = engine
        self._editing: tuple[GridSpec, str, str] | None = None
        self._last_edit: tuple[GridSpec, str, str] | None = None
        self._computed: set[str] = set()  # paths of totals set by Ctrl+R, shown as computed

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="grid-main"):
            yield Static(
                Text.assemble(
                    ("方向键选格，回车修改；标红的格子违反了勾稽关系，? 表示未填，", "bold"),
                    ("=n", "italic cyan"),
                    (" 为按各项之和重算的总计。Ctrl+T 切换表三/表四，Ctrl+R 重算所选格所在的总计。", "bold"),
                ),
                markup=False,
            )
            with TabbedContent(id="grid-tabs"):
                for spec in GRIDS:
                    with TabPane(spec.name, id=f"tab-{spec.id}"):
                        yield DataTable(id=f"grid-{spec.id}", cursor_type="cell", fixed_columns=1)
            yield AnswerInput(id="cell-input", placeholder="选中格子后回车，在这里输入新数字")
            yield Static(id="grid-findings", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.title = "表格"
        for spec in GRIDS:
            table = self.query_one(f"#grid-{spec.id}", DataTable)
            table.add_column("", key="label")
            for key, label in spec.columns:
                table.add_column(label, key=key)
            for key, label in spec.rows:
                table.add_row(Text(label), *([""] * len(spec.columns)), key=key)
            table.move_cursor(row=0, column=1)  # the first value: Enter on a label does nothing
        self.refresh_cells()
        self.query_one("#grid-t3", DataTable).focus()

    def refresh_cells(self) -> None:
        report = self.engine.session.report
        for spec in GRIDS:
            table = self.query_one(f"#grid-{spec.id}", DataTable)
            bad = failing_cells(self.engine.findings, spec.name)
            for row, _ in spec.rows:
                for col, _ in spec.columns:
                    value = spec.value(report, row, col)
                    if value is None:
                        cell = Text("?", style="bold yellow")
                    elif (row, col) in bad:
                        cell = Text(fmt_number(value), style="bold white on red")
                    elif spec.path(row, col) in self._computed:
                        cell = Text("=" + fmt_number(value), style="italic cyan")
                    else:
                        cell = Text(fmt_number(value))
                    table.update_cell(row, col, cell)
        shown = {spec.name for spec in GRIDS}
        findings = [f for f in self.engine.findings if f.table in shown]
        self.query_one("#grid-findings", Static).update(findings_text(findings))

    @on(DataTable.CellSelected)
    def _select(self, event: DataTable.CellSelected) -> None:
        spec = next(s for s in GRIDS if event.data_table.id == f"grid-{s.id}")
        row, col = str(event.cell_key.row_key.value), str(event.cell_key.column_key.value)
        if col == "label":
            return
        self._editing = (spec, row, col)
        field = self.query_one("#cell-input", Input)
        value = spec.value(self.engine.session.report, row, col)
        field.value = "" if value is None else str(value)
        full_label = L.t3_row_full_label(row) if spec.id == "t3" else dict(spec.rows)[row]
        field.placeholder = f"{spec.name} {full_label} / {dict(spec.columns)[col]}"
        field.focus()

    @on(Input.Submitted, "#cell-input")
    def _commit(self, event: Input.Submitted) -> None:
        if self._editing is None:
            return
        spec, row, col = self._editing
        reply = self.engine.set_cell(spec.path(row, col), event.value)
        if not reply.accepted:
            self.notify(reply.message, severity="error", markup=False)
            return
        self._editing = None
        self._last_edit = (spec, row, col)
        self._computed.discard(spec.path(row, col))
        event.input.value = ""
        stale = self.engine.stale_totals(spec.path(row, col))
        if stale:
            names = "、".join(describe_path(tuple(p.split("."))) for p in stale)
            self.notify(f"{names}未随之更新：按 Ctrl+R 按各项之和重算。", timeout=6, markup=False)
        self.refresh_cells()
        self.query_one(f"#grid-{spec.id}", DataTable).focus()

    def _selected(self) -> tuple[GridSpec, str, str] | None:
        """The value cell under the cursor of the table shown, else the cell edited last."""
        spec = self._shown_spec()
        table = self.query_one(f"#grid-{spec.id}", DataTable)
        if table.cursor_coordinate.column > 0:
            keys = table.coordinate_to_cell_key(table.cursor_coordinate)
            return spec, str(keys.row_key.value), str(keys.column_key.value)
        return self._last_edit

    def _shown_spec(self) -> GridSpec:
        active = self.query_one("#grid-tabs", TabbedContent).active
        return next(s for s in GRIDS if active == f"tab-{s.id}")

    def action_switch_table(self) -> None:
        tabs = self.query_one("#grid-tabs", TabbedContent)
        other = next(s for s in GRIDS if f"tab-{s.id}" != tabs.active)
        tabs.active = f"tab-{other.id}"
        self.query_one(f"#grid-{other.id}", DataTable).focus()

    def action_recompute(self) -> None:
        selected = self._selected()
        if selected is None:
            self.notify("先选中一个分项格子，再按 Ctrl+R。", severity="warning", markup=False)
            return
        spec, row, col = selected
        stale = self.engine.stale_totals(spec.path(row, col))
        reply = self.engine.recompute_totals(spec.path(row, col))
        if reply.accepted and not reply.problem:
            self._computed.update(stale)
        self.notify(reply.message, severity="error" if reply.problem else "information", markup=False)
        self.refresh_cells()

    def action_close(self) -> None:
        self.dismiss(None)
