"""The progressive start of a new report: the first question is on screen before the engine (and
pydantic, the model and the rules) has loaded; what the clerk sends meanwhile is kept and answered.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from nianbao import store
from nianbao.interview.engine import Engine
from nianbao.interview.opening import read_opening
from nianbao.launch import tui_request
from nianbao.resources import prompts_dir
from nianbao.session import Session
from nianbao.tui.app import NianbaoApp
from tui_helpers import answer, answer_widget, transcript_texts, type_text, wait_until

FIRST_QUESTION = "先请告诉我贵单位的全称"


# --- what is shown before the engine loads ------------------------------------------------------
def test_the_opening_is_what_the_engine_asks_first(tmp_path: Path):
    opening = read_opening()
    engine = Engine(Session(), tmp_path / "s.json")
    step = engine.current()
    first = opening.first
    assert first is not None
    assert (first.id, first.short, first.kind) == (step.id, step.short, step.question.kind)
    assert first.ask == engine.prompt_text(step)
    assert (first.help, first.example) == (step.question.help, step.question.example)
    assert first.section_title == step.section.title
    assert list(opening.sections) == [(s.id, s.title) for s in engine.interview.sections]


def _prompts_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "prompts"
    shutil.copytree(prompts_dir(), folder)
    return folder


@pytest.mark.parametrize("kind", ["choice", "paragraph", "yes_no"])
def test_no_early_question_when_the_first_one_needs_the_engine(tmp_path: Path, kind: str):
    """A choice lists options that live with the engine; a paragraph or yes/no question is
    answered in another widget than the input the screen starts with: wait for the engine."""
    folder = _prompts_copy(tmp_path)
    agency = folder / "01-agency.yaml"
    agency.write_text(agency.read_text(encoding="utf-8").replace("kind: text", f"kind: {kind}", 1), encoding="utf-8")
    opening = read_opening(folder)
    assert opening is not None and opening.first is None
    assert opening.sections[0] == ("agency", "机关信息")


def test_an_unreadable_prompts_folder_gives_no_opening(tmp_path: Path):
    folder = _prompts_copy(tmp_path)
    (folder / "03-active.yaml").write_text("section: [oops\n", encoding="utf-8")
    assert read_opening(folder) is None
    assert read_opening(tmp_path / "empty") is None


def _loaded_in_a_new_process(code: str) -> str:
    """What `code` prints, run in a fresh interpreter (so nothing is imported beforehand)."""
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_the_tui_starts_without_the_model_rules_or_typer():
    """What a new report imports before its first frame; the engine comes later, in a thread."""
    code = (
        "import sys\n"
        "import nianbao.launch, nianbao.tui.app\n"
        "from nianbao.interview.opening import read_opening\n"
        "assert read_opening().first is not None\n"
        "heavy = ['pydantic', 'nianbao.report.model', 'nianbao.rules', 'nianbao.interview.engine',\n"
        "         'typer', 'jinja2', 'docx', 'nianbao.importer', 'textual.widgets._text_area']\n"
        "print([name for name in heavy if name in sys.modules])\n"
    )
    assert _loaded_in_a_new_process(code) == "[]"


def test_print_does_not_import_textual(lilin_path: Path):
    code = (
        "import contextlib, io, sys\n"
        f"sys.argv = ['nianbao', 'print', {str(lilin_path)!r}, '--plain']\n"
        "from nianbao.launch import main\n"
        "with contextlib.redirect_stdout(io.StringIO()) as out:\n"
        "    try:\n"
        "        main()\n"
        "    except SystemExit:\n"
        "        pass\n"
        "assert '政府信息公开工作年度报告' in out.getvalue()\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'textual', 'docx'}))\n"
    )
    assert _loaded_in_a_new_process(code) == "[]"


# --- the entry point's fast path ------------------------------------------------------------------
@pytest.mark.parametrize(
    "args, expected",
    [
        ([], (None, False, None)),
        (["--data-dir", "/d"], ("/d", False, None)),
        (["--data-dir=/d"], ("/d", False, None)),
        (["new"], (None, True, None)),
        (["new", "--name", "梨林"], (None, True, "梨林")),
        (["--data-dir", "/d", "new", "--name=梨林"], ("/d", True, "梨林")),
    ],
)
def test_opening_the_tui_skips_the_full_command_line(args, expected):
    assert tui_request(args) == expected


@pytest.mark.parametrize(
    "args",
    [
        ["--help"],
        ["new", "--help"],
        ["new", "--plain"],
        ["new", "--answers", "a.yaml"],
        ["new", "--from", "last.json"],
        ["new", "--name"],
        ["new", "--name", "a", "extra"],
        ["--data-dir"],
        ["resume", "x"],
        ["print", "x"],
    ],
)
def test_everything_else_goes_to_the_full_command_line(args):
    assert tui_request(args) is None


def test_new_with_a_taken_name_is_refused_by_the_command_line(tmp_path: Path):
    env = {**os.environ, store.ENV_DATA_DIR: str(tmp_path)}
    taken = store.sessions_dir(tmp_path) / "梨林.json"
    Engine(Session(), taken).save()
    before = taken.read_bytes()
    result = subprocess.run(
        [sys.executable, "-m", "nianbao", "new", "--name", "梨林"], capture_output=True, text=True, env=env, timeout=60
    )
    assert result.returncode == 2
    assert "会话“梨林”已存在" in result.stderr and "Traceback" not in result.stderr
    assert taken.read_bytes() == before


# --- answering while the engine loads -------------------------------------------------------------
@pytest.fixture
def engine_gate(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """Hold the new engine's first save (in the loading thread) until the test sets the gate."""
    gate = threading.Event()
    original = Engine.save

    def save(self, *args, **kwargs):
        if not gate.wait(10):
            raise AssertionError("the test never opened the gate")
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Engine, "save", save)
    yield gate
    gate.set()


