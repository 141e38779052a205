"""N-6, N-7: the six parts and their aspects; the statistics period and the title year."""

from __future__ import annotations

import re

from nianbao.report import labels as L
from nianbao.report.findings import Finding
from nianbao.rules.registry import Context, rule
from nianbao.rules.text import quote, section_name, section_sentences, section_text, segments, squeeze


# --- N-6: sections and what they cover ------------------------------------------------------
# Besides the official aspect names, words that show an aspect is covered under another heading.
_ASPECT_WORDS: dict[str, tuple[str, ...]] = {
    "active": (),
    "on_request": ("依申请",),
    "management": ("信息管理",),
    "platform": ("平台",),
    "supervision": ("监督", "考核"),
}
_OTHER_ITEM_WORDS: dict[str, tuple[str, ...]] = {
    "fees": ("信息处理费", "处理费", "收费"),
    "work_points": ("工作要点",),
    "proposals": ("建议", "提案"),
    "innovation": ("创新",),
}


@rule("N-6", "W", "六个部分齐全、顺序正确；总体情况覆盖五个方面；其他事项覆盖各固定事项")
def n6_structure(ctx: Context):
    if not ctx.sections and not ctx.text:
        return
    found = [key for key, _ in segments(ctx) if key]
    missing = [L.SECTIONS[k] for k in L.SECTION_KEYS if k not in found]
    if missing:
        yield Finding(
            message=f"报告缺少{len(missing)}个部分：{'、'.join(missing)}。年度报告应包括固定的六个部分。",
        )
    in_order = [k for k in L.SECTION_KEYS if k in found]
    if found != in_order:
        yield Finding(
            message=(
                f"报告各部分顺序不对，现为：{' → '.join(L.SECTIONS[k] for k in found)}。"
                "应按一至六的固定顺序排列。"
            ),
        )
    yield from _n6_overview(ctx)
    yield from _n6_other(ctx)


def _not_written(ctx: Context, section: str, topics: dict[str, tuple[str, ...]]) -> list[str]:
    """The topics (name -> the words that cover it) a section's text says nothing of."""
    body = section_text(ctx, section)
    if body is None:
        return []
    body = squeeze(body)
    return [name for name, words in topics.items() if not any(word in body for word in words)]


def _n6_overview(ctx: Context):
    topics = {label: (label, *_ASPECT_WORDS[key]) for key, label in L.OVERVIEW_ASPECTS.items()}
    missing = _not_written(ctx, "overview", topics)
    if missing:
        yield Finding(
            section="overview",
            message=(
                f"「{L.SECTIONS['overview']}」没有写到：{'、'.join(missing)}。总体情况应覆盖"
                f"{'、'.join(L.OVERVIEW_ASPECTS.values())}五个方面，不宜写成一般性的工作总结。"
            ),
        )


def _n6_other(ctx: Context):
    missing = _not_written(ctx, "other", {L.OTHER_ITEMS[key]: words for key, words in _OTHER_ITEM_WORDS.items()})
    if missing:
        yield Finding(
            section="other",
            message=f"「{L.SECTIONS['other']}」没有写到：{'、'.join(missing)}。没有的事项也请写明“无”。",
        )


# --- N-7: statistics period and title year --------------------------------------------------
_PERIOD = re.compile(
    r"(?P<y1>\d{4})年(?P<m1>\d{1,2})月(?P<d1>\d{1,2})日(?:起)?(?:至|到|—|－|-|~|～)"
    r"(?:(?P<y2>\d{4})年)?(?P<m2>\d{1,2})月(?P<d2>\d{1,2})日"
)
_TITLE_YEAR = re.compile(r"(\d{4})年(?:度)?.{0,20}?报告")


def _title_year(text: str) -> tuple[str, int] | None:
    for line in text.splitlines():
        line = squeeze(line).strip()
        if not line:
            continue
        if "报告" in line and "政府信息公开" in line and not line.endswith("。"):
            match = _TITLE_YEAR.search(line)
            return (line, int(match.group(1))) if match else None
        return None  # the title is the first non-empty line
    return None


@rule("N-7", "W", "统计期限为报告年度 1 月 1 日至 12 月 31 日，标题年度与报告年度一致")
def n7_period(ctx: Context):
    year = ctx.report.year
    if ctx.text:
        title = _title_year(ctx.text)
        if title and title[1] != year:
            yield Finding(
                message=f"标题“{quote(title[0])}”写的是 {title[1]} 年，报告年度却是 {year} 年。",
            )
    for key, sentence in section_sentences(ctx):
        if "统计" not in sentence:
            continue
        for match in _PERIOD.finditer(sentence):
            start = (int(match["y1"]), int(match["m1"]), int(match["d1"]))
            end = (int(match["y2"] or match["y1"]), int(match["m2"]), int(match["d2"]))
            if start != (year, 1, 1) or end != (year, 12, 31):
                yield Finding(
                    section=key,
                    message=(
                        f"「{section_name(key)}」写统计期限“{match.group(0)}”，"
                        f"应为{year}年1月1日至{year}年12月31日。"
                    ),
                )
