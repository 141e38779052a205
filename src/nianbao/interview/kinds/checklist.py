"""Which of a set of measures were taken, by their numbers ("1 2 4"; "全部"; "无")."""

from __future__ import annotations

import re

from nianbao.interview.errors import AnswerError
from nianbao.interview.kinds.base import AnswerKind

_ALL = ("全部", "都有", "都做到了", "全都")
# Between the numbers: separators and the words of "第1项、第2条和第4项".
_BETWEEN = re.compile(r"[\s,，、;；.。/|]|以及|和|及|第|项|条|号")


class Checklist(AnswerKind):
    name = "checklist"
    needs_options = True
    lists_options = True

    def parse(self, text, q, inst):
        from nianbao.chinese.normalize import nfkc
        from nianbao.interview.kinds.options import options_of
        from nianbao.interview.parse.common import is_none_answer

        keys = list(options_of(q.options))
        if is_none_answer(text):
            return {k: False for k in keys}
        normal = nfkc(text)
        numbers = [int(n) for n in re.findall(r"\d+", normal)]
        if normal.strip() in _ALL:
            numbers = list(range(1, len(keys) + 1))
        bad = [n for n in numbers if not 1 <= n <= len(keys)]
        stray = _BETWEEN.sub("", re.sub(r"\d+", " ", normal)) if normal.strip() not in _ALL else ""
        if numbers and not bad and stray:
            picked = " ".join(str(n) for n in numbers)
            raise AnswerError(
                f"已看懂序号 {picked}；“{stray}”没有看懂。请只回复做到了的序号（1 到 {len(keys)}），例如“1 2 4”。"
            )
        if not numbers or bad:
            raise AnswerError(f"请回复做到了的序号（1 到 {len(keys)}），例如“1 2 4”；都没有答“无”。")
        return {k: (i + 1) in numbers for i, k in enumerate(keys)}

    def apply(self, state, q, inst, value):
        from nianbao.interview.kinds.options import options_of
        from nianbao.interview.paths import set_path

        for path, key in zip(q.fields, options_of(q.options)):
            set_path(state.report, path, value[key])
        return []

    def show(self, report, q, inst, values):
        if None in values:
            return ""
        picked = [str(i + 1) for i, v in enumerate(values) if v]
        return " ".join(picked) or "无"

    def describe(self, report, q, inst, values):
        """The items taken, by number and name: "1 2 4" alone does not show a wrong number."""
        from nianbao.interview.kinds.options import options_of

        if None in values:
            return ""
        labels = list(options_of(q.options).values())
        picked = [f"{i + 1}.{labels[i]}" for i, v in enumerate(values) if v and i < len(labels)]
        return "；".join(picked) or "无"


KIND = Checklist()
