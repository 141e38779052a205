"""When a question applies, and which instances a repeating question has.

Each condition reads the report as built so far from earlier answers (in outline order).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

from nianbao.report import labels as L
from nianbao.report.model import Report
from nianbao.session import Session


@dataclass
class WalkState:
    session: Session
    report: Report
    values: dict[str, Any] = field(default_factory=dict)  # instance id -> parsed answer


def _self_ref_unknown(s: WalkState) -> bool:
    return not guess_self_ref(s.report.agency.name)


def _open_requests(s: WalkState, column: str) -> int | None:
    t3 = s.report.table3
    new, carried = t3.get("new", column), t3.get("carried_in", column)
    if new is None or carried is None:
        return None
    return new + carried


CONDITIONS: dict[str, Callable[[WalkState], bool]] = {
    "self_ref_unknown": _self_ref_unknown,
    "no_summary": lambda s: not s.report.overview.summary,
    "leadership_group": lambda s: bool(s.report.overview.mechanisms.leadership_group),
    "has_trainings": lambda s: bool(s.report.overview.mechanisms.trainings),
    "rule_making": lambda s: s.report.agency.kind in L.RULE_MAKING_KINDS,
    "has_requests": lambda s: s.values.get("t3.gate") is True,
    "has_appeals": lambda s: s.values.get("t4.gate") is True,
    "has_fee_notices": lambda s: bool(s.report.other.fee_notices),
    "other_items": lambda s: s.values.get("other.any") is True,
}


@dataclass(frozen=True)
class Instance:
    key: str  # e.g. the column key "natural"
    words: dict[str, Any]  # values for the question's {placeholders}


def _t3_open_columns(s: WalkState) -> list[Instance]:
    out = []
    for col in L.T3_COLUMN_KEYS[:-1]:  # the 总计 column is the sum of the others
        open_count = _open_requests(s, col)
        if open_count:
            t3 = s.report.table3
            out.append(
                Instance(
                    col,
                    {
                        "column": L.T3_COLUMNS[col],
                        "open": open_count,
                        "new": t3.get("new", col),
                        "carried_in": t3.get("carried_in", col),
                    },
                )
            )
    return out


def _t4_groups(s: WalkState) -> list[Instance]:
    return [Instance(g, {"group": L.t4_group_full_label(g)}) for g in L.T4_GROUP_KEYS]


INSTANCES: dict[str, Callable[[WalkState], list[Instance]]] = {
    "t3_open_columns": _t3_open_columns,
    "t4_groups": _t4_groups,
}


_SELF_REF_ENDINGS = (
    ("街道办事处", "我街道"),
    ("镇人民政府", "我镇"),
    ("乡人民政府", "我乡"),
    ("区人民政府", "我区"),
    ("县人民政府", "我县"),
    ("市人民政府", "我市"),
    ("省人民政府", "我省"),
    ("镇政府", "我镇"),
    ("乡政府", "我乡"),
    ("区政府", "我区"),
    ("县政府", "我县"),
    ("市政府", "我市"),
    ("人民政府办公室", "我办"),
    ("办公室", "我办"),
    ("委员会", "我委"),
    ("分局", "我局"),
    ("局", "我局"),
    ("厅", "我厅"),
    ("中心", "我中心"),
    ("镇", "我镇"),
    ("乡", "我乡"),
    ("街道", "我街道"),
)


def guess_self_ref(name: str) -> str:
    """梨林镇人民政府 -> 我镇; 宁强县自然资源局 -> 我局; "" when no rule fits."""
    for ending, ref in _SELF_REF_ENDINGS:
        if name.endswith(ending):
            return ref
    return ""
