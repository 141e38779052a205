"""The official layouts of Tables 2, 3 and 4 as data: cells with their spans, column widths."""

from __future__ import annotations

from dataclasses import dataclass

from nianbao.render.docx_style import TEXT_WIDTH_MM
from nianbao.render.numbers import cell_text
from nianbao.render.outputs import t3_layout_rows
from nianbao.report import labels as L
from nianbao.report.model import Report

# --- tables: the official layouts as data ----------------------------------------------------


@dataclass(frozen=True)
class Cell:
    text: str
    rowspan: int = 1
    colspan: int = 1
    kind: str = "value"  # "caption", "head", "label" or "value"


@dataclass(frozen=True)
class TableLayout:
    widths_mm: tuple[float, ...]
    rows: tuple[tuple[Cell, ...], ...]
    header_rows: int = 0  # repeated at the top of each page the table runs onto

    @property
    def ncols(self) -> int:
        return len(self.widths_mm)


def _even(total: float, n: int) -> tuple[float, ...]:
    return tuple([total / n] * n)


def table2_layout(report: Report) -> TableLayout:
    """Four small tables in one grid, each under a full-width caption row."""
    t2 = report.table2
    rows: list[tuple[Cell, ...]] = [
        (Cell(L.T2_ITEM_1, colspan=4, kind="caption"),),
        (Cell(L.T2_CONTENT, kind="head"), *(Cell(c, kind="head") for c in L.T2_DOC_COLUMNS.values())),
    ]
    for key in ("regulations", "normative_documents"):
        row = getattr(t2, key)
        rows.append((Cell(L.T2_ROWS[key], kind="label"), *(Cell(cell_text(getattr(row, c))) for c in L.T2_DOC_COLUMNS)))
    for caption, header, keys in (
        (L.T2_ITEM_5, L.T2_DECISIONS, ("licensing",)),
        (L.T2_ITEM_6, L.T2_DECISIONS, ("penalty", "coercion")),
        (L.T2_ITEM_8, L.T2_FEE_AMOUNT, ("fees",)),
    ):
        rows.append((Cell(caption, colspan=4, kind="caption"),))
        rows.append((Cell(L.T2_CONTENT, kind="head"), Cell(header, colspan=3, kind="head")))
        for key in keys:
            rows.append((Cell(L.T2_ROWS[key], kind="label"), Cell(cell_text(getattr(t2, key)), colspan=3)))
    first = 48.0
    return TableLayout((first, *_even(TEXT_WIDTH_MM - first, 3)), tuple(rows))


def table3_layout(report: Report) -> TableLayout:
    """Three label columns (group, subgroup, row) under the 3×3 corner note, then seven values."""
    org = [Cell(L.T3_COLUMNS[k], kind="head") for k in L.T3_ORG_COLUMN_KEYS]
    rows: list[tuple[Cell, ...]] = [
        (Cell(L.T3_CORNER_NOTE, rowspan=3, colspan=3, kind="head"), Cell(L.T3_APPLICANT, colspan=7, kind="head")),
        (
            Cell(L.T3_COLUMNS["natural"], rowspan=2, kind="head"),
            Cell(L.T3_ORG_GROUP, colspan=5, kind="head"),
            Cell(L.T3_COLUMNS["total"], rowspan=2, kind="head"),
        ),
        tuple(org),
    ]
    for row in t3_layout_rows(report):
        labels = (Cell(text, rs, cs, "label") for text, rs, cs in row["cells"])
        rows.append((*labels, *(Cell(v) for v in row["values"])))
    label_widths = (7.0, 17.0, 60.0)  # one character, two characters, the long row labels
    values = _even(TEXT_WIDTH_MM - sum(label_widths), len(L.T3_COLUMN_KEYS))
    return TableLayout((*label_widths, *values), tuple(rows), header_rows=3)


def table4_layout(report: Report) -> TableLayout:
    """行政复议 over five columns; 行政诉讼 over 未经复议直接起诉 and 复议后起诉, five each."""
    heads = list(L.T4_COLUMNS.values())
    rows: tuple[tuple[Cell, ...], ...] = (
        (Cell(L.T4_REVIEW, colspan=5, kind="head"), Cell(L.T4_LITIGATION, colspan=10, kind="head")),
        (
            *(Cell(h, rowspan=2, kind="head") for h in heads),
            Cell(L.T4_GROUPS["direct"], colspan=5, kind="head"),
            Cell(L.T4_GROUPS["after_review"], colspan=5, kind="head"),
        ),
        tuple(Cell(h, kind="head") for h in heads * 2),
        tuple(Cell(cell_text(v)) for v in report.table4.values()),
    )
    return TableLayout(_even(TEXT_WIDTH_MM, 15), rows, header_rows=3)


TABLE_LAYOUTS = {"2": table2_layout, "3": table3_layout, "4": table4_layout}
