"""Table rules: T2-*, T3-*, T4-*.

Sums are only checked when every cell in them is known: a blank cell is reported once by T3-4 /
T4-2 / T2-1 (marked incomplete: the interview asks for it in turn) and never shows up again as a
false imbalance.
"""

from __future__ import annotations

import re
from decimal import Decimal

from nianbao.report import labels as L
from nianbao.report.findings import Finding
from nianbao.rules.arithmetic import t3_column_sides
from nianbao.rules.registry import Context, rule

T2, T3, T4 = "表二", "表三", "表四"
APPLICANT_COLUMNS = L.T3_COLUMN_KEYS[:-1]  # the six columns summed into 总计
FEE_IN_YUAN_THRESHOLD = Decimal(10000)  # 万元: a figure this large was probably typed in 元

# Cells a 2019-format (trial) report does not have (FORMAT.md §6): its Table 2 document columns
# mean something else and its 收费 row holds item counts, and its （六）其他处理 is one row (read
# into （六）3). Unknown by format is not a blank to ask for.
T2_NOT_IN_2019 = frozenset({"regulations", "normative_documents", "fees"})
T3_NOT_IN_2019 = frozenset({"oh_no_correction", "oh_no_fee"})


def _old_format(ctx: Context) -> bool:
    return ctx.format == "2019"


def _t3_absent(ctx: Context) -> frozenset[str]:
    """Table 3 rows the report does not have: the 2019 format's, or a 2021 report printing
    （六）其他处理 as one row (X-4 reports that layout; its two sub-rows are not blanks)."""
    if _old_format(ctx) or L.LAYOUT_T3_OTHER_ONE_ROW in ctx.old_layouts:
        return T3_NOT_IN_2019
    return frozenset()


def _absent_row(table: str, row: str, name: str) -> Finding:
    """A published table without one of the format's rows: said once, softer than a blank."""
    return Finding(
        severity="W", table=table, row=row, incomplete=True,
        message=(
            f"{table}没有「{name}」行（原文不完整，或未列出这一行）：固定格式中有这一行，"
            "没有的事项也要列出并填 0。这一行的数无从读取，未参与核对。"
        ),
    )


def _row_name(row_key: str) -> str:
    return L.t3_row_full_label(row_key)


# --- Table 2 ------------------------------------------------------------------------------
# An empty cell of an imported report whose text held something there that could not be read.
UNREAD = "原文这里有内容，但未能读出数字（见读取说明），请对照原文核对。"


def _t2_cells(ctx: Context):
    """(row key, column key or None, label for messages, value) for every Table 2 cell."""
    t2 = ctx.report.table2
    for row in ("regulations", "normative_documents"):
        for col, col_label in L.T2_DOC_COLUMNS.items():
            yield row, col, f"「{L.T2_ROWS[row]}」「{col_label}」", getattr(getattr(t2, row), col)
    for row in ("licensing", "penalty", "coercion"):
        yield row, None, f"「{L.T2_ROWS[row]}」「{L.T2_DECISIONS}」", getattr(t2, row)
    yield "fees", None, f"「{L.T2_ROWS['fees']}」「{L.T2_FEE_AMOUNT}」", t2.fees


@rule(
    "T2-1", "E", "表二每格都要填：件数为不小于 0 的整数，收费金额以万元为单位",
    softer="已发布年报中有内容但读不出的格子，或表中没有的行；收费金额大得像是按元填写的",
)
def t2_values(ctx: Context):
    cells = [c for c in _t2_cells(ctx) if not (_old_format(ctx) and c[0] in T2_NOT_IN_2019)]
    if all(value is None for *_, value in cells):
        yield Finding(
            table=T2, incomplete=True,
            message="表二尚未填写。没有的事项也要填写：各格都填 0。",
        )
        return
    for row in dict.fromkeys(row for row, *_ in cells):
        if f"table2.{row}" in ctx.absent:
            yield _absent_row(T2, row, L.T2_ROWS[row])
    for row, col, name, value in cells:
        if f"table2.{row}" in ctx.absent:
            continue
        if value is None and f"table2.{row}" in ctx.unread:
            yield Finding(
                severity="W", table=T2, row=row, column=col, incomplete=True,
                message=f"表二{name}：{UNREAD}",
            )
        elif value is None:
            yield Finding(
                table=T2, row=row, column=col, incomplete=True,
                message=f"表二{name}未填写。空白不等于 0，没有请填 0。",
            )
        elif value < 0:
            yield Finding(
                table=T2, row=row, column=col,
                message=f"表二{name}为 {value}，不能是负数。",
            )
    fees = ctx.report.table2.fees
    if fees is not None and fees >= FEE_IN_YUAN_THRESHOLD:
        in_wan = (fees / 10000).normalize()
        yield Finding(
            severity="W", table=T2, row="fees",
            message=(
                f"表二「{L.T2_ROWS['fees']}」填了 {fees.normalize():f} 万元，即 {fees * 10000:,.0f} 元，"
                f"金额偏大。本栏单位是万元：若 {fees.normalize():f} 是按元填写的，应填 {in_wan:f}。"
            ),
        )


