"""One option of a set, by its number or its name (the agency's kind)."""

from __future__ import annotations

from nianbao.interview.kinds.base import AnswerKind


class Choice(AnswerKind):
    name = "choice"
    needs_options = True
    lists_options = True

    def parse(self, text, q, inst):
        from nianbao.interview import parse as P
        from nianbao.interview.kinds.options import options_of

        return P.parse_choice(text, options_of(q.options))

    def show(self, report, q, inst, values):
        from nianbao.interview.kinds.options import options_of

        return options_of(q.options).get(values[0], "")


KIND = Choice()
