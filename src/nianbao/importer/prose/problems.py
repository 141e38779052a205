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
_MEASURES = re.compile(
    rf"{_HEADING_NUMBER}(?:改进措施|改进情况|改进举措|整改措施|整改情况|下一步工作|下一步)"
    r"|针对(?:以上|上述|存在的?|这些)?(?:问题|不足|短板)"
    r"|(?:^|(?<=[。；;\n]))\s*(?:(?:20\d\d|下一)年(?:度)?|今后|为此|接下来)[，,]?\s*[^。\n]{0,20}?将"
)
_HEADING = re.compile(
    rf"^{_HEADING_NUMBER}(?:存在的?主要问题(?:和|及)?(?:改进(?:措施|情况))?|主要问题|存在问题|存在的不足"
    r"|改进措施|改进情况|改进举措|整改措施|整改情况)[:：。]?\s*"
)
# A lead-in such as "…仍存在一些不足，主要是：" introduces the items; it is not one of them.
_LEAD_IN = re.compile(r"^[^。\n]*?(?:不足|问题|差距|短板|工作|方面)[^。\n]{0,12}[:：]\s*")
_MIN_ITEM = 4
_MAX_ITEMS = 12


def split_problems(text: str) -> tuple[list[str], list[str]]:
    """(problems, measures) from the text of section 五."""
    match = _MEASURES.search(text)
    head, tail = (text[: match.start()], text[match.start() :]) if match else (text, "")
    return _items(head), _items(tail)


def _items(text: str) -> list[str]:
    text = _HEADING.sub("", text.strip())
    text = _LEAD_IN.sub("", text, count=1)
    items = [" ".join(item.split()).rstrip("。.") for item in split_items(text)]
    return [item for item in items if len(item) >= _MIN_ITEM][:_MAX_ITEMS]
