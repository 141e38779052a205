"""Issue 11 item 9, as a property: whatever the clerk types into any question, every character is
either part of what was recorded or named in the reply as not understood; and the read-back
("已记下：…") is never cut short. Driven through the engine that the TUI, `--plain` and answers
files share, on the county bureau's answers (every kind of question it asks) with a word nobody
could read slipped in anywhere."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nianbao.interview.engine import Engine
from nianbao.interview.kinds import kind_of
from nianbao.session import Session

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
# Words no question reads: not a label, a number, a none-word or punctuation.
JUNK = ["某某", "xyz", "哈哈哈", "QQ群"]


def _walk(name: str) -> list[tuple[str, str, str, Session]]:
    """(question id, its kind, the answer, the session just before it) for every question asked."""
    answers = {str(k): str(v) for k, v in yaml.safe_load((EXAMPLES / name).read_text(encoding="utf-8")).items()}
    engine = Engine(Session())
    points = []
    while (step := engine.current()) is not None:
        text = answers[step.id]
        points.append((step.id, kind_of(step.question).name, text, engine.session.model_copy(deep=True)))
        reply = engine.answer(text)
        assert reply.accepted and not reply.problem, (step.id, reply.message)
    return points


POINTS = _walk("county-bureau-2023-answers.yaml") + _walk("lilin-2021-answers.yaml")


def test_the_walk_covers_every_kind_of_answer():
    from nianbao.interview.kinds import KINDS

    asked = {kind for _, kind, _, _ in POINTS}
    assert asked == set(KINDS), sorted(set(KINDS) - asked)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(index=st.integers(0, len(POINTS) - 1), junk=st.sampled_from(JUNK), where=st.floats(0, 1))
def test_every_character_typed_is_recorded_or_named(index, junk, where):
    question, _kind, answer, before = POINTS[index]
    at = round(where * len(answer))
    typed = answer[:at] + junk + answer[at:]
    engine = Engine(before.model_copy(deep=True))
    reply = engine.answer(typed)
    if reply.accepted:
        assert junk in " ".join(engine.session.interview.answers.values())
        report = json.dumps(engine.session.report.model_dump(mode="json"), ensure_ascii=False)
        assert junk in report or junk in reply.message, (question, typed, reply.message)
    else:
        # Every character named, not the word whole: "…@qingshan.exampleQQ群" reads QQ as the end of
        # the email and names 群, which says back all that was typed.
        assert all(ch in reply.message for ch in junk), (question, typed, reply.message)
    assert "……" not in reply.message  # nothing said back is cut


@pytest.mark.parametrize("question", sorted({q for q, _, _, _ in POINTS}))
def test_the_read_back_lists_every_recognised_piece(question):
    """Said back in full: every number the answer gave appears in "已记下：…"."""
    import re

    point = next(p for p in POINTS if p[0] == question)
    _, _, answer, before = point
    engine = Engine(before.model_copy(deep=True))
    reply = engine.answer(answer)
    assert reply.accepted, reply.message
    if reply.message.startswith("已记下"):
        for number in re.findall(r"\d+(?:\.\d+)?", answer):
            assert number in reply.message, (question, answer, reply.message)
