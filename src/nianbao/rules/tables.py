"""Table rules: T2-*, T3-*, T4-*."""

from __future__ import annotations

from nianbao.report import labels as L
from nianbao.report.findings import Finding
from nianbao.rules.registry import Context, rule


@rule("T3-1", "E", "表三每列：新收 + 上年结转 = 办理结果总计 + 结转下年度")
def t3_balance(ctx: Context):
    t3 = ctx.report.table3
    for col in L.T3_COLUMN_KEYS:
        new, cin, total, cout = (t3.get(r, col) for r in ("new", "carried_in", "total", "carried_out"))
        if None in (new, cin, total, cout):
            continue  # T3-4 reports blanks
        if new + cin != total + cout:
            diff = abs(new + cin - total - cout)
            yield Finding(
                rule="T3-1",
                severity="E",
                table="表三",
                row="total",
                column=col,
                message=(
                    f"表三「{L.T3_COLUMNS[col]}」列：新收 {new} + 上年结转 {cin} = {new + cin}，"
                    f"办理结果总计 {total} + 结转下年度 {cout} = {total + cout}，相差 {diff} 件。"
                ),
            )
