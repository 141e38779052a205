"""Drive the engine from answers keyed by question id (for automation and tests)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from nianbao.interview.engine import Engine


class ScriptError(Exception):
    """An answers file that cannot complete the interview; the message names the question."""


def load_answers(path: Path) -> dict[str, str]:
    try:
        raw = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ScriptError(f"找不到答案文件：{path}") from None
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise ScriptError(f"答案文件 {path} 格式错误：{exc}") from None
    if not isinstance(raw, dict):
        raise ScriptError(f"答案文件 {path} 应为“问题id: 回答”的列表")
    return {str(k): _as_text(v) for k, v in raw.items()}


def _as_text(value: Any) -> str:
    if isinstance(value, list):
        return "\n".join(str(v) for v in value)
    if value is True:
        return "有"
    if value is False:
        return "没有"
    return "" if value is None else str(value)


def run_answers(engine: Engine, answers: dict[str, str]) -> int:
    """Answer every question from `answers`; returns how many answers were given."""
    given = 0
    guard = 0
    while (step := engine.current()) is not None:
        guard += 1
        if guard > 1000:
            raise ScriptError("问答没有结束，请检查答案文件")
        if step.id not in answers:
            if step.carried and step.suggestion:
                text = step.suggestion  # confirm what was carried over from last year
            else:
                raise ScriptError(f"答案文件缺少问题 {step.id}（{step.short}）的回答。问题是：{engine.ask_text(step)}")
        else:
            text = answers[step.id]
        reply = engine.answer(text)
        given += 1
        if not reply.accepted or reply.problem:
            raise ScriptError(f"问题 {step.id}（{step.short}）的回答“{text}”未通过：{reply.message}")
    return given
