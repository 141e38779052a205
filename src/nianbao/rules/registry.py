"""Rule registry: id -> function(Context) -> findings."""

from __future__ import annotations

from dataclasses import dataclass
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
    # Last year's published text. None: X-5 renders last_year with the wording template.
    last_year_text: str | None = None


@dataclass(frozen=True)
class Rule:
    id: str
    severity: Severity
    summary: str  # Chinese, one line: what the rule checks
    func: Callable[[Context], Iterable[Finding]]
    needs_last_year: bool = False


RULES: dict[str, Rule] = {}


def rule(id: str, severity: Severity, summary: str, needs_last_year: bool = False):
    def register(func: Callable[[Context], Iterable[Finding]]):
        RULES[id] = Rule(id, severity, summary, lambda ctx: list(func(ctx)), needs_last_year)
        return func

    return register
