"""Bad command lines get one Chinese line naming what is wrong, exit code 2, never Click's English
usage block; good ones keep their exit codes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def nianbao(*args: str, data_dir: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "NIANBAO_DATA_DIR": str(data_dir)}
    command = [str(Path(sys.executable).parent / "nianbao"), *args]  # the console script, as a clerk types it
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=60)


@pytest.mark.parametrize("command", [[], ["new"], ["resume"], ["sessions"], ["print"], ["export"], ["check"], ["serve"]])
def test_help_is_in_chinese(tmp_path: Path, command):
    result = nianbao(*command, "--help", data_dir=tmp_path)
    assert result.returncode == 0
    assert result.stdout.startswith(f"用法：nianbao {' '.join(command)}".rstrip() + " [选项]")
    assert "选项：" in result.stdout and "显示本帮助并退出。" in result.stdout
    for english in ("Usage", "Options", "Arguments", "Commands", "Show this message", "[required]", "<str>", "{"):
        assert english not in result.stdout


def test_help_names_arguments_as_the_readme_does(tmp_path: Path):
    export = nianbao("export", "--help", data_dir=tmp_path).stdout
    assert export.startswith("用法：nianbao export [选项] SESSION\n")
    assert "参数：\n  SESSION  会话文件路径或会话名  [必填]" in export
    assert "-o, --output FILE" in export and "[必填]" in export.split("--output FILE")[1].splitlines()[0]
    assert "用法：nianbao check [选项] FILE..." in nianbao("check", "--help", data_dir=tmp_path).stdout
    assert "命令：\n  check " in nianbao("--help", data_dir=tmp_path).stdout


@pytest.mark.parametrize(
    "args, expected",
    [
        (["prnt"], "错误：没有命令 prnt（是不是 print、export？）。用 nianbao --help 查看用法。"),
        (["print"], "错误：缺少参数 SESSION。用 nianbao print --help 查看用法。"),
        (["export", "lilin"], "错误：缺少选项 -o / --output。用 nianbao export --help 查看用法。"),
        (["new", "--bogus"], "错误：没有选项 --bogus。用 nianbao new --help 查看用法。"),
        (["new", "extra"], "错误：多余的参数：extra。用 nianbao new --help 查看用法。"),
        (["new", "--name"], "错误：选项 --name 后面要跟一个值。"),
        (["check"], "错误：缺少参数 FILE。用 nianbao check --help 查看用法。"),
    ],
)
def test_usage_errors_are_one_chinese_line(tmp_path: Path, args, expected):
    result = nianbao(*args, data_dir=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith(expected)
    assert len(result.stderr.strip().splitlines()) == 1
    for english in ("Usage:", "Error:", "Traceback", "Missing", "No such"):
        assert english not in result.stderr


def test_good_command_lines_keep_their_exit_codes(tmp_path: Path):
    assert nianbao("--help", data_dir=tmp_path).returncode == 0
    assert "新建一份年报" in nianbao("--help", data_dir=tmp_path).stdout
    assert nianbao("sessions", data_dir=tmp_path).returncode == 0
    assert nianbao("check", str(EXAMPLES / "lilin-2021.json"), data_dir=tmp_path).returncode == 0
    assert nianbao("check", str(EXAMPLES / "broken-2022.json"), data_dir=tmp_path).returncode == 1
    missing = nianbao("print", "no-such-session", data_dir=tmp_path)
    assert missing.returncode == 2 and "找不到会话文件" in missing.stderr
