"""Which format a published report's tables use: "2021" or "2019" (the trial format, FORMAT.md §6)."""

from __future__ import annotations

from typing import Optional

from nianbao.chinese.matching import squeeze_label
from nianbao.report import labels as L

FIRST_2021_YEAR = 2021


def detect_format(squeezed_text: str, year: Optional[int], old_other_row: bool = False) -> str:
    """Markers decide; with none (or a tie) the year does: reports for 2019 and 2020 are old."""
    old = sum(1 for m in L.OLD_FORMAT_MARKERS if squeeze_label(m) in squeezed_text)
    new = sum(1 for m in L.NEW_FORMAT_MARKERS if squeeze_label(m) in squeezed_text)
    if old_other_row:
        old += 1  # Table 3 with a single 其他处理 row
    if old != new:
        return "2019" if old > new else "2021"
    if year is not None and year < FIRST_2021_YEAR:
        return "2019"
    return "2021"
