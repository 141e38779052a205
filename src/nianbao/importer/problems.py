"""Section 五 as lists: the problems named, and the improvements promised.

Prefill uses them so that next year's clerk is asked what became of last year's problems.
"""

from __future__ import annotations

import re

# Where the measures start: "（二）改进措施", "改进情况：", "下一步，…".
_MEASURES = re.compile(r"(?:\(?[一二三四五]\)?[、.]?\s*)?(?:改进措施|改进情况|改进举措|整改措施|下一步)")
# Item markers: 一是 / (一) / 一、 / 1. / 1、 / ①
_ITEM = re.compile(r"(?:[一二三四五六七八九十]+是|\([一二三四五六七八九十\d]+\)|[一二三四五六七八九十]+、|(?<!\d)\d{1,2}[.、](?!\d))")
_HEADING = re.compile(r"^(?:存在的?主要问题|主要问题|存在问题|改进措施|改进情况|改进举措|整改措施)[:：。]?")
_MAX_ITEMS = 12


def split_problems(text: str) -> tuple[list[str], list[str]]:
    """(problems, measures) from the text of section 五."""
    m = _MEASURES.search(text)
    head, tail = (text[: m.start()], text[m.start() :]) if m else (text, "")
    return _items(head), _items(tail)


def _items(text: str) -> list[str]:
    text = text.strip()
    if not text:
        return []
    parts = _ITEM.split(text)
    if len(parts) > 1 and parts[0].strip().endswith((":", "：")):
        parts = parts[1:]  # "仍存在一些不足：" introduces the items; it is not one of them
    items = []
    for part in parts:
        part = _HEADING.sub("", part.strip(" \t\n:：;；。,，")).strip(" \t\n:：;；,，")
        if len(part) >= 4:
            items.append(" ".join(part.split()))
    return items[:_MAX_ITEMS]
