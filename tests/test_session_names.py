"""Issue 13, item 7: --name never leaves the sessions folder. A name is one path segment without
control characters, at most 100 characters; anything else is a Chinese message and no file."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

import nianbao.cli  # noqa: F401  (registers the commands)
from nianbao import store
from nianbao.cli.common import app
from test_lock import NIANBAO

REPO = Path(__file__).resolve().parents[1]
ANSWERS = REPO / "examples" / "lilin-2021-answers.yaml"
runner = CliRunner()


def _files(root: Path) -> set[Path]:
    return {p for p in root.rglob("*") if p.is_file()}


@pytest.mark.parametrize(
    "name", ["../../x", "../x", "a/b", "deleted/z", "a\\b", "a\x1bb", "l" * 101, "名" * 67, "..", " ", "a:b"],
    ids=["up2", "up1", "sub", "trash", "backslash", "escape", "long", "long_chinese", "dots", "blank", "colon"],
)
def test_a_name_that_is_not_one_plain_file_name_is_refused(name, tmp_path, monkeypatch):
    data_dir = tmp_path / "a" / "b" / "data"
    data_dir.mkdir(parents=True)
    monkeypatch.setenv(store.ENV_DATA_DIR, str(data_dir))
    result = runner.invoke(app, ["new", "--answers", str(ANSWERS), "--name", name])
    assert result.exit_code == 2, result.output
    assert "会话名" in result.output and "Traceback" not in result.output
    assert "\x1b" not in result.output
    assert not [p for p in _files(tmp_path) if not p.name.endswith(".lock")]


def test_an_absolute_name_is_refused(data_dir, tmp_path):
    target = tmp_path / "elsewhere" / "y"
    result = runner.invoke(app, ["new", "--answers", str(ANSWERS), "--name", str(target)])
    assert result.exit_code == 2
    assert not target.with_suffix(".json").exists()


@pytest.mark.parametrize("name", ["l" * 100, "梨林镇" * 22], ids=["latin", "chinese"])
def test_the_longest_plain_names_are_sessions(name, data_dir):
    result = runner.invoke(app, ["new", "--answers", str(ANSWERS), "--name", name])
    assert result.exit_code == 0, result.output
    assert (store.sessions_dir(data_dir) / f"{name}.json").is_file()


def test_the_tui_path_of_new_refuses_a_bad_name_before_starting(tmp_path):
    env = dict(os.environ, NIANBAO_DATA_DIR=str(tmp_path / "data"), PYTHONIOENCODING="utf-8")
    result = subprocess.run(
        [str(NIANBAO), "new", "--name", "../../x"], capture_output=True, text=True, env=env, timeout=60,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 2
    assert "会话名“../../x”不能用" in result.stderr
    assert not (tmp_path / "x.json").exists()
