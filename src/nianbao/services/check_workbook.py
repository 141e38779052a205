"""A reviewer's workbook of a batch check (`check --xlsx`): to send back to the departments.

Three sheets: 汇总 (one row per report), 问题明细 (one row per finding), 说明 (what each rule id
means, from the rule registry, and when the workbook was made). Written with openpyxl, so that
Excel, WPS and LibreOffice all open it; written atomically like every export.
"""

from __future__ import annotations

import unicodedata
from datetime import datetime
from pathlib import Path

from nianbao.fs import write_atomically
from nianbao.report import labels as L
from nianbao.services.batch import Checked, Result, Unusable

SUMMARY, DETAILS, ABOUT = "汇总", "问题明细", "说明"
SUMMARY_HEADER = ("文件", "机关", "年度", "格式", "错误", "提醒", "未读出的格子", "读取说明")
DETAILS_HEADER = ("文件", "机关", "规则", "级别", "位置", "说明")
ABOUT_HEADER = ("规则", "级别", "检查内容", "较轻的情形（提醒）")

_ERROR_FILL = "FFE0E0"  # a light red: the rows a reviewer looks at first
_UNUSABLE_FILL = "FFD0D0"
_HEADER_FILL = "DDE6F0"
_MAX_WIDTH = 60  # characters; longer text wraps


def write_workbook(path: Path, results: list[Result], made: datetime | None = None) -> Path:
    """Write the workbook of `results` (in their order) to `path`; return where it landed."""
    from openpyxl import Workbook

    book = Workbook()
    summary = book.active
    summary.title = SUMMARY
    details = book.create_sheet(DETAILS)
    about = book.create_sheet(ABOUT)
    _fill_summary(summary, results)
    _fill_details(details, results)
    _fill_about(about, made or datetime.now())
    return write_atomically(Path(path), lambda tmp: book.save(tmp))


def _append(sheet, row) -> None:
    """Append a row; characters a workbook cannot hold (control characters from a report's
    text) are dropped, as openpyxl refuses them."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    sheet.append([ILLEGAL_CHARACTERS_RE.sub("", v) if isinstance(v, str) else v for v in row])


def _fill_summary(sheet, results: list[Result]) -> None:
    sheet.append(SUMMARY_HEADER)
    for result in results:
        if isinstance(result, Unusable):
            _append(sheet, (result.file, "无法读取", None, None, None, None, None, result.message))
            _fill_row(sheet, _UNUSABLE_FILL)
            continue
        errors = sum(1 for f in result.findings if f.is_error)
        _append(sheet, (
            result.file,
            result.agency or "",
            result.year,
            "会话" if result.session else L.FORMAT_NAMES.get(result.format, result.format),
            errors,
            len(result.findings) - errors,
            result.unread_cells,
            "；".join(result.notes),
        ))
        if errors:
            _fill_row(sheet, _ERROR_FILL)
    _finish(sheet, wrap=("读取说明",))


def _fill_details(sheet, results: list[Result]) -> None:
    sheet.append(DETAILS_HEADER)
    for result in results:
        if not isinstance(result, Checked):
            continue
        for finding in result.findings:
            _append(sheet, (
                result.file,
                result.agency or "",
                finding.rule,
                L.SEVERITY_LABELS[finding.severity],
                finding.where,
                finding.message,
            ))
            if finding.is_error:
                _fill_row(sheet, _ERROR_FILL)
    _finish(sheet, wrap=("位置", "说明"))


def _fill_about(sheet, made: datetime) -> None:
    from nianbao.rules.catalog import ordered

    sheet.append(ABOUT_HEADER)
    for rule in ordered():
        _append(sheet, (rule.id, L.SEVERITY_LABELS[rule.severity], rule.summary, rule.softer))
    sheet.append(())
    sheet.append(("生成时间", made.strftime("%Y-%m-%d %H:%M")))
    sheet.append(("格式依据", L.FORMAT_2021_DOC))
    _finish(sheet, wrap=("检查内容", "较轻的情形（提醒）"), filters=False)


def _fill_row(sheet, color: str) -> None:
    from openpyxl.styles import PatternFill

    fill = PatternFill("solid", start_color=color, end_color=color)
    for cell in sheet[sheet.max_row]:
        cell.fill = fill


def _finish(sheet, wrap: tuple[str, ...] = (), filters: bool = True) -> None:
    """Bold frozen header with filters; each column as wide as its text (CJK counts double)."""
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    header_fill = PatternFill("solid", start_color=_HEADER_FILL, end_color=_HEADER_FILL)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = header_fill
    sheet.freeze_panes = "A2"
    if filters and sheet.max_row > 1:
        sheet.auto_filter.ref = sheet.dimensions
    names = [cell.value for cell in sheet[1]]
    for index, name in enumerate(names, start=1):
        letter = get_column_letter(index)
        widest = max((display_width(c.value) for c in sheet[letter]), default=4)
        sheet.column_dimensions[letter].width = min(max(widest, 4) + 2, _MAX_WIDTH)
        if name in wrap:
            for cell in sheet[letter][1:]:
                cell.alignment = Alignment(wrap_text=True, vertical="top")


def display_width(value) -> int:
    """Columns a value takes in a spreadsheet's default font: CJK characters count two."""
    if value is None:
        return 0
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in str(value))
