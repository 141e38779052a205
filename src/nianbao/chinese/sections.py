"""The one section finder: the six section headings of a report and the span of each section.

The importer (published reports) and the rules (rendered or published text) both split a report
here. A heading is found, in report order, as the first of:

1. its label with its own number ("四、" "四." "（四）"), tolerating the published variants
   (labels.SECTION_HEADING_VARIANTS), label typos (labels.ALTERED_LABELS), quotes and stray spaces,
   anywhere in the text — run-together text has no line breaks to go by;
2. a short line of its own (not a table row), numbered "五、" with the section's number and
   holding one of the section's words ("五、存在的主要问题及改进措施", "一、基本情况");
3. its label unnumbered, alone at the start of a line (so the preamble naming the sections in a
   sentence is not taken for them).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from nianbao.chinese.matching import Match, Squeezed, find_all, label_pattern, strip_numbering
from nianbao.chinese.normalize import nfkc
from nianbao.report import labels as L

_CN = "一二三四五六"

# Words that make a short numbered line the section's heading when its label is not there.
_SECTION_WORDS: dict[str, tuple[str, ...]] = {
    "overview": ("总体情况", "基本情况", "概述", "概况"),
    "active": ("主动公开",),
    "requests": ("收到和处理", "申请情况", "依申请公开"),
    "appeals": ("复议", "诉讼"),
    "problems": ("存在的主要问题", "问题", "改进", "不足"),
    "other": ("其他",),
}
_MAX_HEADING = 40  # a heading line is short; a longer numbered line is a paragraph


@dataclass(frozen=True)
class SectionHeading:
    key: str
    start: int  # where the heading starts in the text
    end: int  # where the section's text starts (just after the heading)


@lru_cache(maxsize=None)
def _patterns(key: str) -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    index = L.SECTION_KEYS.index(key)
    cores = (strip_numbering(L.SECTIONS[key]), *L.SECTION_HEADING_VARIANTS.get(key, ()))
    # Built from labels so that typos (labels.ALTERED_LABELS) and quotes are tolerated.
    bodies = "|".join(label_pattern(core, "none").pattern for core in cores)
    number = re.escape(_CN[index])
    numbered = re.compile(rf"(?:\({number}\)|{number}[、.,:])(?:{bodies})")
    plain = re.compile(rf"(?:{bodies})")
    words = "|".join(map(re.escape, _SECTION_WORDS[key]))
    # "（六）其他处理" is a table row, not section 六: only "六、" / "六." number a worded heading.
    worded_line = re.compile(rf"^[ \t]*{number}[ \t]*[、.](?:[^\n\t]*?)(?:{words})[^\n\t]*$", re.M)
    return numbered, plain, worded_line


def one_for_one(text: str) -> str:
    """NFKC character by character where it would change the length, so that positions in the
    result are positions in the text ("（四）" -> "(四)", "４" -> "4"; "…" stays)."""
    whole = nfkc(text)
    if len(whole) == len(text):
        return whole
    return "".join(_char_nfkc(c) for c in text)


@lru_cache(maxsize=4096)
def _char_nfkc(c: str) -> str:
    n = nfkc(c)
    return n if len(n) == 1 else c


def find_sections(text: str, sq: Squeezed | None = None) -> list[SectionHeading]:
    """Headings found, in report order; a section that is missing is left out.

    `text` is NFKC-normalised (the importer's normalised text, or one_for_one(text))."""
    sq = sq or Squeezed(text)
    found: list[SectionHeading] = []
    pos = 0
    for key in L.SECTION_KEYS:
        numbered, plain, worded_line = _patterns(key)
        match = _first_after(find_all(numbered, sq), pos)
        if match is None:
            candidates = [m for m in (_worded_line(worded_line, text, pos), _plain_line(plain, text, sq, pos)) if m]
            match = min(candidates, key=lambda m: m.start, default=None)
        if match is None:
            continue
        found.append(SectionHeading(key, match.start, match.end))
        pos = match.end
    return found


def _first_after(matches: list[Match], pos: int) -> Match | None:
    return next((m for m in matches if m.start >= pos), None)


def _worded_line(pattern: re.Pattern, text: str, pos: int) -> Match | None:
    for m in pattern.finditer(text, pos):
        line = m.group(0).strip()
        if len(line) <= _MAX_HEADING and not line.endswith(("。", ".")):
            start = m.start() + (len(m.group(0)) - len(m.group(0).lstrip()))
            return Match(start, m.end())
    return None


def _plain_line(pattern: re.Pattern, text: str, sq: Squeezed, pos: int) -> Match | None:
    return next((m for m in find_all(pattern, sq) if m.start >= pos and _own_line(text, m)), None)


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
