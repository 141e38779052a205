"""Issue 13, item 13: the message says what is really wrong. An unreadable answers file creates
nothing; a file in the current folder does not hide a saved session; one bad byte does not make a
UTF-8 report unreadable; a fee of -0.0 prints 0. Each through the real command line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

import nianbao.cli  # noqa: F401  (registers the commands)
from nianbao import datadir, store
from nianbao.cli.common import app
from nianbao.importer.forms import report_suffixes

REPO = Path(__file__).resolve().parents[1]
ANSWERS = REPO / "examples" / "lilin-2021-answers.yaml"
CLEAN = REPO / "tests" / "fixtures" / "importer" / "clean-2021.txt"
runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, list(args))


def _unreadable(kind: str, folder: Path) -> Path:
    path = folder / f"{kind}.yaml"
    if kind == "folder":
        path.mkdir()
    elif kind == "not_utf8":
        path.write_bytes("agency.name: 梨林镇".encode("gb18030"))
    else:
        path.write_text("- agency.name\n- 梨林镇\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("kind", ["not_utf8", "a_list", "folder"])
def test_an_unreadable_answers_file_creates_no_session_and_leaves_the_name_free(kind, data_dir, tmp_path):
    bad = _unreadable(kind, tmp_path)
    result = run("new", "--answers", str(bad), "--name", "lilin")
    assert result.exit_code == 2
    assert "错误：" in result.output and str(bad) in result.output
    assert "Traceback" not in result.output
    assert store.list_sessions() == []
    again = run("new", "--answers", str(ANSWERS), "--name", "lilin")
    assert again.exit_code == 0, again.output


def _saved_lilin(data_dir: Path, lilin_path: Path) -> None:
    folder = store.sessions_dir(data_dir)
    folder.mkdir(parents=True)
    shutil.copy(lilin_path, folder / "lilin.json")


@pytest.mark.parametrize("shadow", ["folder", "file"])
@pytest.mark.parametrize("command", ["print", "check", "export"])
def test_a_file_in_the_current_folder_does_not_hide_a_saved_session(
    shadow, command, data_dir, lilin_path, tmp_path, monkeypatch
):
    _saved_lilin(data_dir, lilin_path)
    here = tmp_path / "here"
    here.mkdir()
    monkeypatch.chdir(here)
    if shadow == "folder":
        (here / "lilin").mkdir()
    else:
        (here / "lilin").write_text("不是年报", encoding="utf-8")
    args = [command, "lilin"] + (["-o", str(tmp_path / "out.txt"), "-f", "txt"] if command == "export" else [])
    result = run(*args)
    assert result.exit_code == 0, result.output
    assert "文件夹" not in result.output and "没有可读" not in result.output
    shown = (tmp_path / "out.txt").read_text(encoding="utf-8") if command == "export" else result.output
    assert "梨林镇" in shown


def test_an_argument_that_looks_like_a_path_is_the_file(data_dir, lilin_path, tmp_path, monkeypatch):
    _saved_lilin(data_dir, lilin_path)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "lilin").mkdir()
    result = run("print", "./lilin")
    assert result.exit_code == 2
    assert "是文件夹" in result.output
    # a name no session has, but a file has: the file
    shutil.copy(lilin_path, tmp_path / "mine")
    assert datadir.resolve("mine") == Path("mine")


def test_every_report_suffix_makes_a_path(data_dir):
    for suffix in (*report_suffixes(), store.SUFFIX):
        assert datadir.looks_like_path(f"lilin{suffix}")
    for typed in ("a/b", "a\\b", ".lilin", "~/lilin"):
        assert datadir.looks_like_path(typed)
    assert not datadir.looks_like_path("lilin")
    assert not datadir.looks_like_path("梨林镇2021")


def test_one_bad_byte_in_a_utf8_report_is_replaced_and_noted(tmp_path):
    data = CLEAN.read_bytes()
    at = data.index("主动公开".encode("utf-8")) + 1
    damaged = tmp_path / "damaged.txt"
    damaged.write_bytes(data[:at] + b"\xff" + data[at + 1:])  # one byte of 主 overwritten
    result = run("check", str(damaged))
    whole = run("check", str(CLEAN))
    assert "无法识别文件的文字编码" not in result.output
    assert result.exit_code == whole.exit_code, result.output
    assert "1 处无法识别的文字" in result.output and "\ufffd" in result.output
    assert "无法识别" not in whole.output
    assert result.output.splitlines()[0] == whole.output.splitlines()[0].replace(str(CLEAN), str(damaged))


def test_a_report_in_gb18030_is_still_read_as_gb18030(tmp_path):
    text = CLEAN.read_text(encoding="utf-8")
    gb = tmp_path / "gb.txt"
    gb.write_bytes(text.encode("gb18030"))
    result = run("check", str(gb))
    assert "\ufffd" not in result.output and "无法识别" not in result.output
    assert result.output.splitlines()[0] == run("check", str(CLEAN)).output.splitlines()[0].replace(str(CLEAN), str(gb))


def test_a_fee_of_minus_zero_prints_0(lilin_path, tmp_path):
    raw = lilin_path.read_text(encoding="utf-8")
    assert raw.count('"fees": "0"') == 1
    path = tmp_path / "s.json"
    path.write_text(raw.replace('"fees": "0"', '"fees": "-0.0"'), encoding="utf-8")
    result = run("print", str(path))
    assert result.exit_code == 0, result.output
    fee_line = next(line for line in result.output.splitlines() if line.startswith("行政事业性收费"))
    assert fee_line.split()[-1] == "0"
    assert "-0" not in result.output


def test_from_last_year_takes_a_saved_sessions_name(data_dir, lilin_path):
    _saved_lilin(data_dir, lilin_path)
    result = runner.invoke(app, ["new", "--from", "lilin", "--plain", "--name", "next"], input="")
    assert result.exit_code == 0, result.output
    assert "找不到" not in result.output
    assert store.load(store.sessions_dir(data_dir) / "next.json").report.agency.name == "梨林镇人民政府"
