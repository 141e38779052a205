"""Chinese names for model field paths, so that validation errors name the field."""

from __future__ import annotations

from nianbao.report import labels as L

_NAMES: dict[str, str] = {
    "year": "报告年度",
    "agency": "机关信息",
    "name": "机关全称",
    "self_ref": "自称",
    "kind": "机关类别",
    "supervisor": "主管的政务公开部门",
    "website": "报告发布网站",
    "contact": "联系方式",
    "office": "联系部门",
    "address": "地址",
    "postcode": "邮编",
    "phone": "电话",
    "email": "电子邮箱",
    "fax": "传真",
    "overview": "一、总体情况",
    "summary": "开头概述",
    "items_total": "全年主动公开信息总条数",
    "by_channel": "分渠道发布条数",
    "by_category": "分类别发布条数",
    "label": "名称",
    "count": "条数",
    "mechanisms": "工作机制",
    "meetings": "专题会议次数",
    "trainings": "培训次数",
    "trainees": "培训人次",
    "table2": "表二",
    "table3": "表三",
    "table4": "表四",
    "problems": "存在的主要问题",
    "measures": "改进措施",
    "last_year_followup": "上年问题整改情况",
    "other": "六、其他需要报告的事项",
    "fee_notices": "收费通知件数",
    "fee_notice_amount": "收费通知金额（元）",
    "fees_collected": "实际收取金额（元）",
    "category_channel": "分类统计所属渠道",
    "active_measures": "主动公开做法",
    "request_measures": "依申请公开做法",
    "management_measures": "政府信息管理做法",
    "platform_measures": "平台建设做法",
    "supervision_measures": "监督保障做法",
    "leadership_group": "政务公开工作领导小组",
    "lead_office": "领导小组办公室",
    "review_procedure": "保密审查",
    "privacy_protection": "个人隐私保护",
    "assessment": "绩效考核",
    "complaint_phone": "监督举报电话",
    "work_points": L.OTHER_ITEMS["work_points"],
    "proposals": L.OTHER_ITEMS["proposals"],
    "innovation": L.OTHER_ITEMS["innovation"],
    **L.T2_ROWS,
    **L.T2_DOC_COLUMNS,
    **L.T4_GROUPS,
    **L.T4_COLUMNS,
}


# Top-level parts of the report; deeper names may repeat ("other" is also 其他结果 in Table 4).
_TOP: dict[str, str] = {
    "year": "报告年度",
    "agency": "机关信息",
    "overview": L.SECTIONS["overview"],
    "table2": "表二",
    "table3": "表三",
    "table4": "表四",
    "problems": L.SECTIONS["problems"],
    "other": L.SECTIONS["other"],
}


def describe_path(loc: tuple) -> str:
    """("table3", "rows", "new", 0) -> 表三「一、本年新收政府信息公开申请数量」「自然人」."""
    loc = tuple(loc)
    if loc[:1] == ("report",):
        loc = loc[1:]
    if len(loc) >= 3 and loc[:2] == ("table3", "rows"):
        text = f"表三「{L.T3_ROW_BY_KEY[loc[2]].label}」" if loc[2] in L.T3_ROW_BY_KEY else f"表三「{loc[2]}」"
        if len(loc) >= 4 and isinstance(loc[3], int) and loc[3] < len(L.T3_COLUMN_KEYS):
            text += f"「{L.T3_COLUMNS[L.T3_COLUMN_KEYS[loc[3]]]}」"
        return text
    parts = []
    if loc and loc[0] in _TOP:
        parts.append(_TOP[loc[0]])
        loc = loc[1:]
    for part in loc:
        if part in ("report", "rows"):
            continue
        if isinstance(part, int):
            parts.append(f"第{part + 1}项")
        else:
            parts.append(_NAMES.get(str(part), str(part)))
    return "·".join(parts) or "报告"


_EXPECTED: dict[str, str] = {
    "greater_than_equal": "应为不小于 0 的数",
    "int_parsing": "应为整数",
    "int_from_float": "应为整数",
    "int_type": "应为整数",
    "decimal_parsing": "应为数字",
    "decimal_type": "应为数字",
    "bool_parsing": "应为“是”或“否”",
    "bool_type": "应为“是”或“否”",
    "string_type": "应为文字",
    "list_type": "应为列表",
    "literal_error": "不是可选的值",
    "missing": "缺少这一项",
    "extra_forbidden": "不是报告中的项目",
    "less_than_equal": "超出允许范围",
    "dict_type": "格式不对",
    "model_type": "格式不对",
}


def explain_validation_error(error) -> str:
    """The first problem of a pydantic ValidationError as one Chinese sentence."""
    first = error.errors()[0]
    where = describe_path(first["loc"])
    expected = _EXPECTED.get(first["type"], "格式不对")
    value = first.get("input")
    shown = "" if isinstance(value, (dict, list)) or value is None else f"，实为“{value}”"
    more = len(error.errors()) - 1
    tail = f"（另有 {more} 处问题）" if more > 0 else ""
    return f"{where}：{expected}{shown}{tail}"
