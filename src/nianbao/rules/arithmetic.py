"""The arithmetic of the table rules, shared by the rules and the interview (which words it for
the clerk as a running balance): one formula per rule, written once."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from nianbao.report.model import Table3


def t3_column_sides(t3: Table3, col: str) -> tuple[int, int] | None:
    """T3-1 for one column: (新收 + 上年结转, 办理结果总计 + 结转下年度); None while a cell is blank."""
    new, cin, total, cout = (t3.get(r, col) for r in ("new", "carried_in", "total", "carried_out"))
    if None in (new, cin, total, cout):
        return None
    return new + cin, total + cout


def parts_total(values: Mapping[str, int], parts: Iterable[str]) -> int:
    """T3-3 / T4-1: what a row's 总计 must be, the sum of its parts (a part not given counts 0)."""
    return sum(values.get(key, 0) for key in parts)
