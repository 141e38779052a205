"""Issue 13, item 5: the temp files killed saves and exports left behind (`.NAME.XXXXXXXX.tmp`)
are removed at the next start (sessions folder) and the next export there (export folder) once
over an hour old and not of a session being drafted now. Nothing else is ever removed."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

from typer.testing import CliRunner

import nianbao.cli  # noqa: F401  (registers the commands)
from nianbao import store
from nianbao.cli.common import app
from test_lock import _nianbao, holder  # noqa: F401  (holder: a fixture)

runner = CliRunner()
TWO_HOURS_AGO = time.time() - 7200


def _make(path: Path, old: bool, folder: bool = False) -> Path:
    if folder:
        path.mkdir()
    else:
        path.write_text("半截内容", encoding="utf-8")
    if old:
        os.utime(path, (TWO_HOURS_AGO, TWO_HOURS_AGO))
    return path


def _left(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()}


def test_a_start_removes_our_stale_temp_files_in_the_sessions_folder_and_nothing_else(data_dir, lilin_path):
    folder = store.sessions_dir(data_dir)
    folder.mkdir(parents=True)
    shutil.copy(lilin_path, folder / "lilin.json")
    stale = [
        _make(folder / ".lilin.json.k3j_9x0a.tmp", old=True),  # a killed save
        _make(folder / ".lilin.json.bak.a1b2c3d4.tmp", old=True),  # a killed backup write
        _make(folder / "..lilin.json.owner.zz00yy11.tmp", old=True),  # the lock's owner note
    ]
    kept = [
        _make(folder / ".lilin.json.fresh123.tmp", old=False),  # a save under way now
        _make(folder / "notes.tmp", old=True),  # the clerk's own files
        _make(folder / ".lilin.json.short.tmp", old=True),
        _make(folder / ".lilin.json.ABCDEFGH.tmp", old=True),
        _make(folder / ".lilin.json.abcdefgh.tmp.txt", old=True),
        _make(folder / ".x.json.abcdefgh.tmp", old=True, folder=True),  # not a file
    ]
    result = runner.invoke(app, ["sessions"])
    assert result.exit_code == 0, result.output
    assert _left(folder) == {"lilin.json"} | {p.name for p in kept}
    assert not any(p.exists() for p in stale)


def test_the_temp_files_of_a_session_being_drafted_are_kept(holder, tmp_path):  # noqa: F811
    proc, path, data_dir = holder
    mine = _make(path.with_name(".s.json.abcdefgh.tmp"), old=True)
    other = _make(path.with_name(".t.json.abcdefgh.tmp"), old=True)
    result = _nianbao(data_dir, "sessions")
    assert result.returncode == 0, result.stderr
    assert mine.exists()  # s is being drafted: its temp file may be its save under way
    assert not other.exists()


def test_an_export_removes_our_stale_temp_files_in_its_folder(lilin_path, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    stale = [_make(out / ".年报.docx.abcdefgh.tmp", old=True), _make(out / ".old.txt.0_0_0_0_.tmp", old=True)]
    kept = [_make(out / ".年报.docx.freshone.tmp", old=False), _make(out / "年报.tmp", old=True)]
    result = runner.invoke(app, ["export", str(lilin_path), "-o", str(out / "年报.txt")])
    assert result.exit_code == 0, result.output
    assert _left(out) == {"年报.txt"} | {p.name for p in kept}
    assert not any(p.exists() for p in stale)
