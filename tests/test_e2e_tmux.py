"""End to end: the real `nianbao` console script in a real terminal (tmux).

The clerk starts nianbao, begins a new report, answers part of it (Chinese with full-width
punctuation, typed as the terminal delivers it), quits with Ctrl+Q, starts nianbao again, resumes
the session from the list, answers the rest, lands on the review, and presses P to finish and
print. The session file is checked after the quit, and the text printed to the terminal after the
program exits is checked against the typed answers and against `nianbao print --plain`.
"""

from __future__ import annotations

import shlex
import subprocess
from pathlib import Path

import pytest

from nianbao.interview.kinds import AREA, KINDS
from tui_helpers import (
    EXIT_MARK,
    NIANBAO,
    Tmux,
    flat,
    interview_script,
    lilin_answers,
    saved_answers,
    tmux_answer,
    tmux_env,
    tmux_missing,
)

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(tmux_missing(), reason="tmux is not installed (see .ci/apt-packages)"),
]

# Answered in the first run; the rest after quitting and resuming.
QUIT_AFTER = "active.channels"
CHANNELS = "微信公众号“大美梨林”510条，济源市人民政府网梨林镇版块340条"


@pytest.fixture
def term(tmp_path: Path):
    session = Tmux(tmux_env(tmp_path / "data"))
    yield session
    session.kill_server()


def test_interview_quit_resume_finish_and_print(term: Tmux, tmp_path: Path):
    data_dir = tmp_path / "data"
    answers = lilin_answers()
    assert answers["active.channels"] == CHANNELS
    script = interview_script(answers)
    hints = [q.hint for q in script]
    assert len(set(hints)) == len(hints), "the hint lines must tell the questions apart"
    split = [q.id for q in script].index(QUIT_AFTER) + 1
    first, rest = script[:split], script[split:]
    assert any(KINDS[q.kind].widget == AREA for q in first), "the first run should also use the TextArea"

    # --- first run: new report, some answers, an unsent one, Ctrl+Q -----------------------------
    term.start("first", shlex.quote(str(NIANBAO)))
    term.wait_for_text("还没有保存的年报")
    term.keys("n")
    for question in first:
        tmux_answer(term, data_dir, question)
    term.wait_for_text(rest[0].hint)
    term.type("未发送的回答")
    term.wait_for(lambda: "未发送的回答" in term.answer_box(rest[0].hint), "the unsent answer in the box")
    term.keys("C-q")
    term.wait_for(lambda: term.exit_code() is not None, "nianbao to exit after Ctrl+Q")
    assert term.exit_code() == 0

    path, saved = saved_answers(data_dir)
    assert saved == {q.id: q.answer for q in first}
    assert saved["active.channels"] == CHANNELS

    # --- second run: resume from the list, finish, review, P ------------------------------------
    term.start("second", shlex.quote(str(NIANBAO)))
    term.wait_for_text("梨林镇人民政府  2021 年")
    term.keys("Enter")  # the only session is highlighted
    term.wait_for_text("欢迎回来")
    for question in rest:
        tmux_answer(term, data_dir, question)
    # The review opens by itself after the last answer.
    term.wait_for_text("完成并打印全文")
    term.wait_for_text("检查你的回答")
    term.keys("p")
    term.wait_for(lambda: term.exit_code() is not None, "nianbao to exit after P")
    assert term.exit_code() == 0

    assert saved_answers(data_dir) == (path, {q.id: q.answer for q in script})
    printed = flat(term.everything().split(EXIT_MARK)[0])
    # The printed text is the report as `nianbao print` renders it...
    plain = subprocess.run(
        [str(NIANBAO), "print", str(path), "--plain"], env=term.env, capture_output=True, text=True, timeout=60
    )
    assert plain.returncode == 0, plain.stderr
    assert "梨林镇人民政府2021年政府信息公开工作年度报告" in plain.stdout
    assert flat(plain.stdout) in printed
    # ...and it holds what was typed, full-width punctuation intact.
    assert "微信公众号“大美梨林”510条" in printed and "济源市人民政府网梨林镇版块340条" in printed
    prose = [q for q in script if q.kind in ("text", "paragraph", "list", "labelled_counts") and len(q.answer) > 4]
    assert len(prose) >= 10
    for question in prose:
        if question.id == "active.channels":
            continue  # rendered with 、 between the channels, checked above
        for line in question.answer.splitlines():
            assert flat(line) in printed, f"{question.id}: {line!r} is not in the printed report"


def test_the_terminal_cursor_follows_the_caret_through_chinese_text(term: Tmux, tmp_path: Path):
    """An IME draws its candidate window at the terminal cursor. It must sit on the caret: in the
    empty box once the screen has settled (the footer arrives after the first frame and moves the
    box up a row), after typed Chinese with full-width punctuation (two cells a character), and
    when the caret moves back."""
    from rich.cells import cell_len

    term.start("cursor", f"{shlex.quote(str(NIANBAO))} new --name cursor")
    term.wait_for_text("^q 退出")  # the footer is there: the layout has settled

    def cursor() -> tuple[int, int]:
        x, y = term.tmux("display-message", "-p", "-t", term.target, "#{cursor_x} #{cursor_y}").split()
        return int(x), int(y)

    def cell_after(text: str, characters: int) -> tuple[int, int]:
        lines = term.screen().splitlines()
        row = next(i for i, line in enumerate(lines) if text in line)
        return cell_len(lines[row][: lines[row].index(text) + characters]), row

    placeholder = "在这里输入回答"
    term.wait_for(lambda: cursor() == cell_after(placeholder, 0), f"the cursor in the empty box (at {cursor()})")
    typed = "梨林镇人民政府，（测试）"
    term.type(typed)
    term.wait_for(lambda: typed in term.screen(), "the typed text")
    term.wait_for(lambda: cursor() == cell_after(typed, len(typed)), f"the cursor after the text (at {cursor()})")
    term.keys("Left", "Left", "Left")
    term.wait_for(lambda: cursor() == cell_after(typed, len(typed) - 3), f"the cursor three characters back (at {cursor()})")
    term.keys("C-q")
