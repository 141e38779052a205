"""Importer units: decoding, label matching, cell layouts, run-together digits, the column rules,
sections, titles, format detection, contact details, problems."""

from __future__ import annotations

import pytest

from nianbao.importer import ReportImportError, import_bytes, import_text
from nianbao.importer.prose.agencykind import guess_kind
from nianbao.importer.tables.cells import INLINE, LINE, PIPE, TAB, detect_layout, read_cells
from nianbao.importer.tables.columns import choose
from nianbao.importer.prose.contact import read_contact
from nianbao.importer.extraction.decode import decode_bytes
from nianbao.importer.tables.formatdetect import detect_format
from nianbao.chinese.matching import Squeezed, find, label_pattern, normalize, squeeze_label
from nianbao.importer.prose.problems import split_problems
from nianbao.importer.prose.punctuation import chinese_punctuation
from nianbao.importer.tables.rundigits import TooManySplits, splits
from nianbao.chinese.sections import find_sections, section_texts
from nianbao.importer.tables.table3 import read_table3
from nianbao.importer.tables.table4 import read_table4
from nianbao.importer.prose.title import read_title
from nianbao.report import labels as L

ZERO = (0,) * 7

# --- decoding ---------------------------------------------------------------------------------

TEXT = "一、总体情况\n我镇2021年主动公开信息12条。"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030", "utf-16"])
def test_decode_reads_the_encodings_chinese_sites_use(encoding: str) -> None:
    assert decode_bytes(TEXT.encode(encoding)) == TEXT


def test_decode_refuses_binary_with_a_chinese_message() -> None:
    with pytest.raises(ReportImportError, match="不是文本文件"):
        decode_bytes(b"%PDF-1.7\x00\x01\x02\x00binary", "a.txt")


@pytest.mark.parametrize("data", [b"", b"   \n\t  "])
def test_empty_input_is_a_clear_error(data: bytes) -> None:
    with pytest.raises(ReportImportError, match="空"):
        import_bytes(data, ".txt", "empty.txt")


def test_garbage_docx_is_a_clear_error() -> None:
    with pytest.raises(ReportImportError, match="不是有效的 Word"):
        import_bytes(b"PK\x03\x04 this is not really a zip file", ".docx", "bad.docx")


# --- labels -----------------------------------------------------------------------------------


def test_normalize_makes_full_width_digits_and_punctuation_ascii() -> None:
    assert normalize("（一）１２３，") == "(一)123,"


@pytest.mark.parametrize(
    "text",
    [
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        "(二)部分公开(区分处理的,只计这一情况,不计其他情形)",  # an altered label (labels.ALTERED_LABELS)
        "二、部分 公开",
        "部分公开",
    ],
)
def test_label_pattern_tolerates_numbering_punctuation_spaces_and_known_typos(text: str) -> None:
    label = L.T3_ROW_BY_KEY["partial"].label
    sq = Squeezed(normalize(text + "\t1"))
    match = find(label_pattern(label), sq)
    assert match is not None
    assert normalize(text + "\t1")[match.end :].strip() == "1"


def test_label_shortened_in_a_published_table_is_found() -> None:
    label = L.T3_ROW_BY_KEY["refused_law"].label
    sq = Squeezed(normalize("2.其他法律行政止公开\t0"))
    assert find(label_pattern(label), sq) is not None


def test_short_labels_need_their_number() -> None:
    sq = Squeezed(normalize("其他法律行政法规禁止公开 其他 3.其他1"))
    match = find(label_pattern("3.其他", "required"), sq)
    assert match is not None and sq.text[sq.squeezed_index(match.start) :].startswith("3.其他")


# --- cells ------------------------------------------------------------------------------------


def test_tab_row_keeps_blank_cells_in_their_columns() -> None:
    read = read_cells("\t258\t12\t\t\t1\t1\t\n", 7, TAB)
    assert (read.status, read.values) == ("ok", [258, 12, None, None, 1, 1, None])


def test_tab_row_drops_the_padding_of_a_merged_label_cell() -> None:
    # Word tables copied as text: "3.其他\t\t0\t0…" has an empty cell from the merged label.
    read = read_cells("\t\t0\t1\t0\t0\t0\t0\t1\t", 7, TAB)
    assert read.values == [0, 1, 0, 0, 0, 0, 1]


