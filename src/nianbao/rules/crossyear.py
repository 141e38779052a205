"""Rules that compare a report with last year's (X-1..X-3, X-5) and with its format (X-4)."""

from __future__ import annotations

import re

from nianbao.report import labels as L
from nianbao.report.findings import Finding
from nianbao.report.model import Report
from nianbao.rules.registry import Context, rule
from nianbao.chinese.sections import find_sections, one_for_one
from nianbao.rules.text import squeeze

T2, T3 = "表二", "表三"
SIMILARITY_LIMIT = 0.90
SHINGLE = 4  # characters per shingle: long enough to ignore common words, short enough for edits


def _carried_differences(ctx: Context, columns):
    """(column, this year's 上年结转, last year's 结转下年度) for each column where both are known and differ."""
    if ctx.last_year is None:
        return
    for col in columns:
        now = ctx.report.table3.get("carried_in", col)
        before = ctx.last_year.table3.get("carried_out", col)
        if now is not None and before is not None and now != before:
            yield col, now, before


@rule("X-1", "E", "本年「上年结转」总计 = 上年「结转下年度继续办理」总计", needs_last_year=True)
def x1_carried_total(ctx: Context):
    for col, now, before in _carried_differences(ctx, ("total",)):
        yield Finding(
            table=T3, row="carried_in", column=col,
            message=(
                f"表三「{L.T3_ROW_BY_KEY['carried_in'].label}」总计 {now}，"
                f"与 {ctx.last_year.year} 年报告「{L.T3_ROW_BY_KEY['carried_out'].label}」总计 {before} 不一致，"
                f"相差 {abs(now - before)} 件。"
            ),
        )


@rule("X-2", "W", "本年「上年结转」各列 = 上年「结转下年度继续办理」各列", needs_last_year=True)
def x2_carried_columns(ctx: Context):
    for col, now, before in _carried_differences(ctx, L.T3_COLUMN_KEYS[:-1]):  # 总计 is X-1's
        yield Finding(
            table=T3, row="carried_in", column=col,
            message=(
                f"表三「{L.T3_COLUMNS[col]}」列：本年上年结转 {now} 件，"
                f"{ctx.last_year.year} 年报告结转下年度 {before} 件，相差 {abs(now - before)} 件。"
            ),
        )


@rule("X-3", "W", "现行有效件数 ≈ 上年现行有效 + 本年制发 − 本年废止", needs_last_year=True)
def x3_in_force(ctx: Context):
    if ctx.last_year is None:
        return
    for row in ("regulations", "normative_documents"):
        now = getattr(ctx.report.table2, row)
        before = getattr(ctx.last_year.table2, row).in_force
        if None in (now.issued, now.repealed, now.in_force, before):
            continue
        expected = before + now.issued - now.repealed
        if expected == now.in_force:
            continue
        yield Finding(
            table=T2, row=row, column="in_force",
            message=(
                f"表二「{L.T2_ROWS[row]}」：上年现行有效 {before} + 本年制发 {now.issued} − 本年废止 {now.repealed}"
                f" = {expected}，本年现行有效却填 {now.in_force}，相差 {abs(expected - now.in_force)} 件"
                "（文件到期失效或划转也会造成差异，请核实）。"
            ),
        )


@rule("X-4", "E", "表格格式与报告年度相符：2021 年及以后的报告用 2021 年新版格式")
def x4_format(ctx: Context):
    year = ctx.report.year
    if year < 2021:
        return
    if ctx.format == "2019":
        yield Finding(
            message=(
                f"{year} 年的报告使用了 2019 年试行格式（{L.FORMAT_2019_DOC}）的表格，"
                f"2021 年及以后的报告应使用新版格式（{L.FORMAT_2021_DOC}）。"
            ),
        )
        return
    if L.LAYOUT_T3_OTHER_ONE_ROW in ctx.old_layouts:
        yield Finding(
            table="表三",
            message=(
                f"{year} 年的报告中「{L.OLD_T3_OTHER_HANDLING}」只有一行，这是 2019 年试行格式的写法；"
                f"新版格式（{L.FORMAT_2021_DOC}）分为 1、2、3 三项，请分别填写。"
            ),
        )
    if ctx.text:
        markers = _old_table_labels(ctx.text)
        if markers:
            yield Finding(
                message=(
                    f"{year} 年的报告中出现 2019 年试行格式的表格项目（{'、'.join(markers)}），"
                    f"2021 年及以后的报告应使用新版格式（{L.FORMAT_2021_DOC}）。"
                ),
            )


_TABLE_LINE_MAX = 60  # a table row or caption is short; a paragraph may name 采购总金额 in passing


def _old_table_labels(text: str) -> list[str]:
    found: list[str] = []
    compact_text = squeeze(text)
    if not any(m in compact_text for m in L.OLD_FORMAT_MARKERS):
        return found
    for line in compact_text.splitlines():  # squeeze keeps line breaks: once for the whole text
        compact = line.strip()
        if len(compact) > _TABLE_LINE_MAX:
            continue
        found += [m for m in L.OLD_FORMAT_MARKERS if m in compact and m not in found]
    return found


# --- copied from last year ----------------------------------------------------------
_DIGITS = re.compile(r"\d+")
_NARRATIVE_KEYS = ("overview", "problems", "other")


def narrative(text: str) -> str:
    """The clerk-written parts (sections 一, 五, 六), digits masked: changing only the figures
    does not make a copied report new. The whole text when the headings are not found."""
    headings = find_sections(one_for_one(text))
    keys = [h.key for h in headings]
    if not any(k in keys for k in _NARRATIVE_KEYS):
        body = text
    else:
        ends = [h.start for h in headings[1:]] + [len(text)]
        body = "".join(text[h.end : end] for h, end in zip(headings, ends) if h.key in _NARRATIVE_KEYS)
    body = re.sub(r"\s+", "", squeeze(body))
    return _DIGITS.sub("#", body)


def similarity(a: str, b: str) -> float:
    """Jaccard similarity of character shingles of the two narratives (0..1)."""
    sa, sb = _shingles(narrative(a)), _shingles(narrative(b))
    if not sa or not sb:
        return 0.0
    return len(sa & sb) / len(sa | sb)


def _shingles(text: str) -> set[str]:
    return {text[i : i + SHINGLE] for i in range(len(text) - SHINGLE + 1)}


def _worded(ctx: Context, report: Report | None) -> str | None:
    return ctx.render(report) if report is not None and ctx.render is not None else None


@rule("X-5", "W", "报告文字与上年报告几乎相同（相似度超过 90%）", needs_last_year=True)
def x5_copied(ctx: Context):
    this_text = ctx.text or _worded(ctx, ctx.report)
    last_text = ctx.last_year_text or _worded(ctx, ctx.last_year)
    if not this_text or not last_text:
        return
    score = similarity(this_text, last_text)
    if score <= SIMILARITY_LIMIT:
        return
    last_year = ctx.last_year.year if ctx.last_year else ctx.report.year - 1
    yield Finding(
        message=(
            f"总体情况、存在的问题和其他事项的文字与 {last_year} 年报告的相似度为 {score:.0%}"
            f"（超过 {SIMILARITY_LIMIT:.0%}）。年度报告应写本年度的实际工作，请勿照搬上年内容。"
        ),
    )
