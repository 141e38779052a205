"""Issue 13, items 11 and 12: inputs that crashed with a traceback. A docx title over 255
characters, an answers file that is a folder, a 4,301-digit number in a published report; and
Textual's crash screen, which must not show the session's contents to a user."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from docx import Document
from typer.testing import CliRunner

import nianbao.cli  # noqa: F401  (registers the commands)
from nianbao import store
from nianbao.cli.common import app

REPO = Path(__file__).resolve().parents[1]
CLEAN = REPO / "tests" / "fixtures" / "importer" / "clean-2021.txt"
runner = CliRunner()


def test_a_docx_title_over_255_characters_is_exported_in_full(lilin_path, tmp_path):
    raw = json.loads(lilin_path.read_text(encoding="utf-8"))
    raw["report"]["agency"]["name"] = "梨林镇" * 100
    session = tmp_path / "long.json"
    session.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    title = store.load(session).report.title
    assert len(title) > 255
    out = tmp_path / "long.docx"
    result = runner.invoke(app, ["export", str(session), "-o", str(out)])
    assert result.exit_code == 0, result.output
    doc = Document(str(out))
    assert len(doc.core_properties.title) == 255 and title.startswith(doc.core_properties.title[:-1])
    body = "".join(p.text for p in doc.paragraphs[:3])
    assert title in body  # the body keeps the whole title


def test_an_answers_file_that_is_a_folder_is_a_chinese_message(data_dir, tmp_path):
    folder = tmp_path / "answers.yaml"
    folder.mkdir()
    result = runner.invoke(app, ["new", "--answers", str(folder), "--name", "x"])
    assert result.exit_code == 2
    assert f"{folder} 是文件夹，不是答案文件" in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize("label", ["行政许可", "一、本年新收", "1\t0\t0\t0\t1"], ids=["table2", "table3", "table4"])
def test_a_4301_digit_number_in_a_report_leaves_the_rest_readable(label, tmp_path):
    lines = CLEAN.read_text(encoding="utf-8").split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith(label) and re.search(r"\d", line))
    lines[at] = re.sub(r"\d+", "9" * 4301, lines[at], count=1)
    path = tmp_path / "huge.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    result = runner.invoke(app, ["check", "--json", str(path)])
    assert result.exit_code in (0, 1), result.output
    report = json.loads(result.output)["reports"][0]
    assert report["agency"] == "青溪县白石镇人民政府" and report["year"] == 2021
    assert "9" * 41 not in json.dumps(report["notes"], ensure_ascii=False)  # quoted by its start
    assert any("4301 个字符" in note for note in report["notes"])


SECRET = "申请人张某的私密答复"


async def _crash_screen(data_dir: Path) -> str:
    """What the TUI prints when a handler raises: the text of its exit screen."""
    import io

    from rich.console import Console

    from nianbao.tui.app import NianbaoApp

    app = NianbaoApp(str(data_dir))
    out = io.StringIO()
    app.error_console = Console(file=out, width=200, color_system=None)  # where the app prints it

    def handler_that_fails() -> None:
        session_answer = SECRET  # a local of a crashing frame, as the session is in real ones
        raise RuntimeError(f"boom {len(session_answer)}")

    with pytest.raises(RuntimeError):
        async with app.run_test() as pilot:
            app.call_later(handler_that_fails)
            await pilot.pause()
            await pilot.pause()
    assert app.return_code == 1
    return out.getvalue()


async def test_the_crash_screen_shows_no_local_variables_to_a_user(data_dir, monkeypatch):
    monkeypatch.delenv("NIANBAO_DEBUG", raising=False)
    shown = await _crash_screen(data_dir)
    assert "RuntimeError" in shown and "boom" in shown
    assert "年报助手出错" in shown and "NIANBAO_DEBUG=1" in shown
    assert SECRET not in shown.replace("\n", "")
    assert "locals" not in shown


async def test_the_crash_screen_shows_local_variables_under_the_debug_switch(data_dir, monkeypatch):
    monkeypatch.setenv("NIANBAO_DEBUG", "1")
    shown = await _crash_screen(data_dir)
    assert "locals" in shown and SECRET[:4] in shown
