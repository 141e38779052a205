"""The report year: "2024", "2024年度", "二〇二四"."""

from __future__ import annotations

import re

from nianbao.chinese.numerals import arabic_integer, cn_digit_sequence, cn_integer
from nianbao.interview.errors import AnswerError
from nianbao.interview.parse.common import short_answer, show, strip_suffix


def parse_year(text: str, *, first: int = 2021, last: int = 2100) -> int:
    """The report year: "2024", "2024年", "2024年度", "二〇二四" -> 2024 (first..last)."""
    expected = f"请填写报告年度，{first} 到 {last} 之间的四位数年份，例如 2024 或 2024年。"
    core = strip_suffix(short_answer(text), ("年度", "年"))
    year = arabic_integer(core) if re.fullmatch(r"[0-9]{4}", core) else None
    if year is None:
        year = cn_digit_sequence(core) if len(core) == 4 else cn_integer(core)
    if year is None:
        raise AnswerError(f"没有看懂{show(text)}。" + expected)
    if not first <= year <= last:
        raise AnswerError(f"{year} 不在 {first} 到 {last} 之间。" + expected)
    return year
