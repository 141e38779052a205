"""N-9: a figure the clerk's own text states for a fact an answer also holds agrees with it.

N-1..N-3 already hold requests, appeals and documents to the tables; this rule covers what they
do not: the items published (主动公开信息N条). A published report is read from its text; a
session, while it is drafted, from the clerk's own text fields, so the interview can say it as
soon as the later of the two answers is given.
"""

from __future__ import annotations

import re

from nianbao.report.findings import Finding
from nianbao.report.model import Report
from nianbao.rules.narrative.figures import N, unique
from nianbao.rules.registry import Context, rule
from nianbao.rules.text import parse_number, section_name, section_sentences, sentences

_ITEMS_PUBLISHED = re.compile(
    rf"主动公开(?:各类)?(?:政府|政务)?信息(?:数|数量)?(?:共计|合计|累计|总计|共|为)?{N}条"
)


def _clerks_sentences(report: Report) -> list[tuple[str | None, str]]:
    o = report.overview
    texts = [o.summary, *o.active_measures, *o.request_measures, *o.management_measures,
             *o.platform_measures, *o.supervision_measures, report.other.work_points]
    return [("overview", s) for text in texts if text for s in sentences(text)]


@rule("N-9", "W", "文字中写到的主动公开信息条数与回答或表格中的总数一致")
def n9_stated_figures(ctx: Context):
    total = ctx.report.overview.items_total
    if total is None:
        return
    said = section_sentences(ctx) or _clerks_sentences(ctx.report)
    found = []
    for key, sentence in said:
        for match in _ITEMS_PUBLISHED.finditer(sentence):
            value = parse_number(match.group("n"))
            if value is not None and value != total:
                found.append(Finding(
                    row="overview.items_total",
                    message=(
                        f"「{section_name(key)}」写“{match.group(0)}”，但全年主动公开信息总条数为 {total}，"
                        f"相差 {abs(value - total)} 条。同一件事只应有一个数，请核对。"
                    ),
                ))
    yield from unique(found)
