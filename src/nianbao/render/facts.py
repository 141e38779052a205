"""Values the standard wording needs that follow from the report (read, never computed into it)."""

from __future__ import annotations

from dataclasses import dataclass

from nianbao.report import labels as L
from nianbao.report.model import Report


@dataclass(frozen=True)
class RequestFacts:
    new: int | None
    carried_in: int | None
    closed: int | None  # （七）总计, 总计 column
    carried_out: int | None
    outcomes: list[tuple[str, int]]  # non-zero outcome groups: (label without numbering, count)

    @property
    def none_at_all(self) -> bool:
        return self.new == 0 and self.carried_in == 0 and self.carried_out in (0, None)


def request_facts(report: Report) -> RequestFacts:
    t3 = report.table3
    total = "total"
    outcomes: list[tuple[str, int]] = []
    singles = ("granted", "partial")
    for key in singles:
        value = t3.get(key, total)
        if value:
            outcomes.append((L.plain_label(L.T3_ROW_BY_KEY[key].label), value))
    for group in ("refused", "unable", "not_processed", "other_handling"):
        keys = [r.key for r in L.T3_ROWS if r.group == group]
        values = [t3.get(k, total) for k in keys]
        known = [v for v in values if v is not None]
        if known and sum(known):
            outcomes.append((L.plain_label(L.T3_GROUPS[group]), sum(known)))
    return RequestFacts(
        new=t3.get("new", total),
        carried_in=t3.get("carried_in", total),
        closed=t3.get("total", total),
        carried_out=t3.get("carried_out", total),
        outcomes=outcomes,
    )


@dataclass(frozen=True)
class AppealFacts:
    reviews: int | None
    lawsuits: int | None  # both litigation groups

    @property
    def none_at_all(self) -> bool:
        return self.reviews == 0 and self.lawsuits == 0


def appeal_facts(report: Report) -> AppealFacts:
    t4 = report.table4
    direct, after = t4.direct.total, t4.after_review.total
    lawsuits = None if direct is None or after is None else direct + after
    return AppealFacts(reviews=t4.review.total, lawsuits=lawsuits)