async def test_an_answer_sent_while_the_engine_loads_is_kept_and_answered(data_dir: Path, engine_gate):
    path = store.sessions_dir(data_dir) / "early.json"
    app = NianbaoApp(data_dir=str(data_dir), new_path=path)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until(pilot, lambda: any(FIRST_QUESTION in t for t in transcript_texts(pilot)), what="the question")
        assert app.engine is None  # still loading: the question came from prompts/ alone
        await answer(pilot, "梨林镇人民政府")
        await pilot.pause(0.05)
        assert app.engine is None and not path.exists()
        assert answer_widget(pilot).value == "梨林镇人民政府"  # nothing lost, nothing doubled
        assert transcript_texts(pilot)[-1].endswith("全称。")

        engine_gate.set()
        await wait_until(pilot, lambda: any("贵单位属于哪一类" in t for t in transcript_texts(pilot)), what="agency.kind")
        texts = transcript_texts(pilot)
        assert sum(FIRST_QUESTION in t for t in texts) == 1  # asked once, not again when the engine came
        assert sum(t == "梨林镇人民政府" for t in texts) == 1
        assert app.engine.session.report.agency.name == "梨林镇人民政府"
    assert store.load(path).report.agency.name == "梨林镇人民政府"


async def test_text_being_typed_when_the_engine_arrives_stays_in_the_box(data_dir: Path, engine_gate):
    app = NianbaoApp(data_dir=str(data_dir), new_path=store.sessions_dir(data_dir) / "typing.json")
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until(pilot, lambda: any(FIRST_QUESTION in t for t in transcript_texts(pilot)), what="the question")
        await type_text(pilot, "梨林镇，")
        engine_gate.set()
        await wait_until(pilot, lambda: app.engine is not None, what="the engine")
        await pilot.pause()
        assert answer_widget(pilot).value == "梨林镇，"
        assert app.engine.current().id == "agency.name"


async def test_the_task_list_gets_its_counts_when_the_engine_arrives(data_dir: Path, engine_gate):
    app = NianbaoApp(data_dir=str(data_dir), new_path=store.sessions_dir(data_dir) / "tasks.json")
    async with app.run_test(size=(120, 40)) as pilot:
        tasks = app.screen.query_one("#tasks")
        await wait_until(pilot, lambda: tasks.option_count == 7, what="the section titles")
        first_line = str(tasks.get_option_at_index(0).prompt)
        assert "机关信息" in first_line and "未开始" in first_line and "/" not in first_line
        engine_gate.set()
        await wait_until(pilot, lambda: app.engine is not None, what="the engine")
        await pilot.pause()
        total = next(p.total for p in app.engine.progress() if p.id == "agency")
        assert f"未开始 0/{total}" in str(tasks.get_option_at_index(0).prompt)
        assert tasks.highlighted is None  # a status list, not a menu with a preselected entry


def test_a_broken_prompts_folder_stops_a_new_report_with_one_chinese_line(tmp_path: Path):
    folder = _prompts_copy(tmp_path)
    (folder / "03-active.yaml").write_text("section: [oops\n", encoding="utf-8")
    env = {**os.environ, "NIANBAO_PROMPTS_DIR": str(folder), store.ENV_DATA_DIR: str(tmp_path / "data"), "TERM": "dumb"}
    result = subprocess.run(
        [sys.executable, "-m", "nianbao", "new", "--name", "broken"], capture_output=True, text=True, env=env, timeout=60
    )
    output = result.stdout + result.stderr
    assert result.returncode == 2
    assert "03-active.yaml" in output and "Traceback" not in output


