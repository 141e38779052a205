"""A save that fails is reported as failed everywhere (issue 13, item 3): the TUI's Ctrl+S and
Ctrl+Q, the `--plain` last line and exit code, `new --answers`. Tests run as root, which ignores
permission bits: the failure is an injected failing write, or a file-size limit (RLIMIT_FSIZE)
on a real process."""

from __future__ import annotations

import errno
import os
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

import nianbao.cli  # noqa: F401  (registers the commands)
from nianbao import store
from nianbao.cli.common import app
from nianbao.interview.engine import Engine
from nianbao.session import Session
from nianbao.tui.app import NianbaoApp
from nianbao.tui.confirm import ConfirmScreen
from tui_helpers import NIANBAO, answer, lilin_answers, make_session, wait_until

REPO = Path(__file__).resolve().parents[1]
ANSWERS = REPO / "examples" / "lilin-2021-answers.yaml"
runner = CliRunner()


@pytest.fixture
def home(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "home"
    folder.mkdir()
    monkeypatch.setenv("HOME", str(folder))
    monkeypatch.setattr(store, "rescue_folders", lambda: [folder])
    return folder


def fail_writes_under(monkeypatch, folder: Path) -> None:
    """Every write into `folder` fails as a full disk does; writes elsewhere work."""
    real = store.write_bytes_atomically  # chain: several folders may fail at once

    def failing(path, data, **kwargs):
        if Path(path).resolve().is_relative_to(folder.resolve()):
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(path, data, **kwargs)

    monkeypatch.setattr(store, "write_bytes_atomically", failing)


def test_a_failed_save_says_not_saved_and_saves_a_copy_elsewhere(tmp_path, home, monkeypatch):
    sessions = tmp_path / "sessions"
    fail_writes_under(monkeypatch, sessions)
    engine = Engine(Session(), sessions / "s.json")
    reply = engine.answer("梨林镇人民政府")
    assert reply.problem and "自动保存失败" in reply.message and "未保存" in reply.message
    rescued = home / "nianbao-未保存-s.json"
    assert str(rescued) in reply.message
    assert store.load(rescued).interview.answers == {"agency.name": "梨林镇人民政府"}
    assert not (sessions / "s.json").exists()
    monkeypatch.undo()  # the disk has room again: the next save writes everything
    assert engine.save() and engine.save_error is None
    assert store.load(sessions / "s.json").interview.answers == {"agency.name": "梨林镇人民政府"}


def test_when_nowhere_takes_it_the_message_says_so(tmp_path, home, monkeypatch):
    fail_writes_under(monkeypatch, tmp_path)
    engine = Engine(Session(), tmp_path / "sessions" / "s.json")
    assert not engine.save()
    assert "另存到其他位置也失败" in engine.save_error


def test_new_answers_does_not_claim_a_file_it_could_not_write(data_dir, home, monkeypatch):
    fail_writes_under(monkeypatch, data_dir)
    fail_writes_under(monkeypatch, home)  # nowhere to save at all
    result = runner.invoke(app, ["new", "--answers", str(ANSWERS), "--name", "a"])
    assert result.exit_code == 2
    assert "自动保存失败" in result.output and "已保存到" not in result.output and "未通过" not in result.output
    assert not (store.sessions_dir(data_dir) / "a.json").exists()


def _limit_file_size(size: int):
    def limit() -> None:
        import resource  # POSIX only: this test runs where a file-size limit exists

        resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))

    return limit


@pytest.mark.skipif(os.name != "posix", reason="RLIMIT_FSIZE is POSIX")
def test_plain_under_a_file_size_limit_ends_saying_not_saved_with_a_non_zero_exit(tmp_path):
    data_dir = tmp_path / "data"
    env = dict(os.environ, NIANBAO_DATA_DIR=str(data_dir), PYTHONIOENCODING="utf-8", HOME=str(tmp_path))
    answers = lilin_answers()
    done = subprocess.run(
        [str(NIANBAO), "new", "--plain", "--name", "p"],
        input=answers["agency.name"] + "\n",
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        preexec_fn=_limit_file_size(600),  # the lock's note fits, a session does not
    )
    assert done.returncode == 2, done.stdout + done.stderr
    last = done.stdout.strip().splitlines()[-1]
    assert "没有保存" in last and "已确认的回答都已保存" not in done.stdout
    assert "Traceback" not in done.stdout + done.stderr


async def test_tui_ctrl_s_says_not_saved_and_ctrl_q_asks_first(data_dir, home, monkeypatch):
    path = make_session(data_dir, "t", lilin_answers(), stop="agency.contact.address")
    fail_writes_under(monkeypatch, data_dir)
    fail_writes_under(monkeypatch, home)
    tui = NianbaoApp(data_dir=str(data_dir), session_path=path)
    async with tui.run_test(size=(120, 40)) as pilot:
        await wait_until(pilot, lambda: tui.engine is not None, what="the engine")
        await answer(pilot, lilin_answers()["agency.contact.address"])
        assert tui.engine.save_error
        await pilot.press("ctrl+s")
        await pilot.pause()
        messages = [n.message for n in tui._notifications]
        assert not any(m.startswith("已保存") for m in messages)
        assert "自动保存失败" in messages[-1]
        await pilot.press("ctrl+q")
        await wait_until(pilot, lambda: isinstance(tui.screen, ConfirmScreen), what="the question before quitting")
        assert tui.is_running
        await pilot.click("#confirm-yes")
        await pilot.pause()
    assert tui.return_code == 2
