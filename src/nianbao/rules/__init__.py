"""The rules, each a function registered under its stable id (docs/rules.md, `nianbao rules`).

check_report(report) runs every rule that one report can decide; pass last_year (and, for an
imported report, last_year_text) to add the cross-year rules X-1..X-3 and X-5.
"""

from __future__ import annotations

from typing import Callable

from nianbao.report.findings import Finding
from nianbao.report.model import Report
from nianbao.rules.registry import RULES, Context

# Importing the rule modules registers their rules.
from nianbao.rules import crossyear, narrative, privacy, tables  # noqa: F401,E402


def check_report(
    report: Report,
    last_year: Report | None = None,
    text: str | None = None,
    format: str = "2021",
    sections: dict[str, str] | None = None,
    last_year_text: str | None = None,
    unread: frozenset[str] | set[str] = frozenset(),
    old_layouts: frozenset[str] | set[str] = frozenset(),
    absent: frozenset[str] | set[str] = frozenset(),
    render: Callable[[Report], str | None] | None = None,
) -> list[Finding]:
    """All findings for a report. `text` is the report's full text (rendered or imported);
    `last_year_text` is last year's published text, if known; `render` words a report as text
    for X-5 where a text is not given (the services pass render/outputs.draft_text_or_none)."""
    ctx = Context(
        report=report,
        last_year=last_year,
        text=text,
        format=format,
        sections=sections,
        last_year_text=last_year_text,
        unread=frozenset(unread),
        old_layouts=frozenset(old_layouts),
        absent=frozenset(absent),
        render=render,
    )
    findings: list[Finding] = []
    for rule in RULES.values():
        if rule.needs_last_year and last_year is None and last_year_text is None:
            continue
        findings.extend(rule.func(ctx))
    return findings


__all__ = ["check_report", "RULES", "Finding"]
