"""One Table 4 group (复议, or a kind of 诉讼): "维持1件，尚未审结1件", asked per group."""

from __future__ import annotations

from nianbao.interview.kinds.phrases import LabelPhraseCounts


class T4Group(LabelPhraseCounts):
    name = "t4_group"
    hint = "如：维持1件，尚未审结1件"

    def fields(self, patterns, instance_key):
        if instance_key is not None:
            patterns = tuple(p for p in patterns if p.startswith(f"table4.{instance_key}."))
        return super().fields(patterns, instance_key)

    def parse(self, text, q, inst):
        from nianbao.interview.kinds.totals import check_stated_total
        from nianbao.report import labels as L

        values = self.read_counts(text, q)
        if inst is not None:
            check_stated_total(f"表四「{L.T4_GROUPS[inst.key]}」", "T4-1", values, L.T4_COLUMN_KEYS[:-1])
        return values

    def apply(self, state, q, inst, value):
        from nianbao.interview.kinds.totals import fill_total
        from nianbao.report import labels as L

        assert inst is not None
        values = dict(value)
        notes = fill_total(f"表四「{L.T4_GROUPS[inst.key]}」", values, L.T4_COLUMN_KEYS[:-1])
        group = getattr(state.report.table4, inst.key)
        for key in L.T4_COLUMN_KEYS:
            setattr(group, key, values.get(key, 0))
        return notes

    def show(self, report, q, inst, values):
        from nianbao.report import labels as L

        if inst is None:
            return ""
        group = getattr(report.table4, inst.key)
        return "，".join(f"{L.T4_COLUMNS[c]}{v}件" for c, v in zip(L.T4_COLUMN_KEYS, group.values()) if v)


KIND = T4Group()
