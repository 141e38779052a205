"""Rule registry: id -> function(Context) -> findings."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterable

from nianbao.report.findings import Finding, Severity
from nianbao.report.model import Report


@dataclass
class Context:
    report: Report
    last_year: Report | None = None
    text: str | None = None  # the report's full text, for narrative and privacy rules
    # For imported (published) reports: which format its tables use ("2021" or "2019"), and the
    # text of each section found, keyed by labels.SECTION_KEYS (None: a session, all present).
    format: str = "2021"
    sections: dict[str, str] | None = None
    # Imported reports: parts whose cells held content that could not be read ("table2.<row>",
    # "table3.<row>", "table4"). Their empty cells are a reading failure, not a blank.
    unread: frozenset[str] = frozenset()
    # Last year's published text. None: X-5 words last_year with `render`, if given.
    last_year_text: str | None = None
    # How the caller words a report as text (render/outputs.draft_text_or_none), for X-5 when a
    # text is not given: the rules never import render themselves.
    render: Callable[[Report], str | None] | None = None
    # Imported reports: layouts of the old format met in a 2021-format report
    # (labels.LAYOUT_T3_OTHER_ONE_ROW); X-4 reports them, the blank-cell rules skip their cells.
    old_layouts: frozenset[str] = frozenset()
    # Imported reports: rows their tables do not have at all ("table2.regulations",
    # "table3.<row>"); the blank-cell rules report the missing row once, not its cells.
    absent: frozenset[str] = frozenset()
    # What several rules derive from the same text (text.section_sentences), worked out once per
    # report: a dozen rules split the same sections into sentences.
    memo: dict = field(default_factory=dict, repr=False, compare=False)


@dataclass(frozen=True)
class Rule:
    id: str
    severity: Severity
    summary: str  # Chinese, one line: what the rule checks
    check: Callable[[Context], Iterable[Finding]]
    needs_last_year: bool = False
    softer: str = ""  # Chinese: the case reported with the other severity (W for an E rule), if any

    def func(self, ctx: Context) -> list[Finding]:
        """The rule's findings, each stamped with the rule's id and severity."""
        findings = list(self.check(ctx))
        for finding in findings:
            if "severity" not in finding.model_fields_set:
                finding.severity = self.severity
            elif finding.severity != self.severity and not self.softer:
                raise RuleDeclarationError(f"rule {self.id} gave severity {finding.severity} without declaring a softer case")
            finding.rule = self.id
        return findings


class RuleDeclarationError(AssertionError):
    """A rule emitted what its registration does not declare (a programming error)."""


RULES: dict[str, Rule] = {}


def rule(id: str, severity: Severity, summary: str, needs_last_year: bool = False, softer: str = ""):
    def register(func: Callable[[Context], Iterable[Finding]]):
        if id in RULES:
            raise RuleDeclarationError(f"rule id {id} registered twice")
        RULES[id] = Rule(id, severity, summary, func, needs_last_year, softer)
        return func

    return register
