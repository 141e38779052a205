"""Values that follow from the answers (each listed as `derived:` in prompts/)."""

from __future__ import annotations

from decimal import Decimal

from nianbao.interview.conditions import WalkState, guess_self_ref
from nianbao.report import labels as L
from nianbao.report.model import Report


def derive(state: WalkState, asked: set[str]) -> None:
    """Values that follow from the answers (each listed as `derived:` in prompts/)."""
    r = state.report
    if "agency.self_ref" not in asked:
        r.agency.self_ref = guess_self_ref(r.agency.name)
    if r.agency.kind not in L.RULE_MAKING_KINDS:
        r.table2.regulations = type(r.table2.regulations)(issued=0, repealed=0, in_force=0)
    r.overview.category_channel = _category_channel(r)
    if r.other.fee_notices == 0:
        r.other.fee_notice_amount = Decimal(0)
        r.other.fees_collected = Decimal(0)
    _derive_t3(r)


def _category_channel(r: Report) -> str:
    cats = [c.count for c in r.overview.by_category]
    if not cats or None in cats:
        return ""
    total = sum(cats)
    if total == r.overview.items_total:
        return ""
    for channel in r.overview.by_channel:
        if channel.count == total:
            return channel.label
    return ""


def _derive_t3(r: Report) -> None:
    t3 = r.table3
    rows = {k: list(v) for k, v in t3.rows.items()}
    cols = L.T3_COLUMN_KEYS
    for ci, col in enumerate(cols[:-1]):
        new, cin = rows["new"][ci], rows["carried_in"][ci]
        if new == 0 and cin == 0:
            for key in (*L.T3_OUTCOME_KEYS, "total", "carried_out"):
                if rows[key][ci] is None:
                    rows[key][ci] = 0
    total_index = cols.index("total")
    for key, values in rows.items():
        parts = values[:total_index]
        if values[total_index] is None and None not in parts:
            values[total_index] = sum(parts)
    t3.rows = rows
