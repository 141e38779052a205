"""Splitting a list written as text into its items."""

from __future__ import annotations

import re

from nianbao.chinese.numbering import LINE_NUMBERING, MARKER_STYLES, find_marker

_ITEM_END = " \t\r\n\u3000;；,，、"
_BULLET = re.compile(r"^[-*•·●○■□◆◇▪]+\s*")
_LIST_SPLIT = re.compile(r"[\n;；]")


def numbered_segments(text: str) -> list[str] | None:
    """Split at the numbering (1. 2. / 一是 二是 / ①② …); None when the text is not numbered."""
    first = None
    for style in MARKER_STYLES:
        match = find_marker(text, style, 1, 0)
        if match and (first is None or match.start() < first[1].start()):
            first = (style, match)
    if first is None:
        return None
    style, match = first
    preamble = text[: match.start()]
    starts, ends = [match.start()], [match.end()]
    n = 2
    while (following := find_marker(text, style, n, ends[-1])) is not None:
        starts.append(following.start())
        ends.append(following.end())
        n += 1
    segments = [text[end:next_start] for end, next_start in zip(ends, starts[1:] + [len(text)])]
    if preamble.strip() and not preamble.strip().endswith((":", "：")):
        segments.insert(0, preamble)  # a lead-in ending with a colon is a heading, not an item
    return segments


def _clean_item(segment: str, numbered_by_line: bool = False) -> str:
    lines = [_BULLET.sub("", line.strip()) for line in segment.splitlines()]
    if numbered_by_line:
        lines = [LINE_NUMBERING.sub("", line) for line in lines]
    return "".join(line for line in lines if line).strip(_ITEM_END)


def split_items(text: str) -> list[str]:
    """Items from paragraphs, lines, "1." "1、" "（1）" "①" "一是…二是…" or "；"; numbering removed.

    The items keep the writer's punctuation. Nothing but numbering, bullets and separators goes.
    """
    segments = numbered_segments(text)
    by_line = segments is None
    if segments is None:
        segments = _LIST_SPLIT.split(text)
    return [item for item in (_clean_item(segment, by_line) for segment in segments) if item]
