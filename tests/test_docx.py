"""The Word export: official labels, merged table headers, fonts, page, footer, same text as txt."""

from __future__ import annotations

import zipfile
from collections import Counter
from decimal import Decimal
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from lxml import etree

from docx_content import docx_content, txt_content
from nianbao import store
from nianbao.render.docx_writer import write_docx
from nianbao.render.env import MissingFact
from nianbao.render.outputs import to_text
from nianbao.report import labels as L
from nianbao.report.model import Report

from official_layout import GRID_WIDTHS, T2_SPANNED, T3_SPANNED, T4_SPANNED

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "lilin-2021.json"



def table2_labels() -> list[str]:
    return [
        L.T2_ITEM_1, L.T2_ITEM_5, L.T2_ITEM_6, L.T2_ITEM_8, L.T2_CONTENT, L.T2_DECISIONS, L.T2_FEE_AMOUNT,
        *L.T2_DOC_COLUMNS.values(), *L.T2_ROWS.values(),
    ]


def table3_labels() -> list[str]:
    return [
        L.T3_CORNER_NOTE, L.T3_APPLICANT, L.T3_ORG_GROUP, *L.T3_COLUMNS.values(), *L.T3_GROUPS.values(),
        *(row.label for row in L.T3_ROWS),
    ]


def table4_labels() -> list[str]:
    return [L.T4_REVIEW, L.T4_LITIGATION, *L.T4_GROUPS.values(), *L.T4_COLUMNS.values()]


@pytest.fixture(scope="module")
def report() -> Report:
    return store.load(EXAMPLE).report


