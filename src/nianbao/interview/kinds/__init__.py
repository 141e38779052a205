"""The registry of answer kinds: one module per kind, one line per kind here.

The engine, the opening and the TUI ask this registry (`KINDS[q.kind]`) instead of comparing
kind names. To add a kind: write its module (copy the closest one) and add it to _MODULES.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Any

from nianbao.interview.errors import AnswerError
from nianbao.interview.kinds import (
    amount_wan,
    checklist,
    choice,
    contact,
    count,
    counts,
    labelled_counts,
    lists,
    outcomes,
    paragraph,
    phone,
    row,
    t4_group,
    text,
    year,
    yes_no,
)
from nianbao.interview.kinds.base import AREA, BUTTONS, LINE, AnswerKind

if TYPE_CHECKING:
    from nianbao.interview.conditions import Instance, WalkState
    from nianbao.interview.spec import Question
    from nianbao.report.model import Report

__all__ = [
    "AREA", "BUTTONS", "KINDS", "LINE", "AnswerKind",
    "apply_answer", "fields_of", "kind_of", "parse_answer", "show_value",
]

_MODULES = (
    text, paragraph, lists, yes_no, choice, year, count, amount_wan, row,
    checklist, contact, phone, labelled_counts, counts, outcomes, t4_group,
)
KINDS: dict[str, AnswerKind] = {module.KIND.name: module.KIND for module in _MODULES}


def kind_of(q: Question) -> AnswerKind:
    return KINDS[q.kind]


def fields_of(q: Question, inst: Instance | None = None) -> list[str]:
    """The leaf paths a question (instance) fills."""
    return list(_fields(tuple(q.fields), q.kind, inst.key if inst else None))


@lru_cache(maxsize=512)
def _fields(patterns: tuple[str, ...], kind: str, instance_key: str | None) -> tuple[str, ...]:
    return KINDS[kind].fields(patterns, instance_key)


def parse_answer(text: str, q: Question, inst: Instance | None = None) -> Any:
    if not text or not text.strip():
        if q.optional:
            raise AnswerError("请填写这一项；没有可答“无”。")
        raise AnswerError("请填写这一项。")
    return kind_of(q).parse(text, q, inst)


def apply_answer(state: WalkState, q: Question, inst: Instance | None, value: Any) -> list[str]:
    """Write a parsed answer into state.report; return notes to say to the clerk, with the words a
    parser passed over but named (`unread_notes` of its value) last."""
    return kind_of(q).apply(state, q, inst, value) + list(getattr(value, "unread_notes", ()))


def show_value(report: Report, q: Question, inst: Instance | None) -> str:
    """The report's current value for a question, as the clerk would type it."""
    from nianbao.interview.paths import get_path

    values = [get_path(report, p) for p in fields_of(q, inst)]
    return kind_of(q).show(report, q, inst, values)


def describe_value(report: Report, q: Question, inst: Instance | None) -> str:
    """The report's current value for a question, as said back to the clerk ("已记下：…")."""
    from nianbao.interview.paths import get_path

    values = [get_path(report, p) for p in fields_of(q, inst)]
    return kind_of(q).describe(report, q, inst, values)
