"""One count of things ("共3件", "十二", "无")."""

from __future__ import annotations

from nianbao.interview.kinds.base import AnswerKind


class Count(AnswerKind):
    name = "count"
    hint = "输入数字，如 3、三；没有写 0 或 无"

    def parse(self, text, q, inst):
        from nianbao.interview import parse as P

        return P.parse_count(text)

    def split_lead(self, text, q, inst):
        """"1件，通知金额300元，实收0元": the count, then the next question's answer."""
        from nianbao.interview import parse as P
        from nianbao.interview.errors import AnswerError
        from nianbao.interview.parse.common import split_lead

        split = split_lead(text)
        try:
            return split if split is not None and P.parse_count(split[0]) > 0 else None
        except AnswerError:
            return None

    def show(self, report, q, inst, values):
        from nianbao.render.numbers import fmt_number

        return "" if values[0] is None else fmt_number(values[0])


KIND = Count()
