"""Text normalisation and whitespace-blind label matching.

Published reports mix full- and half-width punctuation and digits, and put stray spaces and line
breaks inside labels ("商业\n企业", "年度报 告"). We normalise with NFKC once, then match labels
against a "squeezed" copy with all whitespace removed, mapping positions back.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from nianbao.chinese.normalize import normalize_published
from nianbao.report import labels as L

normalize = normalize_published  # the importer's name for it


@lru_cache(maxsize=4096)
def squeeze_label(label: str) -> str:
    return re.sub(r"\s+", "", normalize(label))


_SPACE = re.compile(r"\s+")
_NON_SPACE = re.compile(r"\S+")


class Squeezed:
    """`text` without whitespace, mapping positions back to the original.

    view(start, end) gives the same for a slice of the original without rebuilding the map, so
    that the whole report is squeezed once and each table reads its own region.
    """

    __slots__ = ("text", "length", "_pos", "_lo", "_shift")

    def __init__(self, text: str):
        pos: list[int] = []
        for m in _NON_SPACE.finditer(text):
            pos.extend(range(m.start(), m.end()))
        self.text = _SPACE.sub("", text)
        self.length = len(text)
        self._pos = pos  # original index of every squeezed character
        self._lo = 0  # this view's first squeezed character in _pos
        self._shift = 0  # this view's start in the original text

    def view(self, start: int, end: int) -> "Squeezed":
        """The squeezed text of original[start:end], positions relative to start."""
        part = Squeezed.__new__(Squeezed)
        a, b = self._bisect(start), self._bisect(end)
        part.text = self.text[a - self._lo : b - self._lo]
        part.length = end - start
        part._pos, part._lo, part._shift = self._pos, a, start + self._shift
        return part

    def _bisect(self, original_index: int) -> int:
        return bisect_left(self._pos, original_index + self._shift, self._lo, self._lo + len(self.text))

    def start(self, sq_index: int) -> int:
        """Original index of squeezed index (its end of text when past the last char)."""
        if sq_index < len(self.text):
            return self._pos[self._lo + sq_index] - self._shift
        return self.length

    def end(self, sq_end: int) -> int:
        """Original index just after the squeezed char before sq_end."""
        return self._pos[self._lo + sq_end - 1] + 1 - self._shift if sq_end > 0 else 0

    def squeezed_index(self, original_index: int) -> int:
        """First squeezed index at or after an original index."""
        return self._bisect(original_index) - self._lo


@dataclass(frozen=True)
class Match:
    start: int  # in the original (normalised) text
    end: int


def find(pattern: re.Pattern, sq: Squeezed, start: int = 0, end: int | None = None) -> Match | None:
    """First match of a squeezed-text pattern between original positions start and end."""
    lo = sq.squeezed_index(start)
    hi = len(sq.text) if end is None else sq.squeezed_index(end)
    m = pattern.search(sq.text, lo, hi)
    if m is None:
        return None
    return Match(sq.start(m.start()), sq.end(m.end()))


def find_all(pattern: re.Pattern, sq: Squeezed) -> list[Match]:
    return [Match(sq.start(m.start()), sq.end(m.end())) for m in pattern.finditer(sq.text)]


# --- label patterns --------------------------------------------------------------------------


def numbering_regex(token: str) -> str:
    t = re.escape(token)
    # "(一)", "一、", "一." and "1." "1、" "(1)" are all seen for the same item.
    return rf"(?:\({t}\)|{t}[、.,:])"


def _core_regex(core: str) -> str:
    head, paren, _ = core.partition("(")
    rx = re.escape(head)
    for wrong, right in L.ALTERED_LABELS:
        r, w = re.escape(squeeze_label(right)), re.escape(squeeze_label(wrong))
        if r in rx:
            rx = rx.replace(r, f"(?:{r}|{w})")
    rx = rx.replace("“", "[“\"”]?").replace("”", "[”\"“]?")
    if paren:
        # The note in brackets is often altered or cut; accept any short bracketed text.
        rx += r"(?:\([^)]{0,60}\))?"
    return rx


@lru_cache(maxsize=None)
def label_pattern(label: str, numbering: str = "optional") -> re.Pattern:
    """A pattern for an official label, for the squeezed text.

    numbering: "optional" (the label's own numbering may be missing or written differently),
    "required" (short labels such as "3.其他" are only safe with their number) or "none".
    """
    text = squeeze_label(label)
    m = L.LABEL_NUMBERING.match(text)
    num_rx = ""
    if m:
        token = L.label_number(m)
        num_rx = numbering_regex(token)
        text = text[m.end():]
    core = _core_regex(text)
    if not num_rx or numbering == "none":
        return re.compile(core)
    if numbering == "required":
        return re.compile(num_rx + core)
    return re.compile(f"(?:{num_rx})?{core}")


def strip_numbering(label: str) -> str:
    text = squeeze_label(label)
    m = L.LABEL_NUMBERING.match(text)
    return text[m.end():] if m else text


# --- approximate matching ---------------------------------------------------------------------
# A typo in a fixed label ("先行有效件数", "本年废纸件数") must neither hide a row nor pass
# unnoticed. The `regex` package's fuzzy matching finds the closest spelling; written by hand it
# would be an edit-distance search of our own.


def errors_allowed(core: str) -> int:
    """How many typos a label of this length may carry and still be recognised."""
    n = len(core)
    return 0 if n < 4 else 1 if n < 8 else 2 if n < 14 else 3


@lru_cache(maxsize=None)
def _fuzzy_pattern(core: str, errors: int):
    import regex  # only when a label is not found as written

    return regex.compile(f"(?:{regex.escape(core)}){{e<={errors}}}", regex.BESTMATCH)


def fuzzy_find(core: str, text: str, start: int = 0, end: int | None = None) -> tuple[int, int] | None:
    """(start, end) of the closest spelling of `core` in text[start:end] with a typo or more,
    within errors_allowed; None when there is none. The first or the last character must be
    right, and the match holds no digit (a cell's value is not part of a label)."""
    errors = errors_allowed(core)
    if not errors:
        return None
    end = len(text) if end is None else end
    m = _fuzzy_pattern(core, errors).search(text, start, end)
    if m is None:
        return None
    a, b = m.span()
    while a < b and text[a].isdigit():  # a cell's digit taken for a typo at the label's edge
        a += 1
    while b > a and text[b - 1].isdigit():
        b -= 1
    found = text[a:b]
    if not found or found == core or any(c.isdigit() for c in found) or (found[0] != core[0] and found[-1] != core[-1]):
        return None
    return a, b
