"""N-4, N-5: what section 六 says about fee notices and fees against Table 3 and the facts."""

from __future__ import annotations

import re
from decimal import Decimal

from nianbao.report import labels as L
from nianbao.report.findings import Finding
from nianbao.rules.registry import Context, rule
from nianbao.rules.text import AMOUNT, section_text, squeeze


# --- N-4 and N-5: fees in section 六 ---------------------------------------------------------
_FEE_NOTICE_MENTION = re.compile(r"(?<![未无没])(?:发出|下发|出具|送达)?收费通知")
_NEGATED_NOTICE = re.compile(r"(?:未|没有|无)(?:发出|下发|出具|送达)?收费通知")


def _reports_fee_notices(ctx: Context) -> bool:
    """Section 六 (or, without sections, the whole text) mentions fee notices, not their absence."""
    body = section_text(ctx, "other")
    if body is None:
        body = ctx.text or ""
    body = squeeze(body)
    return bool(_FEE_NOTICE_MENTION.search(_NEGATED_NOTICE.sub("", body)))


@rule("N-4", "W", "表三（六）2 不为 0 时，六、其他需要报告的事项要报告收费通知")
def n4_fee_notices(ctx: Context):
    unpaid = ctx.report.table3.get("oh_no_fee", "total")
    if not unpaid:
        return
    notices = ctx.report.other.fee_notices
    if notices:
        return
    if notices is None and _reports_fee_notices(ctx):
        return
    stated = "未填" if notices is None else f"为 {notices} 件"
    yield Finding(
        section="other", row="other.fee_notices", incomplete=notices is None,
        message=(
            f"表三「{L.t3_row_full_label('oh_no_fee')}」总计 {unpaid} 件，说明发出过收费通知，"
            f"但「{L.SECTIONS['other']}」的收费通知件数{stated}。请报告发出收费通知的件数和金额。"
        ),
    )


_COLLECTED_IN_TEXT = re.compile(rf"(?<![未无没])收取(?:了)?(?:信息处理费|处理费|费用)(?:共|合计)?{AMOUNT}元")


def _yuan(value: Decimal) -> str:
    return f"{value.normalize():f}"


@rule("N-5", "W", "六、其他需要报告的事项中的收费金额不为负，且与是否发出收费通知相符")
def n5_fee_amounts(ctx: Context):
    other = ctx.report.other
    notices, amount, collected = other.fee_notices, other.fee_notice_amount, other.fees_collected
    where = dict(section="other")
    for name, value in (("收费通知金额", amount), ("实际收取金额", collected)):
        if value is not None and value < 0:
            yield Finding(**where, message=f"「{L.SECTIONS['other']}」{name} {_yuan(value)} 元，不能是负数。")
    if notices:
        if not amount:
            shown = "未填" if amount is None else "为 0 元"
            yield Finding(
                **where, row="other.fee_notice_amount", incomplete=amount is None,
                message=f"发出收费通知 {notices} 件，但收费通知金额{shown}。请填写通知的总金额（元）。",
            )
    elif notices == 0:
        charged = [f"{n} {_yuan(v)} 元" for n, v in (("收费通知金额", amount), ("实际收取金额", collected)) if v]
        if charged:
            yield Finding(
                **where, row="other.fee_notices",
                message=f"收费通知件数为 0，却填了{'、'.join(charged)}。请核对是否发出过收费通知。",
            )
    # With no notices at all, the warning above already says everything about the amounts.
    if notices != 0 and amount is not None and collected is not None and collected > amount:
        yield Finding(
            **where, row="other.fees_collected",
            message=(
                f"实际收取信息处理费 {_yuan(collected)} 元，多于收费通知金额 {_yuan(amount)} 元，"
                f"多出 {_yuan(collected - amount)} 元。实际收取不应超过通知的金额。"
            ),
        )
    yield from _n5_text(ctx, collected)


def _n5_text(ctx: Context, collected: Decimal | None):
    if collected is None:
        return
    body = section_text(ctx, "other")
    if body is None:
        return
    for match in _COLLECTED_IN_TEXT.finditer(squeeze(body)):
        stated = Decimal(match.group(1))
        if stated != collected:
            yield Finding(
                section="other", row="other.fees_collected",
                message=(
                    f"「{L.SECTIONS['other']}」写“{match.group(0)}”，"
                    f"但填报的实际收取金额为 {_yuan(collected)} 元。"
                ),
            )
