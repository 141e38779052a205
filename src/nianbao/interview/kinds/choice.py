"""One option of a set, by its number or its name (the agency's kind)."""

from __future__ import annotations

from nianbao.interview import parse as P
from nianbao.interview.kinds.base import AnswerKind
from nianbao.interview.kinds.options import options_of


class Choice(AnswerKind):
    name = "choice"
    needs_options = True
    lists_options = True

    def parse(self, text, q, inst):
        return P.parse_choice(text, options_of(q.options))

    def show(self, report, q, inst, values):
        return options_of(q.options).get(values[0], "")


KIND = Choice()