@rule("T2-2", "W", "规章只有省级政府、设区的市级政府和国务院部门才能制定")
def t2_regulations(ctx: Context):
    report = ctx.report
    if report.agency.kind in L.RULE_MAKING_KINDS:
        return
    regs = report.table2.regulations
    values = {col: getattr(regs, col) for col in L.T2_DOC_COLUMNS}
    if not any(values.values()):
        return
    shown = "、".join(f"{L.T2_DOC_COLUMNS[c]} {v}" for c, v in values.items() if v is not None)
    makers = "、".join(L.AGENCY_KINDS[k] for k in sorted(L.RULE_MAKING_KINDS))
    yield Finding(
        table=T2, row="regulations",
        message=(
            f"表二「{L.T2_ROWS['regulations']}」行：{shown}。{L.AGENCY_KINDS[report.agency.kind]}没有规章制定权"
            f"（只有{makers}可以制定规章），请核对是否应填在「{L.T2_ROWS['normative_documents']}」行。"
        ),
    )


# --- Table 3 ------------------------------------------------------------------------------
@rule("T3-1", "E", "表三每列：新收 + 上年结转 = 办理结果总计 + 结转下年度")
def t3_balance(ctx: Context):
    t3 = ctx.report.table3
    for col in L.T3_COLUMN_KEYS:
        sides = t3_column_sides(t3, col)
        if sides is None:
            continue  # T3-4 reports blanks
        if sides[0] != sides[1]:
            new, cin, total, cout = (t3.get(r, col) for r in ("new", "carried_in", "total", "carried_out"))
            diff = abs(sides[0] - sides[1])
            yield Finding(
                table=T3,
                row="total",
                column=col,
                message=(
                    f"表三「{L.T3_COLUMNS[col]}」列：新收 {new} + 上年结转 {cin} = {new + cin}，"
                    f"办理结果总计 {total} + 结转下年度 {cout} = {total + cout}，相差 {diff} 件。"
                ),
            )


def _outcome_name(row_key: str) -> str:
    """The row as named in sums: "（一）予以公开", "（二）部分公开", "（三）不予公开 1.属于国家秘密"."""
    return re.sub(r"（[^（）]*）$", "", L.t3_row_full_label(row_key))  # drop the 部分公开 note


@rule("T3-2", "E", "表三每列：（七）总计 = 22 项办理结果之和")
def t3_outcome_sum(ctx: Context):
    t3 = ctx.report.table3
    absent = _t3_absent(ctx)
    for col in L.T3_COLUMN_KEYS:
        total = t3.get("total", col)
        parts = {key: t3.get(key, col) for key in L.T3_OUTCOME_KEYS}
        parts.update({key: 0 for key in absent if parts[key] is None})
        if total is None or None in parts.values():
            continue  # T3-4 reports blanks
        summed = sum(parts.values())
        if summed == total:
            continue
        nonzero = [f"「{_outcome_name(k)}」{v}" for k, v in parts.items() if v]
        detail = f"（{'、'.join(nonzero)}）" if nonzero else ""
        yield Finding(
            table=T3,
            row="total",
            column=col,
            message=(
                f"表三「{L.T3_COLUMNS[col]}」列：「{L.T3_ROW_BY_KEY['total'].label}」填 {total}，"
                f"22 项办理结果相加为 {summed}{detail}，相差 {abs(total - summed)} 件。"
            ),
        )


def _total_mismatch(table: str, row: str, where: str, columns, labels, values) -> Finding | None:
    """A row whose last cell, "total", should be the sum of the others: the finding names each
    addend and the difference. None when it adds up, or when a cell is blank."""
    parts, total = values[:-1], values[-1]
    if total is None or None in parts or sum(parts) == total:
        return None
    addends = " + ".join(f"{labels[c]} {v}" for c, v in zip(columns, parts))
    return Finding(
        table=table,
        row=row,
        column="total",
        message=(
            f"{where}：{addends} = {sum(parts)}，"
            f"「{labels['total']}」却填 {total}，相差 {abs(total - sum(parts))} 件。"
        ),
    )


