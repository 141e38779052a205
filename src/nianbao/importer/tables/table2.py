"""Table 2 (主动公开政府信息情况) in the 2021 layout, or the 2019 trial layout (FORMAT.md §6)."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Optional

from nianbao.importer.tables.anchors import RowLabel, find_rows, segments
from nianbao.importer.tables.cells import CellRead, detect_layout, read_cells
from nianbao.chinese.matching import Squeezed, find, label_pattern
from nianbao.importer.tables.rundigits import decode
from nianbao.report import labels as L

# The model's Amount: at most 14 digits, 4 after the point.
_FEE_PLACES = Decimal("0.0001")
_FEE_MAX = Decimal(10) ** 10

_R, _O = L.T2_ROWS, L.OLD_T2_ROWS
# (row key, label, cells). "规范性文件" also finds "行政规范性文件".
ROWS_2021 = (
    ("regulations", _R["regulations"], 3),
    ("normative_documents", _O["normative_documents"], 3),
    ("licensing", _R["licensing"], 1),
    ("penalty", _R["penalty"], 1),
    ("coercion", _R["coercion"], 1),
    ("fees", _R["fees"], 1),
)
ROWS_2019 = (
    ("regulations", _R["regulations"], 3),
    ("normative_documents", _O["normative_documents"], 3),
    ("licensing", _R["licensing"], 3),
    ("other_services", _O["other_services"], 3),
    ("penalty", _R["penalty"], 3),
    ("coercion", _R["coercion"], 3),
    ("fees", _R["fees"], 2),
    ("procurement", _O["procurement"], 2),
)
_OLD_COLUMNS = {
    3: {
        "regulations": tuple(L.OLD_T2_DOC_COLUMNS.values()),
        "normative_documents": tuple(L.OLD_T2_DOC_COLUMNS.values()),
    },
    2: {
        "fees": tuple(L.OLD_T2_ITEM_COLUMNS.values())[:2],
        "procurement": tuple(L.OLD_T2_PROCUREMENT_COLUMNS.values()),
    },
}
_OLD_ITEM_COLUMNS = tuple(L.OLD_T2_ITEM_COLUMNS.values())
_OLD_ROW_NAMES = {**_R, **_O}


@dataclass
class Table2Read:
    fields: dict[str, Any]  # keyword arguments for model.Table2
    found: bool
    extras: dict[str, dict[str, Any]] = field(default_factory=dict)  # 2019 rows as read
    notes: list[str] = field(default_factory=list)
    # Rows whose cells held something that could not be read as numbers (left None): the
    # report is not blank there, the reading failed.
    unread: set[str] = field(default_factory=set)
    # 2021 rows whose label is not in the table at all (a township's table without 规章).
    missing: list[str] = field(default_factory=list)


def read_table2(region: str, fmt: str, sq: Optional[Squeezed] = None) -> Table2Read:
    spec = ROWS_2019 if fmt == "2019" else ROWS_2021
    sq = sq or Squeezed(region)
    caption = find(label_pattern(L.T2_ITEM_1), sq)
    start = caption.end if caption else 0
    rows = [RowLabel(key, label, "none") for key, label, _ in spec]
    found = find_rows(region, rows, sq, start=start)
    if not found:
        return Table2Read({}, False)
    first = min(m.start for m in found.values())
    layout, base = detect_layout(region[first:])
    notes: list[str] = []
    unread: set[str] = set()
    raw_rows: dict[str, list] = {}
    for key, segment in segments(region, found).items():
        n = next(cells for k, _, cells in spec if k == key)
        raw_rows[key] = _values(key, read_cells(segment, n, layout, base), n, notes, unread)
    missing = [_OLD_ROW_NAMES[k] for k, _, _ in spec if k not in found]
    if missing:
        notes.append(f"表二未找到「{'」「'.join(missing)}」行，这些单元格留空。")
    result = _old(raw_rows, notes) if fmt == "2019" else Table2Read(_new(raw_rows, notes), True, notes=notes)
    result.unread = unread
    result.missing = [k for k, _, _ in spec if k not in found] if fmt != "2019" else []
    return result


def _name(key: str) -> str:
    return _OLD_ROW_NAMES[key]


def _values(key: str, read: CellRead, n: int, notes: list[str], unread: set[str]) -> list:
    if read.status in ("ok", "empty"):
        if read.invalid:
            unread.add(key)
            notes.append(f"表二「{_name(key)}」有无法识别的内容：{'、'.join(read.invalid)}，按空白处理。")
        return list(read.values)
    if read.status == "run_together":
        row = decode(read.tokens, (n,), checked=False)
        if row.unique:
            return list(row.values)
        unread.add(key)
        if row.count == 0:
            notes.append(f"表二「{_name(key)}」连写的数字“{row.digits}”无法拆成 {n} 个数，留空。")
            return [None] * n
        shown = "；".join(" | ".join(map(str, c)) for c in row.readings[:4])
        shown = f"（{shown}{'等' if row.count > 4 else ''}）" if shown else ""
        notes.append(
            f"表二「{_name(key)}」连写的数字“{row.digits}”可以拆成 {row.count} 种{shown}，"
            "表二没有勾稽关系可以判断，各种拆分不一致的单元格留空。"
        )
        return list(row.values)
    unread.add(key)
    notes.append(f"表二「{_name(key)}」读不出 {n} 个数（原文：“{read.raw[:40]}”），留空。")
    return [None] * n


def _count(key: str, value, notes: list[str]) -> Optional[int]:
    if value is None or isinstance(value, int):
        return value
    notes.append(f"表二「{_name(key)}」的“{value}”不是整数，留空。")
    return None


def _fee(value, notes: list[str]) -> Optional[Decimal]:
    if value is None:
        return None
    amount = Decimal(value)
    if amount >= _FEE_MAX:
        notes.append(f"表二收费金额“{value}”过大，留空。")
        return None
    if amount.as_tuple().exponent >= _FEE_PLACES.as_tuple().exponent:
        return amount
    rounded = amount.quantize(_FEE_PLACES)
    notes.append(f"表二收费金额“{value}”超过四位小数，按 {rounded} 读入。")
    return rounded


def _new(rows: dict[str, list], notes: list[str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key in ("regulations", "normative_documents"):
        if key in rows:
            values = [_count(key, v, notes) for v in rows[key]]
            out[key] = dict(zip(L.T2_DOC_COLUMNS, values))
    for key in ("licensing", "penalty", "coercion"):
        if key in rows:
            out[key] = _count(key, rows[key][0], notes)
    if "fees" in rows:
        out["fees"] = _fee(rows["fees"][0], notes)
    return out


def _old(rows: dict[str, list], notes: list[str]) -> Table2Read:
    """2019 layout: only 处理决定数量 maps to 2021; everything is also kept as read."""
    fields: dict[str, Any] = {}
    extras: dict[str, dict[str, Any]] = {}
    for key, values in rows.items():
        columns = _OLD_COLUMNS.get(len(values), {}).get(key, _OLD_ITEM_COLUMNS)
        extras[_name(key)] = {col: _plain(v) for col, v in zip(columns, values)}
        if key in ("licensing", "penalty", "coercion"):
            fields[key] = _count(key, values[-1], notes)
    return Table2Read(fields, True, {"表二": extras} if extras else {}, notes)


def _plain(value) -> Any:
    return str(value) if isinstance(value, Decimal) else value
