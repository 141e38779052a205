"""count_and_agree (the run-together digits' dynamic programme) against plain enumeration."""

from __future__ import annotations

import itertools
import random

from nianbao.importer.tables.rundigits import MAX_PART_DIGITS, count_and_agree


def _every_split(digits: str, n: int) -> list[tuple[int, ...]]:
    found = []
    for cuts in itertools.combinations(range(1, len(digits)), n - 1):
        bounds = (0, *cuts, len(digits))
        parts = [digits[a:b] for a, b in zip(bounds, bounds[1:])]
        if all(len(p) <= MAX_PART_DIGITS and (len(p) == 1 or p[0] != "0") for p in parts):
            found.append(tuple(map(int, parts)))
    return found


def test_count_and_cells_agree_with_every_split_listed():
    rng = random.Random(15)
    for _ in range(400):
        n = rng.randrange(1, 8)
        digits = "".join(rng.choice("000123459") for _ in range(rng.randrange(n, n + 9)))
        every = _every_split(digits, n)
        cells = [c[0] if len(set(c)) == 1 else None for c in zip(*every)] if every else [None] * n
        assert count_and_agree(digits, n) == (len(every), cells), (digits, n)


def test_no_split_for_empty_or_non_digit_or_too_long_runs():
    assert count_and_agree("", 3) == (0, [None] * 3)
    assert count_and_agree("12a4", 2) == (0, [None, None])
    assert count_and_agree("1" * 15, 2) == (0, [None, None])
