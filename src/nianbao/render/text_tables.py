"""The three tables as plain-text lines, aligned for CJK double-width characters."""

from __future__ import annotations

from rich.cells import cell_len

from nianbao.render.numbers import cell_text
from nianbao.report import labels as L
from nianbao.report.model import Report

GAP = "  "


def _pad(text: str, width: int, right: bool = False) -> str:
    space = " " * max(0, width - cell_len(text))
    return space + text if right else text + space


def grid(rows: list[list[str]], numeric_from: int = 1) -> list[str]:
    """Align a grid; columns from numeric_from on are right-aligned. Trailing spaces trimmed."""
    widths = [max(cell_len(r[i]) for r in rows if i < len(r)) for i in range(max(map(len, rows)))]
    lines = []
    for row in rows:
        cells = [_pad(text, widths[i], right=i >= numeric_from) for i, text in enumerate(row)]
        lines.append(GAP.join(cells).rstrip())
    return lines


def table2_lines(report: Report) -> list[str]:
    t2 = report.table2
    doc_cols = list(L.T2_DOC_COLUMNS.values())
    out: list[str] = []
    out.append(L.T2_ITEM_1)
    rows = [[L.T2_CONTENT, *doc_cols]]
    for key in ("regulations", "normative_documents"):
        row = getattr(t2, key)
        rows.append([L.T2_ROWS[key], *(cell_text(getattr(row, c)) for c in L.T2_DOC_COLUMNS)])
    out += grid(rows)
    for caption, header, keys in (
        (L.T2_ITEM_5, L.T2_DECISIONS, ("licensing",)),
        (L.T2_ITEM_6, L.T2_DECISIONS, ("penalty", "coercion")),
        (L.T2_ITEM_8, L.T2_FEE_AMOUNT, ("fees",)),
    ):
        out.append("")
        out.append(caption)
        out += grid([[L.T2_CONTENT, header], *([L.T2_ROWS[k], cell_text(getattr(t2, k))] for k in keys)])
    return out


def _t3_label(row: L.T3Row) -> str:
    indent = {None: "", "results": "  "}.get(row.group, "    ")
    return indent + row.label


def table3_lines(report: Report) -> list[str]:
    rows: list[list[str]] = [["", *L.T3_COLUMNS.values()]]
    printed_groups: set[str] = set()
    for row in L.T3_ROWS:
        group = row.group
        if group and group not in printed_groups:
            printed_groups.add(group)
            heading = L.T3_GROUPS[group]
            rows.append([heading if group == "results" else "  " + heading])
        rows.append([_t3_label(row), *(cell_text(v) for v in report.table3.rows[row.key])])
    lines = grid(rows)
    return [L.T3_CORNER_NOTE, *_t3_spanning_headers(lines[0]), *lines]


def _t3_spanning_headers(header: str) -> list[str]:
    """申请人情况 over the seven columns and 法人或其他组织 over its five, placed above the
    column names of the aligned header line (the official merged cells, in plain text)."""

    def span(first: str, last: str) -> tuple[int, int]:
        start = cell_len(header[: header.index(first)])
        end_at = header.index(last, header.index(first)) + len(last)
        return start, cell_len(header[:end_at])

    all_start, all_end = span(L.T3_COLUMNS["natural"], L.T3_COLUMNS["total"])
    org_start, org_end = span(L.T3_COLUMNS["business"], L.T3_COLUMNS["other"])

    def centred(text: str, start: int, end: int) -> str:
        left = start + max(0, (end - start - cell_len(text)) // 2)
        return " " * left + text

    return [centred(L.T3_APPLICANT, all_start, all_end), centred(L.T3_ORG_GROUP, org_start, org_end)]


def table4_lines(report: Report) -> list[str]:
    t4 = report.table4
    out: list[str] = []
    rows = [["", *L.T4_COLUMNS.values()]]
    for key in L.T4_GROUP_KEYS:
        rows.append([L.t4_group_full_label(key, "："), *(cell_text(v) for v in getattr(t4, key).values())])
    out += grid(rows)
    return out


TABLE_LINES = {"2": table2_lines, "3": table3_lines, "4": table4_lines}
