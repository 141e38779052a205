"""Text helpers shared by the narrative, privacy and cross-year rules.

Reports arrive as rendered text (a session) or as published text (imported): full-width digits,
stray spaces ("850 条", "年度报 告"), Chinese numerals. These helpers normalise that once, split a
report into its six sections and into sentences, and read numbers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from nianbao.chinese.normalize import halfwidth, squeeze  # noqa: F401  (re-exported for the rules)
from nianbao.chinese.numerals import parse_number  # noqa: F401  (re-exported for the rules)
from nianbao.report import labels as L

# --- numbers --------------------------------------------------------------------------------
NUM = r"(\d+|[零〇一二两三四五六七八九十百千]+)"
AMOUNT = r"(\d+(?:\.\d+)?)"


# --- sections -------------------------------------------------------------------------------
# Published reports vary their headings (FORMAT.md §1): besides the exact label, a short numbered
# line holding one of these words is taken as the section's heading.
_SECTION_WORDS: dict[str, tuple[str, ...]] = {
    "overview": ("总体情况", "基本情况", "概述"),
    "active": ("主动公开",),
    "requests": ("收到和处理", "申请情况"),
    "appeals": ("复议", "诉讼"),
    "problems": ("存在的主要问题", "问题", "改进"),
    "other": ("其他",),
}
_NUMBERED_LINE = re.compile(r"^([一二三四五六])\s*[、.．]\s*(\S.*)$")
_MAX_HEADING = 40


@dataclass(frozen=True)
class Heading:
    key: str
    start: int  # offset of the heading line in the text
    end: int  # offset just after the heading line


def _heading_key(line: str) -> str | None:
    compact = squeeze(line).strip()
    for key, label in L.SECTIONS.items():
        if compact == label:
            return key
    if len(compact) > _MAX_HEADING or compact.endswith("。"):
        return None
    match = _NUMBERED_LINE.match(compact)
    if not match:
        return None
    for key, words in _SECTION_WORDS.items():
        if any(word in match.group(2) for word in words):
            return key
    return None


def find_headings(text: str) -> list[Heading]:
    """The six section headings found in the text, in text order (each key at most once)."""
    found: list[Heading] = []
    seen: set[str] = set()
    offset = 0
    for line in text.splitlines(keepends=True):
        key = _heading_key(line)
        if key and key not in seen:
            seen.add(key)
            found.append(Heading(key, offset, offset + len(line)))
        offset += len(line)
    return found


@lru_cache(maxsize=16)  # every narrative rule splits the same text: do it once per check
def split_text(text: str) -> tuple[tuple[str | None, str], ...]:
    """(section key, text) in text order; what comes before the first heading has key None."""
    headings = find_headings(text)
    if not headings:
        return ((None, text),)
    parts: list[tuple[str | None, str]] = [(None, text[: headings[0].start])]
    for here, after in zip(headings, headings[1:] + [None]):
        parts.append((here.key, text[here.end : after.start if after else len(text)]))
    return tuple(parts)


def segments(ctx) -> list[tuple[str | None, str]]:
    """The report's text as (section key, text): the given sections, else the split full text."""
    if ctx.sections:
        return [(key, body or "") for key, body in ctx.sections.items()]
    if ctx.text:
        return list(split_text(ctx.text))
    return []


def section_text(ctx, key: str) -> str | None:
    """One section's text, or None if the report has no text or the section was not found."""
    for found, body in segments(ctx):
        if found == key:
            return body
    return None


# --- sentences ------------------------------------------------------------------------------
_SENTENCE_END = re.compile(r"(?<=[。；！？!?;])|\n")


@lru_cache(maxsize=64)
def sentences(text: str) -> tuple[str, ...]:
    """Squeezed sentences: split after 。；！？ and at line ends (a table row is its own line)."""
    return tuple(s for s in (part.strip() for part in _SENTENCE_END.split(squeeze(text))) if s)


def section_sentences(ctx) -> list[tuple[str | None, str]]:
    return [(key, sentence) for key, body in segments(ctx) for sentence in sentences(body)]


def section_name(key: str | None) -> str:
    """"一、总体情况" for a key; "报告开头" for the text before the first heading."""
    return L.SECTIONS.get(key, "报告开头") if key else "报告开头"


def quote(text: str, limit: int = 40) -> str:
    text = text.strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"
