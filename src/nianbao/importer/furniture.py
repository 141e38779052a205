"""Page furniture: lines that belong to the page a report was printed or posted on, not to it.

A page number between two pages ("- 3 -", "第 3 页 共 5 页") inside a table splits a row's cells
from its label or adds a cell; the site's "附件下载" and the document's 抄送/印发 lines after the
last section are read as part of section 六. Such lines are dropped before the report is read.
A bare number on a line is never dropped: in a one-cell-per-line table it is a cell.
"""

from __future__ import annotations

import re

_DASH = "-—–－‒"
_FURNITURE = re.compile(
    "|".join(
        (
            rf"[{_DASH}]\s*\d{{1,3}}\s*[{_DASH}]",  # - 3 -
            r"第\s*\d{1,3}\s*页(?:\s*[/,，]?\s*共\s*\d{1,3}\s*页)?",  # 第 3 页 共 5 页
            r"共\s*\d{1,3}\s*页\s*[/,，]?\s*第\s*\d{1,3}\s*页",
            r"(?:相关)?附件(?:下载)?[:：]?",  # the site's attachment list heading
            r"(?:打印本页|关闭窗口|【?打印】?\s*【?关闭】?|扫一扫在手机打开当前页)",
        )
    )
)
# The closing block of an official document, after the report: "抄送：…", "…办公室 2024年1月20日印发".
_CLOSING = re.compile(r"抄送[:：].*|.{0,40}\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*印发")


def drop_furniture(text: str) -> tuple[str, int]:
    """The text without its page-furniture lines, and how many lines were dropped."""
    kept: list[str] = []
    dropped = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped and (_FURNITURE.fullmatch(stripped) or _CLOSING.fullmatch(stripped)):
            dropped += 1
            continue
        kept.append(line)
    return "\n".join(kept), dropped
