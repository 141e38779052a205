"""Find a table's row labels, in order, in a region of text."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Sequence

from nianbao.chinese.matching import Match, Squeezed, find, label_pattern, strip_numbering

# Between two consecutive row labels there are only that row's cells and maybe a group heading:
# a label found further away belongs to something else (prose, another table).
WINDOW = 400


@dataclass(frozen=True)
class RowLabel:
    key: str
    label: str  # the official label (from labels.py)
    numbering: str = "optional"  # see normalize.label_pattern


def numbering_for(label: str) -> str:
    # Two-character labels ("总计", "其他") are only safe to find with their number.
    return "required" if len(strip_numbering(label)) <= 2 else "optional"


def find_rows(
    region: str, rows: Sequence[RowLabel], sq: Optional[Squeezed] = None, start: int = 0
) -> dict[str, Match]:
    """Each row's label match; a row that is not found is left out."""
    sq = sq or Squeezed(region)
    found: dict[str, Match] = {}
    pos = start
    anchored = False
    for row in rows:
        pattern = label_pattern(row.label, row.numbering)
        end = None
        if anchored:
            sq_end = min(len(sq.text), sq.squeezed_index(pos) + WINDOW)
            end = sq.start(sq_end)
        match = find(pattern, sq, pos, end)
        if match is None:
            continue
        found[row.key] = match
        pos = match.end
        anchored = True
    return found


def segments(region: str, found: dict[str, Match], stop: Optional[int] = None) -> dict[str, str]:
    """The text after each found label, up to the next found label (or stop / region end)."""
    ordered = sorted(found.items(), key=lambda kv: kv[1].start)
    out: dict[str, str] = {}
    for i, (key, match) in enumerate(ordered):
        end = ordered[i + 1][1].start if i + 1 < len(ordered) else (len(region) if stop is None else stop)
        out[key] = region[match.end : end]
    return out
