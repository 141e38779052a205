"""What "the same text" means for the docx export: the paragraphs and table values a reader sees,
from the .docx and from the txt export, independent of layout. Test-only, so it lives here."""

from __future__ import annotations

import re
from dataclasses import dataclass
from os import PathLike

from docx import Document
from docx.oxml.ns import qn

from nianbao.render.blocks import render_blocks
from nianbao.render.outputs import INDENT
from nianbao.render.text_tables import TABLE_LINES
from nianbao.report.model import Report


_VALUE = re.compile(r"^(\?|\d+(\.\d+)?)$")


@dataclass(frozen=True)
class Content:
    """What a reader sees, independent of layout.

    paragraphs: every non-empty paragraph outside the tables, in order, without its indent.
    tables: for each table, its values (numbers, or "?" for unknown) in reading order.
    """

    paragraphs: tuple[str, ...]
    tables: tuple[tuple[str, ...], ...]


def docx_content(path: str | PathLike) -> Content:
    doc = Document(str(path))
    paragraphs: list[str] = []
    tables: list[tuple[str, ...]] = []
    for item in doc.iter_inner_content():
        if hasattr(item, "rows"):
            tables.append(_docx_table_values(item))
        elif item.text.strip():
            paragraphs.append(item.text)
    return Content(tuple(paragraphs), tuple(tables))


def _docx_table_values(table) -> tuple[str, ...]:
    values = []
    for tr in table._tbl.tr_lst:
        for tc in tr.tc_lst:
            if tc.vMerge == "continue":
                continue  # the lower part of a vertically merged cell: shown once, above
            text = "".join(t.text or "" for t in tc.iter(qn("w:t"))).strip()
            if _VALUE.match(text):
                values.append(text)
    return tuple(values)


def txt_content(report: Report, txt: str) -> Content:
    """The txt export's content: its table lines are the ones text_tables renders for the report."""
    lines = txt.splitlines()
    tables: list[tuple[str, ...]] = []
    for key in (b.text for b in render_blocks(report) if b.kind == "table"):
        table_lines = TABLE_LINES[key](report)
        start = _find_run(lines, table_lines)
        tables.append(tuple(v for line in table_lines for v in line.split()[1:] if _VALUE.match(v)))
        del lines[start : start + len(table_lines)]
    paragraphs = tuple(line.removeprefix(INDENT) for line in lines if line.strip())
    return Content(paragraphs, tuple(tables))


def _find_run(lines: list[str], run: list[str]) -> int:
    for start in range(len(lines) - len(run) + 1):
        if lines[start : start + len(run)] == run:
            return start
    raise ValueError("the table's lines are not in the text")
