"""One atomic write for sessions and exports (fs.py): fsync of file and folder, links written
through, special files never replaced."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import nianbao.cli  # noqa: F401  (registers the commands)
from nianbao import fs, store
from nianbao.cli.common import EXIT_UNUSABLE, app

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="symlinks, FIFOs and device nodes")


def test_the_file_and_its_folder_are_fsynced(tmp_path, monkeypatch):
    synced: list[int] = []
    real_fsync = os.fsync
    monkeypatch.setattr(os, "fsync", lambda fd: (synced.append(fd), real_fsync(fd))[1])
    target = tmp_path / "out.txt"
    fs.write_atomically(target, lambda tmp: tmp.write_text("正文", encoding="utf-8"))
    assert target.read_text(encoding="utf-8") == "正文"
    assert len(synced) == 2  # the file, then the folder (the rename)
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_an_export_has_ordinary_permissions_and_a_session_private_ones(tmp_path):
    export = fs.write_bytes_atomically(tmp_path / "a.txt", b"x")
    session = fs.write_bytes_atomically(tmp_path / "s.json", b"{}", private=True)
    if sys.platform != "win32":
        assert stat.S_IMODE(session.stat().st_mode) == 0o600
        assert stat.S_IMODE(export.stat().st_mode) & 0o044  # readable by others, as umask allows


@posix_only
def test_a_session_that_is_a_link_stays_a_link_and_its_target_is_updated(tmp_path, lilin):
    real = tmp_path / "elsewhere" / "lilin.json"
    real.parent.mkdir()
    store.save(lilin, real)
    link = tmp_path / "lilin.json"
    link.symlink_to(real)
    lilin.report.agency.name = "改过的名字"
    store.save(lilin, link)
    assert link.is_symlink()
    assert store.load(real).report.agency.name == "改过的名字"
    assert store.backup_path(real).exists() and not store.backup_path(link).exists()


@posix_only
@pytest.mark.parametrize("make", ["fifo", "device", "folder"])
def test_export_never_replaces_a_special_file(tmp_path, lilin_path, make):
    target = tmp_path / "target.txt"
    if make == "fifo":
        os.mkfifo(target)
    elif make == "device":
        try:
            os.mknod(target, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # a private /dev/null
        except PermissionError:
            pytest.skip("mknod needs root")
    else:
        target.mkdir()
    before = target.lstat().st_mode
    result = CliRunner().invoke(app, ["export", str(lilin_path), "-f", "txt", "-o", str(target), "--force"])
    assert result.exit_code == EXIT_UNUSABLE, result.output
    assert ("文件夹" if make == "folder" else "不是普通文件") in result.output and "Traceback" not in result.output
    assert target.lstat().st_mode == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["target.txt"]


@posix_only
def test_export_onto_a_link_writes_the_file_it_points_to(tmp_path, lilin_path):
    real = tmp_path / "real.txt"
    real.write_text("旧", encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    result = CliRunner().invoke(app, ["export", str(lilin_path), "-f", "txt", "-o", str(link), "--force"])
    assert result.exit_code == 0, result.output
    assert link.is_symlink() and "政府信息公开工作年度报告" in real.read_text(encoding="utf-8")
