"""Find the six sections under their heading variants (FORMAT.md §1).

A heading may be numbered "一、" "一." "（一）" or not at all, use 上海's 条例 wording, carry typos
("行政法复议") and stray spaces. Numbered headings are searched first; an unnumbered heading must
stand at the start of a line, so that the preamble's list of section names is not taken for them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from nianbao.importer.normalize import Match, Squeezed, find_all, label_pattern, strip_numbering
from nianbao.report import labels as L

_CN = "一二三四五六"


@dataclass(frozen=True)
class SectionHeading:
    key: str
    start: int  # where the heading starts in the normalised text
    end: int  # where the section's text starts


@lru_cache(maxsize=None)
def _patterns(key: str) -> tuple[re.Pattern, re.Pattern]:
    index = L.SECTION_KEYS.index(key)
    cores = (strip_numbering(L.SECTIONS[key]), *L.SECTION_HEADING_VARIANTS.get(key, ()))
    # Build from labels so that typos (labels.ALTERED_LABELS) and quotes are tolerated.
    bodies = "|".join(label_pattern(core, "none").pattern for core in cores)
    number = re.escape(_CN[index])
    numbered = re.compile(rf"(?:\({number}\)|{number}[、.,:])(?:{bodies})")
    plain = re.compile(rf"(?:{bodies})")
    return numbered, plain


def find_sections(text: str, sq: Squeezed | None = None) -> list[SectionHeading]:
    """Headings found, in report order; a section that is missing is left out."""
    sq = sq or Squeezed(text)
    found: list[SectionHeading] = []
    pos = 0
    for key in L.SECTION_KEYS:
        numbered, plain = _patterns(key)
        match = _first_after(find_all(numbered, sq), pos)
        if match is None:
            match = next((m for m in find_all(plain, sq) if m.start >= pos and _own_line(text, m)), None)
        if match is None:
            continue
        found.append(SectionHeading(key, match.start, match.end))
        pos = match.end
    return found


def _first_after(matches: list[Match], pos: int) -> Match | None:
    return next((m for m in matches if m.start >= pos), None)


def _own_line(text: str, m: Match) -> bool:
    """An unnumbered heading: alone at the start of its line."""
    line_start = text.rfind("\n", 0, m.start) + 1
    line_end = text.find("\n", m.end)
    line_end = len(text) if line_end < 0 else line_end
    before = text[line_start : m.start].strip()
    after = text[m.end : line_end].strip()
    return before == "" and len(after) <= 2


def section_spans(text: str, headings: list[SectionHeading]) -> dict[str, tuple[int, int]]:
    """Each found section's (start, end) in the text, heading excluded."""
    out: dict[str, tuple[int, int]] = {}
    for i, h in enumerate(headings):
        end = headings[i + 1].start if i + 1 < len(headings) else len(text)
        out[h.key] = (h.end, end)
    return out


def section_texts(text: str, headings: list[SectionHeading]) -> dict[str, str]:
    return {key: text[a:b].strip() for key, (a, b) in section_spans(text, headings).items()}
