"""Choose, among the possible readings of run-together Table 3 rows, those the column rules allow.

Each row arrives with its candidate readings (one for a row read cell by cell). A combination
over all 25 rows is kept when, in every column where the cells are known,
T3-1 (新收 + 上年结转 = 总计 + 结转下年度) and T3-2 (总计 = the 22 outcome rows) hold.
A row keeps a cell only when every surviving combination agrees on it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import product
from typing import Optional

from nianbao.report import labels as L

Row = tuple[Optional[int], ...]
WIDTH = len(L.T3_COLUMN_KEYS)
# Bounds on the search (hostile or garbled input must stay fast).
MAX_COMBOS = 20_000
MAX_STATES = 50_000

LEVELS: tuple[tuple[str, ...], ...] = (("T3-1", "T3-2"), ("T3-1",), ("T3-2",), ())


@dataclass
class Choice:
    rows: dict[str, list[Optional[int]]]
    level: tuple[str, ...]  # the rules that decided
    undecided: dict[str, list[Row]] = field(default_factory=dict)  # row -> readings still possible


class _Overflow(Exception):
    pass


def choose(candidates: dict[str, list[Row]]) -> Choice:
    """candidates: every T3 row key -> its possible readings (at least one each)."""
    ambiguous = [k for k, c in candidates.items() if len(c) > 1]
    if not ambiguous:
        return Choice({k: list(c[0]) for k, c in candidates.items()}, LEVELS[0])
    for level in LEVELS:
        try:
            consistent = _consistent(candidates, level)
        except _Overflow:
            consistent = None
        if consistent:
            return _decide(candidates, consistent, level)
    return _decide(candidates, {k: list(range(len(c))) for k, c in candidates.items()}, ())


def _decide(candidates, consistent: dict[str, list[int]], level) -> Choice:
    rows: dict[str, list[Optional[int]]] = {}
    undecided: dict[str, list[Row]] = {}
    for key, cands in candidates.items():
        kept = [cands[i] for i in consistent.get(key, range(len(cands)))]
        if len(kept) == 1:
            rows[key] = list(kept[0])
        else:
            rows[key] = [col[0] if len(set(col)) == 1 else None for col in zip(*kept)]
            undecided[key] = kept
    return Choice(rows, level, undecided)


def _consistent(candidates: dict[str, list[Row]], level) -> dict[str, list[int]]:
    """Row -> indices of its readings that belong to at least one combination obeying `level`."""
    edge_keys = ("new", "carried_in", "total", "carried_out")
    outcome_keys = L.T3_OUTCOME_KEYS
    edges = [candidates[k] for k in edge_keys]
    combos = 1
    for e in edges:
        combos *= len(e)
    if combos > MAX_COMBOS:
        raise _Overflow
    kept: dict[str, set[int]] = {k: set() for k in candidates}
    for idx in product(*(range(len(e)) for e in edges)):
        new, cin, total, cout = (edges[i][j] for i, j in enumerate(idx))
        if "T3-1" in level and not _t31_holds(new, cin, total, cout):
            continue
        if "T3-2" in level:
            outcome_ok = _outcome_consistent([candidates[k] for k in outcome_keys], total)
        else:
            outcome_ok = [set(range(len(candidates[k]))) for k in outcome_keys]
        if any(not ok for ok in outcome_ok):
            continue
        for i, key in enumerate(edge_keys):
            kept[key].add(idx[i])
        for key, ok in zip(outcome_keys, outcome_ok):
            kept[key] |= ok
    if not any(kept.values()):
        return {}
    return {k: sorted(v) for k, v in kept.items()}


def _t31_holds(new: Row, cin: Row, total: Row, cout: Row) -> bool:
    for c in range(WIDTH):
        cells = (new[c], cin[c], total[c], cout[c])
        if None in cells:
            continue  # a blank cell: the rule cannot be checked in this column
        if cells[0] + cells[1] != cells[2] + cells[3]:
            return False
    return True


def _outcome_consistent(outcomes: list[list[Row]], total: Row) -> list[set[int]]:
    """For each outcome row, the readings that can make the rows sum to `total` (T3-2)."""
    fixed = [o[0] for o in outcomes if len(o) == 1]
    columns = [
        c for c in range(WIDTH) if total[c] is not None and all(f[c] is not None for f in fixed)
    ]
    if not columns:
        return [set(range(len(o))) for o in outcomes]
    target = tuple(total[c] - sum(f[c] for f in fixed) for c in columns)
    variable = [i for i, o in enumerate(outcomes) if len(o) > 1]
    project = [[tuple(r[c] for c in columns) for r in outcomes[i]] for i in variable]
    zero = tuple(0 for _ in columns)

    def add(a, b):
        return tuple(x + y for x, y in zip(a, b))

    def sub(a, b):
        return tuple(x - y for x, y in zip(a, b))

    forward = [{zero}]
    for cands in project:
        nxt = {add(s, c) for s in forward[-1] for c in cands}
        if len(nxt) > MAX_STATES:
            raise _Overflow
        forward.append(nxt)
    backward = [{zero}]
    for cands in reversed(project):
        nxt = {add(s, c) for s in backward[-1] for c in cands}
        if len(nxt) > MAX_STATES:
            raise _Overflow
        backward.append(nxt)
    backward.reverse()  # backward[i]: sums reachable by variable rows i..end
    result = [set(range(len(o))) if len(o) == 1 else set() for o in outcomes]
    if target not in forward[-1]:
        return [set() for _ in outcomes]
    for v, cands in enumerate(project):
        for ci, c in enumerate(cands):
            if any(sub(sub(target, s), c) in backward[v + 1] for s in forward[v]):
                result[variable[v]].add(ci)
    return result
