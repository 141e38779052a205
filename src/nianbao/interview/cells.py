"""The grid's cell edits: Table 3 and 4 cells typed directly, kept among the answers as
"cell:<path>" and applied over what the questions filled; totals recomputed from their parts;
a gate's "no" that would zero typed cells is confirmed first."""

from __future__ import annotations

from typing import Any

from nianbao.interview.errors import AnswerError
from nianbao.interview.kinds import fields_of, kind_of, parse_answer
from nianbao.interview.parse import parse_count
from nianbao.interview.paths import PathError, get_path, set_path
from nianbao.interview.reply import Reply
from nianbao.report.fieldnames import describe_path
from nianbao.report.model import Report
from nianbao.rules.arithmetic import totals_following

CELL_PREFIX = "cell:"

# The engine and its steps are passed in, not imported: the engine calls this module.
Engine = Step = Any


def apply_cell_edits(answers: dict[str, str], report: Report) -> None:
    for key, raw in answers.items():
        if key.startswith(CELL_PREFIX):
            try:
                set_path(report, key[len(CELL_PREFIX):], parse_count(raw))
            except (AnswerError, PathError):
                continue  # stale edit of a cell that no longer exists: ignored, kept on file


def edits_a_no_would_zero(answers: dict[str, str], step: Step, text: str) -> list[tuple[str, str]]:
    """The grid's non-zero edits inside what a gate's "no" fills with zeros: the clerk is
    asked before they are overwritten (the grid's edits would otherwise win, silently)."""
    if kind_of(step.question).holds_values:
        return []
    try:
        if parse_answer(text, step.question, step.instance) is not False:
            return []
    except AnswerError:
        return []
    leaves = set(fields_of(step.question, step.instance))
    edited = []
    for key, raw in answers.items():
        path = key[len(CELL_PREFIX):]
        if key.startswith(CELL_PREFIX) and path in leaves:
            try:
                if parse_count(raw):
                    edited.append((path, raw))
            except AnswerError:
                continue
    return edited


def set_cell(engine: Engine, path: str, text: str) -> Reply:
    try:
        parse_count(text)
    except AnswerError as exc:
        return Reply(False, str(exc))
    before = {(f.rule, f.where, f.message) for f in engine.findings}
    engine.session.interview.answers[CELL_PREFIX + path] = text
    engine.replay()
    engine.save()
    new = [f for f in engine.findings if (f.rule, f.where, f.message) not in before]
    message = " ".join(f"（{f.rule}）{f.message}" for f in new) or "已修改。"
    return Reply(True, message, findings=new)


def recompute_totals(engine: Engine, path: str) -> Reply:
    """The grid's one-key answer to a total left stale by an edit: each 总计 the cell is part
    of set to the sum its rule gives, saved as cell edits like typed ones."""
    report = engine.session.report
    totals = totals_following(report, path)
    if not totals:
        return Reply(False, "这一格不计入任何总计。")
    blank = [_name(p) for p, value in totals if value is None]
    changed = [(p, get_path(report, p), value) for p, value in totals if value is not None and get_path(report, p) != value]
    if not changed:
        return Reply(False, f"{'、'.join(blank)}：有的分项未填，未重算。" if blank else "总计与各项之和一致，无需重算。")
    before = {(f.rule, f.where, f.message) for f in engine.findings}
    for p, _, value in changed:
        engine.session.interview.answers[CELL_PREFIX + p] = str(value)
    engine.replay()
    engine.save()
    if engine.save_error:
        return Reply(True, engine.save_error, problem=True)
    said = "、".join(f"{_name(p)} {'未填' if old is None else old} → {value}" for p, old, value in changed)
    new = [f for f in engine.findings if (f.rule, f.where, f.message) not in before]
    return Reply(True, f"已按各项之和重算：{said}。", findings=new)


def stale_totals(report: Report, path: str) -> list[str]:
    """The 总计 cells a just-edited cell is part of that no longer equal the sum of their parts."""
    return [p for p, value in totals_following(report, path) if value is not None and get_path(report, p) != value]


def _name(path: str) -> str:
    return describe_path(tuple(path.split(".")))
