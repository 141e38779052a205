"""Answer parsing: what a clerk types -> values, or an AnswerError in Chinese."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nianbao.chinese import numerals as N
from nianbao.interview import parse as P
from nianbao.interview import synonyms as S
from nianbao.interview.errors import AnswerError
from nianbao.report import labels as L

CJK = re.compile(r"[\u4e00-\u9fff]")


def assert_chinese_error(error: AnswerError, typed: str, *fragments: str) -> None:
    """The message is Chinese, names what is expected, and carries no Python repr."""
    message = str(error)
    assert CJK.search(message), message
    assert "例如" in message or "：" in message, message
    if typed.strip():
        assert repr(typed) not in message, message
    for fragment in fragments:
        assert fragment in message, message


def raises_answer_error(parser, text: str, *args) -> AnswerError:
    with pytest.raises(AnswerError) as caught:
        parser(text, *args)
    return caught.value


# --- reference Chinese numerals (independent of the implementation) -----------------------------
REF_DIGITS = "零一二三四五六七八九"
REF_UNITS = ("", "十", "百", "千", "万")


def to_chinese(n: int) -> str:
    """The standard reading of 0 <= n < 100000: 10 -> 十, 105 -> 一百零五, 10010 -> 一万零一十."""
    if n == 0:
        return "零"
    text = str(n)
    parts: list[str] = []
    zero_pending = False
    for index, ch in enumerate(text):
        digit, power = int(ch), len(text) - 1 - index
        if digit == 0:
            zero_pending = True
            continue
        if zero_pending:
            parts.append("零")
            zero_pending = False
        parts.append(REF_DIGITS[digit] + REF_UNITS[power])
    result = "".join(parts)
    return result[1:] if result.startswith("一十") else result


def to_full_width(text: str) -> str:
    return "".join(chr(ord(ch) - ord("0") + ord("０")) if ch.isdigit() else ch for ch in text)


def test_reference_converter_itself():
    assert [to_chinese(n) for n in (0, 7, 10, 12, 20, 105, 110, 1005, 3050, 10000, 10010, 12000)] == [
        "零", "七", "十", "十二", "二十", "一百零五", "一百一十", "一千零五", "三千零五十", "一万",
        "一万零一十", "一万二千",
    ]


# --- AnswerError ---------------------------------------------------------------------------------
def test_answer_error_is_its_message():
    error = AnswerError("请填写一个不小于 0 的整数，例如 3 或 三；“无”表示 0。")
    assert str(error) == "请填写一个不小于 0 的整数，例如 3 或 三；“无”表示 0。"
    assert error.message == str(error)
    assert isinstance(error, Exception)


# --- parse_count ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("12", 12), ("１２", 12), ("1,234", 1234), ("1，234", 1234), ("12,345,678", 12345678),
        ("十二", 12), ("两", 2), ("一百零五", 105), ("二十", 20), ("三千零五十", 3050), ("十", 10),
        ("一万二千", 12000), ("一万二", 12000), ("十万零五", 100005), ("两百", 200), ("二百五", 250),
        ("一百一十", 110), ("一百十", 110), ("壹佰零伍", 105),
        ("0", 0), ("零", 0), ("〇", 0), ("无", 0), ("没有", 0), ("不涉及", 0), ("无。", 0), ("暂无", 0),
        ("3件", 3), ("3 条", 3), ("共3件", 3), ("共计 12 条", 12), ("一共三次", 3), ("5人次", 5),
        ("  7  ", 7), ("７。", 7), ("“3”", 3), ("（3）", 3), ("007", 7),
    ],
)
def test_count_accepted(typed, value):
    assert P.parse_count(typed) == value


@pytest.mark.parametrize(
    ("typed", "fragment"),
    [
        ("-1", "负数"), ("－3", "负数"), ("1.5", "小数"), ("２.５", "小数"), ("一点五", "小数"),
        ("很多", "很多"), ("", "整数"), ("   ", "整数"), ("3 0", "整数"), ("1,23", "整数"),
        ("一零", "整数"), ("两十", "整数"), ("十两", "整数"), ("一百零", "整数"), ("约3件", "整数"),
        ("3件左右", "整数"), ("9" * 30, "太大"), ("abc", "abc"), ("件", "整数"),
    ],
)
def test_count_rejected(typed, fragment):
    error = raises_answer_error(P.parse_count, typed)
    assert_chinese_error(error, typed, fragment, "不小于 0 的整数")


def test_count_error_quotes_long_input_shortened():
    typed = "这是一段很长很长的说明文字而不是一个数字，写了很多很多字"
    message = str(raises_answer_error(P.parse_count, typed))
    assert "…" in message and typed not in message


# --- Chinese numerals ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("typed", "value"),
    [("二〇二四", 2024), ("二零二一", 2021), ("一", 1), ("〇", 0)],
)
def test_cn_digit_sequence(typed, value):
    assert N.cn_digit_sequence(typed) == value


@pytest.mark.parametrize("typed", ["", "两〇二四", "二十", "2024"])
def test_cn_digit_sequence_rejects(typed):
    assert N.cn_digit_sequence(typed) is None


@pytest.mark.parametrize("typed", ["", "万", "万二", "一万万", "一万二百", "十十", "百", "一二", "二〇二四"])
def test_cn_integer_rejects(typed):
    assert N.cn_integer(typed) is None


# --- money ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("1.5", "1.5"), ("1.5万元", "1.5"), ("1.5万", "1.5"), ("15000元", "1.5"), ("15,000元", "1.5"),
        ("１．５万元", "1.5"), ("1.5 万元", "1.5"), ("0", "0"), ("无", "0"), ("未收费", "0"),
        ("一点五万", "1.5"), ("三百元", "0.03"), ("一万二千元", "1.2"), ("1元", "0.0001"),
        ("0.1234", "0.1234"), ("¥15000", "1.5"), ("￥300元", "0.03"), (".5", "0.5"), ("12", "12"),
    ],
)
def test_amount_wan_accepted(typed, value):
    parsed = P.parse_amount_wan(typed)
    assert parsed == Decimal(value)
    assert str(parsed) == value  # no trailing zeros, no exponent


@pytest.mark.parametrize(
    ("typed", "fragment"),
    [
        ("-1.5", "负数"), ("－1.5万元", "负数"), ("abc", "abc"), ("", "万元"), ("1.23456", "小数位"),
        ("0.5元", "小数位"), ("1.5万万", "万元"), ("1.5.5", "万元"), ("一点", "万元"),
        ("9" * 40, "万元"), ("999999999999", "太大"), ("NaN", "万元"), ("Infinity", "万元"), ("1e3", "万元"),
    ],
)
def test_amount_wan_rejected(typed, fragment):
    error = raises_answer_error(P.parse_amount_wan, typed)
    assert_chinese_error(error, typed, fragment, "万元")


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("300元", "300"), ("300", "300"), ("0.03万元", "300"), ("无", "0"), ("没有", "0"),
        ("300.5元", "300.5"), ("三百元", "300"), ("1.5万", "15000"), ("１，２００元", "1200"),
    ],
)
def test_amount_yuan_accepted(typed, value):
    parsed = P.parse_amount_yuan(typed)
    assert parsed == Decimal(value)
    assert str(parsed) == value


@pytest.mark.parametrize(("typed", "fragment"), [("300.123", "小数位"), ("-300", "负数"), ("三百块", "元")])
def test_amount_yuan_rejected(typed, fragment):
    error = raises_answer_error(P.parse_amount_yuan, typed)
    assert_chinese_error(error, typed, fragment, "单位是元")


# --- yes / no ------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "typed", ["有", "是", "对", "是的", "有的", "好", "确认", "y", "Y", "yes", "YES", "1", "１", "是。", " 有 "]
)
def test_yes(typed):
    assert P.parse_yes_no(typed) is True


@pytest.mark.parametrize("typed", ["没有", "无", "否", "不是", "没", "不", "n", "N", "no", "0", "没有。", "无！"])
def test_no(typed):
    assert P.parse_yes_no(typed) is False


@pytest.mark.parametrize("typed", ["也许", "", "有没有", "2", "yesno"])
def test_yes_no_rejected(typed):
    error = raises_answer_error(P.parse_yes_no, typed)
    assert_chinese_error(error, typed, "是", "否")


# --- choices -------------------------------------------------------------------------------------
AGENCY_KINDS = L.AGENCY_KINDS


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        ("乡镇", "township"), ("1", "township"), ("１", "township"), ("一", "township"), ("第2个", "subdistrict"),
        ("街道", "subdistrict"), ("县级部门", "county_dept"), ("县级政", "county_gov"),
        ("设区", "city_gov"), ("市级政府", "city_gov"), ("国务院", "state_council_dept"),
        ("我们是乡镇", "township"), ("10", "other"), ("township", "township"), ("乡镇。", "township"),
    ],
)
def test_choice_accepted(typed, key):
    assert P.parse_choice(typed, AGENCY_KINDS) == key


@pytest.mark.parametrize(
    ("typed", "fragment"),
    [("县", "县级政府"), ("政府", "可以指"), ("村委会", "没有找到"), ("11", "没有找到"), ("0", "没有找到"), ("", "序号")],
)
def test_choice_rejected(typed, fragment):
    error = raises_answer_error(P.parse_choice, typed, AGENCY_KINDS)
    assert_chinese_error(error, typed, fragment, "1. 乡镇")


# --- lists ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("typed", "items"),
    [
        ("加强学习", ["加强学习"]),
        ("加强学习\n\n完善制度\n", ["加强学习", "完善制度"]),
        ("加强学习；完善制度", ["加强学习", "完善制度"]),
        ("1.加强学习\n2.完善制度\n3.强化监督", ["加强学习", "完善制度", "强化监督"]),
        ("１．加强学习\n２．完善制度", ["加强学习", "完善制度"]),
        ("1、加强学习；\n2、完善制度；", ["加强学习", "完善制度"]),
        ("（1）加强学习（2）完善制度", ["加强学习", "完善制度"]),
        ("(1) 加强学习\n(2) 完善制度", ["加强学习", "完善制度"]),
        ("①加强学习②完善制度", ["加强学习", "完善制度"]),
        ("一、加强学习\n二、完善制度", ["加强学习", "完善制度"]),
        ("（一）加强学习（二）完善制度", ["加强学习", "完善制度"]),
        ("一是加强学习；二是完善制度。三是强化监督。", ["加强学习", "完善制度。", "强化监督。"]),
        ("第一，加强学习。第二，完善制度。", ["加强学习。", "完善制度。"]),
        ("- 加强学习\n- 完善制度", ["加强学习", "完善制度"]),
        # A lead-in ending with a colon is a heading, not an item.
        ("存在问题：\n（一）公开不全面\n（二）解读少", ["公开不全面", "解读少"]),
        ("存在的问题：1.内容不全，更新不及时；2.解读形式单一。", ["内容不全，更新不及时", "解读形式单一。"]),
        # Continuation lines join their item; "统一是" is not the marker 一是.
        ("一是公开内容不全，统一是关键；\n  继续加强\n二是解读少", ["公开内容不全，统一是关键；继续加强", "解读少"]),
        # "1.5" is a number, not the marker 1.
        ("收费1.5万元的问题", ["收费1.5万元的问题"]),
        ("1.5万元的问题\n2.另一个", ["1.5万元的问题", "另一个"]),
        ("无", []), ("没有。", []), ("暂无", []),
    ],
)
def test_list_accepted(typed, items):
    assert P.parse_list(typed) == items


def test_list_keeps_full_width_punctuation():
    assert P.parse_list("1.加强学习（培训），提高认识。\n2.完善制度") == ["加强学习（培训），提高认识。", "完善制度"]


@pytest.mark.parametrize("typed", ["", "   ", "\n\n", "1. 2.", "；；"])
def test_list_rejected(typed):
    error = raises_answer_error(P.parse_list, typed)
    assert_chinese_error(error, typed, "至少写一条")


# --- counts by label: Table 3 columns --------------------------------------------------------------
@pytest.mark.parametrize(
    ("typed", "counts"),
    [
        ("自然人3件，企业1件，律所2件", {"natural": 3, "business": 1, "legal": 2}),
        ("自然人3件,企业1件;律所2件", {"natural": 3, "business": 1, "legal": 2}),
        ("自然人三件、公司一件", {"natural": 3, "business": 1}),
        ("个人 12 律师事务所 两件", {"natural": 12, "legal": 2}),
        ("群众３件；科研院所１件；公益组织１件；其他组织１件", {"natural": 3, "research": 1, "nonprofit": 1, "other": 1}),
        ("商业企业：2，科研机构=1，社会公益组织0，法律服务机构无", {"business": 2, "research": 1, "nonprofit": 0, "legal": 0}),
        ("自然人有5件和企业2件", {"natural": 5, "business": 2}),
        ("高校1件 社会组织2件 其他3件 总计6件", {"research": 1, "nonprofit": 2, "other": 3, "total": 6}),
        ("企业3个人2", {"business": 3, "natural": 2}),  # 个 before 人 is not a measure word here
        ("公民十二件。", {"natural": 12}),
    ],
)
def test_t3_columns_accepted(typed, counts):
    assert P.parse_counts_by_label(typed, L.T3_COLUMNS, S.synonyms_for("t3_columns")) == counts
    assert P.parse_t3_column_counts(typed) == counts


@pytest.mark.parametrize("typed", ["无", "没有", "没有。", "0", "都没有", "均为0"])
def test_t3_columns_none_is_all_zeros(typed):
    assert P.parse_t3_column_counts(typed) == {key: 0 for key in L.T3_COLUMN_KEYS}


@pytest.mark.parametrize(
    ("typed", "fragments"),
    [
        ("科研3", ("不认识“科研”", "科研机构", "律所")),
        ("法人或其他组织3", ("不认识", "自然人")),
        ("自然人企业3", ("同时提到了", "自然人", "商业企业")),
        ("3件自然人", ("名称+件数",)),
        ("公司", ("“商业企业”后面要写件数",)),
        ("企业-3", ("负数",)),
        ("企业1.5", ("小数",)),
        ("自然人3件，自然人2件", ("写了两次",)),
        ("自然人很多", ("自然人", "件数")),
        ("", ("名称+件数",)),
    ],
)
def test_t3_columns_rejected(typed, fragments):
    error = raises_answer_error(P.parse_t3_column_counts, typed)
    assert_chinese_error(error, typed, *fragments)


def test_default_synonyms_name_real_keys():
    assert set(S.synonyms_for("t3_columns").values()) <= set(L.T3_COLUMN_KEYS) | {S.HEADING}
    assert set(S.synonyms_for("t3_outcomes").values()) <= set(L.T3_ROW_KEYS) | {S.HEADING}
    assert set(S.synonyms_for("t4_columns").values()) <= set(L.T4_COLUMN_KEYS) | {S.HEADING}


# --- counts by label: Table 3 rows -----------------------------------------------------------------
@pytest.mark.parametrize(
    ("typed", "counts"),
    [
        ("（一）予以公开3件", {"granted": 3}),
        ("1.本机关不掌握相关政府信息 2", {"unable_not_held": 2}),
        ("予以公开2件，不掌握1件，结转1件", {"granted": 2, "unable_not_held": 1, "carried_out": 1}),
        ("公开十二件部分公开一件其他处理2", {"granted": 12, "partial": 1, "oh_other": 2}),
        ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）1件", {"partial": 1}),
        ("（三）不予公开 1.属于国家秘密 2件", {"refused_secret": 2}),
        ("不予公开，1.属于国家秘密2件", {"refused_secret": 2}),
        ("予以公开 3 2.重复申请 1", {"granted": 3, "np_repeat": 1}),
        ("危及三安全一稳定两件", {"refused_security": 2}),
        ("3.危及“三安全一稳定”1", {"refused_security": 1}),
        ("信访举报投诉3件，逾期不补正1件", {"np_petition": 3, "oh_no_correction": 1}),
        ("信访2 重复申请1 国家秘密1 第三方1 过程性1 内部事务1", {
            "np_petition": 2, "np_repeat": 1, "refused_secret": 1, "refused_third_party": 1,
            "refused_process": 1, "refused_internal": 1}),
        ("行政执法案卷1，行政查询1，另行制作1，仍不明确1，出版物1，大量反复1，确认1", {
            "refused_enforcement": 1, "refused_query": 1, "unable_needs_creation": 1,
            "unable_unclear": 1, "np_publication": 1, "np_mass": 1, "np_confirm": 1}),
        ("重新出具1，逾期未缴纳费用1", {"np_confirm": 1, "oh_no_fee": 1}),
        ("新收5件，上年结转1件，总计6件", {"new": 5, "carried_in": 1, "total": 6}),
        ("一、本年新收政府信息公开申请数量 4", {"new": 4}),
        ("没有现成信息需要另行制作1件", {"unable_needs_creation": 1}),
        ("无正当理由大量反复申请1", {"np_mass": 1}),
        ("申请人逾期不补正2件", {"oh_no_correction": 2}),
        ("其他法律法规禁止1", {"refused_law": 1}),
        ("公开出版物1", {"np_publication": 1}),
    ],
)
def test_t3_rows_accepted(typed, counts):
    assert P.parse_t3_row_counts(typed) == counts


@pytest.mark.parametrize("key", [row.key for row in L.T3_ROWS])
def test_t3_rows_every_official_label_works(key):
    label = L.T3_ROW_BY_KEY[key].label
    assert P.parse_t3_row_counts(f"{label}3件") == {key: 3}
    assert P.parse_t3_row_counts(f"{label} 3") == {key: 3}
    assert P.parse_t3_row_counts(f"{L.t3_row_full_label(key)}3件") == {key: 3}


@pytest.mark.parametrize(
    ("typed", "fragments"),
    [
        # A group heading, not a row: which reason is asked, the group's reasons named.
        ("不予公开3", ("“不予公开”要写明是哪一种", "属于国家秘密", "第三方")),
        ("（三）不予公开3件", ("“不予公开”要写明是哪一种",)),
        ("予以公开17件，无法提供3件", ("已看懂：予以公开17件", "“无法提供”要写明是哪一种", "不掌握", "另行制作")),
        ("不予处理的1件", ("“不予处理”要写明是哪一种", "信访")),
        ("上年结转政府信息公开申请", ("后面要写件数",)),
        ("主动公开3件", ("不认识",)),
        ("予以公开2，公开1", ("写了两次",)),
    ],
)
def test_t3_rows_rejected(typed, fragments):
    error = raises_answer_error(P.parse_t3_row_counts, typed)
    assert_chinese_error(error, typed, *fragments)


def test_t3_rows_subset_treats_other_rows_as_unknown():
    outcomes = {key: L.T3_ROW_BY_KEY[key].label for key in (*L.T3_OUTCOME_KEYS, "carried_out")}
    assert P.parse_counts_by_label("予以公开2，结转1", outcomes, S.synonyms_for("t3_outcomes")) == {
        "granted": 2, "carried_out": 1}
    error = raises_answer_error(P.parse_counts_by_label, "新收3件", outcomes, S.synonyms_for("t3_outcomes"))
    assert_chinese_error(error, "新收3件", "不认识“新收”", "予以公开")


# --- counts by label: Table 4 ----------------------------------------------------------------------
@pytest.mark.parametrize(
    ("typed", "counts"),
    [
        ("维持1件，纠正0，尚未审结2", {"upheld": 1, "corrected": 0, "pending": 2}),
        ("结果维持1 结果纠正1 其他结果1 尚未审结0 总计3", {
            "upheld": 1, "corrected": 1, "other": 1, "pending": 0, "total": 3}),
        ("行政复议：维持一件，其他一件，合计两件", {"upheld": 1, "other": 1, "total": 2}),
        ("未审结1", {"pending": 1}),
    ],
)
def test_t4_accepted(typed, counts):
    assert P.parse_t4_counts(typed) == counts
    assert P.parse_counts_by_label(typed, L.T4_COLUMNS, S.synonyms_for("t4_columns")) == counts


def test_t4_none_is_all_zeros():
    assert P.parse_t4_counts("无") == {key: 0 for key in L.T4_COLUMN_KEYS}


def test_t4_unknown_label_lists_accepted_labels():
    error = raises_answer_error(P.parse_t4_counts, "撤销1件")
    assert_chinese_error(error, "撤销1件", "不认识“撤销”", "结果维持", "尚未审结")


def test_generic_labels_without_synonyms():
    labels = {"a": "网站", "b": "微信公众号"}
    assert P.parse_counts_by_label("网站3条 微信公众号 5条", labels, {}) == {"a": 3, "b": 5}
    assert P.parse_counts_by_label("网站3条", labels) == {"a": 3}


# --- rows --------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("typed", "n", "values"),
    [
        ("3 0 0 1 0 0 4", 7, [3, 0, 0, 1, 0, 0, 4]),
        ("3,0,0,1,0,0,4", 7, [3, 0, 0, 1, 0, 0, 4]),
        ("３，０，０，１，０，０，４", 7, [3, 0, 0, 1, 0, 0, 4]),
        ("3、0；1", 3, [3, 0, 1]),
        (" 3\t0  1 ", 3, [3, 0, 1]),
        ("三 无 十二", 3, [3, 0, 12]),
        ("无", 4, [0, 0, 0, 0]),
        ("5", 1, [5]),
    ],
)
def test_row_accepted(typed, n, values):
    assert P.parse_row(typed, n) == values


def test_row_wrong_length_says_expected_and_given():
    error = raises_answer_error(P.parse_row, "3 0 0 1 0", 7)
    assert_chinese_error(error, "3 0 0 1 0", "要填 7 个数", "填了 5 个")


@pytest.mark.parametrize(("typed", "fragment"), [("3 -1 0", "第 2 个数"), ("3 0 1.5", "第 3 个数"), ("", "填了 0 个")])
def test_row_rejected(typed, fragment):
    error = raises_answer_error(P.parse_row, typed, 3)
    assert_chinese_error(error, typed, fragment)


# --- free text ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("镇党政办", "镇党政办"),
        ("  梨林镇人民政府  ", "梨林镇人民政府"),
        ("加强学习，提高认识。", "加强学习，提高认识。"),  # full-width punctuation kept
        ("（一）全角括号：保留！", "（一）全角括号：保留！"),
        ("１２３", "１２３"),  # no NFKC on free text
        ("\u3000首行缩进\u3000", "首行缩进"),
    ],
)
def test_text_accepted(typed, value):
    assert P.parse_text(typed) == value


@pytest.mark.parametrize("typed", ["", "   ", "\n\t", "\u3000"])
def test_text_rejected(typed):
    error = raises_answer_error(P.parse_text, typed)
    assert_chinese_error(error, typed, "这一项不能为空")


# --- year ----------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("typed", "year"),
    [("2024", 2024), ("2024年", 2024), ("２０２４年度", 2024), ("二〇二四", 2024), ("二零二一年", 2021),
     ("二千零二十四", 2024), ("2100", 2100), ("2021", 2021)],
)
def test_year_accepted(typed, year):
    assert P.parse_year(typed) == year


@pytest.mark.parametrize(
    ("typed", "fragment"),
    [("2020", "不在 2021 到 2100"), ("2101", "不在"), ("24年", "四位数"), ("今年", "今年"), ("", "四位数"),
     ("2024.5", "四位数")],
)
def test_year_rejected(typed, fragment):
    error = raises_answer_error(P.parse_year, typed)
    assert_chinese_error(error, typed, fragment, "2024")


def test_year_range_can_be_widened_for_old_reports():
    assert P.parse_year("2019年", first=2000) == 2019


# --- properties ----------------------------------------------------------------------------------
@given(st.integers(min_value=0, max_value=10**12 - 1))
def test_count_reads_its_decimal_string(n):
    assert P.parse_count(str(n)) == n


@given(st.integers(min_value=0, max_value=10**9))
def test_count_reads_thousands_separators_and_full_width(n):
    assert P.parse_count(f"{n:,}") == n
    assert P.parse_count(to_full_width(str(n))) == n
    assert P.parse_count(to_full_width(f"{n:,}").replace(",", "，")) == n


@given(st.integers(min_value=0, max_value=99999))
def test_count_reads_its_chinese_numeral(n):
    assert P.parse_count(to_chinese(n)) == n
    assert P.parse_count(f"共{to_chinese(n)}件") == n


@given(st.integers(min_value=0, max_value=99999))
def test_row_reads_back_its_numbers(n):
    assert P.parse_row(f"{n} {to_chinese(n)} {to_full_width(str(n))}", 3) == [n, n, n]


@given(st.integers(min_value=0, max_value=10**8 - 1), st.integers(min_value=0, max_value=9999))
def test_amount_wan_round_trips(whole, fraction):
    typed = f"{whole}.{fraction:04d}"
    assert P.parse_amount_wan(typed) == Decimal(typed)
    assert P.parse_amount_yuan(f"{typed}万元") == Decimal(typed) * 10000


def _only_answer_errors(parse, text: str) -> None:
    try:
        parse(text)
    except AnswerError as error:
        assert CJK.search(str(error))


ANY_TEXT = st.text(max_size=60) | st.text(alphabet="0123456789一二两三十百千万零无没有件,，、;； .-", max_size=30)
COUNT_PARSERS = [
    P.parse_count, P.parse_amount_wan, P.parse_amount_yuan, P.parse_yes_no, P.parse_list, P.parse_text,
    P.parse_year, P.parse_t3_column_counts, P.parse_t3_row_counts, P.parse_t4_counts,
    lambda text: P.parse_row(text, 3),
    lambda text: P.parse_choice(text, L.AGENCY_KINDS),
]


@settings(max_examples=300)
@given(ANY_TEXT)
def test_arbitrary_text_raises_only_answer_errors(text):
    for parse in COUNT_PARSERS:
        _only_answer_errors(parse, text)


@given(st.text(min_size=1, max_size=40).filter(lambda s: s.strip()))
def test_text_keeps_everything_but_surrounding_space(text):
    assert P.parse_text(text) == text.strip()


@pytest.mark.parametrize("word", ["否", "零", "未发生", "无此情况", "“无”"])
def test_one_set_of_none_words_for_every_kind_of_answer(word):
    """The interview once had two sets (one without 否, one without 零 and 未发生): a word that means
    "none" now means it for a count, a list, a row and an optional text alike."""
    from nianbao.interview.parse.common import is_none_answer

    assert P.parse_count(word) == 0
    assert P.parse_list(word) == []
    assert P.parse_row(word, 3) == [0, 0, 0]
    assert is_none_answer(word)