@pytest.fixture(scope="module")
def document_path(report, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("docx") / "report.docx"
    write_docx(report, path)
    return path


@pytest.fixture(scope="module")
def document(document_path):
    return docx.Document(str(document_path))


def tc_text(tc) -> str:
    return "".join(t.text or "" for t in tc.iter(qn("w:t"))).strip()


def grid_cells(table) -> list[tuple[str, int, int, int, int]]:
    """(text, row, col, rowspan, colspan) of every cell, from w:gridSpan and w:vMerge."""
    starts: dict[tuple[int, int], list] = {}
    for r, tr in enumerate(table._tbl.tr_lst):
        col = 0
        for tc in tr.tc_lst:
            if tc.vMerge == "continue":
                above = r - 1
                while (above, col) not in starts:
                    above -= 1
                starts[(above, col)][3] += 1
            else:
                starts[(r, col)] = [tc_text(tc), r, col, 1, tc.grid_span]
            col += tc.grid_span
        assert col == len(table._tbl.tblGrid.gridCol_lst), f"row {r} does not fill the grid"
    return [tuple(cell) for cell in starts.values()]


def spanned(table) -> Counter:
    cells = Counter()
    for text, _, _, rowspan, colspan in grid_cells(table):
        if rowspan > 1 or colspan > 1:
            is_value = text.replace(".", "").isdigit() or text == "?"
            cells[("VALUE" if is_value else text, rowspan, colspan)] += 1
    return cells


def test_three_tables_with_the_official_grid_widths(document):
    assert [len(t._tbl.tblGrid.gridCol_lst) for t in document.tables] == list(GRID_WIDTHS)


@pytest.mark.parametrize("index, labels", [(0, table2_labels), (1, table3_labels), (2, table4_labels)])
def test_every_official_label_is_a_cell_of_its_table(document, index, labels):
    cells = {text for text, *_ in grid_cells(document.tables[index])}
    missing = [label for label in labels() if label not in cells]
    assert not missing


@pytest.mark.parametrize("index, expected", [(0, T2_SPANNED), (1, T3_SPANNED), (2, T4_SPANNED)])
def test_merged_cells_follow_the_official_layout(document, index, expected):
    assert spanned(document.tables[index]) == Counter(expected)


def test_table3_corner_note_is_one_3x3_cell_in_the_xml(document):
    rows = document.tables[1]._tbl.tr_lst
    first = [rows[r].tc_lst[0] for r in range(3)]
    assert tc_text(first[0]) == L.T3_CORNER_NOTE
    assert [tc.grid_span for tc in first] == [3, 3, 3]
    assert [tc.vMerge for tc in first] == ["restart", "continue", "continue"]


def test_table_header_rows_repeat_on_each_page(document):
    for table in document.tables[1:]:
        headers = [tr.trPr is not None and tr.trPr.find(qn("w:tblHeader")) is not None for tr in table._tbl.tr_lst]
        assert headers[:3] == [True, True, True] and not any(headers[3:])


def test_values_are_centred_and_tables_have_borders(document):
    for table in document.tables:
        assert table._tbl.tblPr.find(qn("w:tblBorders")) is not None
        value_cells = [cell for row in table.rows for cell in row.cells if cell.text.strip().isdigit()]
        assert value_cells
        centre = docx.enum.text.WD_ALIGN_PARAGRAPH.CENTER
        for cell in value_cells:
            paragraph = cell.paragraphs[0]
            assert (paragraph.alignment or paragraph.style.paragraph_format.alignment) == centre


def style_fonts(document, style_id: str) -> dict[str, str]:
    style = document.styles.element.find(f"{qn('w:style')}[@{qn('w:styleId')}='{style_id}']")
    fonts = style.find(qn("w:rPr")).find(qn("w:rFonts"))
    return {key.split("}")[1]: value for key, value in fonts.attrib.items()}


@pytest.mark.parametrize(
    "style_id, east_asia, half_points",
    [
        ("ReportTitle", "方正小标宋简体", 44),  # 二号
        ("ReportHeading1", "黑体", 32),  # 三号
        ("ReportHeading2", "楷体_GB2312", 32),
        ("ReportBody", "仿宋_GB2312", 32),
        ("ReportTableText", "宋体", 21),  # 五号, smaller than the body
    ],
)
def test_style_fonts_and_sizes(document, style_id, east_asia, half_points):
    assert style_fonts(document, style_id)["eastAsia"] == east_asia
    style = document.styles.element.find(f"{qn('w:style')}[@{qn('w:styleId')}='{style_id}']")
    assert style.find(qn("w:rPr")).find(qn("w:sz")).get(qn("w:val")) == str(half_points)


def test_paragraphs_use_the_styles(document):
    by_style = Counter(p.style.style_id for p in document.paragraphs if p.text.strip())
    assert by_style["ReportTitle"] == 1
    assert by_style["ReportHeading1"] == len(L.SECTIONS)
    assert by_style["ReportHeading2"] == len(L.OVERVIEW_ASPECTS)
    assert by_style["ReportBody"] > 5


def test_songti_is_the_fallback(document, document_path):
    defaults = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    assert defaults.find(qn("w:rFonts")).get(qn("w:eastAsia")) == "宋体"
    with zipfile.ZipFile(document_path) as archive:
        fonts = etree.fromstring(archive.read("word/fontTable.xml"))
    alt = {f.get(qn("w:name")): f.find(qn("w:altName")) for f in fonts.findall(qn("w:font"))}
    assert alt["方正小标宋简体"].get(qn("w:val")) == "宋体"


def test_body_has_two_character_indent_and_fixed_line_spacing(document):
    body = document.styles["报告正文"].paragraph_format
    assert body.line_spacing_rule == docx.enum.text.WD_LINE_SPACING.EXACTLY
    assert 28 <= body.line_spacing.pt <= 29
    assert body.first_line_indent.pt == pytest.approx(32, abs=0.1)  # two 16 pt characters
    ind = document.styles["报告正文"].element.pPr.find(qn("w:ind"))
    assert ind.get(qn("w:firstLineChars")) == "200"
    assert document.styles["报告标题"].paragraph_format.alignment == docx.enum.text.WD_ALIGN_PARAGRAPH.CENTER


def test_a4_page_with_official_margins(document):
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    margins = [section.top_margin, section.bottom_margin, section.left_margin, section.right_margin]
    assert [round(m.mm, 1) for m in margins] == [37.0, 35.0, 28.0, 26.0]


def test_footers_hold_a_page_field_between_dashes(document):
    section = document.sections[0]
    assert document.settings.odd_and_even_pages_header_footer
    for footer in (section.footer, section.even_page_footer):
        xml = footer._element.xml
        assert "PAGE" in "".join(footer._element.itertext())
        assert 'w:fldCharType="begin"' in xml and 'w:fldCharType="end"' in xml
        text = footer.paragraphs[0].text
        assert text.startswith("— ") and text.endswith(" —")


def test_body_text_equals_the_txt_export(report, document_path):
    got = docx_content(document_path)
    assert got.paragraphs[0] == report.title
    assert len(got.tables) == 3
    assert got == txt_content(report, to_text(report))


def test_distinct_values_keep_their_places(report, tmp_path):
    """Every cell a different number, so a value in the wrong cell would show."""
    varied = report.model_copy(deep=True)
    for i, key in enumerate(L.T3_ROW_KEYS):
        for j, column in enumerate(L.T3_COLUMN_KEYS):
            varied.table3.set(key, column, 100 + 10 * i + j)
    for g, group in enumerate(L.T4_GROUP_KEYS):
        for c, column in enumerate(L.T4_COLUMN_KEYS):
            setattr(getattr(varied.table4, group), column, 500 + 10 * g + c)
    varied.table2.regulations.issued, varied.table2.normative_documents.in_force = 7, 9
    varied.table2.penalty, varied.table2.fees = 3, Decimal("1.25")
    path = tmp_path / "varied.docx"
    write_docx(varied, path)
    got = docx_content(path)
    assert got.tables[2] == tuple(str(500 + 10 * g + c) for g in range(3) for c in range(5))
    assert got.tables[1][:8] == ("100", "101", "102", "103", "104", "105", "106", "110")
    assert got.tables[0] == ("7", "0", "0", "0", "0", "9", "0", "3", "0", "1.25")
    assert got == txt_content(varied, to_text(varied))


def test_user_text_is_kept_literally(report, tmp_path):
    odd = report.model_copy(deep=True)
    odd.overview.summary = '<script>alert("x")</script> & 〈条例〉\ufffe 第一条'
    path = tmp_path / "odd.docx"
    write_docx(odd, path)
    paragraphs = docx_content(path).paragraphs
    assert any('<script>alert("x")</script> & 〈条例〉 第一条' in p for p in paragraphs)


def test_missing_fact_raises_before_writing(tmp_path):
    with pytest.raises(MissingFact):
        write_docx(Report(), tmp_path / "empty.docx")
    assert not (tmp_path / "empty.docx").exists()
