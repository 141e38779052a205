"""What the importer hands back: the report as read, plus what it could not read."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional

from nianbao.report.model import Report


@dataclass
class ImportedReport:
    file: str
    report: Report  # figures as read; None where a cell was blank or could not be decided
    text: str  # the report's text (tables as tab-separated lines)
    format: str = "2021"  # "2021" or "2019" (the trial format, FORMAT.md §6)
    year: Optional[int] = None  # None when no year could be found (report.year then is a stand-in)
    sections: dict[str, str] = field(default_factory=dict)  # labels.SECTION_KEYS -> section text
    notes: list[str] = field(default_factory=list)  # Chinese: what could not be read, and why
    extras: dict[str, Any] = field(default_factory=dict)  # old-format rows kept as read
    # Parts whose cells held something that could not be read ("table2.<row>", "table3.<row>",
    # "table4"): left None, but not blank in the report. The blank-cell rules say so.
    unread: set[str] = field(default_factory=set)
    # Old-format layouts met in a 2021-format report (labels.LAYOUT_*), for X-4.
    old_layouts: set[str] = field(default_factory=set)
    # Rows the report's tables do not have at all ("table2.regulations", "table3.<row>"): not
    # blank cells, a row missing from the fixed format.
    absent: set[str] = field(default_factory=set)

    def note(self, message: str) -> None:
        if message not in self.notes:
            self.notes.append(message)
