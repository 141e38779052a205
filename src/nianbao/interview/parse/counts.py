"""Counts of things: one ("共3件", "十二", "无") or a row of them in order ("3 0 0 1")."""

from __future__ import annotations

import re

from nianbao.chinese.numerals import MAX_DIGITS, arabic_integer, cn_integer
from nianbao.chinese.words import COUNT_PREFIXES, MEASURE_WORDS, NONE_WORDS
from nianbao.interview.errors import AnswerError
from nianbao.interview.parse.common import COUNT_EXPECTED, short_answer, show, strip_prefix, strip_suffix


def _count_core(text: str) -> str:
    core = short_answer(text).rstrip(".").strip()
    core = strip_prefix(core, COUNT_PREFIXES)
    return strip_suffix(core, MEASURE_WORDS)


# "多次", "若干", "几十": a quantity meant but not said; the clerk is asked for the number itself.
_VAGUE = re.compile(r"(?:多|若干|几|数|很多|许多|大量|一些|不少|好几)(?:十|百|千)?(?:余)?")


def _count_problem(core: str, original: str) -> str:
    """Why a count could not be read, in Chinese."""
    if re.match(r"^[-−—]\s*[0-9零〇一二两三四五六七八九十]", core) or core.startswith("负"):
        return "数量不能是负数。" + COUNT_EXPECTED
    if re.fullmatch(r"[0-9,]*\.[0-9]+", core) or "点" in core:
        return "数量要填整数，不能有小数。" + COUNT_EXPECTED
    if re.fullmatch(r"[0-9]{%d,}" % (MAX_DIGITS + 1), core.lstrip("0")):
        return "这个数太大了，请核对。" + COUNT_EXPECTED
    if not core:
        return COUNT_EXPECTED
    if _VAGUE.fullmatch(core):
        return f"{show(original)}不是确切的数，年报要写具体数量。" + COUNT_EXPECTED
    return f"没有看懂{show(original)}。" + COUNT_EXPECTED


def parse_count(text: str) -> int:
    """A count of things: "12", "１２", "1,234", "十二", "两", "共3件", "无" -> int (never negative)."""
    if short_answer(text) in NONE_WORDS:
        return 0
    core = _count_core(text)
    value = arabic_integer(core)
    if value is None:
        value = cn_integer(core)
    if value is None:
        raise AnswerError(_count_problem(core, text))
    return value


# --- rows of counts ----------------------------------------------------------------------------
_ROW_SEPARATORS = re.compile(r"[\s,;、|/]+")


def _row_example(n: int) -> str:
    return " ".join("3" if i == 0 else "0" for i in range(n))


def parse_row(text: str, n: int) -> list[int]:
    """n counts in order: "3 0 0 1 0 0 4", "3,0,0,1,0,0,4", "３，０，…"; "无" -> n zeros."""
    core = short_answer(text)
    if core in NONE_WORDS:
        return [0] * n
    parts = [part for part in _ROW_SEPARATORS.split(core) if part]
    if len(parts) != n:
        raise AnswerError(
            f"这一行要填 {n} 个数，您填了 {len(parts)} 个。请按顺序填，用空格或逗号隔开，"
            f"例如：{_row_example(n)}。"
        )
    values = []
    for position, part in enumerate(parts, start=1):
        try:
            values.append(parse_count(part))
        except AnswerError as error:
            raise AnswerError(f"第 {position} 个数{show(part)}有问题：{error}") from None
    return values

