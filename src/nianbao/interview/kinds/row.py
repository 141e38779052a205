"""Several numbers in a fixed order on one line ("3 0 0 1"): a Table 2 row, a pair of amounts."""

from __future__ import annotations

import re

from nianbao.interview.errors import AnswerError
from nianbao.interview.kinds.base import AnswerKind


class Row(AnswerKind):
    name = "row"
    hint = "几个数字用空格隔开"

    def parse(self, text, q, inst):
        from nianbao.chinese.normalize import nfkc
        from nianbao.interview import parse as P

        n = len(q.fields)
        if q.value_kind == "amount_yuan":
            parts = [p for p in re.split(r"[\s,，、;；/]+", nfkc(text).strip()) if p]
            if len(parts) != n:
                raise AnswerError(f"请写 {n} 个金额（单位：元），用空格分开，例如“300 200”；您写了 {len(parts)} 个。")
            return [P.parse_amount_yuan(p) for p in parts]
        return P.parse_row(text, n)

    def apply(self, state, q, inst, value):
        from nianbao.interview.paths import set_path

        for path, v in zip(q.fields, value):
            set_path(state.report, path, v)
        return []

    def show(self, report, q, inst, values):
        from nianbao.render.numbers import fmt_number

        return "" if None in values else " ".join(fmt_number(v) for v in values)


KIND = Row()
