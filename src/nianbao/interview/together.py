"""One reply that answers two questions: a gate with what it opens ("有，自然人18件，企业4件"), a
count with the question it brings ("1件，通知金额300元，实收0元"). Clerks type that way; the
reply is split where the question's kind says, and each part is answered as if typed on its own,
so both are saved, checked and said back. When the second part does not fit the next question,
nothing is recorded and the reply says which part was understood and which was not."""

from __future__ import annotations

from typing import Any, Optional

from nianbao.interview.errors import AnswerError
from nianbao.interview.kinds import kind_of, parse_answer
from nianbao.interview.parse.common import show

# The engine, its steps and replies are passed in, not imported: the engine calls this module.
Engine = Step = Reply = Any


def answer_together(engine: Engine, step: Step, text: str) -> Optional[Reply]:
    """The reply when `text` answers `step` and the question after it; None when it does not
    split that way (the caller reports why the whole text was not understood). AnswerError when
    the first part fits `step` but the rest does not fit the next question: nothing is recorded."""
    split = kind_of(step.question).split_lead(text, step.question, step.instance)
    if split is None:
        return None
    head, rest = split
    try:
        parse_answer(head, step.question, step.instance)
    except AnswerError:
        return None
    following = _following(engine, step, head)
    if following is None:
        return None
    try:
        parse_answer(rest, following.question, following.instance)
    except AnswerError as exc:
        raise AnswerError(
            f"已看懂{show(head)}；后面的{show(rest)}是下一问（{following.short}）的回答，但没有看懂：{exc}"
        ) from None
    first = engine.answer(head)
    if not first.accepted or first.problem or engine.current() is None or engine.current().id != following.id:
        first.message += f" 后面的{show(rest)}没有记下，请在下一问再填。"
        return first
    second = engine.answer(rest)
    second.message = f"{first.message} {second.message}"
    second.findings = first.findings + second.findings
    return second


def _following(engine: Engine, step: Step, head: str) -> Optional[Step]:
    """The question that comes right after `step` once it is answered `head`, if it is still to be
    asked; the session is left as it was."""
    interview = engine.session.interview
    kept_answers, kept_position = dict(interview.answers), interview.position
    interview.answers[step.id] = head
    interview.position = None
    try:
        engine.replay()
        ids = [s.id for s in engine.steps]
        at = ids.index(step.id) if step.id in ids else -1
        after = engine.steps[at + 1] if 0 <= at < len(ids) - 1 else None
        return after if after is not None and after.pending and after.raw is None else None
    finally:
        interview.answers.clear()
        interview.answers.update(kept_answers)
        interview.position = kept_position
        engine.replay()
