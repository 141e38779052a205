"""The recipes of docs/ARCHITECTURE.md, each done once: a question added in prompts/, an answer
kind added by one module and one registry line, an output format and an input form each added by
one registry entry (and the function it names)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

import nianbao.cli  # noqa: F401  (registers the commands)
from nianbao import store
from nianbao.cli.common import app
from nianbao.importer.forms import INPUT_FORMS, InputForm
from nianbao.interview.engine import Engine
from nianbao.interview.errors import AnswerError
from nianbao.interview.kinds import KINDS
from nianbao.interview.kinds.text import Text
from nianbao.interview.prompts import PromptsError, load_interview
from nianbao.render.formats import OUTPUT_FORMATS, OutputFormat, formats_help
from nianbao.resources import prompts_dir
from nianbao.session import Session


@pytest.fixture
def prompts_copy(tmp_path) -> Path:
    folder = tmp_path / "prompts"
    shutil.copytree(prompts_dir(), folder)
    return folder


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _walk_to(engine: Engine, qid: str, answers: dict[str, str]) -> None:
    while (step := engine.current()) is not None and step.id != qid:
        assert engine.answer(answers.get(step.id, "梨林镇人民政府")).accepted, step.id


def test_a_question_added_to_a_section_file_is_asked(prompts_copy):
    _replace(
        prompts_copy / "01-agency.yaml",
        "  - id: agency.website\n",
        "  - id: agency.website_again\n    short: 网站（核对）\n    kind: text\n    fields: [agency.website]\n"
        "    ask: 请再核对一次：年报电子版在哪个网站下载？\n    help: 核对用。\n    example: 济源市人民政府网\n"
        "  - id: agency.website\n",
    )
    engine = Engine(Session(), interview=load_interview(prompts_copy))
    _walk_to(engine, "agency.website_again", {"agency.kind": "1", "report.year": "2024"})
    step = engine.current()
    assert step is not None and engine.ask_text(step) == "请再核对一次：年报电子版在哪个网站下载？"
    assert engine.answer("济源市人民政府网").accepted
    assert engine.session.report.agency.website == "济源市人民政府网"


class Website(Text):
    """A kind made for the test: a website must have a dot in it."""

    name = "website_for_test"
    hint = "写网址或网站名称"

    def parse(self, text, q, inst):
        if "." not in text and "网" not in text:
            raise AnswerError("请写网站名称或网址，例如 www.example.gov.cn。")
        return text.strip()


def test_an_answer_kind_is_one_module_and_one_registry_line(prompts_copy, monkeypatch):
    monkeypatch.setitem(KINDS, Website.name, Website())  # the registry line
    _replace(prompts_copy / "01-agency.yaml", "    kind: text\n    fields: [agency.website]", f"    kind: {Website.name}\n    fields: [agency.website]")
    engine = Engine(Session(), interview=load_interview(prompts_copy))
    _walk_to(engine, "agency.website", {"agency.kind": "1", "report.year": "2024"})
    refused = engine.answer("不知道")
    assert not refused.accepted and "请写网站名称或网址" in refused.message
    assert engine.answer("www.example.gov.cn").accepted
    assert engine.session.report.agency.website == "www.example.gov.cn"


def test_a_kind_not_in_the_registry_is_named(prompts_copy):
    _replace(prompts_copy / "01-agency.yaml", "    kind: text\n    fields: [agency.website]", "    kind: websit\n    fields: [agency.website]")
    with pytest.raises(PromptsError, match="01-agency.yaml 的问题 agency.website：未知的回答类型 kind: websit"):
        load_interview(prompts_copy)


# --- an output format: one registry entry and its writer ----------------------------------------


def write_csv(report, path) -> None:
    """The new format's writer: Table 3's new-requests row, as a stand-in for a real format."""
    Path(path).write_text(",".join(str(v) for v in report.table3.rows["new"]) + "\n", encoding="utf-8")


CSV = OutputFormat("csv", "表格", f"{__name__}:write_csv", aliases=("CSV",))


def test_an_output_format_is_one_registry_entry_for_the_cli(monkeypatch, lilin_path, tmp_path):
    monkeypatch.setitem(OUTPUT_FORMATS, CSV.name, CSV)  # the registry entry
    target = tmp_path / "t3.csv"
    result = CliRunner().invoke(app, ["export", str(lilin_path), "-o", str(target)])
    assert result.exit_code == 0, result.output
    lilin = store.load(lilin_path)
    assert target.read_text(encoding="utf-8") == ",".join(str(v) for v in lilin.report.table3.rows["new"]) + "\n"
    assert "csv（表格）" in formats_help()


@pytest.mark.asyncio
async def test_an_output_format_is_one_registry_entry_for_the_tui(monkeypatch, lilin, tmp_path):
    from textual.app import App

    from nianbao.tui.export import ExportScreen

    monkeypatch.setitem(OUTPUT_FORMATS, CSV.name, CSV)

    class Host(App):
        def on_mount(self) -> None:
            self.push_screen(ExportScreen(lilin.report, [], tmp_path))

    host = Host()
    async with host.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.click("#fmt-csv")
        await pilot.pause()
        path = host.screen.query_one("#export-path").value
        assert path.endswith(".csv")
        await pilot.click("#btn-do-export")
        await pilot.pause()
    assert Path(path).read_text(encoding="utf-8").startswith(str(lilin.report.table3.rows["new"][0]))


# --- an input form: one map entry and its extractor ---------------------------------------------

IMPORTER_FIXTURES = Path(__file__).resolve().parent / "fixtures" / "importer"


def extract_reversed_lines(data: bytes, name: str) -> str:
    """The new form's extractor: a made-up form that stores the report's lines in reverse order."""
    return "\n".join(reversed(data.decode("utf-8").splitlines()))


def test_an_input_form_is_one_map_entry(monkeypatch, tmp_path):
    form = InputForm("reversed", "倒序文本", (".rev",), f"{__name__}:extract_reversed_lines", (b"REV\n",))
    monkeypatch.setitem(INPUT_FORMS, form.name, form)  # the map entry
    lines = (IMPORTER_FIXTURES / "clean-2021.txt").read_text(encoding="utf-8").splitlines()
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "clean.rev").write_text("\n".join(reversed(lines)), encoding="utf-8")
    by_content = folder / "named-oddly.dat"
    by_content.write_text("REV\n" + "\n".join(reversed(lines)), encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(folder), "--json"])
    assert result.exit_code == 0, result.output
    assert "clean.rev" in result.output  # the folder search knows the new suffix
    direct = CliRunner().invoke(app, ["check", str(by_content)])
    assert direct.exit_code == 0, direct.output  # the content decides, whatever the name
