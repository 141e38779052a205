"""Check a session the way a reader would see it: against the text that would be published."""

from __future__ import annotations

from dataclasses import dataclass

from nianbao.render.env import MissingFact
from nianbao.render.outputs import draft_text_or_none, to_text
from nianbao.report.findings import Finding
from nianbao.report.model import Report
from nianbao.rules import check_report
from nianbao.session import Session


@dataclass(frozen=True)
class PublishableText:
    text: str | None  # the final text; the draft (【待填：…】) when a fact is missing; None if neither
    missing: str | None = None  # why the final text cannot be written yet (a MissingFact message)


def publishable_text(report: Report) -> PublishableText:
    """The final text when the report is complete, the draft otherwise."""
    try:
        return PublishableText(to_text(report))
    except MissingFact as exc:
        return PublishableText(draft_text_or_none(report), str(exc))


@dataclass(frozen=True)
class SessionCheck:
    findings: list[Finding]
    text: PublishableText

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.is_error]


def check_session(
    session: Session, last_year: Report | None = None, last_year_text: str | None = None
) -> SessionCheck:
    """Every rule on the session's report and the text it would publish. `last_year` (and its
    published text) replace the session's own last year when the caller has a better one."""
    text = publishable_text(session.report)
    findings = check_report(
        session.report,
        last_year=last_year or session.last_year,
        text=text.text,
        last_year_text=last_year_text,
        render=draft_text_or_none,
    )
    return SessionCheck(findings, text)
