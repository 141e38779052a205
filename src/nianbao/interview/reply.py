"""What the assistant says back to one answer or one grid edit."""

from __future__ import annotations

from dataclasses import dataclass, field

from nianbao.report.findings import Finding


@dataclass
class Reply:
    accepted: bool  # the answer was understood and saved
    message: str = ""  # what the assistant says back (Chinese)
    problem: bool = False  # saved, but a rule still breaks: the same question is asked again
    findings: list[Finding] = field(default_factory=list)  # new error/warning findings for this answer
