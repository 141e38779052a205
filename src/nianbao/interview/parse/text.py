"""Free text and lists, kept as typed (full-width punctuation included)."""

from __future__ import annotations

from nianbao.chinese.lists import split_items
from nianbao.chinese.words import NONE_WORDS
from nianbao.interview.errors import AnswerError
from nianbao.interview.parse.common import LIST_EXPECTED, TEXT_EXPECTED, short_answer


def parse_text(text: str) -> str:
    """Free text, kept as typed (full-width punctuation included); only surrounding space goes."""
    stripped = text.strip()
    if not stripped:
        raise AnswerError(TEXT_EXPECTED)
    return stripped


def parse_list(text: str) -> list[str]:
    """Items from paragraphs, lines, "1." "1、" "（1）" "①" "一是…二是…" or "；"; numbering removed.

    The items keep the clerk's punctuation as typed. "无"/"没有" -> [].
    """
    if short_answer(text) in NONE_WORDS:
        return []
    items = split_items(text)
    if not items:
        raise AnswerError(LIST_EXPECTED)
    return items
