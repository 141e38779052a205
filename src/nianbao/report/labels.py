"""Every official label of the 2021 format (国办公开办函〔2021〕30号), in one place.

Model, rules, templates, prompts, importer and TUI take their wording from here. Keys are
stable English identifiers; values are the exact official Chinese text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

FORMAT_2021_DOC = "国办公开办函〔2021〕30号"
FORMAT_2019_DOC = "国办公开办函〔2019〕60号"
REGULATION = "《中华人民共和国政府信息公开条例》"
REGULATION_SHORT = "《条例》"
FEE_MEASURES = "《政府信息公开信息处理费管理办法》"
REPORT_TITLE_SUFFIX = "年政府信息公开工作年度报告"

# --- the six sections, in their fixed order ---------------------------------------------------
SECTIONS: dict[str, str] = {
    "overview": "一、总体情况",
    "active": "二、主动公开政府信息情况",
    "requests": "三、收到和处理政府信息公开申请情况",
    "appeals": "四、政府信息公开行政复议、行政诉讼情况",
    "problems": "五、存在的主要问题及改进情况",
    "other": "六、其他需要报告的事项",
}
SECTION_KEYS: tuple[str, ...] = tuple(SECTIONS)

# Section 一 covers five aspects; most reports give each a sub-heading.
OVERVIEW_ASPECTS: dict[str, str] = {
    "active": "主动公开",
    "on_request": "依申请公开",
    "management": "政府信息管理",
    "platform": "政府信息公开平台建设",
    "supervision": "监督保障",
}

# Section 六's standing items, in practice order.
OTHER_ITEMS: dict[str, str] = {
    "fees": "信息处理费收取情况",
    "work_points": "落实上级年度政务公开工作要点情况",
    "proposals": "人大代表建议和政协提案办理结果公开情况",
    "innovation": "年度政务公开工作创新情况",
    "other": "其他需要报告的事项",
}

# --- Table 2 ------------------------------------------------------------------------------
T2_CONTENT = "信息内容"
T2_ITEM_1 = "第二十条第（一）项"
T2_ITEM_5 = "第二十条第（五）项"
T2_ITEM_6 = "第二十条第（六）项"
T2_ITEM_8 = "第二十条第（八）项"
T2_DOC_COLUMNS: dict[str, str] = {
    "issued": "本年制发件数",
    "repealed": "本年废止件数",
    "in_force": "现行有效件数",
}
T2_DECISIONS = "本年处理决定数量"
T2_FEE_AMOUNT = "本年收费金额（单位：万元）"
T2_ROWS: dict[str, str] = {
    "regulations": "规章",
    "normative_documents": "行政规范性文件",
    "licensing": "行政许可",
    "penalty": "行政处罚",
    "coercion": "行政强制",
    "fees": "行政事业性收费",
}

# --- Table 3 ------------------------------------------------------------------------------
T3_CORNER_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
T3_APPLICANT = "申请人情况"
T3_ORG_GROUP = "法人或其他组织"
T3_COLUMNS: dict[str, str] = {
    "natural": "自然人",
    "business": "商业企业",
    "research": "科研机构",
    "nonprofit": "社会公益组织",
    "legal": "法律服务机构",
    "other": "其他",
    "total": "总计",
}
T3_COLUMN_KEYS: tuple[str, ...] = tuple(T3_COLUMNS)
T3_ORG_COLUMN_KEYS: tuple[str, ...] = ("business", "research", "nonprofit", "legal", "other")


@dataclass(frozen=True)
class T3Row:
    key: str
    label: str  # the row's own label, as printed in its cell
    group: str | None = None  # key of the group heading it sits under
    outcome: bool = False  # one of the 22 outcome rows summed into （七）总计


T3_GROUPS: dict[str, str] = {
    "results": "三、本年度办理结果",
    "refused": "（三）不予公开",
    "unable": "（四）无法提供",
    "not_processed": "（五）不予处理",
    "other_handling": "（六）其他处理",
}

T3_ROWS: tuple[T3Row, ...] = (
    T3Row("new", "一、本年新收政府信息公开申请数量"),
    T3Row("carried_in", "二、上年结转政府信息公开申请数量"),
    T3Row("granted", "（一）予以公开", "results", True),
    T3Row("partial", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "results", True),
    T3Row("refused_secret", "1.属于国家秘密", "refused", True),
    T3Row("refused_law", "2.其他法律行政法规禁止公开", "refused", True),
    T3Row("refused_security", "3.危及“三安全一稳定”", "refused", True),
    T3Row("refused_third_party", "4.保护第三方合法权益", "refused", True),
    T3Row("refused_internal", "5.属于三类内部事务信息", "refused", True),
    T3Row("refused_process", "6.属于四类过程性信息", "refused", True),
    T3Row("refused_enforcement", "7.属于行政执法案卷", "refused", True),
    T3Row("refused_query", "8.属于行政查询事项", "refused", True),
    T3Row("unable_not_held", "1.本机关不掌握相关政府信息", "unable", True),
    T3Row("unable_needs_creation", "2.没有现成信息需要另行制作", "unable", True),
    T3Row("unable_unclear", "3.补正后申请内容仍不明确", "unable", True),
    T3Row("np_petition", "1.信访举报投诉类申请", "not_processed", True),
    T3Row("np_repeat", "2.重复申请", "not_processed", True),
    T3Row("np_publication", "3.要求提供公开出版物", "not_processed", True),
    T3Row("np_mass", "4.无正当理由大量反复申请", "not_processed", True),
    T3Row("np_confirm", "5.要求行政机关确认或重新出具已获取信息", "not_processed", True),
    T3Row(
        "oh_no_correction",
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        "other_handling",
        True,
    ),
    T3Row(
        "oh_no_fee",
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        "other_handling",
        True,
    ),
    T3Row("oh_other", "3.其他", "other_handling", True),
    T3Row("total", "（七）总计", "results"),
    T3Row("carried_out", "四、结转下年度继续办理"),
)
T3_ROW_KEYS: tuple[str, ...] = tuple(r.key for r in T3_ROWS)
T3_ROW_BY_KEY: dict[str, T3Row] = {r.key: r for r in T3_ROWS}
T3_OUTCOME_KEYS: tuple[str, ...] = tuple(r.key for r in T3_ROWS if r.outcome)

# Short names used in messages: "表三「一、本年新收…」行". The label itself is the name.
T3_ROW_SHORT: dict[str, str] = {
    "new": "新收",
    "carried_in": "上年结转",
    "total": "办理结果总计",
    "carried_out": "结转下年度",
}


# The numbering in front of a label as labels and reports write it, either width: "一、", "（一）",
# "(一)", "1.", "1、". The groups name the number, for patterns that must match the same item.
LABEL_NUMBERING = re.compile(
    r"^(?:[(（](?P<paren>[一二三四五六七八九十]+)[)）]|(?P<cn>[一二三四五六七八九十]+)[、.．]|(?P<digit>[0-9０-９]+)[.．、])"
)


def label_number(match: re.Match) -> str:
    """The number token of a LABEL_NUMBERING match: "一" for "（一）", "3" for "3."."""
    return match.group("paren") or match.group("cn") or match.group("digit")


def plain_label(label: str) -> str:
    """A label without its numbering and note, for running text: "（一）予以公开" -> "予以公开",
    "（二）部分公开（区分处理的…）" -> "部分公开", "四、结转下年度继续办理" -> "结转下年度继续办理"."""
    return LABEL_NUMBERING.sub("", label).split("（", 1)[0]


def t3_row_full_label(key: str) -> str:
    """The row label with its group heading, e.g. "（三）不予公开 1.属于国家秘密"."""
    row = T3_ROW_BY_KEY[key]
    if row.group and row.group != "results":
        return f"{T3_GROUPS[row.group]} {row.label}"
    return row.label


# --- Table 4 ------------------------------------------------------------------------------
T4_REVIEW = "行政复议"
T4_LITIGATION = "行政诉讼"
T4_GROUPS: dict[str, str] = {
    "review": "行政复议",
    "direct": "未经复议直接起诉",
    "after_review": "复议后起诉",
}
T4_COLUMNS: dict[str, str] = {
    "upheld": "结果维持",
    "corrected": "结果纠正",
    "other": "其他结果",
    "pending": "尚未审结",
    "total": "总计",
}
T4_GROUP_KEYS: tuple[str, ...] = tuple(T4_GROUPS)


def t4_group_full_label(group: str, separator: str = "·") -> str:
    """"行政复议", or a litigation group with its heading: "行政诉讼·未经复议直接起诉"."""
    if group == "review":
        return T4_GROUPS[group]
    return f"{T4_LITIGATION}{separator}{T4_GROUPS[group]}"
T4_COLUMN_KEYS: tuple[str, ...] = tuple(T4_COLUMNS)

# --- Agencies -----------------------------------------------------------------------------
AGENCY_KINDS: dict[str, str] = {
    "township": "乡镇",
    "subdistrict": "街道",
    "county_gov": "县级政府",
    "county_dept": "县级部门",
    "city_gov": "设区的市级政府",
    "city_dept": "市级部门",
    "province_gov": "省级政府",
    "province_dept": "省级部门",
    "state_council_dept": "国务院部门",
    "other": "其他机关或组织",
}
# Agencies with rule-making power (规章): T2-2.
RULE_MAKING_KINDS: frozenset[str] = frozenset({"city_gov", "province_gov", "state_council_dept"})
GOVERNMENT_KINDS: frozenset[str] = frozenset(
    {"township", "subdistrict", "county_gov", "city_gov", "province_gov"}
)

# Labels that reviewers keep finding altered: (wrong form, official form).
ALTERED_LABELS: tuple[tuple[str, str], ...] = (
    ("只计这一情况", "只计这一情形"),
    ("三类内容事务信息", "三类内部事务信息"),
    ("四类过程信息", "四类过程性信息"),
    ("行政法复议", "行政复议"),
    ("危及三安全一稳定", "危及“三安全一稳定”"),
    ("其他法律行政止公开", "其他法律行政法规禁止公开"),  # 043 (淮安市洪泽区 2024, WPS)
)

# Markers of the 2019 trial format and of the 2021 format (FORMAT.md §6).
# Old-format layouts the importer can meet in a 2021-format report (ImportedReport.old_layouts).
LAYOUT_T3_OTHER_ONE_ROW = "t3_other_handling_one_row"

SEVERITY_LABELS: dict[str, str] = {"E": "错误", "W": "提醒"}
# The table formats a published report can use, as `check` names them.
FORMAT_NAMES: dict[str, str] = {"2021": "2021 年格式", "2019": "2019 年试行格式"}

FORMAT_2021_TITLE = (
    "《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》"
)

# --- Reading published reports (the importer) ---------------------------------------------
# Section headings as published beside the official ones in SECTIONS (FORMAT.md §1 [P]):
# 上海 uses the 条例 wording; some reports shorten 六 to "其他事项".
SECTION_HEADING_VARIANTS: dict[str, tuple[str, ...]] = {
    "overview": (),
    "active": (),
    "requests": (),
    "appeals": (
        "因政府信息公开工作被申请行政复议和提起行政诉讼情况",
        "政府信息公开行政复议和行政诉讼情况",
        "政府信息公开行政复议及行政诉讼情况",
    ),
    "problems": ("政府信息公开工作存在的主要问题及改进情况",),
    "other": ("其他事项",),
}

# The 2019 trial format (国办公开办函〔2019〕60号), FORMAT.md §6: labels that differ from 2021.
OLD_T2_DOC_COLUMNS: dict[str, str] = {
    "made": "本年新制作数量",
    "published": "本年新公开数量",
    "total": "对外公开总数量",
}
OLD_T2_ITEM_COLUMNS: dict[str, str] = {
    "last_year_items": "上一年项目数量",
    "change": "本年增/减",
    "decisions": "处理决定数量",
}
OLD_T2_ITEM_9 = "第二十条第（九）项"
OLD_T2_PROCUREMENT_COLUMNS: dict[str, str] = {
    "items": "采购项目数量",
    "amount": "采购总金额",
}
OLD_T2_ROWS: dict[str, str] = {
    "normative_documents": "规范性文件",
    "other_services": "其他对外管理服务事项",
    "procurement": "政府集中采购",
}
# The old Table 3 has one row under this label where 2021 has three sub-rows.
OLD_T3_OTHER_HANDLING = T3_GROUPS["other_handling"]

# Markers of each format (FORMAT.md §6), taken from the labels above: a report holding any of
# the first is on the 2019 trial tables; any of the second, on the 2021 tables.
OLD_FORMAT_MARKERS: tuple[str, ...] = (
    *OLD_T2_DOC_COLUMNS.values(),
    OLD_T2_ITEM_9,
    OLD_T2_PROCUREMENT_COLUMNS["amount"],
    OLD_T2_ITEM_COLUMNS["last_year_items"],
)
NEW_FORMAT_MARKERS: tuple[str, ...] = (
    T2_DOC_COLUMNS["issued"],
    T2_DOC_COLUMNS["in_force"],
    T2_FEE_AMOUNT,
    "逾期未按收费通知要求缴纳费用",  # a phrase of Table 3's （六）2 row, new in 2021
)
