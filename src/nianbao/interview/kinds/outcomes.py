"""One applicant column of Table 3's results ("予以公开2件，不掌握1件，结转1件"), asked per column."""

from __future__ import annotations

import re

from nianbao.interview.kinds.phrases import LabelPhraseCounts

_ALL = re.compile(r"^(?:全部都|全部均|全部|全都|均已|均|都|一律)(?:已|被|为|是)?(?P<result>[^\d]+?)(?:了)?[。.!！]?$")


class Outcomes(LabelPhraseCounts):
    name = "outcomes"
    hint = "如：予以公开2件，不掌握1件，结转1件"

    def fields(self, patterns, instance_key):
        if instance_key is not None:
            patterns = tuple(p[:-1] + instance_key if p.endswith(".*") else p for p in patterns)
        return super().fields(patterns, instance_key)

    def parse(self, text, q, inst):
        from nianbao.chinese.normalize import nfkc

        whole = _ALL.match(nfkc(text).strip())
        if whole and inst is not None:
            # "全部予以公开": every open request of the column had that one result.
            counts = self.read_counts(f"{whole['result']}{inst.words['open']}件", q)
            if len(counts) == 1:
                return counts
        return self.read_counts(text, q)

    def apply(self, state, q, inst, value):
        from nianbao.report import labels as L

        assert inst is not None
        col, t3 = inst.key, state.report.table3
        total = 0
        for key in L.T3_OUTCOME_KEYS:
            v = value.get(key, 0)
            t3.set(key, col, v)
            total += v
        t3.set("total", col, total)
        t3.set("carried_out", col, value.get("carried_out", 0))
        return []

    def show(self, report, q, inst, values):
        from nianbao.report import labels as L

        if inst is None:
            return ""
        t3 = report.table3
        keys = (*L.T3_OUTCOME_KEYS, "carried_out")
        shown = [f"{L.plain_label(L.T3_ROW_BY_KEY[k].label)}{t3.get(k, inst.key)}件" for k in keys if t3.get(k, inst.key)]
        return "，".join(shown)

    def problem_after(self, report, q, inst):
        """T3-1 for the column, worded as a running balance for the clerk."""
        from nianbao.report import labels as L
        from nianbao.rules.arithmetic import t3_column_sides

        if inst is None:
            return None
        col, t3 = inst.key, report.table3
        sides = t3_column_sides(t3, col)
        if sides is None or sides[0] == sides[1]:
            return None
        opened, filled = sides
        new, cin, total, cout = (t3.get(r, col) for r in ("new", "carried_in", "total", "carried_out"))
        gap = opened - filled
        tail = f"还有 {gap} 件尚未填写办理结果" if gap > 0 else f"多填了 {-gap} 件"
        return (
            f"表三「{L.T3_COLUMNS[col]}」列（规则 T3-1）：新收 {new} + 上年结转 {cin} = {opened} 件，"
            f"办理结果总计 {total} + 结转下年度 {cout} = {filled} 件，{tail}。请重新填写这一类申请人的全部办理结果。"
        )


KIND = Outcomes()
