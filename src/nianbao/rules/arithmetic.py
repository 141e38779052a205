"""The arithmetic of the table rules, shared by the rules and the interview (which words it for
the clerk as a running balance): one formula per rule, written once."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from nianbao.report import labels as L
from nianbao.report.model import Report, Table3


def t3_column_sides(t3: Table3, col: str) -> tuple[int, int] | None:
    """T3-1 for one column: (新收 + 上年结转, 办理结果总计 + 结转下年度); None while a cell is blank."""
    new, cin, total, cout = (t3.get(r, col) for r in ("new", "carried_in", "total", "carried_out"))
    if None in (new, cin, total, cout):
        return None
    return new + cin, total + cout


def parts_total(values: Mapping[str, int], parts: Iterable[str]) -> int:
    """T3-3 / T4-1: what a row's 总计 must be, the sum of its parts (a part not given counts 0)."""
    return sum(values.get(key, 0) for key in parts)


def totals_following(report: Report, path: str) -> list[tuple[str, int | None]]:
    """The 总计 cells whose sum includes the cell at `path` (a grid path, "table4.review.upheld",
    "table3.rows.granted.natural"), each with the value its rule gives: T4-1 for a Table 4 group,
    T3-3 for a Table 3 row, T3-2 for the outcome total of a Table 3 column (then T3-3 of that
    total row). None where a part is blank, so that no total is made up from a guess."""
    parts = path.split(".")
    if parts[0] == "table4" and len(parts) == 3 and parts[2] != "total":
        group = getattr(report.table4, parts[1])
        values = [getattr(group, key) for key in L.T4_COLUMN_KEYS[:-1]]
        return [(f"table4.{parts[1]}.total", _sum_or_none(values))]
    if parts[:2] != ["table3", "rows"] or len(parts) != 4:
        return []
    t3, row, col = report.table3, parts[2], parts[3]
    applicants = L.T3_COLUMN_KEYS[:-1]
    found: list[tuple[str, int | None]] = []
    if col != "total" and row != "total":
        found.append((f"table3.rows.{row}.total", _sum_or_none([t3.get(row, c) for c in applicants])))
    if row in L.T3_OUTCOME_KEYS:
        outcome_total = _sum_or_none([t3.get(key, col) for key in L.T3_OUTCOME_KEYS])
        found.append((f"table3.rows.total.{col}", outcome_total))
        if col != "total":
            row_of_totals = [t3.get("total", c) for c in applicants]
            row_of_totals[applicants.index(col)] = outcome_total
            found.append(("table3.rows.total.total", _sum_or_none(row_of_totals)))
    return found


def _sum_or_none(values: list[int | None]) -> int | None:
    return None if None in values else sum(values)
