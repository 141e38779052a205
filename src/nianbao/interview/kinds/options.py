"""Option sets a question can name with `options:`."""

from __future__ import annotations

from nianbao.report import labels as L

OPTION_SETS: dict[str, dict[str, str]] = {
    "agency_kinds": dict(L.AGENCY_KINDS),
    "mechanisms": {
        "leadership_group": "成立了政务公开工作领导小组",
        "review_procedure": "公开前进行保密审查",
        "privacy_protection": "公开时删除或遮挡个人信息（隐私保护）",
        "assessment": "政务公开纳入年度绩效考核",
    },
    "t3_columns": dict(L.T3_COLUMNS),
    "t3_outcomes": {
        **{key: L.T3_ROW_BY_KEY[key].label for key in L.T3_OUTCOME_KEYS},
        "carried_out": L.T3_ROW_BY_KEY["carried_out"].label,
    },
    "t4_columns": dict(L.T4_COLUMNS),
}


def options_of(name: str | None) -> dict[str, str]:
    return OPTION_SETS[name or ""]
