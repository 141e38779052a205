"""A session's progress in one line, for `nianbao sessions` and the TUI's start screen."""

from __future__ import annotations

from nianbao.interview.engine import Engine
from nianbao.interview.errors import PromptsError
from nianbao.interview.status import HAS_PROBLEM
from nianbao.session import Session


def progress_summary(session: Session) -> str:
    """One line for `nianbao sessions`: 已完成, or answered/total and the sections with problems."""
    try:
        engine = Engine(session.model_copy(deep=True))
    except PromptsError:
        return "问答配置有误，无法计算进度"
    if engine.finished:
        return "已完成"
    answered = sum(1 for s in engine.steps if not s.pending)
    problems = [p.title for p in engine.progress() if p.status == HAS_PROBLEM]
    text = f"{answered}/{len(engine.steps)} 题"
    return text + (f"，有问题：{'、'.join(problems)}" if problems else "")
