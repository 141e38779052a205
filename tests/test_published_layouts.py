"""Layouts of real published reports: rows left out, page furniture, HTML blank cells."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from nianbao.importer import import_bytes, import_text
from nianbao.render.outputs import render
from nianbao.rules import check_report
from nianbao.store import load

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


@pytest.fixture(scope="module")
def county():
    session = load(EXAMPLES / "county-bureau-2023.json")
    return session.report, render(session.report, "txt"), render(session.report, "html")


def _check(imported):
    return check_report(
        imported.report, text=imported.text, sections=imported.sections, format=imported.format,
        unread=imported.unread, old_layouts=imported.old_layouts, absent=imported.absent,
    )


def test_a_table2_without_the_regulations_row_is_one_warning_not_three_blank_errors(county):
    report, text, _ = county
    imported = import_text("\n".join(line for line in text.split("\n") if not line.startswith("规章")))
    findings = [f for f in _check(imported) if f.table == "表二"]
    assert [(f.rule, f.severity, f.row) for f in findings] == [("T2-1", "W", "regulations")]
    assert "表二没有「规章」行" in findings[0].message
    assert imported.report.table2.normative_documents == report.table2.normative_documents


def test_a_missing_table3_row_is_said_once(county):
    _, text, _ = county
    imported = import_text("\n".join(line for line in text.split("\n") if "保护第三方合法权益" not in line))
    t3 = [f for f in _check(imported) if f.rule == "T3-4"]
    assert [(f.severity, f.row) for f in t3] == [("W", "refused_third_party")]


def test_the_2019_label_of_normative_documents_is_read(county):
    report, text, _ = county
    imported = import_text(text.replace("行政规范性文件", "规范性文件"))
    assert imported.report.table2 == report.table2


@pytest.mark.parametrize(
    "furniture",
    ["- 4 -", "－ 4 －", "第 4 页 共 6 页", "共6页 第4页"],
)
def test_a_page_number_inside_a_table_is_not_a_cell(county, furniture):
    # Before, "- 4 -" between two rows was read into the row above it and left it unread.
    report, text, _ = county
    imported = import_text(text.replace("（三）不予公开", f"{furniture}\n（三）不予公开").replace("\n规章", f"\n{furniture}\n规章"))
    assert imported.report.table2 == report.table2
    assert imported.report.table3 == report.table3
    assert [f for f in _check(imported) if f.severity == "E"] == []
    assert any("页码" in note for note in imported.notes)


def test_page_and_document_furniture_after_the_report_is_not_section_six(county):
    _, text, _ = county
    imported = import_text(
        "当前位置：首页 > 政务公开 > 年度报告\n" + text
        + "\n附件下载：\n打印本页 关闭窗口\n抄送：县政务公开办。\n青山县自然资源局办公室    2024年1月20日印发\n"
    )
    assert "抄送" not in imported.sections["other"] and "印发" not in imported.sections["other"]
    assert "附件下载" not in imported.sections["other"]


@pytest.mark.parametrize("blank", ["&nbsp;", "<o:p> </o:p>", "<br/>", '<p class="MsoNormal"><span>&nbsp;<o:p></o:p></span></p>'])
def test_html_blank_cells_stay_blank_and_shift_nothing(county, blank):
    report, _, html = county
    cells = list(re.finditer(r"(<td>)(\d+)(</td>)", html))
    blanked = [m for m in cells[::5] if m.group(2) == "0"]
    assert blanked
    out, last = [], 0
    for m in blanked:
        out += [html[last : m.start()], m.group(1), blank, m.group(3)]
        last = m.end()
    imported = import_bytes(("".join(out) + html[last:]).encode(), ".html", "r.html")
    rows = imported.report.table3.rows
    for key, values in report.table3.rows.items():
        for want, got in zip(values, rows[key]):
            assert got == want or (got is None and want == 0), (key, values, rows[key])
    assert any(v is None for r in rows.values() for v in r)  # the blanks are blank, reported by T3-4
