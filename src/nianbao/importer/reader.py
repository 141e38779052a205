"""Read a published report, in any input form (forms.py), into an ImportedReport. Never raises
anything but ReportImportError, whose Chinese message says why the file cannot be used."""

from __future__ import annotations

import os
import re
from pathlib import Path

from nianbao.chinese.matching import Squeezed, normalize
from nianbao.chinese.sections import find_sections, section_spans
from nianbao.fs import ReadRefused, read_bytes_bounded
from nianbao.importer.errors import ReportImportError
from nianbao.importer.forms import form_by_suffix, form_for
from nianbao.importer.furniture import drop_furniture
from nianbao.importer.prose.agencykind import guess_kind
from nianbao.importer.prose.contact import read_contact
from nianbao.importer.prose.problems import split_problems
from nianbao.importer.prose.punctuation import chinese_punctuation
from nianbao.importer.prose.title import read_title
from nianbao.importer.result import ImportedReport
from nianbao.importer.tables.formatdetect import detect_format
from nianbao.importer.tables.table2 import read_table2
from nianbao.importer.tables.table3 import read_table3
from nianbao.importer.tables.table4 import read_table4
from nianbao.report import labels as L
from nianbao.rules.text import split_known
from nianbao.report.model import Agency, Report, T4Group, Table2, Table3, Table4

# Beyond this many characters only the start is read (a report's text is far shorter).
MAX_CHARS = 1_000_000
DEFAULT_YEAR = 2021  # the model needs a year; ImportedReport.year stays None when none was found


def import_path(path: str | os.PathLike) -> ImportedReport:
    path = Path(path)
    suffix = path.suffix.lower()
    limit = form_by_suffix(suffix).max_bytes
    try:
        data = read_bytes_bounded(path, "报告文件", limit)
    except ReadRefused as exc:
        raise ReportImportError(str(exc)) from None
    return import_bytes(data, suffix, str(path))


def import_bytes(data: bytes, suffix: str, file: str = "") -> ImportedReport:
    if not data.strip():
        raise ReportImportError(f"{file}：文件是空的。")
    extract = form_for(data, suffix).load_extractor()
    return import_text(extract(data, file), file)


def import_text(text: str, file: str = "") -> ImportedReport:
    """Read a report from its text (tables as tab-, "|"- or line-separated cells)."""
    if not isinstance(text, str) or not text.strip():
        raise ReportImportError(f"{file}：没有可读的文字。")
    notes: list[str] = []
    if len(text) > MAX_CHARS:
        text = text[:MAX_CHARS]
        notes.append(f"文字过长，只读取了前 {MAX_CHARS} 个字符。")
    if (replaced := len(re.findall("\ufffd+", text))):
        notes.append(_replaced_note(text, replaced))
    norm, dropped = drop_furniture(normalize(text))
    if dropped:
        notes.append(f"略去了 {dropped} 行页码、附件下载或抄送印发等版面文字。")
    sq = Squeezed(norm)
    headings = find_sections(norm, sq)
    spans = section_spans(norm, headings)
    # Restoring Chinese punctuation replaces one character by one: positions stay valid.
    shown = chinese_punctuation(norm)
    imported = ImportedReport(file=file, report=Report(), text=shown)
    split_known(shown, headings)  # the rules split the shown text at the same headings
    for message in notes:
        imported.note(message)
    _read_identity(imported, norm)
    requests = spans.get("requests") or _after(norm, headings, "active")
    t3 = read_table3(norm[slice(*requests)], sq.view(*requests))
    imported.format = detect_format(sq.text, imported.year, t3.old_other_row)
    active = spans.get("active") or (0, len(norm))
    t2 = read_table2(norm[slice(*active)], imported.format, sq.view(*active))
    appeals = spans.get("appeals") or _after(norm, headings, "requests")
    t4 = read_table4(norm[slice(*appeals)], sq.view(*appeals))
    _fill_tables(imported, t2, t3, t4)
    imported.sections = {key: shown[a:b].strip() for key, (a, b) in spans.items()}
    _fill_problems(imported, norm[slice(*spans["problems"])] if "problems" in spans else "")
    _section_notes(imported, imported.sections)
    return imported


