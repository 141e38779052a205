"""One bounded reader (fs.read_bytes_bounded) for sessions, answers files and published reports."""

from __future__ import annotations

import os
import sys

import pytest

from nianbao.fs import ReadRefused, read_bytes_bounded
from nianbao.importer import ReportImportError, import_path
from nianbao.interview.scripted import ScriptError, load_answers
from nianbao.store import SessionError, load

fifo_only = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")


@fifo_only
@pytest.mark.parametrize(
    "read, error, what",
    [(load, SessionError, "会话文件"), (load_answers, ScriptError, "答案文件"), (import_path, ReportImportError, "报告文件")],
)
def test_a_fifo_is_refused_not_waited_on(tmp_path, read, error, what):
    # Before, reading a FIFO blocked until something wrote to it: `check` hung for ever.
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(error) as info:
        read(fifo)
    assert str(info.value) == f"{fifo} 不是普通文件（是设备或管道），不能作为{what}读取"


@pytest.mark.parametrize(
    "read, error, what",
    [(load, SessionError, "会话文件"), (load_answers, ScriptError, "答案文件"), (import_path, ReportImportError, "报告文件")],
)
def test_missing_and_folder_name_what_was_asked_for(tmp_path, read, error, what):
    with pytest.raises(error) as missing:
        read(tmp_path / "nope.txt")
    assert str(missing.value) == f"找不到{what}：{tmp_path / 'nope.txt'}"
    with pytest.raises(error) as folder:
        read(tmp_path)
    assert str(folder.value) == f"{tmp_path} 是文件夹，不是{what}"


def test_over_the_limit_is_refused_without_reading_it_all(tmp_path):
    path = tmp_path / "big.json"
    path.write_bytes(b"x" * 2001)
    with pytest.raises(ReadRefused) as info:
        read_bytes_bounded(path, "会话文件", 2000)
    assert "会话文件太大" in str(info.value)
    assert read_bytes_bounded(path, "会话文件", 2001) == b"x" * 2001


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root reads any file")
def test_unreadable_says_permission(tmp_path):
    path = tmp_path / "s.json"
    path.write_text("{}")
    path.chmod(0)
    with pytest.raises(SessionError, match="没有权限读取会话文件"):
        load(path)


def _recording_reads(monkeypatch) -> list[int]:
    """The sizes read_bytes_bounded asks each open file for."""
    import io
    from pathlib import Path

    asked: list[int] = []
    real_open = Path.open

    class Recording(io.BufferedReader):
        def read(self, size=-1):
            asked.append(size)
            return super().read(size)

    def open_recording(self, mode="r", *args, **kwargs):
        handle = real_open(self, mode, *args, **kwargs)
        return Recording(handle.detach()) if mode == "rb" else handle

    monkeypatch.setattr(Path, "open", open_recording)
    return asked


def test_a_small_file_is_read_without_asking_for_the_whole_limit(tmp_path, monkeypatch):
    # read(limit + 1) allocated 20 MiB for every 20 KB report: a third of a millisecond each
    # in a batch of thousands.
    path = tmp_path / "r.txt"
    path.write_bytes(b"y" * 300)
    asked = _recording_reads(monkeypatch)
    assert read_bytes_bounded(path, "报告文件", 20 * 1024 * 1024) == b"y" * 300
    assert asked and max(asked) <= 301


def test_a_file_that_grew_after_stat_is_read_up_to_the_limit(tmp_path, monkeypatch):
    import stat as stat_module
    from pathlib import Path

    path = tmp_path / "grows.txt"
    path.write_bytes(b"z" * 500)
    real_stat = Path.stat

    def stale_stat(self, *args, **kwargs):  # stat() saw the file while it was 100 bytes
        info = real_stat(self, *args, **kwargs)
        return os.stat_result((stat_module.S_IFREG | 0o644, *info[1:6], 100, *info[7:]))

    monkeypatch.setattr(Path, "stat", stale_stat)
    assert read_bytes_bounded(path, "报告文件", 1000) == b"z" * 500
    with pytest.raises(ReadRefused, match="太大"):
        read_bytes_bounded(path, "报告文件", 400)
