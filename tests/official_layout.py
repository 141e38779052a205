"""The official merged cells of Tables 2–4 (FORMAT.md §2–§4), for the docx and html tests."""

from __future__ import annotations

from nianbao.report import labels as L

# (text, rowspan, colspan) of every cell spanning more than one grid cell. Written out here,
# independently of the code that builds them.
T2_SPANNED = [
    *((caption, 1, 4) for caption in (L.T2_ITEM_1, L.T2_ITEM_5, L.T2_ITEM_6, L.T2_ITEM_8)),
    (L.T2_DECISIONS, 1, 3),
    (L.T2_DECISIONS, 1, 3),
    (L.T2_FEE_AMOUNT, 1, 3),
    *(("VALUE", 1, 3) for _ in ("licensing", "penalty", "coercion", "fees")),
]
T3_SPANNED = [
    (L.T3_CORNER_NOTE, 3, 3),
    (L.T3_APPLICANT, 1, 7),
    (L.T3_COLUMNS["natural"], 2, 1),
    (L.T3_ORG_GROUP, 1, 5),
    (L.T3_COLUMNS["total"], 2, 1),
    (L.T3_GROUPS["results"], 22, 1),  # （一）（二）, 8 + 3 + 5 + 3 sub-rows, （七）总计
    (L.T3_GROUPS["refused"], 8, 1),
    (L.T3_GROUPS["unable"], 3, 1),
    (L.T3_GROUPS["not_processed"], 5, 1),
    (L.T3_GROUPS["other_handling"], 3, 1),
    *((L.T3_ROW_BY_KEY[k].label, 1, 3) for k in ("new", "carried_in", "carried_out")),
    *((L.T3_ROW_BY_KEY[k].label, 1, 2) for k in ("granted", "partial", "total")),
]
T4_SPANNED = [
    (L.T4_REVIEW, 1, 5),
    (L.T4_LITIGATION, 1, 10),
    *((label, 2, 1) for label in L.T4_COLUMNS.values()),
    (L.T4_GROUPS["direct"], 1, 5),
    (L.T4_GROUPS["after_review"], 1, 5),
]
GRID_WIDTHS = (4, 10, 15)  # columns of Tables 2, 3, 4