def _replaced_note(text: str, count: int) -> str:
    """Bytes that were no character (decode.py put U+FFFD in their place) are said, with where
    the first one is, so the clerk can compare with the original file."""
    at = text.index("\ufffd")
    around = " ".join(text[max(0, at - 8): at + 9].split())
    return f"文件中有 {count} 处无法识别的文字（不是有效编码的字节），已用“\ufffd”代替（第一处在“{around}”），请对照原文件核对。"


def _after(norm: str, headings, key: str) -> tuple[int, int]:
    """Fallback region when a section heading is missing: the text after the previous section."""
    for h in headings:
        if h.key == key:
            return h.end, len(norm)
    return 0, len(norm)


def _read_identity(imported: ImportedReport, norm: str) -> None:
    info = read_title(norm)
    contact, website = read_contact(norm)
    name = info.agency
    if not name and contact.office:
        name = _agency_from_office(contact.office)
        if name:
            imported.note(f"标题中没有机关名称，按联系部门推断为“{chinese_punctuation(name)}”。")
    if not name:
        imported.note("未能确定机关名称。")
    imported.year = info.year
    if info.year is None:
        imported.note("未能确定报告年度。")
    elif not info.year_from_title:
        imported.note(f"标题中没有年度，按正文推断为 {info.year} 年。")
    contact = contact.model_copy(
        update={k: chinese_punctuation(getattr(contact, k)) for k in ("office", "address")}
    )
    agency = Agency(
        name=chinese_punctuation(name),
        self_ref=info.self_ref,
        kind=guess_kind(name, info.self_ref),
        website=chinese_punctuation(website),
        contact=contact,
    )
    year = info.year if info.year is not None and 2000 <= info.year <= 2100 else DEFAULT_YEAR
    imported.report = Report(year=year, agency=agency)


def _agency_from_office(office: str) -> str:
    for suffix in ("党政综合办公室", "党政办公室", "综合办公室", "办公室", "党政办", "综合科"):
        if office.endswith(suffix) and len(office) > len(suffix) + 1:
            return office[: -len(suffix)]
    return office


def _fill_tables(imported: ImportedReport, t2, t3, t4) -> None:
    report = imported.report
    if t2.found:
        report.table2 = Table2(**t2.fields)
        imported.extras.update(t2.extras)
    if t3.found:
        report.table3 = Table3(rows=t3.rows)
    if t4.found:
        values = t4.values
        groups = {}
        for i, g in enumerate(L.T4_GROUP_KEYS):
            chunk = values[i * 5 : (i + 1) * 5]
            groups[g] = T4Group(**dict(zip(L.T4_COLUMN_KEYS, chunk)))
        report.table4 = Table4(**groups)
    for message in (*t2.notes, *t3.notes, *t4.notes):
        imported.note(message)
    imported.unread |= {f"table2.{k}" for k in t2.unread} | {f"table3.{k}" for k in t3.unread}
    imported.absent |= {f"table2.{k}" for k in t2.missing} | {f"table3.{k}" for k in t3.missing}
    if t4.unread:
        imported.unread.add("table4")
    names = {"表二": t2.found, "表三": t3.found, "表四": t4.found}
    missing = [name for name, found in names.items() if not found]
    if missing:
        imported.note(f"未找到{'、'.join(missing)}（原文可能不完整，或表格以图片发布），相关数字留空。")
    if t3.old_other_row:
        if imported.format == "2021":
            imported.old_layouts.add(L.LAYOUT_T3_OTHER_ONE_ROW)
        imported.note(
            f"旧格式的「{L.OLD_T3_OTHER_HANDLING}」只有一行，已读入"
            f"「{L.t3_row_full_label('oh_other')}」，（六）1、2 留空。"
        )


def _fill_problems(imported: ImportedReport, text: str) -> None:
    problems, measures = split_problems(text)
    imported.report.problems.problems = [chinese_punctuation(p) for p in problems]
    imported.report.problems.measures = [chinese_punctuation(m) for m in measures]


def _section_notes(imported: ImportedReport, sections: dict[str, str]) -> None:
    missing = [L.SECTIONS[k] for k in L.SECTION_KEYS if k not in sections]
    if missing and len(missing) < len(L.SECTION_KEYS):
        imported.note(f"未找到以下部分：{'、'.join(missing)}。")
    elif missing:
        imported.note("一个部分标题也没有找到，这可能不是政府信息公开工作年度报告。")
