"""Table 4 (行政复议、行政诉讼): 15 numbers after the header rows, same in 2019 and 2021."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional

from nianbao.importer.tables.anchors import RowLabel, find_rows, segments
from nianbao.importer.tables.cells import CellRead, detect_layout, read_cells
from nianbao.chinese.matching import Squeezed, find, label_pattern, squeeze_label
from nianbao.importer.tables.rundigits import decode
from nianbao.report import labels as L

GROUP = len(L.T4_COLUMN_KEYS)
WIDTH = GROUP * len(L.T4_GROUP_KEYS)
# Header labels closer than this (squeezed characters) belong to the same header.
_HEADER_GAP = 40
_MIN_HEADER_LABELS = 4


@dataclass
class Table4Read:
    values: list[Optional[int]]
    found: bool
    notes: list[str] = field(default_factory=list)
    unread: bool = False  # the table held content that could not be read as 15 numbers


@lru_cache(maxsize=1)
def _header_pattern() -> re.Pattern:
    words = {L.T4_REVIEW, L.T4_LITIGATION, *L.T4_GROUPS.values(), *L.T4_COLUMNS.values()}
    # Longest first, so that "复议后起诉" wins over "行政复议"-like overlaps.
    parts = sorted((re.escape(squeeze_label(w)) for w in words), key=len, reverse=True)
    return re.compile("|".join(parts))


def _header_end(sq: Squeezed) -> Optional[int]:
    """End (original index) of the longest cluster of header labels."""
    best: tuple[int, int] | None = None  # (labels in cluster, end)
    count, last_end = 0, -(10**9)
    for m in _header_pattern().finditer(sq.text):
        count = count + 1 if m.start() - last_end <= _HEADER_GAP else 1
        last_end = m.end()
        if count >= _MIN_HEADER_LABELS and (best is None or count >= best[0]):
            best = (count, last_end)
    return None if best is None else sq.end(best[1])


def read_table4(region: str, sq: Optional[Squeezed] = None) -> Table4Read:
    sq = sq or Squeezed(region)
    end = _header_end(sq)
    blank = [None] * WIDTH
    if end is None:
        return Table4Read(blank, False)
    layout, base = detect_layout(region)
    read = read_cells(region[end:], WIDTH, layout, base)
    if read.status == "unreadable":
        read = _read_group_rows(region, sq, layout, base) or read
    notes: list[str] = []
    if read.status == "ok":
        values = list(read.values)
        unread = bool(read.invalid)
        for i, v in enumerate(values):
            if v is not None and not isinstance(v, int):
                notes.append(f"表四第 {i + 1} 个数“{v}”不是整数，按空白处理。")
                values[i] = None
                unread = True
        if read.invalid:
            notes.append(f"表四有无法识别的内容：{'、'.join(read.invalid)}，按空白处理。")
        return Table4Read(values, True, notes, unread=unread)
    if read.status == "empty":
        notes.append("表四只有表头，没有数字（可能是空白模板，或表格以图片发布）。")
        return Table4Read(blank, True, notes)
    if read.status == "run_together":
        return _decode(read.tokens)
    notes.append(f"表四读不出 15 个数（原文：“{read.raw[:80]}”），表四留空。")
    return Table4Read(blank, True, notes, unread=True)


_GROUP_ROWS = tuple(
    RowLabel(key, L.T4_REVIEW if key == "review" else L.T4_GROUPS[key], "none") for key in L.T4_GROUP_KEYS
)


def _read_group_rows(region: str, sq: Squeezed, layout: str, base: int) -> CellRead | None:
    """The layout with one row per group ("行政复议 0 0 0 0 0", "…未经复议直接起诉 0 0 0 0 0", …)
    under a header of the five column labels, as nianbao's own text output prints it."""
    header = find(label_pattern(L.T4_COLUMNS["total"], "none"), sq)
    if header is None:
        return None
    found = find_rows(region, _GROUP_ROWS, sq, start=header.end)
    if len(found) != len(_GROUP_ROWS):
        return None
    values: list = []
    invalid: list[str] = []
    for key, segment in segments(region, found).items():
        read = read_cells(segment, GROUP, layout, base)
        if read.status not in ("ok", "empty"):
            return None
        values.extend(read.values)
        invalid.extend(read.invalid)
    return CellRead("ok", values, invalid=invalid)


def _decode(tokens: list[str]) -> Table4Read:
    row = decode(tokens, (GROUP,) * len(L.T4_GROUP_KEYS))
    digits = row.digits
    if row.count == 0:
        return Table4Read([None] * WIDTH, True, [f"表四连写的数字“{digits}”无法拆成 15 个数，留空。"], True)
    if row.unique:
        notes = [] if row.balanced else [
            f"表四连写的数字“{digits}”只有一种拆分，按 {' '.join(map(str, row.values))} 读入（各组总计与前四项之和不符）。"
        ]
        return Table4Read(list(row.values), True, notes)
    if row.balanced and len(row.readings) == 1:
        return Table4Read(list(row.values), True)
    if row.readings:
        shown = "；".join(" ".join(map(str, c)) for c in row.readings[:3])
        fits = "都符合勾稽关系" if row.balanced else "都不符合“每组总计等于前四项之和”"
        note = f"表四连写的数字“{digits}”有 {len(row.readings)} 种拆分{fits}（{shown}…），不一致的数留空。"
    else:
        note = f"表四连写的数字“{digits}”可以拆成 {row.count} 种，太多无法逐一判断，只读入各种拆分都一致的数，其余留空。"
    return Table4Read(list(row.values), True, [note], not row.complete)
