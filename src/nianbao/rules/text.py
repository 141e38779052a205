"""Text helpers shared by the narrative, privacy and cross-year rules.

Reports arrive as rendered text (a session) or as published text (imported): full-width digits,
stray spaces ("850 条", "年度报 告"), Chinese numerals. These helpers normalise that once, split a
report into its six sections and into sentences, and read numbers.
"""

from __future__ import annotations

import re
from functools import lru_cache

from nianbao.chinese.normalize import halfwidth, squeeze  # noqa: F401  (re-exported for the rules)
from nianbao.chinese.numerals import parse_number  # noqa: F401  (re-exported for the rules)
from nianbao.chinese.sections import SectionHeading, find_sections, one_for_one
from nianbao.report import labels as L

# --- numbers --------------------------------------------------------------------------------
NUM = r"(\d+|[零〇一二两三四五六七八九十百千]+)"
AMOUNT = r"(\d+(?:\.\d+)?)"


# --- sections -------------------------------------------------------------------------------
# One finder for the importer and the rules (chinese/sections.py); positions in one_for_one(text)
# are positions in the text.
_ALREADY_SPLIT: dict[str, tuple[tuple[str | None, str], ...]] = {}
_ALREADY_SPLIT_MAX = 4


def split_known(text: str, headings: list[SectionHeading]) -> None:
    """The importer found these headings (chinese/sections.py, the same finder) at these
    positions of `text`: split_text need not find them again."""
    if len(_ALREADY_SPLIT) >= _ALREADY_SPLIT_MAX:
        _ALREADY_SPLIT.pop(next(iter(_ALREADY_SPLIT)))
    _ALREADY_SPLIT[text] = _split_at(text, headings)


@lru_cache(maxsize=16)  # every narrative rule splits the same text: do it once per check
def split_text(text: str) -> tuple[tuple[str | None, str], ...]:
    """(section key, text) in text order; what comes before the first heading has key None."""
    known = _ALREADY_SPLIT.get(text)
    if known is not None:
        return known
    return _split_at(text, find_sections(one_for_one(text)))


def _split_at(text: str, headings: list[SectionHeading]) -> tuple[tuple[str | None, str], ...]:
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


def section_sentences(ctx) -> tuple[tuple[str | None, str], ...]:
    memo = getattr(ctx, "memo", None)
    if memo is not None and "section_sentences" in memo:
        return memo["section_sentences"]
    found = tuple((key, sentence) for key, body in segments(ctx) for sentence in sentences(body))
    if memo is not None:
        memo["section_sentences"] = found
    return found


def section_name(key: str | None) -> str:
    """"一、总体情况" for a key; "报告开头" for the text before the first heading."""
    return L.SECTIONS.get(key, "报告开头") if key else "报告开头"


def quote(text: str, limit: int = 40) -> str:
    text = text.strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"