def test_values_on_the_line_after_a_header() -> None:
    read = read_cells("\n5\t\t\t2\t7\t8\t\t\t1\t9\t\t\t\t\t\n", 15, TAB)
    assert read.values == [5, None, None, 2, 7, 8, None, None, 1, 9, None, None, None, None, None]


def test_pipe_row_blank_cell_and_merged_padding() -> None:
    assert read_cells(" | 58 | | 0 | 0 | 1 | 0 | 66 |\n", 7, PIPE).values == [58, None, 0, 0, 1, 0, 66]
    # "||" is padding from merged cells, and two numbers cannot be placed in seven columns.
    assert read_cells(" |\n3 |\n3 |\n|||||||\n", 7, PIPE).status == "unreadable"


def test_line_layout_counts_empty_cells_in_longer_gaps() -> None:
    # One cell per paragraph ("X\n\n"); an empty cell is a single extra line break.
    read = read_cells("\n\n103\n\n3\n\n\n\n1\n\n\n107\n\n", 7, LINE, base=2)
    assert read.values == [103, 3, None, None, 1, None, 107]


def test_blank_markers_are_unknown_not_zero() -> None:
    read = read_cells(" 5 — / 无 - ? 5", 7, INLINE)
    assert read.values == [5, None, None, None, None, None, 5]


def test_run_together_row_is_handed_to_the_decoder() -> None:
    read = read_cells("640020470（二）部分公开", 7, INLINE)
    assert (read.status, read.tokens) == ("run_together", ["640020470"])


def test_detect_layout() -> None:
    assert detect_layout("a\t1\t2\t3\nb\t4\t5\t6\n")[0] == TAB
    assert detect_layout("a | 1 | 2 | 3 |\nb | 4 | 5 | 6 |\n")[0] == PIPE
    assert detect_layout("a\n\n1\n\n2\n\n3\n\nb\n\n4\n\n5\n\n6\n") == (LINE, 2)
    assert detect_layout("a 1 2 3 b 4 5 6")[0] == INLINE


# --- run-together digits ---------------------------------------------------------------------


def test_row_with_one_split_whose_total_is_the_sum() -> None:
    assert splits(["640020470"], (7,)) == [(64, 0, 0, 2, 0, 4, 70)]


def test_row_with_two_splits_that_sum() -> None:
    assert sorted(splits(["270020130"], (7,))) == [(2, 7, 0, 0, 20, 1, 30), (27, 0, 0, 2, 0, 1, 30)]


def test_whitespace_between_tokens_is_stray_in_a_run() -> None:
    assert splits(["500000", "5"], (7,)) == [(5, 0, 0, 0, 0, 0, 5)]
    assert splits(["10", "0", "0", "0", "01"], (7,)) == [(1, 0, 0, 0, 0, 0, 1)]


def test_no_cell_has_a_leading_zero() -> None:
    assert splits(["0550"], (3,), checked=False) == [(0, 5, 50), (0, 55, 0)]


def test_table4_groups_of_five() -> None:
    assert splits(["10203120001200000"], (5, 5, 5)) == [(1, 0, 2, 0, 3, 12, 0, 0, 0, 12, 0, 0, 0, 0, 0)]


def test_hostile_digit_strings_stay_bounded() -> None:
    assert splits(["1" * 200], (7,)) == []  # longer than seven cells of seven digits
    with pytest.raises(TooManySplits):
        splits(["1" * 40], (20,), checked=False)


# --- the column rules choose among splits ------------------------------------------------------


def _rows(**over):
    rows = {k: [ZERO] for k in L.T3_ROW_KEYS}
    rows.update(over)
    return rows


def test_t3_2_decides_an_ambiguous_total() -> None:
    a, b = (27, 0, 0, 2, 0, 1, 30), (2, 7, 0, 0, 20, 1, 30)
    choice = choose(_rows(new=[a], granted=[(27, 0, 0, 2, 0, 1, 30)], total=[a, b], carried_out=[ZERO]))
    assert choice.rows["total"] == list(a)
    assert choice.undecided == {}


def test_t3_1_decides_the_new_requests_row() -> None:
    a, b = (27, 0, 0, 2, 0, 1, 30), (2, 7, 0, 0, 20, 1, 30)
    choice = choose(_rows(new=[a, b], granted=[a], total=[a]))
    assert choice.rows["new"] == list(a)


