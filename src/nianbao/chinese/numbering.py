"""Numbering as Chinese documents write it: （1） （一） ① ⑴ ⒈ 1. 一、 一是 第一，"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from nianbao.chinese.numerals import cn_ordinal

SPACE = r"[ \t\u3000]*"
# Where "1." or "一是" may start an item: a line start or after one of these.
ITEM_BOUNDARY = " \t\r\n\u3000。.;；:：!！?？,，、"


def width_free_number(n: int) -> str:
    """A regex for the arabic number n typed with half- or full-width digits."""
    return "".join(f"[{d}{chr(ord(d) - ord('0') + ord('０'))}]" for d in str(n))


@dataclass(frozen=True)
class MarkerStyle:
    """A numbering style: the regex of marker n (None past its range)."""

    pattern: Callable[[int], str | None]
    needs_boundary: bool  # "1." and "一是" only count at a line start or after punctuation


def _marker_styles() -> tuple[MarkerStyle, ...]:
    no_digit_after = "(?![0-9０-９])"
    return (
        MarkerStyle(lambda n: rf"[(（]{SPACE}{width_free_number(n)}{SPACE}[)）]", False),  # （1）
        MarkerStyle(lambda n: rf"[(（]{cn_ordinal(n)}[)）]", False),  # （一）
        MarkerStyle(lambda n: chr(0x2460 + n - 1) if n <= 20 else None, False),  # ①
        MarkerStyle(lambda n: chr(0x2474 + n - 1) if n <= 20 else None, False),  # ⑴
        MarkerStyle(lambda n: re.escape(chr(0x2488 + n - 1)) if n <= 20 else None, False),  # ⒈
        MarkerStyle(lambda n: rf"{width_free_number(n)}{SPACE}[.．、)）]{no_digit_after}", True),  # 1.
        MarkerStyle(lambda n: rf"{cn_ordinal(n)}[、.．]", True),  # 一、
        MarkerStyle(lambda n: rf"{cn_ordinal(n)}是", True),  # 一是
        MarkerStyle(lambda n: rf"第{cn_ordinal(n)}[,，、:：]", True),  # 第一，
    )


MARKER_STYLES = _marker_styles()

# A numbering at the start of a line, removed when a list is split by lines.
LINE_NUMBERING = re.compile(
    r"^(?:[(（]\s*[0-9０-９]+\s*[)）]|[(（][一二三四五六七八九十]+[)）]|[\u2460-\u249b]"
    r"|[0-9０-９]+\s*[.．、)）](?![0-9０-９])|[一二三四五六七八九十]+[、.．是])\s*"
)


def find_marker(text: str, style: MarkerStyle, n: int, start: int) -> re.Match | None:
    """Marker n of a style at or after start (where the style needs it, after a boundary)."""
    pattern = style.pattern(n)
    if pattern is None:
        return None
    for match in re.compile(pattern).finditer(text, start):
        position = match.start()
        if not style.needs_boundary or position == 0 or text[position - 1] in ITEM_BOUNDARY:
            return match
    return None