# --- the start screen -----------------------------------------------------------------------------
async def test_the_start_screen_lists_sessions_before_reading_them(data_dir: Path, monkeypatch):
    engine = Engine(Session(), store.sessions_dir(data_dir) / "lilin.json")
    engine.answer("梨林镇人民政府")
    engine.save()
    gate = threading.Event()
    original = store.load

    def load(path):
        if not gate.wait(10):
            raise AssertionError("the test never opened the gate")
        return original(path)

    monkeypatch.setattr(store, "load", load)
    app = NianbaoApp(data_dir=str(data_dir))
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await wait_until(pilot, lambda: bool(app.screen.query("#session-list")), what="the start screen")
            listing = app.screen.query_one("#session-list")
            line = str(listing.get_option_at_index(0).prompt)
            assert "lilin" in line and "正在读取" in line
            gate.set()
            await wait_until(
                pilot, lambda: "梨林镇人民政府  年度未填" in str(listing.get_option_at_index(0).prompt), what="the description (no year: it is not answered yet)"
            )
            assert "正在读取" not in str(listing.get_option_at_index(0).prompt)
    finally:
        gate.set()


async def test_quitting_while_the_engine_loads_leaves_quietly(data_dir: Path, engine_gate):
    app = NianbaoApp(data_dir=str(data_dir), new_path=store.sessions_dir(data_dir) / "quit.json")
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until(pilot, lambda: any(FIRST_QUESTION in t for t in transcript_texts(pilot)), what="the question")
        await pilot.press("ctrl+q")
        threading.Timer(0.2, engine_gate.set).start()  # the engine arrives after the clerk has left
    assert app.return_code == 0
    assert app.engine is None


async def test_a_double_press_of_n_opens_one_report(data_dir: Path):
    from nianbao.tui.chat import ChatScreen
    from tui_helpers import post_key

    app = NianbaoApp(data_dir=str(data_dir))
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until(pilot, lambda: bool(app.screen.query("#btn-new")), what="the start screen")
        post_key(pilot, "n", "n")
        post_key(pilot, "n", "n")
        await wait_until(pilot, lambda: app.engine is not None, what="the engine")
        await pilot.pause()
        assert [type(screen) for screen in app.screen_stack].count(ChatScreen) == 1


async def test_the_palette_opened_while_the_engine_loads_offers_no_report_commands(data_dir: Path, engine_gate):
    from textual.command import CommandList, CommandPalette

    app = NianbaoApp(data_dir=str(data_dir), new_path=store.sessions_dir(data_dir) / "palette.json")
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until(pilot, lambda: any(FIRST_QUESTION in t for t in transcript_texts(pilot)), what="the question")
        await pilot.press("ctrl+p")
        await wait_until(pilot, lambda: isinstance(app.screen, CommandPalette), what="the palette")
        await wait_until(pilot, lambda: app.screen.query_one(CommandList).option_count > 0, what="the commands")
        prompts = [str(option.prompt) for option in app.screen.query_one(CommandList).options]
        assert not any("跳到" in prompt for prompt in prompts) and any("退出" in prompt for prompt in prompts)
        engine_gate.set()
        await wait_until(pilot, lambda: app.engine is not None, what="the engine")
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.query("Footer")  # mounted after the first frame, palette or not
        await answer(pilot, "梨林镇人民政府")
        assert app.engine.session.report.agency.name == "梨林镇人民政府"


async def test_ctrl_c_on_the_start_screen_says_how_to_quit_in_chinese(data_dir: Path):
    app = NianbaoApp(data_dir=str(data_dir))
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until(pilot, lambda: bool(app.screen.query("#btn-new")), what="the start screen")
        await pilot.press("ctrl+c")
        await pilot.pause()
        assert [(n.title, n.message) for n in app._notifications] == [("要退出吗？", "按 Ctrl+Q 退出，已确认的回答都已保存。")]
        assert app.is_running


async def test_l_starts_the_next_year_from_the_selected_report(data_dir: Path):
    from nianbao.tui.chat import ChatScreen
    from tui_helpers import lilin_answers, make_session

    last = make_session(data_dir, "lilin", lilin_answers())
    before = last.read_bytes()
    app = NianbaoApp(data_dir=str(data_dir))
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until(pilot, lambda: bool(app.screen.query("#session-list")), what="the start screen")
        await pilot.press("l")
        await wait_until(pilot, lambda: app.engine is not None, what="the new report")
        await pilot.pause()
        assert isinstance(app.screen, ChatScreen)
        assert app.engine.path != last and app.engine.path.parent == last.parent
        assert "沿用上年" in transcript_texts(pilot)[-1]
        assert answer_widget(pilot).value == "梨林镇人民政府"  # last year's, to confirm or change
        await pilot.press("enter")
        await pilot.pause()
        assert app.engine.session.report.agency.name == "梨林镇人民政府"
    assert last.read_bytes() == before  # last year's report is left as it was


