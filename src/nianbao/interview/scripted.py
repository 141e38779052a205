"""Drive the engine from answers keyed by question id (for automation and tests)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from nianbao.chinese.normalize import strip_hidden
from nianbao.fs import ReadRefused, read_bytes_bounded
from nianbao.interview.engine import Engine


class ScriptError(Exception):
    """An answers file that cannot complete the interview; the message names the question."""


class SaveFailed(ScriptError):
    """The answers were accepted, but the session could not be saved; the message says so."""


# An answers file is a page of answers: far below this. A bigger one is a mistake (or an attack).
MAX_ANSWERS_BYTES = 1_000_000


class _NoAliasLoader(yaml.SafeLoader):
    """YAML without anchors and aliases: a 487-byte "billion laughs" file would otherwise
    expand to gigabytes. No answers file needs them."""

    def compose_node(self, parent, index):  # type: ignore[override]
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise ScriptError(f"第 {event.start_mark.line + 1} 行用了 YAML 别名（*…），答案文件中不能使用别名，请直接写出回答")
        return super().compose_node(parent, index)


def load_answers(path: Path) -> dict[str, str]:
    path = Path(path)
    try:
        data = read_bytes_bounded(path, "答案文件", MAX_ANSWERS_BYTES)
    except ReadRefused as exc:
        raise ScriptError(str(exc)) from None
    try:
        raw = yaml.load(data.decode("utf-8-sig"), Loader=_NoAliasLoader)
    except ScriptError as exc:
        raise ScriptError(f"答案文件 {path} {exc}") from None
    except UnicodeDecodeError as exc:
        raise ScriptError(f"答案文件 {path} 不是 UTF-8 文本（第 {exc.start + 1} 个字节），请另存为 UTF-8 编码") from None
    except yaml.YAMLError as exc:
        raise ScriptError(f"答案文件 {path} 格式错误：{exc}") from None
    except (RecursionError, ValueError):
        raise ScriptError(f"答案文件 {path} 格式错误：嵌套过深或数字过长") from None
    if not isinstance(raw, dict):
        raise ScriptError(f"答案文件 {path} 应为“问题id: 回答”的列表")
    try:
        return {str(k): _as_text(v) for k, v in raw.items()}
    except (RecursionError, ValueError):
        raise ScriptError(f"答案文件 {path} 中的回答嵌套过深或数字过长") from None


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
    # Answers are echoed in the messages below: no escape sequence of the file reaches the terminal.
    answers = {key: strip_hidden(value)[0] for key, value in answers.items()}
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
        before = dict(engine.session.interview.answers)
        reply = engine.answer(text)
        given += 1
        if engine.save_error:
            raise SaveFailed(engine.save_error)
        if not reply.accepted or reply.problem:
            raise ScriptError(f"问题 {step.id}（{step.short}）的回答“{text}”未通过：{reply.message}")
        _check_answered_together(step, text, before, engine.session.interview.answers, answers)
    return given


def _check_answered_together(step, text: str, before: dict, after: dict, answers: dict[str, str]) -> None:
    """A reply that also answered the next question ("有，自然人18件…") makes that question's own
    entry unused; when the two differ, which one the clerk meant is not ours to pick."""
    for other, recorded in after.items():
        if other == step.id or before.get(other) == recorded or other not in answers:
            continue
        if answers[other].strip() != recorded.strip():
            raise ScriptError(
                f"问题 {step.id} 的回答“{text}”已经一起回答了问题 {other}（“{recorded}”），"
                f"答案文件里 {other} 另有回答“{answers[other]}”，两者不同，请删去其中一个"
            )
