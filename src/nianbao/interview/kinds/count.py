"""One count of things ("共3件", "十二", "无")."""

from __future__ import annotations

from nianbao.interview import parse as P
from nianbao.interview.kinds.base import AnswerKind
from nianbao.render.numbers import fmt_number


class Count(AnswerKind):
    name = "count"
    hint = "输入数字，如 3、三；没有写 0 或 无"

    def parse(self, text, q, inst):
        return P.parse_count(text)

    def show(self, report, q, inst, values):
        return "" if values[0] is None else fmt_number(values[0])


KIND = Count()
