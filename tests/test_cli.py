"""The command line through its real entry: Typer's CliRunner on the app, and `python -m nianbao`."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import nianbao.cli  # noqa: F401  (registers the commands on the app)
from nianbao import store
from nianbao.cli.common import app
from nianbao.session import Session

GOLDEN_DIR = Path(__file__).resolve().parent / "golden"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def _unwrapped(text: str) -> str:
    """Rich wraps messages at 80 columns when stdout is not a terminal; join the lines back."""
    return "".join(text.splitlines())


def _golden(fmt: str) -> str:
    return (GOLDEN_DIR / f"lilin-2021.{fmt}").read_text(encoding="utf-8")


def _assert_clean_failure(result, code: int, message: str) -> None:
    """Exit `code`, nothing on stdout, exactly one Chinese line `错误：{message}` on stderr."""
    assert result.exit_code == code, (result.stdout, result.stderr)
    assert isinstance(result.exception, SystemExit)
    assert result.stdout == ""
    assert result.stderr == f"错误：{message}\n"
    assert "Traceback" not in result.output


# --- print ----------------------------------------------------------------------------------


def test_print_plain(runner: CliRunner, lilin_path: Path) -> None:
    result = runner.invoke(app, ["print", str(lilin_path), "--plain"])
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    assert result.stdout == _golden("txt")
    lines = result.stdout.splitlines()
    assert lines[0] == "梨林镇人民政府2021年政府信息公开工作年度报告"
    assert "主动公开政府信息850条，其中微信公众号“大美梨林”510条、济源市人民政府网梨林镇版块340条。" in result.stdout


def test_print_without_plain_to_a_pipe_is_plain_text(runner: CliRunner, lilin_path: Path) -> None:
    result = runner.invoke(app, ["print", str(lilin_path)])
    assert result.exit_code == 0
    assert result.stdout == _golden("txt")


def test_print_by_session_name(runner: CliRunner, data_dir: Path, lilin: Session) -> None:
    store.save(lilin, data_dir / "sessions" / "梨林2021.json")
    result = runner.invoke(app, ["print", "梨林2021", "--plain"])
    assert result.exit_code == 0, result.output
    assert result.stdout == _golden("txt")


def test_print_missing_fact(runner: CliRunner, tmp_path: Path, lilin: Session) -> None:
    lilin.report.agency.name = ""
    path = tmp_path / "noname.json"
    store.save(lilin, path)
    result = runner.invoke(app, ["print", str(path), "--plain"])
    _assert_clean_failure(result, 2, f"报告缺少“机关全称”，请先补充（会话：{path}）")


# --- check ----------------------------------------------------------------------------------


def test_check_lilin_is_clean(runner: CliRunner, lilin_path: Path) -> None:
    result = runner.invoke(app, ["check", str(lilin_path)])
    assert result.exit_code == 0, result.output
    assert _unwrapped(result.stdout).startswith(f"{lilin_path}：梨林镇人民政府 2021 年")
    assert result.stderr == ""


def test_check_lilin_json(runner: CliRunner, lilin_path: Path) -> None:
    result = runner.invoke(app, ["check", str(lilin_path), "--json"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert [(r["file"], r["year"], r["agency"]) for r in payload["reports"]] == [
        (str(lilin_path), 2021, "梨林镇人民政府")
    ]
    assert [f for f in payload["reports"][0]["findings"] if f["severity"] == "E"] == []


def test_check_unbalanced_table3_exits_1(runner: CliRunner, tmp_path: Path, lilin: Session) -> None:
    lilin.report.table3.set("new", "natural", 3)
    lilin.report.table3.set("new", "total", 3)
    path = tmp_path / "unbalanced.json"
    store.save(lilin, path)
    result = runner.invoke(app, ["check", str(path), "--json"])
    assert result.exit_code == 1, result.output
    t3_1 = [f for f in json.loads(result.stdout)["reports"][0]["findings"] if f["rule"] == "T3-1"]
    assert [f["message"] for f in t3_1] == [
        "表三「自然人」列：新收 3 + 上年结转 0 = 3，办理结果总计 0 + 结转下年度 0 = 0，相差 3 件。",
        "表三「总计」列：新收 3 + 上年结转 0 = 3，办理结果总计 0 + 结转下年度 0 = 0，相差 3 件。",
    ]


# --- unusable sessions: exit 2, one Chinese line, no traceback ------------------------------


def _write_broken(kind: str, folder: Path, lilin_path: Path) -> Path:
    path = folder / f"{kind}.json"
    raw = json.loads(lilin_path.read_text(encoding="utf-8"))
    if kind == "negative":
        raw["report"]["table3"]["rows"]["granted"][1] = -2
    elif kind == "text_for_number":
        raw["report"]["table3"]["rows"]["new"][0] = "三件"
    if kind == "invalid_json":
        path.write_text('{"schema_version": 1, "report": {', encoding="utf-8")
    elif kind != "missing":
        path.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    return path


BROKEN_MESSAGES = {
    "negative": "会话文件 {path} 中 表三「（一）予以公开」「商业企业」：应为不小于 0 的数，实为“-2”。",
    "text_for_number": "会话文件 {path} 中 表三「一、本年新收政府信息公开申请数量」「自然人」：应为整数，实为“三件”。",
    "invalid_json": "会话文件 {path} 已损坏（第 1 行第 34 列 JSON 格式错误），未做任何改动。",
    "missing": "找不到会话文件：{path}",
}


@pytest.mark.parametrize("command", [["print", "--plain"], ["check"], ["export", "-f", "txt", "-o", "OUT"]])
@pytest.mark.parametrize("kind", list(BROKEN_MESSAGES))
def test_unusable_session_exits_2(
    runner: CliRunner, tmp_path: Path, lilin_path: Path, kind: str, command: list[str]
) -> None:
    path = _write_broken(kind, tmp_path, lilin_path)
    out = tmp_path / "out.txt"
    args = [command[0], str(path), *[str(out) if a == "OUT" else a for a in command[1:]]]
    result = runner.invoke(app, args)
    _assert_clean_failure(result, 2, BROKEN_MESSAGES[kind].format(path=path))
    assert not out.exists()


def test_check_reports_the_unreadable_one_among_several(runner: CliRunner, tmp_path: Path, lilin_path: Path) -> None:
    broken = _write_broken("invalid_json", tmp_path, lilin_path)
    result = runner.invoke(app, ["check", str(lilin_path), str(broken)])
    assert result.exit_code == 2
    assert result.stderr == "错误：" + BROKEN_MESSAGES["invalid_json"].format(path=broken) + "\n"


# --- sessions -------------------------------------------------------------------------------


def test_sessions_lists_a_saved_session(runner: CliRunner, tmp_path: Path, lilin: Session) -> None:
    data = tmp_path / "data"
    store.save(lilin, data / "sessions" / "lilin.json")
    result = runner.invoke(app, ["--data-dir", str(data), "sessions"])
    assert result.exit_code == 0, result.output
    rows = [line for line in result.stdout.splitlines() if "lilin" in line]
    assert len(rows) == 1
    cells = [cell.strip() for cell in rows[0].strip("│ ").split("│")]
    assert cells[:3] == ["lilin", "梨林镇人民政府", "2021"]
    assert cells[4] == lilin.updated.astimezone().strftime("%Y-%m-%d %H:%M")


def test_sessions_uses_the_env_data_dir(runner: CliRunner, data_dir: Path, lilin: Session) -> None:
    store.save(lilin, data_dir / "sessions" / "from-env.json")
    result = runner.invoke(app, ["sessions"])
    assert result.exit_code == 0, result.output
    assert "from-env" in result.stdout
    assert "梨林镇人民政府" in result.stdout


def test_sessions_empty(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["--data-dir", str(tmp_path), "sessions"])
    assert result.exit_code == 0
    assert _unwrapped(result.stdout) == f"还没有保存的会话（文件夹：{tmp_path / 'sessions'}）"


def test_sessions_shows_a_damaged_session_without_failing(
    runner: CliRunner, tmp_path: Path, lilin: Session
) -> None:
    folder = tmp_path / "sessions"
    store.save(lilin, folder / "good.json")
    (folder / "bad.json").write_text("{", encoding="utf-8")
    result = runner.invoke(app, ["--data-dir", str(tmp_path), "sessions"])
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    assert "梨林镇人民政府" in result.stdout
    assert "已损坏" in result.stdout


# --- export ---------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["txt", "md", "html"])
def test_export(runner: CliRunner, tmp_path: Path, lilin_path: Path, fmt: str) -> None:
    out = tmp_path / f"报告.{fmt}"
    result = runner.invoke(app, ["export", str(lilin_path), "-f", fmt, "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert _unwrapped(result.stdout) == f"已导出：{out}"
    assert out.read_text(encoding="utf-8") == _golden(fmt)


def test_export_unknown_format(runner: CliRunner, tmp_path: Path, lilin_path: Path) -> None:
    out = tmp_path / "x.odt"
    result = runner.invoke(app, ["export", str(lilin_path), "-f", "odt", "-o", str(out)])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith("错误：不支持的格式“odt”，可选：txt、md、html")
    assert result.stderr.count("\n") == 1
    assert not out.exists()


def test_export_refuses_a_report_with_errors_unless_forced(
    runner: CliRunner, tmp_path: Path, lilin: Session
) -> None:
    lilin.report.table3.set("carried_out", "natural", 1)
    path = tmp_path / "bad-table.json"
    store.save(lilin, path)
    out = tmp_path / "out.txt"
    result = runner.invoke(app, ["export", str(path), "-f", "txt", "-o", str(out)])
    assert result.exit_code == 1
    last = result.stderr.splitlines()[-1]
    assert last.startswith("错误：报告存在") and last.endswith("未导出。改正后再导出，或加 --force 强制导出。")
    assert "T3-1" in result.output  # the broken rule is named
    assert "Traceback" not in result.output
    assert not out.exists()
    forced = runner.invoke(app, ["export", str(path), "-f", "txt", "-o", str(out), "--force"])
    assert forced.exit_code == 0, forced.output
    assert _unwrapped(forced.stdout).endswith(f"已导出：{out}")
    assert out.read_text(encoding="utf-8").splitlines()[0] == "梨林镇人民政府2021年政府信息公开工作年度报告"


# --- the real program in a subprocess -------------------------------------------------------


def _run_module(args: list[str], cwd: Path, tmp_path: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "NIANBAO_DATA_DIR": str(tmp_path / "data"), "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", "nianbao", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
    )


def test_python_m_nianbao_print(repo_root: Path, tmp_path: Path) -> None:
    proc = _run_module(["print", "examples/lilin-2021.json", "--plain"], repo_root, tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""
    assert proc.stdout == _golden("txt")


def test_python_m_nianbao_unusable_session(repo_root: Path, tmp_path: Path, lilin_path: Path) -> None:
    path = _write_broken("negative", tmp_path, lilin_path)
    proc = _run_module(["print", str(path), "--plain"], tmp_path, tmp_path)
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert proc.stderr == "错误：" + BROKEN_MESSAGES["negative"].format(path=path) + "\n"
    assert "Traceback" not in proc.stderr
