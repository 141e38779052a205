"""One option of a list, chosen by its label, its number or a unique part of the label."""

from __future__ import annotations

import re

from nianbao.chinese.numerals import arabic_integer, cn_integer
from nianbao.interview.errors import AnswerError
from nianbao.interview.parse.common import nfkc, short_answer, show, strip_prefix, strip_suffix

# Words around an option's name that choose nothing ("我们是县级部门", "属于乡镇").
_AROUND_CHOICE = re.compile(r"我们单位|我单位|本单位|本机关|我们|单位|属于|选择|选|是|为|的|[\s,，。.、:：;；]")


def _choice_menu(options: dict[str, str]) -> str:
    return "；".join(f"{number}. {label}" for number, label in enumerate(options.values(), start=1))


def _choice_by_number(word: str, options: dict[str, str]) -> str | None:
    core = strip_suffix(strip_prefix(word, ("第", "选")), ("个", "项", "号", "种"))
    number = arabic_integer(core)
    if number is None:
        number = cn_integer(core)
    if number is not None and 1 <= number <= len(options):
        return list(options)[number - 1]
    return None


def _single(keys: list[str]) -> str | None:
    return keys[0] if len(keys) == 1 else None


def parse_choice(text: str, options: dict[str, str]) -> str:
    """The key of one option, chosen by its label, its 1-based number, or a unique part of the label."""
    word = short_answer(text)
    menu = _choice_menu(options)
    if not word:
        raise AnswerError(f"请选择一项，填序号或名称：{menu}。")
    folded = word.casefold()
    labels = {key: nfkc(label).casefold() for key, label in options.items()}
    for key, label in labels.items():
        if folded in (label, key.casefold()):
            return key
    by_number = _choice_by_number(word, options)
    if by_number is not None:
        return by_number
    candidates = [k for k, label in labels.items() if label.startswith(folded)]
    candidates = candidates or [k for k, label in labels.items() if folded in label]
    inside = [k for k, label in labels.items() if label in folded]
    if not candidates and len(inside) == 1:
        said = re.sub(re.escape(labels[inside[0]]), " ", nfkc(word), count=1, flags=re.IGNORECASE)
        rest = _AROUND_CHOICE.sub("", said).strip()
        if rest:
            raise AnswerError(f"看到了“{options[inside[0]]}”，但{show(rest)}没有看懂。请只填序号或名称：{menu}。")
    candidates = candidates or inside
    chosen = _single(candidates)
    if chosen is not None:
        return chosen
    if candidates:
        names = "、".join(options[k] for k in candidates)
        raise AnswerError(f"{show(text)}可以指 {names}，请说得具体些，或填序号：{menu}。")
    raise AnswerError(f"没有找到{show(text)}这一项。请填序号或名称：{menu}。")
