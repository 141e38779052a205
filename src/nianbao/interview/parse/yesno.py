"""Yes or no: 有/是/对/好/确认/y -> True; 没有/无/否/不是/n -> False."""

from __future__ import annotations

from nianbao.chinese.words import NO_WORDS, YES_WORDS
from nianbao.interview.errors import AnswerError
from nianbao.interview.parse.common import YES_NO_EXPECTED, short_answer, show


def parse_yes_no(text: str) -> bool:
    """有/是/对/好/确认/y/yes/1 -> True; 没有/无/否/不是/不/n/no/0 -> False."""
    word = short_answer(text).lower()
    if word in YES_WORDS:
        return True
    if word in NO_WORDS:
        return False
    if not word:
        raise AnswerError(YES_NO_EXPECTED)
    raise AnswerError(f"没有看懂{show(text)}。" + YES_NO_EXPECTED)
