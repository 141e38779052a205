"""Section 五 as lists: the problems named, and the improvements promised.

Prefill uses them so that next year's clerk is asked what became of last year's problems; a
measure read as a problem would be quoted back as one, so the boundary between the two matters.
"""

from __future__ import annotations

import re

from nianbao.chinese.lists import split_items

_HEADING_NUMBER = r"(?:[(（][一二三四五][)）]|[一二三四五][、.．])?\s*"
# Where the measures start: a heading ("（二）改进措施", "改进情况："), or the sentence that turns
# to them ("针对以上不足，…", "下一步，…", "2025年，我们将…", "今后，…").
_MEASURE_HEADINGS = (
    r"改进措施|改进情况|改进举措|改进方向|整改措施|整改举措|整改情况|解决措施|解决办法"
    r"|下一步工作|下一步|下步(?:工作)?(?:打算|计划|措施)?|今后(?:工作)?(?:打算|计划|方向)|工作打算|努力方向"
)
_MEASURES = re.compile(
    rf"{_HEADING_NUMBER}(?:{_MEASURE_HEADINGS})"
    r"|针对(?:以上|上述|存在的?|这些|这一|此|该)?(?:问题|不足|短板)"
    r"|(?:^|(?<=[。；;\n]))\s*(?:(?:20\d\d|下一)年(?:度)?|今后|为此|接下来)[，,]?\s*[^。\n]{0,20}?将"
    r"|(?:^|(?<=[。；;\n]))\s*(?:我们|(?:我|本)(?:镇|乡|局|街道|办|委|厅|县|区|市|单位|部门|中心|机关|处))"
    r"[^。，,\n]{0,8}?将"
)
# The numbering of one item ("二是", "2.", "（二）", "第二，"): where an interleaved report turns
# back from one problem's measure to the next problem.
_ENUMERATOR = re.compile(
    r"(?:^|(?<=[。；;:：\n\s]))(?:[(（](?P<paren>[一二三四五六七八九十])[)）]|(?P<shi>[一二三四五六七八九十])是"
    r"|(?P<digit>[1-9])[.、．](?!\d)|[第其](?P<ordinal>[一二三四五六七八九十])[，,、是])"
)
_CN_DIGITS = "一二三四五六七八九十"
_HEADING = re.compile(
    rf"^{_HEADING_NUMBER}(?:存在的?主要问题(?:和|及)?(?:改进(?:措施|情况))?|主要问题|存在问题|存在的不足"
    rf"|{_MEASURE_HEADINGS})[:：。]?\s*"
)
# A lead-in such as "…仍存在一些不足，主要是：" introduces the items; it is not one of them.
_LEAD_IN = re.compile(r"^[^。\n]*?(?:不足|问题|差距|短板|工作|方面)[^。\n]{0,12}[:：]\s*")
_MIN_ITEM = 4
_MAX_ITEMS = 12


def split_problems(text: str) -> tuple[list[str], list[str]]:
    """(problems, measures) from the text of section 五: the problems first and then the measures,
    or each problem followed by its own ("一是…。改进措施：…。二是…。改进措施：…")."""
    markers = [m.start() for m in _MEASURES.finditer(text)]
    if not markers:
        return _items(text), []
    problems, measures = [text[: markers[0]]], []
    following = _next_number(text[: markers[0]])
    for index, start in enumerate(markers):
        end = markers[index + 1] if index + 1 < len(markers) else len(text)
        turn = _turn_back(text[start:end], following) if index + 1 < len(markers) else None
        if turn is None:
            measures.append(text[start:end])
            continue
        measures.append(text[start : start + turn])
        problems.append(text[start + turn : end])
        following += 1
    return [item for part in problems for item in _items(part)], [item for part in measures for item in _items(part)]


def _number(match: re.Match[str]) -> int:
    typed = match.group("paren") or match.group("shi") or match.group("digit") or match.group("ordinal")
    return int(typed) if typed.isdigit() else _CN_DIGITS.index(typed) + 1


def _next_number(head: str) -> int:
    """The number the next problem would have: one more than the last in `head` (0: unnumbered)."""
    numbers = [_number(m) for m in _ENUMERATOR.finditer(head)]
    return numbers[-1] + 1 if numbers else 0


def _turn_back(segment: str, following: int) -> int | None:
    """Where a measure's text ends and the next problem begins: the next problem's number, unless
    the measure numbers items of its own from 1 (then the whole segment is measures)."""
    if not following:
        return None
    for match in _ENUMERATOR.finditer(segment):
        number = _number(match)
        if number == 1:
            return None
        if number == following:
            return match.start()
    return None


def _items(text: str) -> list[str]:
    text = _HEADING.sub("", text.strip())
    text = _LEAD_IN.sub("", text, count=1)
    items = [" ".join(item.split()).rstrip("。.") for item in split_items(text)]
    return [item for item in items if len(item) >= _MIN_ITEM][:_MAX_ITEMS]
