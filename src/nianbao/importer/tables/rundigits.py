"""Decode rows whose cells were run together with no separator.

"640020470" under Table 3's seven columns is read by listing every split into seven non-negative
integers (a cell never has a leading zero, "05"; a lone "0" is fine):

- one split only: it is the row, even when its total is not the sum of its parts (the rules then
  report the imbalance; refusing it would hide exactly the broken tables);
- several: keep those that satisfy the row's rules (each group's last number is the sum of the
  others: Table 3's 总计, Table 4's three groups of five); if none does, keep them all;
- a cell is read when every kept split agrees on it, and left unknown otherwise.

The row reaches us as tokens (what whitespace separated). When the tokens are not the row's cells
(cells.py reads those directly), the whitespace is stray ("10 0 0 0 01") and is ignored.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

# No annual report has a single cell of eight digits or more.
MAX_PART_DIGITS = 7
# Bounds on the search, so that hostile input cannot make it slow.
MAX_CANDIDATES = 64
MAX_STEPS = 200_000


class TooManySplits(Exception):
    """More splits than MAX_CANDIDATES (or the step budget ran out): treat the row as undecidable."""


def _piece_ok(digits: str, start: int, end: int) -> bool:
    return 1 <= end - start <= MAX_PART_DIGITS and (end - start == 1 or digits[start] != "0")


def splits(
    tokens: list[str], group_sizes: tuple[int, ...], checked: bool = True
) -> list[tuple[int, ...]]:
    """Every way to read the digits as sum(group_sizes) numbers (whitespace between tokens ignored).

    With checked, each group's last number must equal the sum of the group's other numbers.
    Raises TooManySplits when the search is cut short.
    """
    digits = "".join(tokens)
    total = sum(group_sizes)
    if not digits or not digits.isdigit() or len(digits) < total:
        return []
    if len(digits) > total * MAX_PART_DIGITS:
        return []
    group_ends = set()
    group_start_of = {}
    at = 0
    for size in group_sizes:
        for i in range(at, at + size):
            group_start_of[i] = at
        at += size
        group_ends.add(at)

    results: list[tuple[int, ...]] = []
    steps = 0
    parts: list[int] = []

    def walk(pos: int) -> None:
        nonlocal steps
        steps += 1
        if steps > MAX_STEPS:
            raise TooManySplits
        k = len(parts)
        if k == total:
            if pos == len(digits):
                results.append(tuple(parts))
                if len(results) > MAX_CANDIDATES:
                    raise TooManySplits
            return
        left_parts, left_chars = total - k, len(digits) - pos
        if left_chars < left_parts or left_chars > left_parts * MAX_PART_DIGITS:
            return
        closes_group = checked and (k + 1) in group_ends
        for length in range(1, min(MAX_PART_DIGITS, left_chars) + 1):
            if not _piece_ok(digits, pos, pos + length):
                break
            value = int(digits[pos : pos + length])
            if closes_group and value != sum(parts[group_start_of[k] : k]):
                continue
            parts.append(value)
            walk(pos + length)
            parts.pop()

    walk(0)
    return results


def agreed(candidates: list[tuple[int, ...]]) -> list[Optional[int]]:
    """Per position: the value all candidates agree on, else None."""
    if not candidates:
        return []
    return [c[0] if len(set(c)) == 1 else None for c in zip(*candidates)]


def count_and_agree(digits: str, n: int) -> tuple[int, list[Optional[int]]]:
    """How many splits of `digits` into n cells exist (rules aside), and the cells all agree on.

    A dynamic programme over (cells placed, digits used): exact however many splits there are.
    """
    size = len(digits)
    if n == 0 or not digits.isdigit() or not n <= size <= n * MAX_PART_DIGITS:
        return 0, [None] * n
    # ends[p]: where a cell starting at p may end (_piece_ok for every q), worked out once
    # instead of inside each of the three loops below.
    ends = [
        range(p + 1, p + 2) if digits[p] == "0" else range(p + 1, min(size, p + MAX_PART_DIGITS) + 1)
        for p in range(size)
    ]
    # ways_to[i][p]: splits of digits[:p] into i cells; ways_from[i][p]: of digits[p:] into n - i.
    ways_to = [[0] * (size + 1) for _ in range(n + 1)]
    ways_from = [[0] * (size + 1) for _ in range(n + 1)]
    ways_to[0][0] = 1
    ways_from[n][size] = 1
    for i in range(n):
        here, after = ways_to[i], ways_to[i + 1]
        for p in range(size):
            if here[p]:
                for q in ends[p]:
                    after[q] += here[p]
    for i in range(n - 1, -1, -1):
        here, after = ways_from[i], ways_from[i + 1]
        for p in range(size):
            here[p] += sum(after[q] for q in ends[p])
    count = ways_to[n][size]
    cells: list[Optional[int]] = []
    for i in range(n):
        before, after = ways_to[i], ways_from[i + 1]
        values = {int(digits[p:q]) for p in range(size) if before[p] for q in ends[p] if after[q]}
        cells.append(values.pop() if len(values) == 1 else None)
    return count, cells


@dataclass
class Decoded:
    """What a run of digits says about a row."""

    digits: str
    count: int  # splits into the row's cells, rules aside (0: none at all)
    values: list[Optional[int]]  # per cell: the value every kept split agrees on, else None
    readings: list[tuple[int, ...]] = field(default_factory=list)  # kept splits, when few enough
    balanced: bool = False  # the kept splits satisfy the row's rules

    @property
    def unique(self) -> bool:
        return self.count == 1

    @property
    def complete(self) -> bool:
        return bool(self.values) and None not in self.values


def decode(tokens: list[str], group_sizes: tuple[int, ...], checked: bool = True) -> Decoded:
    """Read a run of digits as a row of sum(group_sizes) cells (see the module's docstring)."""
    digits = "".join(tokens)
    n = sum(group_sizes)
    count, every = count_and_agree(digits, n)
    if count == 0:
        return Decoded(digits, 0, [None] * n)
    if count == 1:
        (only,) = splits([digits], group_sizes, checked=False)
        return Decoded(digits, 1, list(only), [only], _holds(only, group_sizes))
    if checked:
        try:
            kept = splits([digits], group_sizes, checked=True)
        except TooManySplits:
            kept = []
        if kept:
            return Decoded(digits, count, agreed(kept), kept, True)
    readings: list[tuple[int, ...]] = []
    if count <= MAX_CANDIDATES:
        readings = splits([digits], group_sizes, checked=False)
    return Decoded(digits, count, every, readings, False)


def _holds(parts: tuple[int, ...], group_sizes: tuple[int, ...]) -> bool:
    at = 0
    for size in group_sizes:
        group = parts[at : at + size]
        if group[-1] != sum(group[:-1]):
            return False
        at += size
    return True
