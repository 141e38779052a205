"""A row of values named by words instead of their order: "制发2件，废止1件，现行有效15件" for a
Table 2 row, "会议4次，培训2次", "通知金额300元，实收0元". The words are the official labels and
the clerk's words of prompts/synonyms.yaml (group row_values), keyed by the field's last name."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Callable

from nianbao.chinese.normalize import join_thousands, nfkc
from nianbao.interview.errors import AnswerError
from nianbao.interview.parse.common import show
from nianbao.interview.parse.phrases import display_label
from nianbao.interview.synonyms import HEADING, ITEMS, synonyms_for

# What may stand between a word and its value, or between two named values: punctuation,
# "和", "为", and the verbs before a word ("召开专题会议4次、组织业务培训2次").
_VERBS = "召开|组织|开展|举办|举行|全年|本年|今年"
_FILLER = re.compile(
    rf"^(?:[\s,，;；、。:：=|/]|以及|和|及|共计|合计|共|计|为|是|有|{_VERBS})+|(?:[\s,，;；、。|/]|以及|和|及|{_VERBS})+$"
)


def _words(leaves: list[str]) -> list[tuple[str, str]]:
    """(word, leaf or HEADING), longest first, for the leaves of one question."""
    labels = ITEMS["row_values"]
    table: dict[str, str] = {}
    for leaf in leaves:
        label = labels.get(leaf)
        if label:
            table.setdefault(nfkc(display_label(label)), leaf)
            table.setdefault(nfkc(label), leaf)
    for word, key in synonyms_for("row_values").items():
        if key == HEADING or key in leaves:
            table.setdefault(nfkc(word), key)
    return sorted(table.items(), key=lambda item: -len(item[0]))


def _find_words(text: str, words: list[tuple[str, str]]) -> list[tuple[int, int, str]]:
    """(start, end, leaf or HEADING) of each word in text, longest match first, not overlapping."""
    found: list[tuple[int, int, str]] = []
    position = 0
    while position < len(text):
        hit = next(((w, k) for w, k in words if text.startswith(w, position)), None)
        if hit is None:
            position += 1
            continue
        found.append((position, position + len(hit[0]), hit[1]))
        position += len(hit[0])
    return found


def value_name(leaf: str) -> str:
    return display_label(ITEMS["row_values"].get(leaf, leaf))


def parse_named_row(text: str, leaves: list[str], read: Callable[[str], int | Decimal]) -> list | None:
    """The values in the order of `leaves`, read by `read`; None when no word names a value (the
    clerk wrote them in order). Every leaf must be named once; a piece no word names is refused."""
    normal = nfkc(join_thousands(text)).strip()
    words = _words(leaves)
    hits = _find_words(normal, words)
    if not any(key != HEADING for _, _, key in hits):
        return None
    leading = _FILLER.sub("", normal[: hits[0][0]])
    if leading:
        raise AnswerError(f"没有看懂{show(leading)}：请在每个数前写明是哪一项，例如“{_example(leaves)}”。")
    values: dict[str, int | Decimal] = {}
    understood: list[str] = []
    for index, (start, end, key) in enumerate(hits):
        stop = hits[index + 1][0] if index + 1 < len(hits) else len(normal)
        typed = _FILLER.sub("", normal[end:stop]).strip()
        if key == HEADING:
            if typed:
                raise AnswerError(f"没有看懂{show(normal[start:stop].strip())}：请写明是哪一项，例如“{_example(leaves)}”。")
            continue
        if key in values:
            raise AnswerError(f"“{value_name(key)}”写了两次，每一项只写一次，例如“{_example(leaves)}”。")
        try:
            values[key] = read(typed)
        except AnswerError as error:
            said = f"（已看懂：{'，'.join(understood)}）" if understood else ""
            raise AnswerError(f"“{value_name(key)}”后面的{show(typed) if typed else '数'}有问题{said}：{error}") from None
        understood.append(f"{value_name(key)} {values[key]}")
    missing = [leaf for leaf in leaves if leaf not in values]
    if missing:
        names = "、".join(f"“{value_name(leaf)}”" for leaf in missing)
        raise AnswerError(f"已看懂：{'，'.join(understood)}；还差 {names}，没有请写 0。")
    return [values[leaf] for leaf in leaves]


def _example(leaves: list[str]) -> str:
    return "，".join(f"{value_name(leaf)}{n}" for leaf, n in zip(leaves, (2, 1, 15)))
