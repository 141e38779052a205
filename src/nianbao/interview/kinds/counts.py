"""A Table 3 row by applicant ("自然人3件，企业1件"): new requests, carried in."""

from __future__ import annotations

from nianbao.interview.kinds.phrases import LabelPhraseCounts


def _row(q) -> str:
    return q.fields[0].split(".")[2]


class Counts(LabelPhraseCounts):
    name = "counts"
    hint = "如：自然人3件，企业1件"

    def parse(self, text, q, inst):
        from nianbao.interview.kinds.totals import check_stated_total
        from nianbao.report import labels as L

        values = self.read_counts(text, q)
        row = _row(q)
        check_stated_total(f"表三「{L.T3_ROW_SHORT.get(row, row)}」", "T3-3", values, L.T3_COLUMN_KEYS[:-1])
        return values

    def apply(self, state, q, inst, value):
        from nianbao.interview.kinds.totals import fill_total
        from nianbao.report import labels as L

        values = dict(value)
        row = _row(q)
        label = L.T3_ROW_SHORT.get(row, L.T3_ROW_BY_KEY[row].label)
        notes = fill_total(f"表三「{label}」", values, L.T3_COLUMN_KEYS[:-1])
        for col in L.T3_COLUMN_KEYS:
            state.report.table3.set(row, col, values.get(col, 0))
        return notes

    def show(self, report, q, inst, values):
        from nianbao.report import labels as L

        cells = dict(zip(L.T3_COLUMN_KEYS, report.table3.rows[_row(q)]))
        if None in cells.values():
            return ""
        shown = "，".join(f"{L.T3_COLUMNS[c]}{v}件" for c, v in cells.items() if v and c != "total")
        return shown or "无"


KIND = Counts()