async def test_sessions_are_read_even_when_the_palette_opens_at_once(data_dir: Path):
    from textual.command import CommandPalette

    engine = Engine(Session(), store.sessions_dir(data_dir) / "lilin.json")
    engine.answer("梨林镇人民政府")
    engine.save()
    app = NianbaoApp(data_dir=str(data_dir))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+p")
        await wait_until(pilot, lambda: isinstance(app.screen, CommandPalette), what="the palette")
        start = app.screen_stack[-2]
        listing = start.query_one("#session-list")
        await wait_until(
            pilot, lambda: "梨林镇人民政府" in str(listing.get_option_at_index(0).prompt), what="the session's description"
        )


@pytest.mark.parametrize("refresh_callbacks_run", [True, False])
async def test_work_after_the_first_frame_runs_once_even_without_a_refresh(monkeypatch, refresh_callbacks_run):
    """after_first_frame: the callback runs after the first refresh, or, if that callback never
    comes (another screen covers this one), after the fallback timer; never twice."""
    from textual.app import App
    from textual.screen import Screen
    from textual.widgets import Static

    from nianbao.tui.background import FIRST_FRAME_FALLBACK, after_first_frame

    runs: list[str] = []

    class Probe(Screen):
        def compose(self):
            yield Static("probe")

        def on_mount(self) -> None:
            if not refresh_callbacks_run:
                self.call_after_refresh = lambda *args, **kwargs: True  # swallowed, as under the palette
            after_first_frame(self, lambda: runs.append("ran"))

    class ProbeApp(App):
        def on_mount(self) -> None:
            self.push_screen(Probe())

    app = ProbeApp()
    async with app.run_test() as pilot:
        await wait_until(pilot, lambda: bool(runs), timeout=5, what="the callback")
        await pilot.pause(FIRST_FRAME_FALLBACK * 2)
    assert runs == ["ran"]


async def test_d_deletes_the_selected_session_into_a_folder_it_can_be_found_in(data_dir: Path):
    from datetime import datetime, timedelta

    sessions = store.sessions_dir(data_dir)
    for name, agency in (("old", "梨林镇人民政府"), ("new", "坡头镇人民政府")):
        engine = Engine(Session(), sessions / f"{name}.json")
        engine.answer(agency)
        engine.save()
        engine.save()  # a second save leaves a backup beside it
    yesterday = (datetime.now() - timedelta(days=1)).timestamp()
    os.utime(sessions / "old.json", (yesterday, yesterday))
    app = NianbaoApp(data_dir=str(data_dir))
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until(pilot, lambda: bool(app.screen.query("#session-list")), what="the start screen")
        listing = app.screen.query_one("#session-list")
        await wait_until(pilot, lambda: "坡头镇" in str(listing.get_option_at_index(0).prompt), what="the newest first")

        await pilot.press("d")
        await pilot.pause()
        assert type(app.screen).__name__ == "ConfirmScreen"
        await pilot.press("escape")  # changed their mind
        await pilot.pause()
        assert (sessions / "new.json").exists() and listing.option_count == 2

        await pilot.press("d")
        await pilot.pause()
        assert "坡头镇人民政府" in str(app.screen.query_one("Static").render())
        await pilot.click("#confirm-yes")
        await pilot.pause()
        assert not (sessions / "new.json").exists() and not (sessions / "new.json.bak").exists()
        [moved] = (sessions / "deleted").glob("new-*.json")
        assert store.load(moved).report.agency.name == "坡头镇人民政府"
        assert store.backup_path(moved).exists()
        assert listing.option_count == 1 and "梨林镇" in str(listing.get_option_at_index(0).prompt)
        assert [p.name for p in store.list_sessions(str(data_dir))] == ["old.json"]

        await pilot.press("d")
        await pilot.pause()
        await pilot.click("#confirm-yes")
        await pilot.pause()
        assert listing.option_count == 1 and "还没有保存的年报" in str(listing.get_option_at_index(0).prompt)
        await pilot.press("d")  # nothing left to delete: told so
        await pilot.pause()
        assert app._notifications and list(app._notifications)[-1].message == "请先在列表中选中要删除的年报。"
