"""Counts typed as label phrases: "自然人3件，企业1件，律所2件" -> {"natural": 3, ...}."""

from __future__ import annotations

import re
from typing import Callable

from nianbao.chinese.normalize import join_thousands, nfkc, squeeze_nfkc as squeeze
from nianbao.chinese.words import EDGE_PUNCTUATION, NONE_WORDS
from nianbao.interview.errors import AnswerError
from nianbao.interview.parse.common import show
from nianbao.interview.parse.phrases import Pairs, accepted_labels, display_label, pairs_example, phrase_index, short_name
from nianbao.interview.synonyms import synonyms_for
from nianbao.report import labels as L
from nianbao.report.labels import LABEL_NUMBERING

# Up to this many items the message lists each with its other words; beyond, short names only
# (Table 3's 22 results would be a wall of text).
_LIST_IN_FULL = 8
# "不予公开的1件", "无法提供的": a group heading typed with a count but no reason.
_GROUP_TAIL = re.compile(r"(?:的|类|共|有|为)+$")
# Words around a label that name nothing and change nothing ("其中属于国家秘密的", "自然人申请");
# any other word beside a label is named in the reply, not passed over.
_FILLER = re.compile(
    r"其中|共计|合计|总共|另有|还有|此外|以及|属于|申请人?|方面|情形|情况|数量|的|类|共|有|为|是|中|和|及|项|件|个|第"
    r"|[\s:：=()（）“”‘’\"',，;；、。.]"
)

ALL_ZERO_WORDS: frozenset[str] = NONE_WORDS | {"都是0", "全是0", "均为0", "全部为0", "都为0", "全为0"}
T3_ROW_LABELS: dict[str, str] = {row.key: row.label for row in L.T3_ROWS}


def t3_outcome_groups() -> dict[str, tuple[str, ...]]:
    """A Table 3 group heading as typed ("不予公开") -> the rows under it, which name a reason."""
    members: dict[str, tuple[str, ...]] = {}
    for group, heading in L.T3_GROUPS.items():
        keys = tuple(row.key for row in L.T3_ROWS if row.group == group)
        if group != "results" and len(keys) > 1:
            members[display_label(heading)] = keys
    return members


GROUPS: dict[str, Callable[[], dict[str, tuple[str, ...]]]] = {"t3_outcomes": t3_outcome_groups}


def _not_understood(typed: str, counts: dict[str, int], labels, synonyms, groups) -> str:
    """One or two lines: what was read so far, what was not, and what may be written."""
    read = "，".join(f"{display_label(labels[k])}{v}件" for k, v in counts.items())
    said = f"已看懂：{read}；" if read else ""
    bare = _GROUP_TAIL.sub("", LABEL_NUMBERING.sub("", typed.strip()).strip(EDGE_PUNCTUATION))
    members = groups.get(bare)
    if members:
        names = "、".join(short_name(k, labels, synonyms) for k in members)
        first = short_name(members[0], labels, synonyms)
        return f"{said}“{bare}”要写明是哪一种：{names}，例如“{first}1件”。"
    if len(labels) <= _LIST_IN_FULL:
        return f"{said}不认识{show(typed)}。可写的项目：{accepted_labels(labels, synonyms)}。"
    names = "、".join(short_name(k, labels, synonyms) for k in labels)
    return f"{said}不认识{show(typed)}。可写的项目：{names}（全称和更多说法见帮助）。"


class LabelledCounts(dict):
    """Counts by key, and notes naming the words beside a label that no phrase covered
    ("危及第三方合法权益1件": "危" is said back, not passed over)."""

    def __init__(self, counts: dict[str, int], unread_notes: list[str] | None = None) -> None:
        super().__init__(counts)
        self.unread_notes = list(unread_notes or [])


def _stray_words(residue: str, key: str, labels: dict[str, str], synonyms: dict[str, str]) -> str:
    """What is left of a label's text once its phrases, numbering, filler words and the words of
    its own label ("逾期未缴纳" + "费用") are taken out: words the reply has to name."""
    own = [nfkc(labels[key])] + [nfkc(phrase) for phrase, k in synonyms.items() if k == key]
    pieces = [_FILLER.sub("", LABEL_NUMBERING.sub("", piece)) for piece in residue.split()]
    return "…".join(p for p in pieces if p and not any(p in words for words in own))


def parse_counts_by_label(
    text: str,
    labels: dict[str, str],
    synonyms: dict[str, str] | None = None,
    groups: dict[str, tuple[str, ...]] | None = None,
) -> dict[str, int]:
    """Counts typed as label phrases: "自然人3件，企业1件，律所2件" -> {"natural": 3, ...}.

    labels: key -> official label (the full official label, its bare form without numbering,
    and its form without the trailing note all work); synonyms: extra phrase -> key (HEADING
    for phrases recognised but naming no cell). Only the keys mentioned are returned, in the
    order of labels; "无"/"没有" -> every key 0.
    """
    synonyms = synonyms or {}
    groups = groups or {}
    normal = nfkc(join_thousands(text)).strip()
    if normal.strip(EDGE_PUNCTUATION) in ALL_ZERO_WORDS:
        return LabelledCounts({key: 0 for key in labels})
    example = pairs_example(labels, synonyms)
    pairs = Pairs(normal, labels, phrase_index(labels, synonyms))
    pairs.skip_separators()
    if pairs.at_end():
        raise AnswerError(f"请按“名称+件数”填写，例如：{example}；都没有请填“无”。")
    counts: dict[str, int] = {}
    unread: list[str] = []
    while not pairs.at_end():
        keys, typed, residue = pairs.read_label()
        if not typed:
            raise AnswerError(f"数字前面要写明是哪一项，请按“名称+件数”填写，例如：{example}。")
        if not keys:
            raise AnswerError(_not_understood(typed, counts, labels, synonyms, groups))
        if len(keys) > 1:
            names = "、".join(display_label(labels[k]) for k in keys)
            raise AnswerError(f"{show(typed)}同时提到了 {names}，请分开写，例如：{example}。")
        key = keys[0]
        value = pairs.read_number(key)
        stray = _stray_words(residue, key, labels, synonyms)
        if stray:
            unread.append(f"{show(stray)}没有看懂，按“{display_label(labels[key])}”记下，不对请改。")
        if key in counts:
            name = display_label(labels[key])
            said = "" if squeeze(typed) == squeeze(name) else f"{show(typed)}读作“{name}”，"
            raise AnswerError(f"{said}“{name}”写了两次，请每一项只写一次，例如：{example}。")
        counts[key] = value
        pairs.skip_separators()
    return LabelledCounts({key: counts[key] for key in labels if key in counts}, unread)


def parse_t3_column_counts(text: str) -> dict[str, int]:
    """A Table 3 row by applicant column: "自然人3件，企业1件" -> {"natural": 3, "business": 1}."""
    return parse_counts_by_label(text, L.T3_COLUMNS, synonyms_for("t3_columns"))


def parse_t3_row_counts(text: str) -> dict[str, int]:
    """A Table 3 column by row: "予以公开2件，不掌握1件" -> {"granted": 2, "unable_not_held": 1}."""
    return parse_counts_by_label(text, T3_ROW_LABELS, synonyms_for("t3_outcomes"), t3_outcome_groups())


def parse_t4_counts(text: str) -> dict[str, int]:
    """One Table 4 group: "维持1件，尚未审结1件" -> {"upheld": 1, "pending": 1}."""
    return parse_counts_by_label(text, L.T4_COLUMNS, synonyms_for("t4_columns"))
