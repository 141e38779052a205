"""Split the text after a row label into its cells.

Published tables reach us in several layouts (see the corpus): tab-separated (HTML or Word tables
copied as text), "|" between cells, one cell per line (blank lines for empty cells), or inline with
spaces. Some extractors even run a row's digits together with no separator at all; those rows are
returned as `run_together` for rundigits.py to decode.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Union

Value = Union[int, Decimal, None]

TAB, PIPE, LINE, INLINE = "tab", "pipe", "line", "inline"

# A blank, "—" or "/" is not a zero (FORMAT.md T3-4): such cells are read as None. "?" is what
# nianbao's own text layout prints for an unknown cell.
BLANK_MARKERS = frozenset({"-", "--", "—", "——", "–", "―", "/", "//", "\\", "无", "空", "×", "?"})
_UNIT = re.compile(r"(?:万元|元|件|条|项|个|人次|次)$")
_THOUSANDS = re.compile(r"^\d{1,3}(?:,\d{3})+$")
_INT = re.compile(r"^\d+$")
_DECIMAL = re.compile(r"^\d+\.\d+$")
# Everything a row's cells can contain; the first other character ends the row (a group heading,
# the next section, trailing prose).
_CELL_CHARS = re.compile(r"[\d\s|.,\-—–―/\\无空×?万元件条项个人次]*")
# Digits long enough to need decoding are capped: beyond this no table row is plausible.
MAX_RUN_DIGITS = 80
# One cell's text, units and separators included: far beyond any count or amount of a report.
MAX_CELL_CHARS = 40


@dataclass
class CellRead:
    """What one row's text gave."""

    status: str  # "ok", "run_together", "unreadable" or "empty"
    values: list[Value] = field(default_factory=list)  # status ok: n values (None = blank)
    tokens: list[str] = field(default_factory=list)  # status run_together: the digit strings
    raw: str = ""  # the text read, for notes
    invalid: list[str] = field(default_factory=list)  # cells that are neither number nor blank


def parse_value(token: str) -> tuple[bool, Value]:
    """(ok, value). Blank markers give (True, None); text that is no number gives (False, None)."""
    t = token.strip().replace(" ", "")
    if len(t) > MAX_CELL_CHARS:  # no count or amount is this long (and int() refuses 4,301 digits)
        return False, None
    if t.isascii() and t.isdigit():
        return True, int(t)  # the common case, first
    if t == "" or t in BLANK_MARKERS:
        return True, None
    t = _UNIT.sub("", t)
    if _THOUSANDS.match(t):
        t = t.replace(",", "")
    if _INT.match(t):
        return True, int(t)
    if _DECIMAL.match(t):
        try:
            return True, Decimal(t)
        except InvalidOperation:  # pragma: no cover - the regex admits only valid decimals
            return False, None
    return False, None


def _shown(cell: str) -> str:
    """A cell as quoted in a note: a long one by its start and its length."""
    if len(cell) <= MAX_CELL_CHARS:
        return cell
    return f"{cell[:MAX_CELL_CHARS]}…（共 {len(cell)} 个字符）"


def detect_layout(area: str) -> tuple[str, int]:
    """The layout of a table's text, and (for LINE) the newlines that separate two cells."""
    tabs, pipes, newlines = area.count("\t"), area.count("|"), area.count("\n")
    if tabs >= 6 and tabs >= pipes:
        return TAB, 1
    if pipes >= 6:
        return PIPE, 1
    if newlines >= 6:
        content = [i for i, line in enumerate(area.split("\n")) if line.strip()]
        gaps = [b - a for a, b in zip(content, content[1:])]
        return LINE, min(gaps) if gaps else 1
    return INLINE, 1


# A sub-row's number ("2." before 其他法律…): one digit, never with a leading zero, so that in
# "00000002." only "2." goes to the label.
_TRAILING_NUMBERING = re.compile(r"[1-9][.、]$")


