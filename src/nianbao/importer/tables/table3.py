"""Table 3 (收到和处理政府信息公开申请情况): 25 rows × 7 columns from the section's text."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from nianbao.importer.tables.anchors import RowLabel, find_rows, numbering_for, segments
from nianbao.importer.tables.cells import CellRead, detect_layout, read_cells
from nianbao.importer.tables.columns import choose
from nianbao.chinese.matching import Squeezed, find, label_pattern
from nianbao.importer.tables.rundigits import Decoded, decode
from nianbao.report import labels as L

WIDTH = len(L.T3_COLUMN_KEYS)
ROWS = tuple(RowLabel(r.key, r.label, numbering_for(r.label)) for r in L.T3_ROWS)
_SUB_ROWS_6 = ("oh_no_correction", "oh_no_fee")


@dataclass
class Table3Read:
    rows: dict[str, list[Optional[int]]]
    found: bool  # any row label found at all
    old_other_row: bool = False  # the 2019 layout: one 其他处理 row, read into （六）3
    notes: list[str] = field(default_factory=list)
    unread: set[str] = field(default_factory=set)  # rows with content that could not be read
    missing: list[str] = field(default_factory=list)  # rows whose label is not in the table at all


def _short(key: str) -> str:
    return L.t3_row_full_label(key)


def read_table3(region: str, sq: Optional[Squeezed] = None) -> Table3Read:
    """Table 3 from its region of text; `sq`: the region squeezed, when the caller has it."""
    sq = sq or Squeezed(region)
    found = find_rows(region, ROWS, sq)
    old_other = False
    if "oh_other" not in found and not any(k in found for k in _SUB_ROWS_6):
        old_other = _find_old_other_row(region, sq, found)
    blank = {key: [None] * WIDTH for key in L.T3_ROW_KEYS}
    if not found:
        return Table3Read(blank, False)
    first = min(m.start for m in found.values())
    last = max(m.end for m in found.values())
    layout, base = detect_layout(region[first : last + 200])
    notes: list[str] = []
    unread: set[str] = set()
    candidates: dict[str, list[tuple]] = {}
    run_raw: dict[str, str] = {}
    reads: dict[str, CellRead] = {}
    unbalanced: set[str] = set()  # run-together rows none of whose splits balance
    for key, segment in segments(region, found).items():
        read = read_cells(segment, WIDTH, layout, base)
        reads[key] = read
        candidates[key] = _candidates(key, read, notes, unread, unbalanced)
        if read.status == "run_together":
            run_raw[key] = "".join(read.tokens)
    for key in L.T3_ROW_KEYS:
        if key not in candidates or not candidates[key]:
            candidates[key] = [tuple([None] * WIDTH)]
    choice = choose(candidates)
    if choice.undecided:
        if choice.level != ("T3-1", "T3-2"):
            rules = "、".join(choice.level) if choice.level else "任何一条勾稽关系"
            notes.append(f"表三的连写数字无法同时满足 T3-1 和 T3-2，只按{rules}拆分。")
        unread.update(choice.undecided)
        for key, kept in choice.undecided.items():
            shown = "；".join(" | ".join(map(str, k)) for k in kept[:4])
            more = "等" if len(kept) > 4 else ""
            fits = "没有一种的总计等于各列之和" if key in unbalanced else "都符合勾稽关系"
            notes.append(
                f"表三「{_short(key)}」连写的数字“{run_raw.get(key, '')}”有 {len(kept)} 种拆分{fits}"
                f"（{shown}{more}），无法确定，不一致的单元格留空。"
            )
    missing = [k for k in L.T3_ROW_KEYS if k not in found and not _expected_missing(k, old_other)]
    if missing and len(missing) < len(L.T3_ROW_KEYS):
        notes.append(_missing_note(missing))
    if all(r.status == "empty" for r in reads.values()):
        notes.append("表三只有行名，没有数字（可能是空白模板，或表格以图片发布）。")
    rows = {k: choice.rows.get(k, [None] * WIDTH) for k in L.T3_ROW_KEYS}
    return Table3Read(rows, True, old_other, notes, unread, missing if len(missing) < len(L.T3_ROW_KEYS) else [])


def _expected_missing(key: str, old_other: bool) -> bool:
    return old_other and key in _SUB_ROWS_6


def _missing_note(missing: list[str]) -> str:
    names = "、".join(f"「{_short(k)}」" for k in missing[:5])
    more = f"等 {len(missing)} 行" if len(missing) > 5 else ""
    return f"表三未找到{names}{more}（原文可能不完整或行名有改动），这些单元格留空。"


def _find_old_other_row(region: str, sq: Squeezed, found: dict) -> bool:
    """The 2019 layout has one row "（六）其他处理" with cells: read it as （六）3.其他."""
    before = found.get("total")
    after = found.get("np_confirm")
    start = after.end if after else 0
    end = before.start if before else None
    match = find(label_pattern(L.OLD_T3_OTHER_HANDLING), sq, start, end)
    if match is None:
        return False
    found["oh_other"] = match
    return True


def _candidates(
    key: str, read: CellRead, notes: list[str], unread: set[str], unbalanced: set[str]
) -> list[tuple]:
    label = _short(key)
    if read.status in ("ok", "empty"):
        values = list(read.values)
        if read.invalid or any(v is not None and not isinstance(v, int) for v in values):
            unread.add(key)
        if read.invalid:
            notes.append(f"表三「{label}」有无法识别的内容：{'、'.join(read.invalid)}，按空白处理。")
        for i, v in enumerate(values):
            if v is not None and not isinstance(v, int):
                notes.append(f"表三「{label}」第 {i + 1} 列“{v}”不是整数，按空白处理。")
                values[i] = None
        return [tuple(values)]
    unread.add(key)  # from here on the row's content is not read as seven numbers
    if read.status == "run_together":
        return _decoded(key, decode(read.tokens, (WIDTH,)), notes, unread, unbalanced)
    notes.append(f"表三「{label}」读不出 7 个数（原文：“{read.raw[:60]}”），这一行留空。")
    return []


def _decoded(key: str, row: Decoded, notes: list[str], unread: set[str], unbalanced: set[str]) -> list[tuple]:
    """The readings of a run-together row for the column rules to choose among."""
    label, digits = _short(key), row.digits
    if row.count == 0:
        notes.append(f"表三「{label}」连写的数字“{digits}”无法拆成 7 个数，这一行留空。")
        return []
    if not row.balanced:
        unbalanced.add(key)
    if row.unique:
        unread.discard(key)
        if not row.balanced:
            shown = " | ".join(map(str, row.values))
            notes.append(f"表三「{label}」连写的数字“{digits}”只有一种拆分，按 {shown} 读入（总计不等于各列之和）。")
        return row.readings
    if row.readings:
        unread.discard(key)  # readable; the column rules choose among the readings
        return row.readings
    # Too many splits to list: only the cells they all agree on are known.
    notes.append(
        f"表三「{label}」连写的数字“{digits}”可以拆成 {row.count} 种，太多无法逐一判断，"
        "只读入各种拆分都一致的单元格，其余留空。"
    )
    if row.complete:
        unread.discard(key)
    return [tuple(row.values)]
