"""A list of items, one per line or numbered (problems, measures)."""

from __future__ import annotations

from nianbao.interview.errors import AnswerError
from nianbao.interview.kinds.base import AREA, AnswerKind


class ItemList(AnswerKind):
    name = "list"
    widget = AREA
    hint = "每行一条；Ctrl+J 发送"

    def parse(self, text, q, inst):
        from nianbao.interview import parse as P

        items = P.parse_list(text)
        if not items and not q.optional:
            raise AnswerError("这一项需要至少写一条，可以分行写，每行一条。")
        return items

    def show(self, report, q, inst, values):
        return "\n".join(values[0]) if values[0] else ""


KIND = ItemList()
