"""A session drafted in one place is refused in another (issue 13, item 1), with real processes.

The second instance must say where the session is open (host, process, since when); a killed
holder never blocks the next start; print, check and export only read and take no lock.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
from pathlib import Path

import pytest

from nianbao import lock, store
from tui_helpers import NIANBAO, lilin_answers

REPO = Path(__file__).resolve().parents[1]
ANSWERS = REPO / "examples" / "lilin-2021-answers.yaml"
TIMEOUT = 30.0


def _env(data_dir: Path) -> dict[str, str]:
    return dict(os.environ, NIANBAO_DATA_DIR=str(data_dir), PYTHONIOENCODING="utf-8")


def _nianbao(data_dir: Path, *args: str, input: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(NIANBAO), *args], input=input, capture_output=True, text=True, env=_env(data_dir), timeout=120
    )


def _wait_for(predicate, what: str, proc: subprocess.Popen) -> None:
    deadline = time.monotonic() + TIMEOUT
    while not predicate():
        if proc.poll() is not None:
            raise AssertionError(f"nianbao exited ({proc.returncode}) before {what}")
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.02)


@pytest.fixture
def holder(tmp_path: Path):
    """`nianbao new --plain --name s` waiting at its first question: it holds the lock."""
    data_dir = tmp_path / "data"
    proc = subprocess.Popen(
        [str(NIANBAO), "new", "--plain", "--name", "s"],
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=_env(data_dir),
    )
    path = store.sessions_dir(data_dir) / "s.json"
    try:
        _wait_for(lambda: path.is_file() and lock.owner_path(path).is_file(), "the session and its lock", proc)
        yield proc, path, data_dir
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait(timeout=10)
        proc.stdin.close()


def test_a_second_plain_resume_is_refused_saying_where(holder):
    proc, path, data_dir = holder
    second = _nianbao(data_dir, "resume", "s", "--plain", input="梨林镇人民政府\n")
    assert second.returncode == 2
    message = second.stderr
    assert "正在另一处填写" in message and "Traceback" not in message
    assert socket.gethostname() in message and f"进程 {proc.pid}" in message and "起" in message
    # The holder's session is untouched by the refused one.
    assert store.load(path).interview.answers == {}


def test_the_tui_is_refused_too_before_it_starts(holder):
    _, _, data_dir = holder
    second = _nianbao(data_dir, "resume", "s")
    assert second.returncode == 2 and "正在另一处填写" in second.stderr


def test_reading_commands_take_no_lock(holder, tmp_path):
    _, path, data_dir = holder
    assert _nianbao(data_dir, "sessions").returncode == 0
    assert _nianbao(data_dir, "check", "s").returncode in (0, 1)  # an empty report has findings
    printed = _nianbao(data_dir, "print", "s")
    assert "正在另一处填写" not in printed.stderr


def test_a_killed_holder_never_blocks_the_next_start(holder):
    proc, path, data_dir = holder
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=10)
    answers = lilin_answers()
    second = _nianbao(data_dir, "resume", "s", "--plain", input=answers["agency.name"] + "\n")
    assert second.returncode == 0, second.stderr
    assert store.load(path).interview.answers["agency.name"] == answers["agency.name"]


def test_two_answers_runs_with_one_name_one_wins_and_the_other_says_so(tmp_path):
    data_dir = tmp_path / "data"
    args = [str(NIANBAO), "new", "--answers", str(ANSWERS), "--name", "same"]
    procs = [
        subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=_env(data_dir))
        for _ in range(2)
    ]
    results = [(p.wait(timeout=120), *p.communicate()) for p in procs]
    codes = sorted(code for code, _, _ in results)
    assert codes == [0, 2], results
    loser = next(err for code, _, err in results if code == 2)
    assert "正在另一处填写" in loser or "已存在" in loser
    assert store.load(store.sessions_dir(data_dir) / "same.json").interview.finished


def test_in_one_process_the_lock_is_held_once_and_released(tmp_path):
    path = tmp_path / "s.json"
    assert lock.acquire(path) and lock.acquire(path)  # the CLI, then the TUI it opens
    assert lock.owner_path(path).is_file()
    lock.release(path)
    assert not lock.owner_path(path).exists()
    assert not lock.is_locked(path)
