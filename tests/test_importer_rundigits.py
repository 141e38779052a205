"""Run-together digits: a unique split is read as it stands (balanced or not), several splits keep
those that satisfy the row's rules (or all), and only the cells they agree on are read."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from nianbao.importer import import_text
from nianbao.importer.tables.cells import INLINE, read_cells
from nianbao.chinese.matching import normalize
from nianbao.importer.tables.rundigits import TooManySplits, count_and_agree, decode, splits
from nianbao.importer.tables.table3 import read_table3
from nianbao.importer.tables.table4 import read_table4
from nianbao.report import labels as L
from nianbao.rules import check_report

RUNTOGETHER = Path(__file__).resolve().parent / "fixtures" / "importer" / "runtogether-2021.txt"
T4_HEADER = "行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计 "


def _table3(**rows: str) -> str:
    """Table 3 with every row run together: zeros unless given."""
    return normalize("".join(r.label + rows.get(r.key, "0000000") for r in L.T3_ROWS))


# --- a unique split is read even when the row does not balance --------------------------------


def test_unique_unbalanced_split_is_read_as_it_stands() -> None:
    row = decode(["5100000"], (7,))
    assert (row.count, row.values, row.balanced) == (1, [5, 1, 0, 0, 0, 0, 0], False)


def test_table3_row_whose_total_is_not_the_sum_is_read_and_noted() -> None:
    read = read_table3(_table3(new="5100000", total="5100000"))
    assert read.rows["new"] == [5, 1, 0, 0, 0, 0, 0]
    assert read.rows["total"] == [5, 1, 0, 0, 0, 0, 0]
    assert "new" not in read.unread
    assert any("5100000" in n and "只有一种拆分" in n for n in read.notes)


def test_the_unbalanced_row_reaches_the_rules() -> None:
    text = RUNTOGETHER.read_text(encoding="utf-8")
    text = text.replace("本年新收政府信息公开申请数量270020130", "本年新收政府信息公开申请数量5100000")
    imported = import_text(text)
    assert imported.report.table3.rows["new"] == [5, 1, 0, 0, 0, 0, 0]
    findings = check_report(imported.report, text=imported.text, unread=imported.unread)
    assert any(f.rule == "T3-3" and f.row == "new" for f in findings)


def test_table4_fifteen_digits_are_read_even_unbalanced() -> None:
    read = read_table4(T4_HEADER + "510000000000003")
    assert read.values == [5, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3]
    assert not read.unread
    assert any("只有一种拆分" in n for n in read.notes)


# --- several splits ----------------------------------------------------------------------------


def test_several_splits_none_balancing_keep_the_cells_they_agree_on() -> None:
    # 51|0|0|0|0|0|1 or 5|10|0|0|0|0|1: neither balances; the last five cells are certain.
    row = decode(["51000001"], (7,))
    assert (row.count, row.balanced) == (2, False)
    assert sorted(row.readings) == [(5, 10, 0, 0, 0, 0, 1), (51, 0, 0, 0, 0, 0, 1)]
    assert row.values == [None, None, 0, 0, 0, 0, 1]


def test_table3_reads_the_agreed_cells_of_an_unbalanced_row_with_a_note() -> None:
    read = read_table3(_table3(new="51000001"))
    assert read.rows["new"] == [None, None, 0, 0, 0, 0, 1]
    assert "new" in read.unread
    assert any("51000001" in n and "没有一种的总计等于各列之和" in n for n in read.notes)


def test_balanced_splits_win_over_unbalanced_ones() -> None:
    # Of 12|0|0|0|0|0|12, 1|20|0|0|0|0|12, ... only the first balances.
    row = decode(["120000012"], (7,))
    assert row.count > 1 and row.balanced
    assert row.values == [12, 0, 0, 0, 0, 0, 12]


def test_table4_several_splits_none_balancing_keep_agreed_cells() -> None:
    # 16 digits in 15 cells: one two-digit cell, "51" or "10"; no reading balances.
    read = read_table4(T4_HEADER + "5100000000000003")
    assert read.values == [None, None] + [0] * 12 + [3]
    assert read.unread


def test_too_many_splits_to_list_still_read_the_cells_all_agree_on() -> None:
    digits = "0" + "9" * 19
    count, cells = count_and_agree(digits, 7)
    assert count > 64
    row = decode([digits], (7,))
    assert row.readings == [] and row.values == cells
    assert cells[0] == 0 and cells[1:] == [None] * 6  # "0" cannot lead a number; the nines vary


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet="0123", min_size=3, max_size=12), st.integers(min_value=2, max_value=6))
def test_counting_agrees_with_listing(digits: str, n: int) -> None:
    try:
        listed = splits([digits], (n,), checked=False)
    except TooManySplits:
        return
    count, cells = count_and_agree(digits, n)
    assert count == len(listed)
    if listed:
        assert cells == [c[0] if len(set(c)) == 1 else None for c in zip(*listed)]


_CELL = st.integers(min_value=0, max_value=120)


@settings(max_examples=150, deadline=None)
@given(st.tuples(*[_CELL] * 6))
def test_a_balanced_row_is_never_read_wrong(parts: tuple[int, ...]) -> None:
    truth = (*parts, sum(parts))
    row = decode(["".join(map(str, truth))], (7,))
    assert all(v is None or v == t for v, t in zip(row.values, truth))


@settings(max_examples=150, deadline=None)
@given(st.tuples(*[_CELL] * 7))
def test_an_unbalanced_row_is_read_wrong_only_if_another_split_balances(truth: tuple[int, ...]) -> None:
    row = decode(["".join(map(str, truth))], (7,))
    if not row.balanced:
        assert all(v is None or v == t for v, t in zip(row.values, truth))


# --- whitespace and glued labels -----------------------------------------------------------------


def test_tokens_that_fit_the_row_are_its_cells() -> None:
    assert read_cells("12 0 0 0 0 0 12", 7, INLINE).values == [12, 0, 0, 0, 0, 0, 12]


def test_stray_spaces_inside_a_run_are_ignored() -> None:
    read = read_cells("10 0 0 0 01", 7, INLINE)
    assert read.status == "run_together"
    # "01" is no cell: the spaces are stray, and the seven digits are 1|0|0|0|0|0|1.
    assert decode(read.tokens, (7,)).values == [1, 0, 0, 0, 0, 0, 1]
    assert read_table3(_table3(granted="10 0 0 0 01")).rows["granted"] == [1, 0, 0, 0, 0, 0, 1]


def test_more_tokens_than_cells_are_one_run() -> None:
    read = read_cells("1 2 0 0 0 0 0 12", 7, INLINE)
    assert read.status == "run_together"
    assert read_table3(_table3(granted="1 2 0 0 0 0 0 12")).rows["granted"] == [12, 0, 0, 0, 0, 0, 12]


def test_digits_glued_to_the_next_rows_number_split_at_the_label() -> None:
    read = read_cells("00000002.其他法律行政法规禁止公开", 7, INLINE)
    assert (read.status, read.tokens) == ("run_together", ["0000000"])
    read = read_cells("00000012.其他法律行政法规禁止公开", 7, INLINE)
    assert read.tokens == ["0000001"]
