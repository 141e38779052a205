"""`kill -9` never costs an accepted answer, and never leaves a session file that does not load.

The real `nianbao` console script is driven line by line (`new --plain`, answers on a pipe: the
plain mode reads stdin with rich's console.input, which works when stdin is not a terminal),
and in the TUI through tmux. Every accepted answer is saved atomically before the next question
is asked, so a SIGKILL between answers must leave the session file holding exactly the answers
given, with no temp file behind.
"""

from __future__ import annotations

import json
import os
import shlex
import signal
import subprocess
import time
from pathlib import Path

import pytest

from nianbao import store
from tui_helpers import (
    NIANBAO,
    Tmux,
    interview_script,
    lilin_answers,
    tmux_answer,
    tmux_env,
    tmux_missing,
)

TIMEOUT = 30.0


def single_line_answers() -> list[tuple[str, str]]:
    """(question id, answer) in the order asked, up to the first multi-line answer."""
    out = []
    for question in interview_script(lilin_answers()):
        if "\n" in question.answer:
            break
        out.append((question.id, question.answer))
    return out


def answers_on_disk(path: Path) -> dict | None:
    try:
        return json.loads(path.read_text(encoding="utf-8"))["interview"]["answers"]
    except (OSError, ValueError, KeyError):
        return None


def wait_for(predicate, what: str, proc: subprocess.Popen | None = None) -> None:
    deadline = time.monotonic() + TIMEOUT
    while not predicate():
        if proc is not None and proc.poll() is not None:
            raise AssertionError(f"nianbao exited ({proc.returncode}) before {what}")
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.02)


def temp_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.name.endswith(".tmp"))


@pytest.fixture
def plain_run(tmp_path: Path):
    """Start `nianbao new --plain --name k` on a pipe; yields (process, session path, data dir)."""
    data_dir = tmp_path / "data"
    log = (tmp_path / "out.log").open("wb")
    env = dict(os.environ, NIANBAO_DATA_DIR=str(data_dir), PYTHONIOENCODING="utf-8")
    proc = subprocess.Popen(
        [str(NIANBAO), "--data-dir", str(data_dir), "new", "--plain", "--name", "k"],
        stdin=subprocess.PIPE,
        stdout=log,
        stderr=subprocess.STDOUT,
        env=env,
    )
    try:
        yield proc, store.sessions_dir(data_dir) / "k.json", data_dir
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait(timeout=10)
        proc.stdin.close()
        log.close()


@pytest.mark.parametrize("count", [1, 7, 14])
def test_sigkill_between_answers_keeps_every_accepted_answer(plain_run, count):
    proc, path, _ = plain_run
    given = single_line_answers()[:count]
    assert len(given) == count
    # Exactly `count` lines: after the last one, nianbao saves and waits for the next answer.
    proc.stdin.write("".join(f"{text}\n" for _, text in given).encode("utf-8"))
    proc.stdin.flush()
    wait_for(lambda: len(answers_on_disk(path) or {}) == count, f"{count} answers in {path.name}", proc)

    proc.send_signal(signal.SIGKILL)
    assert proc.wait(timeout=10) == -signal.SIGKILL

    session = store.load(path)
    assert session.interview.answers == dict(given)
    assert session.report.agency.name == "梨林镇人民政府"
    assert temp_files(path.parent) == []
    if count > 1:
        # The backup is the previous good version: one answer fewer.
        assert store.load(store.backup_path(path)).interview.answers == dict(given[:-1])


@pytest.mark.parametrize("seen", [2, 9])
def test_sigkill_while_answering_leaves_a_loadable_session(plain_run, seen):
    """Killed while it is still working through queued answers (possibly mid-save): the file
    still loads and holds at least what was seen on disk, in question order."""
    proc, path, _ = plain_run
    given = single_line_answers()
    proc.stdin.write("".join(f"{text}\n" for _, text in given).encode("utf-8"))
    proc.stdin.flush()
    wait_for(lambda: len(answers_on_disk(path) or {}) >= seen, f"{seen} answers in {path.name}", proc)

    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=10)

    answers = store.load(path).interview.answers
    assert len(answers) >= seen
    assert answers == dict(given[: len(answers)])
    store.load(store.backup_path(path))  # the backup is a complete session too
    assert len(temp_files(path.parent)) <= 1  # at most the one write the kill interrupted


@pytest.mark.e2e
@pytest.mark.skipif(tmux_missing(), reason="tmux is not installed (see .ci/apt-packages)")
def test_sigkill_of_the_tui_between_answers(tmp_path: Path):
    data_dir = tmp_path / "data"
    term = Tmux(tmux_env(data_dir))
    try:
        script = interview_script(lilin_answers())
        # The console script is the pane's own process, so pane_pid is nianbao itself.
        term.start("kill", f"{shlex.quote(str(NIANBAO))} new --name k", keep_open=False)
        pid = term.pane_pid()
        for question in script[:4]:
            tmux_answer(term, data_dir, question)
        term.wait_for_text(script[4].hint)  # the next question is asked: between answers
        os.kill(pid, signal.SIGKILL)
        path = store.sessions_dir(data_dir) / "k.json"
        wait_for(lambda: not _alive(pid), "the killed TUI to go away")
    finally:
        term.kill_server()

    assert store.load(path).interview.answers == {q.id: q.answer for q in script[:4]}
    assert temp_files(path.parent) == []


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie until tmux reaps it: that is gone for our purposes.
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as handle:
            return handle.read().split(") ")[-1][:1] != "Z"
    except OSError:
        return False
