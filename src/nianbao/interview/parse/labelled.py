"""Counts typed as label phrases: "自然人3件，企业1件，律所2件" -> {"natural": 3, ...}."""

from __future__ import annotations

from nianbao.chinese.normalize import join_thousands, nfkc
from nianbao.chinese.words import EDGE_PUNCTUATION, NONE_WORDS
from nianbao.interview.errors import AnswerError
from nianbao.interview.parse.common import show
from nianbao.interview.parse.phrases import Pairs, accepted_labels, display_label, pairs_example, phrase_index
from nianbao.interview.synonyms import synonyms_for
from nianbao.report import labels as L

ALL_ZERO_WORDS: frozenset[str] = NONE_WORDS | {"都是0", "全是0", "均为0", "全部为0", "都为0", "全为0"}
T3_ROW_LABELS: dict[str, str] = {row.key: row.label for row in L.T3_ROWS}


def parse_counts_by_label(
    text: str, labels: dict[str, str], synonyms: dict[str, str] | None = None
) -> dict[str, int]:
    """Counts typed as label phrases: "自然人3件，企业1件，律所2件" -> {"natural": 3, ...}.

    labels: key -> official label (the full official label, its bare form without numbering,
    and its form without the trailing note all work); synonyms: extra phrase -> key (HEADING
    for phrases recognised but naming no cell). Only the keys mentioned are returned, in the
    order of labels; "无"/"没有" -> every key 0.
    """
    synonyms = synonyms or {}
    normal = nfkc(join_thousands(text)).strip()
    if normal.strip(EDGE_PUNCTUATION) in ALL_ZERO_WORDS:
        return {key: 0 for key in labels}
    example = pairs_example(labels, synonyms)
    accepted = accepted_labels(labels, synonyms)
    pairs = Pairs(normal, labels, phrase_index(labels, synonyms))
    pairs.skip_separators()
    if pairs.at_end():
        raise AnswerError(f"请按“名称+件数”填写，例如：{example}；都没有请填“无”。")
    counts: dict[str, int] = {}
    while not pairs.at_end():
        keys, typed = pairs.read_label()
        if not typed:
            raise AnswerError(f"数字前面要写明是哪一项，请按“名称+件数”填写，例如：{example}。")
        if not keys:
            raise AnswerError(f"不认识{show(typed)}。可以填的项目：{accepted}。例如：{example}。")
        if len(keys) > 1:
            names = "、".join(display_label(labels[k]) for k in keys)
            raise AnswerError(f"{show(typed)}同时提到了 {names}，请分开写，例如：{example}。")
        key = keys[0]
        value = pairs.read_number(key)
        if key in counts:
            raise AnswerError(f"“{display_label(labels[key])}”写了两次，请每一项只写一次，例如：{example}。")
        counts[key] = value
        pairs.skip_separators()
    return {key: counts[key] for key in labels if key in counts}


def parse_t3_column_counts(text: str) -> dict[str, int]:
    """A Table 3 row by applicant column: "自然人3件，企业1件" -> {"natural": 3, "business": 1}."""
    return parse_counts_by_label(text, L.T3_COLUMNS, synonyms_for("t3_columns"))


def parse_t3_row_counts(text: str) -> dict[str, int]:
    """A Table 3 column by row: "予以公开2件，不掌握1件" -> {"granted": 2, "unable_not_held": 1}."""
    return parse_counts_by_label(text, T3_ROW_LABELS, synonyms_for("t3_outcomes"))


def parse_t4_counts(text: str) -> dict[str, int]:
    """One Table 4 group: "维持1件，尚未审结1件" -> {"upheld": 1, "pending": 1}."""
    return parse_counts_by_label(text, L.T4_COLUMNS, synonyms_for("t4_columns"))
