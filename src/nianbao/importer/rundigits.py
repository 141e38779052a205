"""Decode rows whose cells were run together with no separator.

"640020470" under Table 3's seven columns can only be read by its rules: every split into seven
non-negative integers whose seventh equals the sum of the first six. Table 4's fifteen numbers
are three groups of five whose fifth is the sum of the first four. A cell never has a leading
zero ("05"), and whitespace that survived extraction is a cell boundary.
"""

from __future__ import annotations

from typing import Optional

# No annual report has a single cell of eight digits or more.
MAX_PART_DIGITS = 7
# Bounds on the search, so that hostile input cannot make it slow.
MAX_CANDIDATES = 64
MAX_STEPS = 200_000


class TooManySplits(Exception):
    """More splits than MAX_CANDIDATES (or the step budget ran out): treat the row as undecidable."""


def splits(
    tokens: list[str], group_sizes: tuple[int, ...], checked: bool = True
) -> list[tuple[int, ...]]:
    """Every way to read the digit strings as sum(group_sizes) numbers.

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
    at = 0
    for size in group_sizes:
        at += size
        group_ends.add(at)
    group_start_of = {}
    at = 0
    for size in group_sizes:
        for i in range(at, at + size):
            group_start_of[i] = at
        at += size

    # For each position: where the token it lies in ends, and how many tokens start at or after it.
    next_boundary = [0] * len(digits)
    tokens_left = [0] * (len(digits) + 1)
    at = 0
    for index, token in enumerate(tokens):
        for pos in range(at, at + len(token)):
            next_boundary[pos] = at + len(token)
            tokens_left[pos] = len(tokens) - index
        at += len(token)

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
        if tokens_left[pos] > left_parts:
            return  # each remaining token needs at least one part of its own
        closes_group = checked and (k + 1) in group_ends
        limit = min(MAX_PART_DIGITS, next_boundary[pos] - pos)
        for length in range(1, limit + 1):
            piece = digits[pos : pos + length]
            if length > 1 and piece[0] == "0":
                break
            value = int(piece)
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
