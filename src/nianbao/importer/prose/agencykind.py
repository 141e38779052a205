"""Guess an agency's kind (labels.AGENCY_KINDS) from its name; "other" when unsure."""

from __future__ import annotations

import re

# Ordered: the first rule that matches wins.
_RULES: tuple[tuple[str, str], ...] = (
    (r"(街道|街道办事处|街道办)$", "subdistrict"),
    (r"(镇|乡|苏木)(人民政府)?$", "township"),
    (r"^(北京市|天津市|上海市|重庆市)(人民政府)?$", "province_gov"),
    (r"(省|自治区)人民政府$", "province_gov"),
    (r"^[^市县区]{2,8}(省|自治区)[^市县区]*(厅|局|委员会|委|办公厅|办公室)$", "province_dept"),
    (r"^(北京市|天津市|上海市|重庆市)[^区县]*(厅|局|委员会|委|办公厅|办公室|室)$", "province_dept"),
    (r"(县|区|旗|县级市)(人民)?政府$", "county_gov"),
    (r"(州|盟|市)人民政府$", "city_gov"),
    (r"(县|区|旗).*(局|委员会|委|办公室|中心|分局|所)$", "county_dept"),
    (r"(市|州|盟).*(局|委员会|委|办公室|中心|分局)$", "city_dept"),
)


def guess_kind(name: str, self_ref: str = "") -> str:
    # "贵阳市人民政府(市人民政府办公厅)": the part in brackets is a second name, not the kind.
    name = re.sub(r"\s+|[(（][^)）]*[)）]", "", name)
    for pattern, kind in _RULES:
        if name and re.search(pattern, name):
            return kind
    return {"我镇": "township", "我乡": "township", "我街道": "subdistrict"}.get(self_ref, "other")
