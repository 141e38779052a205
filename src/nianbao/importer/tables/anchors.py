"""Find a table's row labels, in order, in a region of text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional, Sequence

from nianbao.chinese.matching import (
    Match, Squeezed, find, fuzzy_find, label_pattern, numbering_regex, squeeze_label, strip_numbering,
)
from nianbao.report import labels as L

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
    _find_altered_rows(rows, found, sq, start)
    return found


def _find_altered_rows(rows: Sequence[RowLabel], found: dict[str, Match], sq: Squeezed, start: int) -> None:
    """A row not found as written, looked for with a typo between its found neighbours (rule
    L-1 reports the typo; the row's cells are read all the same)."""
    for index, row in enumerate(rows):
        if row.key in found:
            continue
        before = [found[r.key] for r in rows[:index] if r.key in found]
        after = [found[r.key] for r in rows[index + 1 :] if r.key in found]
        if not before and not after:
            return  # no neighbour found as written: not this table
        lo = sq.squeezed_index(before[-1].end if before else start)
        hi = sq.squeezed_index(after[0].start) if after else min(len(sq.text), lo + WINDOW)
        core = strip_numbering(row.label).partition("(")[0]
        span = fuzzy_find(core, sq.text, lo, hi)
        if span is None:
            continue
        begin, end = span
        begin -= _numbering_before(row.label, sq.text[lo:begin])
        note = re.match(r"\([^)]{0,60}\)", sq.text[end:hi])  # the bracketed note after the label
        if note:
            end += note.end()
        found[row.key] = Match(sq.start(begin), sq.end(end))


def _numbering_before(label: str, before: str) -> int:
    """Length of the label's own number ("2." "（二）") printed just before its words."""
    m = L.LABEL_NUMBERING.match(squeeze_label(label))
    if not m:
        return 0
    number = re.search(numbering_regex(L.label_number(m)) + "$", before)
    return len(number.group(0)) if number else 0


def segments(region: str, found: dict[str, Match], stop: Optional[int] = None) -> dict[str, str]:
    """The text after each found label, up to the next found label (or stop / region end)."""
    ordered = sorted(found.items(), key=lambda kv: kv[1].start)
    out: dict[str, str] = {}
    for i, (key, match) in enumerate(ordered):
        end = ordered[i + 1][1].start if i + 1 < len(ordered) else (len(region) if stop is None else stop)
        out[key] = region[match.end : end]
    return out
