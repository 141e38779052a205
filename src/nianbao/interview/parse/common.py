"""What every answer parser shares: how the clerk's text is quoted, trimmed, and what is expected."""

from __future__ import annotations

import re

from nianbao.chinese.normalize import nfkc, short_answer  # noqa: F401  (re-exported for the parsers)
from nianbao.chinese.words import NONE_WORDS

# --- messages ----------------------------------------------------------------------------------
COUNT_EXPECTED = "请填写一个不小于 0 的整数，例如 3 或 三；“无”表示 0。"
WAN_EXPECTED = "请填写金额，单位是万元，不小于 0，最多 4 位小数，例如 1.5、1.5万元 或 15000元；“无”表示 0。"
YUAN_EXPECTED = "请填写金额，单位是元，不小于 0，最多 2 位小数，例如 300、300元 或 0.03万元；“无”表示 0。"
YES_NO_EXPECTED = "请回答“是”或“否”，例如 有、没有、是、不是（也可以填 y 或 n）。"
TEXT_EXPECTED = "这一项不能为空，请填写内容，例如 镇党政办；如果确实没有，请填“无”。"
LIST_EXPECTED = "请至少写一条内容，可以分行写，或用 1. 2. 、一是 二是 编号，例如：一是加强培训；二是完善制度。如果没有，请填“无”。"


def show(text: str, limit: int = 20) -> str:
    """The clerk's own text, quoted for a message: “…”, shortened, never a repr."""
    shown = "".join(ch for ch in text.strip() if ch.isprintable())
    if len(shown) > limit:
        shown = shown[:limit] + "…"
    return f"“{shown}”"


def strip_prefix(text: str, prefixes: tuple[str, ...]) -> str:
    for prefix in prefixes:
        if text.startswith(prefix) and len(text) > len(prefix):
            return text[len(prefix):].lstrip()
    return text


def strip_suffix(text: str, suffixes: tuple[str, ...]) -> str:
    for suffix in suffixes:
        if text.endswith(suffix) and len(text) > len(suffix):
            return text[: -len(suffix)].rstrip()
    return text



def is_none_answer(text: str) -> bool:
    """"无", "没有", "不涉及", "否" … (with or without a full stop or quotes): nothing to report."""
    return short_answer(text).rstrip(".") in NONE_WORDS


# Where a short answer ends and the answer to the next question begins: "有，自然人3件".
_LEAD = re.compile(r"^\s*(?P<head>[^\s,，。;；:：、]+)[\s,，。;；:：、]+(?P<rest>\S.*)$", re.S)


def split_lead(text: str) -> tuple[str, str] | None:
    """("有", "自然人3件") for "有，自然人3件"; None when nothing follows the first word."""
    match = _LEAD.match(text)
    return (match["head"], match["rest"].strip()) if match else None
