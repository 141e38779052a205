"""Helpers for the rule tests: small reports to break on purpose, and running one rule."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from nianbao import store
from nianbao.render.outputs import to_text
from nianbao.report import labels as L
from nianbao.report.findings import Finding
from nianbao.report.model import DocRow, Report, T4Group, Table2
from nianbao.rules.registry import RULES, Context

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
LILIN = EXAMPLES / "lilin-2021.json"
COUNTY = EXAMPLES / "county-bureau-2023.json"
BROKEN = EXAMPLES / "broken-2022.json"


def lilin_report() -> Report:
    """The reference township report: every rule must accept it."""
    return store.load(LILIN).report


def county_report() -> Report:
    """A county bureau with non-zero tables, all balancing."""
    return store.load(COUNTY).report


def zero_report(year: int = 2021, kind: str = "township") -> Report:
    """Every table cell filled with 0, no text facts."""
    report = Report(year=year)
    report.agency.kind = kind
    report.table2 = Table2(
        regulations=DocRow(issued=0, repealed=0, in_force=0),
        normative_documents=DocRow(issued=0, repealed=0, in_force=0),
        licensing=0, penalty=0, coercion=0, fees=Decimal(0),
    )
    report.table3.fill_zero()
    report.table4.fill_zero()
    report.other.fee_notices = 0
    report.other.fee_notice_amount = Decimal(0)
    report.other.fees_collected = Decimal(0)
    return report


def set_row(report: Report, row: str, values: list[int | None]) -> None:
    """Set a whole Table 3 row (7 values, 总计 last)."""
    assert len(values) == len(L.T3_COLUMN_KEYS)
    rows = {k: list(v) for k, v in report.table3.rows.items()}
    rows[row] = list(values)
    report.table3.rows = rows


def set_t4(report: Report, group: str, upheld, corrected, other, pending, total) -> None:
    setattr(report.table4, group, T4Group(upheld=upheld, corrected=corrected, other=other, pending=pending, total=total))


def run(rule_id: str, report: Report, **context) -> list[Finding]:
    """The findings of one rule on a report (context: last_year, text, format, sections, ...)."""
    return list(RULES[rule_id].func(Context(report=report, **context)))


def rendered(report: Report) -> str:
    return to_text(report, draft=True)


def only(findings: list[Finding]) -> Finding:
    assert len(findings) == 1, [f.message for f in findings]
    return findings[0]
