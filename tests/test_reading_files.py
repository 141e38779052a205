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
