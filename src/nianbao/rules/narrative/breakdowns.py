"""N-8: a total the text states against the sum of the parts it lists."""

from __future__ import annotations

import re
from dataclasses import dataclass

from nianbao.report import labels as L
from nianbao.report.findings import Finding
from nianbao.report.model import CountItem, Report
from nianbao.rules.registry import Context, rule
from nianbao.rules.text import parse_number, quote, section_name, segments, squeeze
from nianbao.rules.narrative.figures import N


# --- N-8: totals and their breakdowns -------------------------------------------------------
_UNIT = r"(?:人次|条|件|次|个|篇|期)"
_TOTAL_BEFORE = re.compile(rf"{N}(?P<unit>{_UNIT})[，,。：:；]?$")
_ITEM = re.compile(rf"^(?P<label>.*?\D){N}(?P<unit>{_UNIT})$")
_ITEM_SEPARATORS = re.compile(r"[、，,；;：:]")


@dataclass(frozen=True)
class Breakdown:
    section: str | None
    total: int
    unit: str
    items: list[tuple[str, int]]
    phrase: str


def _breakdowns(ctx: Context) -> list[Breakdown]:
    """"共发布信息850条，其中微信510条、网站340条" -> total 850, items [(微信, 510), (网站, 340)].
    The total is the figure that ends the clause just before 其中 (also across "。其中")."""
    found = []
    for key, body in segments(ctx):
        for paragraph in squeeze(body).splitlines():
            for match in re.finditer("其中", paragraph):
                prefix = paragraph[: match.start()]
                total = _TOTAL_BEFORE.search(prefix)
                value = parse_number(total.group("n")) if total else None
                if value is None:
                    continue
                items = _items(paragraph[match.end():], total.group("unit"))
                if len(items) < 2:
                    continue
                clause_start = max(prefix.rfind(c, 0, total.start()) for c in "，,。；;：:") + 1
                end = paragraph.find("。", match.end())
                phrase = paragraph[clause_start : end if end >= 0 else len(paragraph)]
                found.append(Breakdown(key, value, total.group("unit"), items, phrase))
    return found


def _items(text: str, unit: str) -> list[tuple[str, int]]:
    """Leading "label + figure + unit" pieces; a piece ending in "：" introduces a breakdown of
    something else ("其中网站发布的信息按内容分：…"), so nothing is read past it."""
    text = re.split(r"[。\n]", text.lstrip("，,：:"), maxsplit=1)[0]
    items = []
    for piece in _ITEM_SEPARATORS.split(text):
        match = _ITEM.match(piece)
        value = parse_number(match.group("n")) if match else None
        if not match or value is None or match.group("unit") != unit:
            break
        items.append((match.group("label"), value))
    return items


def _some_prefix_adds_up(b: Breakdown) -> bool:
    """"其中自然人10件、企业2件，办结11件": the sentence may go on with figures of the same unit
    after the breakdown; the breakdown agrees if its first two or more items make the total."""
    running = 0
    for index, (_, value) in enumerate(b.items):
        running += value
        if index >= 1 and running == b.total:
            return True
    return False


def _sum_text(items: list[tuple[str, int]]) -> str:
    return " + ".join(f"{label} {value}" for label, value in items)


def _known(items: list[CountItem]) -> list[tuple[str, int]] | None:
    if any(item.count is None for item in items):
        return None
    return [(item.label, item.count) for item in items]


@rule("N-8", "W", "总数与其分项之和一致（如“共发布信息850条，其中微信平台510条、政府网站340条”）")
def n8_breakdowns(ctx: Context):
    flagged: set[tuple[int, tuple[int, ...]]] = set()
    for finding, numbers in _n8_model(ctx.report):
        flagged.add(numbers)
        yield finding
    for b in _breakdowns(ctx):
        summed = sum(v for _, v in b.items)
        numbers = (b.total, tuple(sorted(v for _, v in b.items)))
        if _some_prefix_adds_up(b) or numbers in flagged:
            continue
        flagged.add(numbers)
        yield Finding(
            section=b.section,
            message=(
                f"「{section_name(b.section)}」写“{quote(b.phrase, 60)}”：分项 {_sum_text(b.items)} = {summed}"
                f"{b.unit}，与总数 {b.total}{b.unit} 相差 {abs(b.total - summed)}{b.unit}。"
            ),
        )


def _n8_model(report: Report):
    """Findings on the structured facts of section 一, with the numbers they compare."""
    o = report.overview
    channels = _known(o.by_channel)
    if o.items_total is not None and channels and len(channels) >= 2:
        summed = sum(v for _, v in channels)
        if summed != o.items_total:
            yield Finding(
                section="overview", row="overview.by_channel",
                message=(
                    f"「{L.SECTIONS['overview']}」：全年主动公开信息 {o.items_total} 条，"
                    f"各渠道相加 {_sum_text(channels)} = {summed} 条，相差 {abs(o.items_total - summed)} 条。"
                ),
            ), (o.items_total, tuple(sorted(v for _, v in channels)))
    categories = _known(o.by_category)
    if not categories:
        return
    summed = sum(v for _, v in categories)
    if o.category_channel:
        counts = {item.label: item.count for item in o.by_channel}
        if o.category_channel not in counts:
            yield Finding(
                section="overview", row="overview.category_channel",
                message=(
                    f"「{L.SECTIONS['overview']}」：按内容分类统计的是“{o.category_channel}”发布的信息，"
                    f"但发布渠道中没有“{o.category_channel}”（现有：{'、'.join(counts) or '无'}）。"
                ),
            ), (-1, ())
            return
        base, base_name = counts[o.category_channel], f"“{o.category_channel}”发布的信息"
    else:
        base, base_name = o.items_total, "全年主动公开信息"
    if base is not None and summed != base:
        yield Finding(
            section="overview", row="overview.by_category",
            message=(
                f"「{L.SECTIONS['overview']}」：{base_name} {base} 条，"
                f"按内容分类相加 {_sum_text(categories)} = {summed} 条，相差 {abs(base - summed)} 条。"
            ),
        ), (base, tuple(sorted(v for _, v in categories)))