def test_undecidable_cells_stay_unknown() -> None:
    a, b = (27, 0, 0, 2, 0, 1, 30), (2, 7, 0, 0, 20, 1, 30)
    blank = (None,) * 7
    # With 结转下年度 blank, T3-1 cannot decide 新收, and nothing else involves it.
    choice = choose(_rows(new=[a, b], granted=[a], total=[a], carried_out=[blank]))
    assert choice.rows["new"] == [None, None, 0, None, None, 1, 30]
    assert sorted(choice.undecided["new"]) == sorted([a, b])


def test_run_together_table_notes_what_it_could_not_decide() -> None:
    text = "一、本年新收政府信息公开申请数量270020130二、上年结转政府信息公开申请数量0000000"
    read = read_table3(text)
    assert read.rows["new"] == [None, None, 0, None, None, 1, 30]
    assert any("270020130" in note and "2 种拆分" in note for note in read.notes)


def test_table4_run_together_with_no_valid_split_is_left_blank_with_a_note() -> None:
    read = read_table4("行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计 99999999999999999")
    assert read.values == [None] * 15
    assert read.notes and "99999999999999999" in read.notes[0]


# --- sections ---------------------------------------------------------------------------------

SHANGHAI = """2022年上海市某区政府信息公开工作年度报告
本报告由总体情况、主动公开政府信息情况等部分组成。
一、总体情况
正文一
二．主动公开政府信息情况
正文二
（三）收到和处理政府信息公开申请情况
正文三
四、因政府信息公开工作被申请行政法复议和提起行政诉讼情况
正文四
五、政府信息公开工作存在的主要问题及改进情况
正文五
其他事项
正文六
"""


def test_sections_under_heading_variants() -> None:
    text = normalize(SHANGHAI)
    sections = section_texts(text, find_sections(text))
    assert list(sections) == list(L.SECTION_KEYS)
    assert [sections[k] for k in L.SECTION_KEYS] == ["正文一", "正文二", "正文三", "正文四", "正文五", "正文六"]


def test_a_preamble_listing_section_names_is_not_a_heading() -> None:
    text = normalize("本报告包括总体情况、其他事项等。\n一、 总体情况\n正文")
    headings = find_sections(text)
    assert [h.key for h in headings] == ["overview"]
    assert text[headings[0].end :].strip() == "正文"


def test_run_together_page_sections() -> None:
    text = normalize("标题一、总体情况正文一二、主动公开政府信息情况 正文二六、其他需要报告的事项无。")
    sections = section_texts(text, find_sections(text))
    assert sections == {"overview": "正文一", "active": "正文二", "other": "无。"}


# --- title, format, contact, kind ------------------------------------------------------------


@pytest.mark.parametrize(
    "head, agency, year",
    [
        ("平潭综合实验区2021年度政府信息公开工作年度报告", "平潭综合实验区", 2021),
        ("2019年上海市人民政府办公厅政府信息公开工作年度报告", "上海市人民政府办公厅", 2019),
        ("宁强县自然资源局关于2021年度政府信息公开情况的报告", "宁强县自然资源局", 2021),
        ("盐边县新九镇人民政府\n\n关于2021年度政府信息公开工作的年度报告", "盐边县新九镇人民政府", 2021),
        ("当前位置：首页 > 年报 梨林镇人民政府 2021 年政府信息公开工作年度报 告", "梨林镇人民政府", 2021),
    ],
)
def test_title_variants(head: str, agency: str, year: int) -> None:
    info = read_title(normalize(head))
    assert (info.agency, info.year, info.year_from_title) == (agency, year, True)


def test_year_from_the_statistics_period_when_the_title_has_none() -> None:
    info = read_title(normalize("本报告所列数据的统计期限为2024年1月1日至2024年12月31日。我局……"))
    assert (info.agency, info.year, info.year_from_title, info.self_ref) == ("", 2024, False, "我局")


@pytest.mark.parametrize(
    "text, year, expected",
    [
        ("本年新制作数量 对外公开总数量", 2022, "2019"),
        ("本年制发件数 现行有效件数", 2020, "2021"),
        ("没有表格", 2020, "2019"),
        ("没有表格", 2021, "2021"),
        ("没有表格", None, "2021"),
    ],
)
def test_format_detection(text: str, year, expected: str) -> None:
    assert detect_format(squeeze_label(text), year) == expected


