"""Several numbers on one line, in order ("3 0 0 1") or named ("制发2件，废止1件，现行有效15件"):
a Table 2 row, a pair of amounts."""

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

        from nianbao.interview.parse.named_row import parse_named_row

        n = len(q.fields)
        read = P.parse_amount_yuan if q.value_kind == "amount_yuan" else P.parse_count
        named = parse_named_row(text, [path.rsplit(".", 1)[-1] for path in q.fields], read)
        if named is not None:
            return named
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


    def describe(self, report, q, inst, values):
        """"本年制发件数 2，本年废止件数 1，现行有效件数 15": each value by its name."""
        from nianbao.interview.parse.named_row import value_name
        from nianbao.render.numbers import fmt_number

        if None in values:
            return ""
        unit = "元" if q.value_kind == "amount_yuan" else ""
        names = [value_name(path.rsplit(".", 1)[-1]) for path in q.fields]
        return "，".join(f"{name} {fmt_number(v)}{unit}" for name, v in zip(names, values))


KIND = Row()