def cut_row(segment: str) -> str:
    """The part of a segment that can be cells: up to the first character no cell contains."""
    cut = _CELL_CHARS.match(segment).group(0)
    if len(cut) < len(segment):
        # "…\n7.属" : the number belongs to the (cut-off) label that follows, not to the cells.
        cut = _TRAILING_NUMBERING.sub("", cut)
    return cut


def read_cells(segment: str, n: int, layout: str, base: int = 1) -> CellRead:
    """Read n cells from the text that follows a row label."""
    seg = cut_row(segment)
    raw = " ".join(seg.split())
    if layout == TAB:
        cells = _tab_cells(seg, n)
    elif layout == PIPE:
        cells = _pipe_cells(seg)
    elif layout == LINE:
        cells = _line_cells(seg, base)
    else:
        cells = seg.split()
    return _decide(cells, n, raw, layout)


def _decide(cells: list[str], n: int, raw: str, layout: str) -> CellRead:
    explicit = [c.strip() for c in cells if c.strip() != ""]
    if not explicit:
        return CellRead("empty", [None] * n, raw=raw)
    if len(explicit) == n:
        return _parsed(explicit, raw)
    trimmed = _trim(cells, n)
    if len(trimmed) == n:
        return _parsed(trimmed, raw)
    if layout == TAB and len(trimmed) < n and trimmed and len(cells) > 1:
        # A tab row whose trailing tabs were stripped: the missing cells are blank, not guessed.
        return _parsed(trimmed + [""] * (n - len(trimmed)), raw)
    # Digits that are not n cells: one run of digits, its whitespace stray ("10 0 0 0 01"). Only
    # where whitespace is the separator: tabs and bars mark cells for certain.
    not_cells = len(explicit) < n or (layout == INLINE and len(explicit) > n)
    if not_cells and all(_INT.match(t) for t in explicit):
        digits = sum(map(len, explicit))
        if n <= digits <= MAX_RUN_DIGITS:
            return CellRead("run_together", tokens=explicit, raw=raw)
    return CellRead("unreadable", raw=raw)


def _parsed(cells: list[str], raw: str) -> CellRead:
    values: list[Value] = []
    invalid: list[str] = []
    for cell in cells:
        ok, value = parse_value(cell)
        if not ok:
            invalid.append(_shown(cell.strip()))
        values.append(value)
    return CellRead("ok", values, raw=raw, invalid=invalid)


def _trim(cells: list[str], n: int) -> list[str]:
    """Drop empty padding (merged label cells, trailing separators) beyond n cells."""
    cells = list(cells)
    while len(cells) > n and cells[-1].strip() == "":
        cells.pop()
    while len(cells) > n and cells[0].strip() == "":
        cells.pop(0)
    return cells


def _has_cells(line: str, n: int) -> bool:
    return bool(line.strip()) or line.count("\t") >= max(1, n - 1)


def _tab_cells(seg: str, n: int) -> list[str]:
    first, _, rest = seg.partition("\n")
    if _has_cells(first, n):
        line = first[1:] if first.startswith("\t") else first
    else:
        # The values sit on the line after the label (Table 4 under its header rows).
        line = next((ln for ln in rest.split("\n") if _has_cells(ln, n)), "")
    line = line.rstrip("\n")
    if "\t" not in line:
        return line.split()
    return line.split("\t")


def _pipe_cells(seg: str) -> list[str]:
    pieces = seg.split("|")
    if pieces and pieces[0].strip() == "":
        pieces = pieces[1:]  # what stands between the label and its first "|"
    # "||" (nothing at all between two bars) is padding from merged cells; a blank cell holds
    # at least a space or a line break.
    return [p.strip() for p in pieces if p != ""]


def _line_cells(seg: str, base: int) -> list[str]:
    """One cell per line; a run of newlines longer than the usual separator holds empty cells."""
    cells: list[str] = []
    # re.split with a group alternates: text, newline run, text, ...
    for i, part in enumerate(re.split(r"(\n(?:[ \t]*\n)*)", seg)):
        if i % 2 == 0:
            cells.extend(part.split())
        else:
            cells.extend([""] * max(0, part.count("\n") - base))
    return cells
