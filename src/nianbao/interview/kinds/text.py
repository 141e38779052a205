"""A short text on one line (the agency's name, a website)."""

from __future__ import annotations

from nianbao.interview.kinds.base import AnswerKind


class Text(AnswerKind):
    name = "text"

    def parse(self, text, q, inst):
        from nianbao.interview import parse as P
        from nianbao.interview.parse.common import is_none_answer

        if q.optional and is_none_answer(text):
            return ""
        return P.parse_text(text)

    def show(self, report, q, inst, values):
        return values[0] or ""


KIND = Text()