def test_contact_details_from_the_preamble() -> None:
    text = normalize(
        "如对本报告有疑问，请与青溪县白石镇党政办公室联系（地址：青溪县白石镇人民路8号，邮编：612300，"
        "电话：0812-5551234，电子邮箱：bsz@qingxi.gov.cn）。本报告电子版可在青溪县人民政府门户网站（www.qingxi.gov.cn）下载。"
    )
    contact, website = read_contact(text)
    assert (contact.office, contact.address, contact.postcode, contact.phone, contact.email) == (
        "青溪县白石镇党政办公室",
        "青溪县白石镇人民路8号",
        "612300",
        "0812-5551234",
        "bsz@qingxi.gov.cn",
    )
    assert website == "青溪县人民政府门户网站（www.qingxi.gov.cn）"


@pytest.mark.parametrize(
    "name, kind",
    [
        ("梨林镇人民政府", "township"),
        ("桂花坪街道", "subdistrict"),
        ("勉县人民政府", "county_gov"),
        ("贵阳市人民政府(市人民政府办公厅)", "city_gov"),
        ("上海市", "province_gov"),
        ("江苏省交通运输厅", "province_dept"),
        ("宁强县自然资源局", "county_dept"),
        ("银川市自然资源局", "city_dept"),
        ("平潭综合实验区", "other"),
    ],
)
def test_agency_kind_from_the_name(name: str, kind: str) -> None:
    assert guess_kind(name) == kind


def test_problems_and_measures() -> None:
    problems, measures = split_problems(
        normalize("2021年仍存在不足：一是公开不够及时；二是培训偏少。下一步，将做好以下工作：一是规范发布流程；二是加强培训。")
    )
    assert problems[-2:] == ["公开不够及时", "培训偏少"]
    assert measures[-2:] == ["规范发布流程", "加强培训"]


def test_chinese_punctuation_restored_only_next_to_chinese() -> None:
    assert chinese_punctuation("地址:人民路8号,邮编:612300 (a,b)") == "地址：人民路8号，邮编：612300 (a,b)"


# --- the whole reader on small texts ----------------------------------------------------------


def test_text_without_any_heading_is_read_with_a_note() -> None:
    imported = import_text("这不是年度报告，只是一段文字。", "x.txt")
    assert imported.report.table3.rows["new"] == [None] * 7
    assert any("一个部分标题也没有找到" in n for n in imported.notes)
    assert any("未找到表二、表三、表四" in n for n in imported.notes)


def test_old_format_other_handling_row_goes_to_item_3() -> None:
    text = (
        "三、收到和处理政府信息公开申请情况\n"
        "（五）不予处理\t5.要求行政机关确认或重新出具已获取信息\t0\t0\t0\t0\t0\t0\t0\n"
        "（六）其他处理\t2\t0\t0\t0\t0\t0\t2\n"
        "（七）总计\t2\t0\t0\t0\t0\t0\t2\n"
    )
    imported = import_text(text)
    rows = imported.report.table3.rows
    assert rows["oh_other"] == [2, 0, 0, 0, 0, 0, 2]
    assert rows["oh_no_correction"] == rows["oh_no_fee"] == [None] * 7
    assert imported.format == "2019"


def test_full_width_digits_in_cells() -> None:
    text = "三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\t１２\t３\t０\t０\t０\t０\t１５\n"
    assert import_text(text).report.table3.rows["new"] == [12, 3, 0, 0, 0, 0, 15]


def test_cells_that_could_not_be_read_are_not_called_blank():
    """A run-together Table 2 row with several possible splits is left empty, and the checker
    says it could not be read (a warning to look at the original), not that it is blank."""
    import re
    from pathlib import Path

    from nianbao import store
    from nianbao.importer import import_text
    from nianbao.render.outputs import to_text
    from nianbao.rules import check_report

    lilin = store.load(Path(__file__).resolve().parents[1] / "examples" / "lilin-2021.json")
    text = re.sub(r"^行政规范性文件\s+0\s+0\s+0$", "行政规范性文件693665", to_text(lilin.report), flags=re.M)
    imported = import_text(text)
    assert "table2.normative_documents" in imported.unread
    findings = check_report(
        imported.report, text=imported.text, format=imported.format, sections=imported.sections,
        unread=imported.unread,
    )
    t21 = [f for f in findings if f.rule == "T2-1" and f.row == "normative_documents"]
    assert len(t21) == 3 and all(f.severity == "W" and "未能读出" in f.message for f in t21)
    # Without that knowledge the same empty cells are blanks: errors.
    plain = [f for f in check_report(imported.report, text=imported.text) if f.rule == "T2-1"]
    assert any(f.severity == "E" and "未填写" in f.message for f in plain)
