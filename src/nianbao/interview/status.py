"""A section's progress as the task list shows it, and where the clerk is. No pydantic here: the
TUI draws the task list before the engine has loaded."""

from __future__ import annotations

from dataclasses import dataclass

NOT_STARTED, IN_PROGRESS, HAS_PROBLEM, DONE = "未开始", "进行中", "有问题", "已完成"

# What the drivers say when the clerk asks to go back from the first question.
FIRST_QUESTION_ALREADY = "这已经是第一题，没有上一题。"


@dataclass
class SectionProgress:
    id: str
    title: str
    status: str
    answered: int
    total: int
