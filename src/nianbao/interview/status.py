"""A section's progress as the task list shows it. No pydantic here: the TUI draws the task list
before the engine has loaded."""

from __future__ import annotations

from dataclasses import dataclass

NOT_STARTED, IN_PROGRESS, HAS_PROBLEM, DONE = "未开始", "进行中", "有问题", "已完成"


@dataclass
class SectionProgress:
    id: str
    title: str
    status: str
    answered: int
    total: int
