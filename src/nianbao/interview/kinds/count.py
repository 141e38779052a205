"""One count of things ("共3件", "十二", "无")."""

from __future__ import annotations

from nianbao.interview.kinds.base import AnswerKind


class Count(AnswerKind):
    name = "count"
    hint = "输入数字，如 3、三；没有写 0 或 无"

    def parse(self, text, q, inst):
        from nianbao.interview import parse as P

        return P.parse_count(text)

    def show(self, report, q, inst, values):
        from nianbao.render.numbers import fmt_number

        return "" if values[0] is None else fmt_number(values[0])


KIND = Count()