@rule("T3-3", "E", "表三每行：总计 = 自然人 + 五类法人或其他组织")
def t3_row_sum(ctx: Context):
    t3 = ctx.report.table3
    for row in L.T3_ROW_KEYS:  # blanks are T3-4's
        where = f"表三「{_row_name(row)}」行"
        if found := _total_mismatch(T3, row, where, APPLICANT_COLUMNS, L.T3_COLUMNS, t3.rows[row]):
            yield found


@rule(
    "T3-4", "E", "表三每格都是不小于 0 的整数；空白、“—”、“/”不等于 0",
    softer="已发布年报中有内容但读不出的格子，或表中没有的行",
)
def t3_blanks(ctx: Context):
    t3 = ctx.report.table3
    rows = [r for r in L.T3_ROW_KEYS if r not in _t3_absent(ctx)]
    cells = [v for row in rows for v in t3.rows[row]]
    if all(v is None for v in cells):
        yield Finding(
            table=T3, incomplete=True,
            message="表三尚未填写。没有收到申请也要填写：各格都填 0。",
        )
        return
    for row in rows:
        if f"table3.{row}" in ctx.absent:
            yield _absent_row(T3, row, _row_name(row))
            continue
        values = t3.rows[row]
        blank = [L.T3_COLUMNS[c] for c, v in zip(L.T3_COLUMN_KEYS, values) if v is None]
        negative = [f"{L.T3_COLUMNS[c]} {v}" for c, v in zip(L.T3_COLUMN_KEYS, values) if v is not None and v < 0]
        if blank and f"table3.{row}" in ctx.unread:
            yield Finding(
                severity="W", table=T3, row=row, incomplete=True,
                message=f"表三「{_row_name(row)}」行：{'、'.join(blank)} {UNREAD}",
            )
        elif blank:
            first = L.T3_COLUMN_KEYS[[v is None for v in values].index(True)]
            yield Finding(
                table=T3, row=row, column=first if len(blank) == 1 else None,
                incomplete=True,
                message=(
                    f"表三「{_row_name(row)}」行：{'、'.join(blank)} 共 {len(blank)} 格未填写。"
                    "空白不等于 0，没有请填 0。"
                ),
            )
        if negative:
            yield Finding(
                table=T3, row=row,
                message=f"表三「{_row_name(row)}」行：{'、'.join(negative)}，件数不能是负数。",
            )


# --- Table 4 ------------------------------------------------------------------------------
@rule("T4-1", "E", "表四每组：结果维持 + 结果纠正 + 其他结果 + 尚未审结 = 总计")
def t4_group_sum(ctx: Context):
    t4 = ctx.report.table4
    for group in L.T4_GROUP_KEYS:  # blanks are T4-2's
        where = f"表四「{L.t4_group_full_label(group)}」"
        values = getattr(t4, group).values()
        if found := _total_mismatch(T4, group, where, L.T4_COLUMN_KEYS, L.T4_COLUMNS, values):
            yield found


@rule("T4-2", "E", "表四 15 格都是不小于 0 的整数", softer="已发布年报中有内容但读不出的格子")
def t4_blanks(ctx: Context):
    t4 = ctx.report.table4
    if all(v is None for v in t4.values()):
        yield Finding(
            table=T4, incomplete=True,
            message="表四尚未填写。没有行政复议、行政诉讼也要填写：各格都填 0。",
        )
        return
    for group in L.T4_GROUP_KEYS:
        values = getattr(t4, group).values()
        blank = [L.T4_COLUMNS[c] for c, v in zip(L.T4_COLUMN_KEYS, values) if v is None]
        negative = [f"{L.T4_COLUMNS[c]} {v}" for c, v in zip(L.T4_COLUMN_KEYS, values) if v is not None and v < 0]
        if blank and "table4" in ctx.unread:
            yield Finding(
                severity="W", table=T4, row=group, incomplete=True,
                message=f"表四「{L.t4_group_full_label(group)}」：{'、'.join(blank)} {UNREAD}",
            )
        elif blank:
            yield Finding(
                table=T4, row=group, incomplete=True,
                message=f"表四「{L.t4_group_full_label(group)}」：{'、'.join(blank)} 未填写。空白不等于 0，没有请填 0。",
            )
        if negative:
            yield Finding(
                table=T4, row=group,
                message=f"表四「{L.t4_group_full_label(group)}」：{'、'.join(negative)}，件数不能是负数。",
            )
