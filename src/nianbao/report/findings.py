"""A finding: one rule's verdict on one place of a report."""

from __future__ import annotations

from typing import Literal, Optional

from pydantic import BaseModel

from nianbao.report import labels as L
from nianbao.report.fieldnames import describe_path

Severity = Literal["E", "W"]


class Finding(BaseModel):
    # Both stamped by the rules registry: the id the rule is registered under (docs/rules.md),
    # and its default severity unless the rule gave its declared softer one.
    rule: str = ""
    severity: Severity = "E"
    message: str  # Chinese, names the place and shows the numbers
    section: Optional[str] = None  # key of labels.SECTIONS
    table: Optional[str] = None  # "表二" / "表三" / "表四"
    row: Optional[str] = None  # row key (table) or field path (narrative)
    column: Optional[str] = None  # column key
    # About a value not filled in yet (a blank cell): the interview asks for it in turn, so
    # replies to answers leave these to the review; a published report shows them like any other.
    incomplete: bool = False

    @property
    def is_error(self) -> bool:
        return self.severity == "E"

    @property
    def where(self) -> str:
        """A short Chinese location, e.g. "表三 · 一、本年新收… · 自然人"."""
        parts: list[str] = []
        if self.table:
            parts.append(self.table)
        elif self.section:
            parts.append(L.SECTIONS.get(self.section, self.section))
        if self.row:
            if self.table == "表三" and self.row in L.T3_ROW_BY_KEY:
                parts.append(L.T3_ROW_BY_KEY[self.row].label)
            elif self.table == "表四" and self.row in L.T4_GROUPS:
                parts.append(L.T4_GROUPS[self.row])
            elif self.table == "表二" and self.row in L.T2_ROWS:
                parts.append(L.T2_ROWS[self.row])
            elif "." in self.row:  # a field path of the model; its section is already named
                path = tuple(self.row.split("."))
                parts.append(describe_path(path[1:] if self.section == path[0] else path))
            else:
                parts.append(self.row)
        if self.column:
            names = {**L.T3_COLUMNS, **L.T4_COLUMNS, **L.T2_DOC_COLUMNS}
            parts.append(names.get(self.column, self.column) if self.table else self.column)
        return " · ".join(parts)


def has_errors(findings: list[Finding]) -> bool:
    return any(f.is_error for f in findings)
