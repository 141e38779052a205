"""Functional tests of the TUI through Textual's pilot: the whole interview, a rule error fixed."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual import events

from nianbao import store
from nianbao.interview.status import FIRST_QUESTION_ALREADY
from nianbao.render.outputs import to_text
from nianbao.tui.app import NianbaoApp
from nianbao.tui.chat import ChatScreen
from nianbao.tui.review import ReviewScreen
from nianbao.tui.widgets.answer import AnswerInput
from nianbao.tui.widgets.answer_area import AnswerArea
from tui_helpers import lilin_answers as answers_file
from tui_helpers import make_session, start_new_report, transcript_texts, wait_until


def lilin_answers() -> dict[str, str]:
    """The lilin answers file, each answer as sent from the box (no trailing newline)."""
    return {k: v.strip() for k, v in answers_file().items()}


async def search_palette(pilot, text: str) -> None:
    """Type `text` into the open command palette and wait until its best match is highlighted
    (the search runs in the background; a fixed pause would race a slow machine)."""
    from textual.command import CommandList

    for ch in text:
        pilot.app.screen.query_one("Input").insert_text_at_cursor(ch)

    def best_match_shows() -> bool:
        lists = pilot.app.screen.query(CommandList)
        if not lists or lists.first().highlighted is None:
            return False
        best = lists.first().get_option_at_index(lists.first().highlighted)
        return all(part in str(best.prompt) for part in text.split("："))

    await wait_until(pilot, best_match_shows, what=f"the palette to offer {text}")


async def click_button(pilot, selector: str) -> None:
    """Click a button once it can be pressed again: a Button ignores clicks while it shows the
    last press (a fifth of a second), which a test's second click can fall into."""
    button = pilot.app.screen.query_one(selector)
    await wait_until(pilot, lambda: not button.has_class("-active"), what=f"{selector} to be released")
    await pilot.click(selector)


async def send(pilot, text: str) -> None:
    """Paste the answer into the displayed answer widget and send it, as a clerk would."""
    screen = pilot.app.screen
    assert isinstance(screen, ChatScreen)
    areas = screen.query("#answer-area")  # built the first time a paragraph is asked
    area = areas.first(AnswerArea) if areas else None
    if area is not None and area.display:
        area.load_text("")
        area.focus()
        pilot.app.post_message(events.Paste(text))  # as a terminal delivers it: to the app
        await pilot.pause()
        await pilot.press("ctrl+j")
    else:
        box = screen.query_one("#answer-input", AnswerInput)
        box.value = ""
        box.focus()
        pilot.app.post_message(events.Paste(text))
        await pilot.pause()
        await pilot.press("enter")
    await pilot.pause()


def transcript(app) -> list[str]:
    return [str(m.render()) for m in app.screen.query(".msg")]


@pytest.mark.asyncio
async def test_whole_interview_in_the_tui_produces_the_reference_report(data_dir, lilin):
    answers = lilin_answers()
    app = NianbaoApp(data_dir=str(data_dir))
    async with app.run_test(size=(120, 40)) as pilot:
        await start_new_report(pilot)
        sent = 0
        while isinstance(app.screen, ChatScreen) and (step := app.engine.current()) is not None:
            await send(pilot, answers[step.id])
            sent += 1
            assert sent <= 31  # 30 answers and 上年问题整改
        # The review opens by itself at the end; `p` finishes and prints.
        assert isinstance(app.screen, ReviewScreen)
        await pilot.press("p")
        await pilot.pause()
    assert sent <= 31
    assert app.return_value == to_text(lilin.report)
    for figure in ("850", "510", "340"):
        assert figure in app.return_value
    saved = store.list_sessions(str(data_dir))
    assert len(saved) == 1 and store.load(saved[0]).interview.finished


@pytest.mark.asyncio
async def test_table3_imbalance_is_named_with_numbers_then_fixed(data_dir):
    answers = lilin_answers()
    app = NianbaoApp(data_dir=str(data_dir))
    async with app.run_test(size=(120, 40)) as pilot:
        await start_new_report(pilot)
        while app.engine.current().id != "t3.gate":
            await send(pilot, answers[app.engine.current().id])
        await pilot.click("#btn-yes")
        await pilot.pause()
        await send(pilot, "自然人3件，律所2件")
        await send(pilot, "无")
        await send(pilot, "予以公开2件")
        messages = transcript(app)
        assert any("T3-1" in m and "新收 3 + 上年结转 0 = 3 件" in m and "还有 1 件" in m for m in messages)
        # The answer is kept in the box for correction; the same question is asked again.
        assert app.engine.current().id == "t3.outcomes.natural"
        assert app.screen.query_one("#answer-input", AnswerInput).value == "予以公开2件"
        await send(pilot, "予以公开2件，信访举报投诉1件")
        await send(pilot, "部分公开1件，结转1件")
        t3 = app.engine.session.report.table3
        assert t3.rows["total"] == [3, 0, 0, 0, 1, 0, 4]
        assert t3.rows["carried_out"] == [0, 0, 0, 0, 1, 0, 1]
        assert not [f for f in app.engine.findings if f.rule in ("T3-1", "T3-2", "T3-3")]
        assert app.engine.current().id == "requests.measures"


@pytest.mark.asyncio
async def test_unreadable_answer_keeps_the_text_and_says_what_is_expected(data_dir):
    app = NianbaoApp(data_dir=str(data_dir))
    async with app.run_test(size=(100, 30)) as pilot:
        await start_new_report(pilot)
        await send(pilot, "梨林镇人民政府")
        await send(pilot, "乡镇")
        await send(pilot, "去年吧")
        box = app.screen.query_one("#answer-input", AnswerInput)
        assert box.value == "去年吧"
        assert "报告年度" in transcript(app)[-1]
        assert app.engine.current().id == "report.year"


@pytest.mark.asyncio
async def test_markup_typed_by_the_clerk_is_shown_literally(data_dir):
    app = NianbaoApp(data_dir=str(data_dir))
    async with app.run_test(size=(100, 30)) as pilot:
        await start_new_report(pilot)
        await send(pilot, "[red]梨林镇[/]人民政府{{ x }}")
        assert "[red]梨林镇[/]人民政府{{ x }}" in transcript(app)
        assert app.engine.session.report.agency.name == "[red]梨林镇[/]人民政府{{ x }}"


@pytest.mark.asyncio
async def test_f2_previews_the_draft_live_then_the_findings_then_closes(data_dir):
    from textual.widgets import TabbedContent

    from nianbao.rules import check_report
    from nianbao.tui.widgets.preview import Preview

    app = NianbaoApp(data_dir=str(data_dir))
    async with app.run_test(size=(120, 40)) as pilot:
        await start_new_report(pilot)
        await send(pilot, "梨林镇人民政府")
        await pilot.press("f2")
        await pilot.pause()
        preview = app.screen.query_one(Preview)
        tabs = preview.query_one(TabbedContent)
        draft = preview.query_one("#draft-text")
        assert preview.display and tabs.active == "tab-draft"
        assert "梨林镇人民政府" in str(draft.render())
        assert app.focused is app.screen.query_one("#answer-input")  # the clerk types on

        await send(pilot, "乡镇")
        await send(pilot, "2022")  # the draft follows each accepted answer
        assert "梨林镇人民政府2022年政府信息公开工作年度报告" in str(draft.render())
        findings = check_report(app.engine.session.report, text=to_text(app.engine.session.report, draft=True))
        label = str(tabs.get_tab("tab-findings").label)
        assert label == (f"问题（{len(findings)}）" if findings else "问题")

        await pilot.press("f2")
        await pilot.pause()
        assert preview.display and tabs.active == "tab-findings"
        await pilot.press("f2")
        await pilot.pause()
        assert not preview.display
        await pilot.press("f2")
        await pilot.pause()
        assert preview.display and tabs.active == "tab-draft"


@pytest.mark.asyncio
async def test_back_help_and_resume(data_dir):
    app = NianbaoApp(data_dir=str(data_dir))
    async with app.run_test(size=(100, 30)) as pilot:
        await start_new_report(pilot)
        await send(pilot, "梨林镇人民政府")
        await pilot.press("f1")
        await pilot.pause()
        assert type(app.screen).__name__ == "HelpScreen"
        await pilot.press("escape")
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert app.engine.current().id == "agency.name"
        assert app.screen.query_one("#answer-input", AnswerInput).value == "梨林镇人民政府"
        said = transcript_texts(pilot)
        await pilot.press("ctrl+z")  # already the first question: told so, nothing re-asked
        await pilot.pause()
        assert transcript_texts(pilot) == said
        assert [n.message for n in app._notifications][-1:] == [FIRST_QUESTION_ALREADY]
        assert app.screen.query_one("#answer-input", AnswerInput).value == "梨林镇人民政府"
        await send(pilot, "梨林镇政府")
        path = app.engine.path
    # Start again: the saved session is listed; Enter resumes it where it stopped.
    app = NianbaoApp(data_dir=str(data_dir))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ChatScreen)
        assert app.engine.path == path
        assert app.engine.session.report.agency.name == "梨林镇政府"
        assert app.engine.current().id == "agency.kind"


async def _finished_app(pilot, app) -> None:
    """Answer the whole lilin interview; the review screen opens at the end."""
    await start_new_report(pilot)
    answers = lilin_answers()
    while isinstance(app.screen, ChatScreen) and (step := app.engine.current()) is not None:
        await send(pilot, answers[step.id])
    assert isinstance(app.screen, ReviewScreen)


@pytest.mark.asyncio
async def test_export_from_the_review_writes_the_file(data_dir, tmp_path, lilin):
    app = NianbaoApp(data_dir=str(data_dir))
    async with app.run_test(size=(120, 40)) as pilot:
        await _finished_app(pilot, app)
        await pilot.press("e")
        await pilot.pause()
        target = tmp_path / "年报.txt"
        app.screen.query_one("#export-path").value = str(target)
        await pilot.click("#btn-do-export")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)  # no error finding: no confirmation asked
    assert target.read_text(encoding="utf-8") == to_text(lilin.report)


@pytest.mark.asyncio
async def test_export_in_the_browser_is_delivered_as_a_download(data_dir, tmp_path, lilin, monkeypatch):
    """Under `nianbao serve` (Textual's web driver) the exported file also goes to the browser."""
    app = NianbaoApp(data_dir=str(data_dir))
    delivered: list[tuple] = []
    monkeypatch.setattr(app, "deliver_binary", lambda path, **kw: delivered.append((Path(path), kw)))
    async with app.run_test(size=(120, 40)) as pilot:
        await _finished_app(pilot, app)
        monkeypatch.setattr(type(app._driver), "is_web", property(lambda self: True))
        await pilot.press("e")
        await pilot.pause()
        target = tmp_path / "年报.txt"
        app.screen.query_one("#export-path").value = str(target)
        await pilot.click("#btn-do-export")
        await pilot.pause()
    assert delivered == [(target, {"save_filename": "年报.txt"})]
    assert target.read_text(encoding="utf-8") == to_text(lilin.report)


@pytest.mark.asyncio
async def test_export_suggests_the_current_folder_and_never_overwrites_unasked(data_dir, tmp_path, lilin, monkeypatch):
    monkeypatch.chdir(tmp_path)
    app = NianbaoApp(data_dir=str(data_dir))
    async with app.run_test(size=(120, 40)) as pilot:
        await _finished_app(pilot, app)
        await pilot.press("e")
        await pilot.pause()
        suggested = Path(app.screen.query_one("#export-path").value)
        assert suggested == tmp_path / "梨林镇人民政府2021年政府信息公开工作年度报告.txt"

        app.screen.query_one("#export-path").value = "  "
        await click_button(pilot, "#btn-do-export")
        await pilot.pause()
        assert "请填写导出文件的路径" in str(app.screen.query_one("#export-status").render())

        app.screen.query_one("#export-path").value = str(tmp_path)  # a folder, not a file
        await click_button(pilot, "#btn-do-export")
        await pilot.pause()
        assert "是文件夹" in str(app.screen.query_one("#export-status").render())

        suggested.write_text("去年的稿子", encoding="utf-8")
        app.screen.query_one("#export-path").value = str(suggested)
        await click_button(pilot, "#btn-do-export")
        await pilot.pause()
        assert type(app.screen).__name__ == "ConfirmScreen"
        await pilot.click("#confirm-no")
        await pilot.pause()
        assert suggested.read_text(encoding="utf-8") == "去年的稿子"
        assert type(app.screen).__name__ == "ExportScreen"
        await click_button(pilot, "#btn-do-export")
        await pilot.pause()
        await pilot.click("#confirm-yes")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
    assert suggested.read_text(encoding="utf-8") == to_text(lilin.report)


@pytest.mark.asyncio
async def test_export_with_an_error_finding_asks_for_confirmation(data_dir, tmp_path):
    app = NianbaoApp(data_dir=str(data_dir))
    async with app.run_test(size=(120, 40)) as pilot:
        await _finished_app(pilot, app)
        await pilot.press("escape")
        await pilot.pause()
        # An ID number typed into a paragraph breaks P-1 (error level).
        app.engine.goto("other.work_points")
        app.screen.ask()
        await send(pilot, "联系人身份证号110101199003074514")
        await pilot.press("f5")
        await pilot.pause()
        assert "P-1" in str(app.screen.query_one("#review-findings").render())
        await pilot.press("e")
        await pilot.pause()
        target = tmp_path / "年报.html"
        app.screen.query_one("#export-path").value = str(target)
        await pilot.click("#btn-do-export")
        await pilot.pause()
        assert type(app.screen).__name__ == "ConfirmScreen"
        await pilot.click("#confirm-no")
        await pilot.pause()
        assert not target.exists()
        await click_button(pilot, "#btn-do-export")  # pressed a moment ago: wait until it can be again
        await pilot.pause()
        await pilot.click("#confirm-yes")
        await pilot.pause()
        assert target.exists()


@pytest.mark.asyncio
async def test_grid_marks_failing_cells_and_edits_are_checked(data_dir):
    app = NianbaoApp(data_dir=str(data_dir))
    async with app.run_test(size=(120, 40)) as pilot:
        await _finished_app(pilot, app)
        await pilot.press("escape")
        await pilot.press("f3")
        await pilot.pause()
        grid = app.screen.query_one("#grid-t3")
        grid.move_cursor(row=0, column=1)  # 一、本年新收… / 自然人
        await pilot.press("enter")
        await pilot.pause()
        cell = app.screen.query_one("#cell-input")
        cell.value = "2"
        await pilot.press("enter")
        await pilot.pause()
        assert app.engine.session.report.table3.get("new", "natural") == 2
        marked = grid.get_cell("total", "natural")  # T3-1 marks the column's 总计 cell
        assert "red" in str(marked.style)
        assert "T3-1" in str(app.screen.query_one("#grid-findings").render())


@pytest.mark.asyncio
async def test_palette_jumps_to_a_section(data_dir):
    app = NianbaoApp(data_dir=str(data_dir))
    async with app.run_test(size=(120, 40)) as pilot:
        await start_new_report(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await search_palette(pilot, "跳到：问题")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ChatScreen)
        assert app.engine.current().id == "problems.followup"


@pytest.mark.asyncio
async def test_the_parts_of_the_overview_are_listed_under_the_section_that_writes_it(data_dir):
    """政府信息管理, 平台建设 and 监督保障 are parts of 一、总体情况: while one is asked, the task
    list marks the 总体情况 section, which counts them, and 问题与改进 counts only its own."""
    from nianbao.report.labels import SECTIONS
    from nianbao.tui.widgets.tasks import TaskList

    path = make_session(data_dir, "parts", lilin_answers(), stop="overview.management")
    app = NianbaoApp(data_dir=str(data_dir), session_path=path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.engine.current().id == "overview.management"
        tasks = app.screen.query_one(TaskList)
        lines = {tasks.get_option_at_index(i).id: tasks.get_option_at_index(i).prompt for i in range(tasks.option_count)}
        current = [section for section, line in lines.items() if any("bold" in str(span.style) for span in line.spans)]
        assert current == ["mechanisms"]
        assert SECTIONS["overview"].split("、")[1] in lines["mechanisms"].plain
        problems = next(s for s in app.engine.interview.sections if s.id == "problems")
        assert all(q.id.startswith("problems.") for q in problems.questions)
        total = lines["problems"].plain.rsplit("/", 1)[-1]
        assert int(total) == len(problems.questions)


@pytest.mark.asyncio
async def test_an_enter_right_after_ime_characters_does_not_submit_early(data_dir, monkeypatch):
    """An IME commits its candidate with Enter; that Enter can reach the app right after the
    characters. It must not send a half-finished answer; a later Enter does send it.

    The guard's clock is the test's, so a slow machine cannot push the first Enter out of the
    window (or a fast one pull the second into it)."""
    from nianbao.tui.widgets.answer import IME_ENTER_GUARD_SECONDS
    from tui_helpers import post_key, type_text

    now = [1000.0]
    monkeypatch.setattr(AnswerInput, "clock", staticmethod(lambda: now[0]))
    app = NianbaoApp(data_dir=str(data_dir))
    async with app.run_test(size=(100, 30)) as pilot:
        await start_new_report(pilot)
        await type_text(pilot, "梨林镇")
        now[0] += IME_ENTER_GUARD_SECONDS / 5  # the IME's Enter, right after the characters
        post_key(pilot, "enter", "\r")
        await pilot.pause()
        assert app.engine.current().id == "agency.name"
        assert app.screen.query_one("#answer-input", AnswerInput).value == "梨林镇"
        await type_text(pilot, "人民政府")
        now[0] += IME_ENTER_GUARD_SECONDS * 2  # the clerk reads the text, then presses Enter
        await pilot.press("enter")
        await pilot.pause()
        assert app.engine.session.report.agency.name == "梨林镇人民政府"
        assert app.engine.current().id == "agency.kind"


@pytest.mark.asyncio
async def test_palette_opens_the_export_dialog(data_dir):
    app = NianbaoApp(data_dir=str(data_dir))
    async with app.run_test(size=(120, 40)) as pilot:
        await _finished_app(pilot, app)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await search_palette(pilot, "导出报告")
        await pilot.press("enter")
        await wait_until(pilot, lambda: type(app.screen).__name__ == "ExportScreen", what="the export dialog")


@pytest.mark.asyncio
async def test_leaving_a_finished_report_prints_it_and_leaving_midway_does_not(data_dir, lilin):
    app = NianbaoApp(data_dir=str(data_dir))
    async with app.run_test(size=(120, 40)) as pilot:
        await _finished_app(pilot, app)
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.return_value == to_text(lilin.report)

    app = NianbaoApp(data_dir=str(data_dir))
    async with app.run_test(size=(120, 40)) as pilot:
        await start_new_report(pilot)
        await send(pilot, "梨林镇人民政府")
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.return_value is None



@pytest.mark.asyncio
async def test_table4_grid_edits_are_checked_too(data_dir):
    app = NianbaoApp(data_dir=str(data_dir))
    async with app.run_test(size=(120, 40)) as pilot:
        await _finished_app(pilot, app)
        await pilot.press("escape")
        await pilot.press("f3")
        await pilot.pause()
        app.screen.query_one("#grid-tabs").active = "tab-t4"
        await pilot.pause()
        grid = app.screen.query_one("#grid-t4")
        grid.focus()
        grid.move_cursor(row=0, column=1)  # 行政复议 / 结果维持
        await pilot.press("enter")
        await pilot.pause()
        app.screen.query_one("#cell-input").value = "1"
        await pilot.press("enter")
        await pilot.pause()
        assert app.engine.session.report.table4.review.upheld == 1
        assert "red" in str(grid.get_cell("review", "total").style)  # T4-1: 1 + 0 + 0 + 0 != 0
        assert "T4-1" in str(app.screen.query_one("#grid-findings").render())


@pytest.mark.asyncio
@pytest.mark.parametrize("stop", ["agency.name", "t3.gate", "overview.summary", "mechanisms.checklist"])
async def test_the_terminal_cursor_is_on_the_caret_whatever_the_answer_widget(data_dir, stop):
    """Where an IME opens its candidate window: the caret of the input or the area, also after
    the yes/no buttons or the paragraph area have changed the layout of the answer box."""
    path = make_session(data_dir, f"cursor-{stop}", lilin_answers(), stop=stop)
    app = NianbaoApp(data_dir=str(data_dir), session_path=path)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until(pilot, lambda: bool(app.screen.query("Footer")), what="the footer")
        await pilot.pause()
        await pilot.pause()
        assert app.engine.current().id == stop
        focused = app.screen.focused
        assert focused is not None and focused.id in ("answer-input", "answer-area")
        assert app.cursor_position == focused.cursor_screen_offset
        region = focused.content_region
        assert region.contains(*app.cursor_position)


@pytest.mark.asyncio
async def test_the_palette_and_its_key_speak_chinese(data_dir):
    from textual.command import CommandInput, CommandList
    from textual.widgets._footer import FooterKey

    app = NianbaoApp(data_dir=str(data_dir))
    async with app.run_test(size=(120, 40)) as pilot:
        await start_new_report(pilot)
        await wait_until(pilot, lambda: bool(app.screen.query(FooterKey)), what="the footer")
        palette_key = app.screen.query(FooterKey).filter(".-command-palette").first()
        assert palette_key.description == "命令"
        await pilot.press("ctrl+p")
        await wait_until(pilot, lambda: bool(app.screen.query(CommandInput)), what="the palette")
        assert app.screen.query_one(CommandInput).placeholder == "搜索命令……"
        await wait_until(pilot, lambda: app.screen.query_one(CommandList).option_count > 0, what="the commands")
        listed = "\n".join(str(option.prompt) for option in app.screen.query_one(CommandList).options)
        for title in ("跳到：机关信息", "导出报告", "退出", "配色"):
            assert title in listed
        for english in ("Quit", "Theme", "Keys", "Screenshot"):
            assert english not in listed
        for ch in "zzzz":
            app.screen.query_one(CommandInput).insert_text_at_cursor(ch)
        commands = app.screen.query_one(CommandList)
        await wait_until(
            pilot,
            lambda: commands.option_count == 1 and "没有找到相符的命令" in str(commands.get_option_at_index(0).prompt.renderable),
            what="the palette to say nothing matches",
        )


@pytest.mark.asyncio
async def test_a_paragraph_question_shows_the_way_back_since_ctrl_z_is_undo_there(data_dir):
    from textual.widgets._footer import FooterKey

    path = make_session(data_dir, "para", answers_file(), stop="problems.problems")
    app = NianbaoApp(data_dir=str(data_dir), session_path=path)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until(pilot, lambda: bool(app.screen.query(FooterKey)), what="the footer")
        area = app.screen.query_one("#answer-area", AnswerArea)
        assert app.focused is area
        keys = {(key.key, key.description) for key in app.screen.query(FooterKey)}
        assert ("escape", "上一题") in keys and ("ctrl+z", "上一题") not in keys
        area.insert("部分信息公开不够及时")
        await pilot.press("ctrl+z")  # undo in the text area, not back
        await pilot.pause()
        assert app.engine.current().id == "problems.problems" and area.text == ""
        await pilot.press("escape")
        await pilot.pause()
        assert app.engine.current().id == "problems.followup"  # the question before it here


@pytest.mark.asyncio
async def test_text_typed_but_not_sent_comes_back_with_its_question(data_dir):
    from tui_helpers import type_text

    app = NianbaoApp(data_dir=str(data_dir))
    async with app.run_test(size=(120, 40)) as pilot:
        await start_new_report(pilot)
        await send(pilot, "梨林镇人民政府")
        box = app.screen.query_one("#answer-input", AnswerInput)
        await type_text(pilot, "乡")  # half an answer to the kind question
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert app.engine.current().id == "agency.name" and box.value == "梨林镇人民政府"
        await send(pilot, "梨林镇人民政府")
        assert app.engine.current().id == "agency.kind"
        assert box.value == "乡" and box.cursor_position == 1  # as left, the caret after it
        assert [n.message for n in app._notifications][-1] == "刚才输入但没有发送的内容已放回输入框。"
        await send(pilot, "乡镇")
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert app.engine.current().id == "agency.kind" and box.value == "乡镇"  # sent: the answer, not the draft

    path = make_session(data_dir, "para", answers_file(), stop="problems.problems")
    app = NianbaoApp(data_dir=str(data_dir), session_path=path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        area = app.screen.query_one("#answer-area", AnswerArea)
        area.insert("部分信息公开不够及时\n政策解读")
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("ctrl+j")  # the previous answer, sent again as it was
        await pilot.pause()
        assert app.engine.current().id == "problems.problems"
        assert area.text == "部分信息公开不够及时\n政策解读"


@pytest.mark.asyncio
async def test_the_review_and_the_grid_leave_typed_text_in_the_box(data_dir):
    from tui_helpers import type_text

    app = NianbaoApp(data_dir=str(data_dir))
    async with app.run_test(size=(120, 40)) as pilot:
        await start_new_report(pilot)
        await type_text(pilot, "梨林镇人")
        box = app.screen.query_one("#answer-input", AnswerInput)
        for key in ("f5", "f3"):
            await pilot.press(key)
            await pilot.pause()
            assert not isinstance(app.screen, ChatScreen)
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, ChatScreen) and box.value == "梨林镇人"
        assert len(transcript_texts(pilot)) == 1  # the question was not asked again


@pytest.mark.asyncio
async def test_a_finished_report_says_so_once_however_often_the_review_is_opened(data_dir):
    app = NianbaoApp(data_dir=str(data_dir))
    async with app.run_test(size=(120, 40)) as pilot:
        await _finished_app(pilot, app)
        for _ in range(2):
            await pilot.press("escape")  # from the review, back to the chat
            await pilot.pause()
            assert isinstance(app.screen, ChatScreen)
            await pilot.press("f5")
            await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert sum("全部问题已答完" in text for text in transcript_texts(pilot)) == 1


@pytest.mark.asyncio
async def test_a_screen_closes_once_and_only_itself():
    """Keys back to back (Enter on a review row, then Esc or E) made a screen dismiss itself
    twice, or while another screen had opened above it: Textual ran the result callback again
    (InvalidStateError, a traceback) and popped the wrong screen."""
    from textual.app import App
    from textual.screen import Screen

    from nianbao.tui.closing import ClosesOnce

    class Closing(ClosesOnce, Screen[str]):
        pass

    results: list[str | None] = []
    app = App()
    async with app.run_test() as pilot:
        first = Closing()
        app.push_screen(first, results.append)
        await pilot.pause()
        first.dismiss("edit")
        first.dismiss("back")  # a second key before the screen has gone
        await pilot.pause()
        assert results == ["edit"] and len(app.screen_stack) == 1

        below, above = Closing(), Screen()
        app.push_screen(below, results.append)
        app.push_screen(above)
        await pilot.pause()
        below.dismiss("late")  # another screen is on top now: ignored
        await pilot.pause()
        assert results == ["edit"] and app.screen is above and below in app.screen_stack


@pytest.mark.asyncio
async def test_the_header_shows_no_year_until_it_is_answered_and_the_year_suggested_is_the_reporting_year(
    data_dir, monkeypatch
):
    """Issue 12 item 7: drafting in December 2026 suggests 2026; no "2021 年" before it is asked."""
    from datetime import date

    import nianbao.session

    monkeypatch.setattr(nianbao.session, "today", lambda: date(2026, 12, 3))
    answers = answers_file()
    app = NianbaoApp(data_dir=str(data_dir))
    async with app.run_test(size=(120, 40)) as pilot:
        await start_new_report(pilot)
        while (step := app.engine.current()).id != "report.year":
            assert "年" not in app.screen.sub_title, app.screen.sub_title
            await send(pilot, answers[step.id])
        assert step.suggestion == "2026"
        assert "2021" not in app.screen.sub_title
        await send(pilot, "2026")
        assert app.screen.sub_title.endswith("2026 年")


@pytest.mark.asyncio
async def test_a_kept_answer_is_added_to_and_only_a_suggestion_is_replaced_by_typing(data_dir, monkeypatch):
    """Issue 12 item 1: going back puts the clerk's own answer in the box with the caret at its
    end, so that typing adds to it; the suggested year stays selected and is marked as a
    suggestion, so that typing replaces it."""
    from datetime import date

    import nianbao.session
    from nianbao.tui.widgets.hint import SUGGESTED
    from tui_helpers import type_text

    monkeypatch.setattr(nianbao.session, "today", lambda: date(2026, 12, 3))
    answers = answers_file()
    app = NianbaoApp(data_dir=str(data_dir))
    async with app.run_test(size=(120, 40)) as pilot:
        await start_new_report(pilot)
        box = app.screen.query_one("#answer-input", AnswerInput)
        hint = app.screen.query_one("#hint")
        while (step := app.engine.current()).id != "report.year":
            await send(pilot, answers[step.id])
        await pilot.pause()
        assert box.value == "2026" and box.selected_text == "2026"
        assert SUGGESTED in str(hint.render())
        await type_text(pilot, "2025")
        assert box.value == "2025"
        await send(pilot, "2026")
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert app.engine.current().id == "report.year"
        assert box.value == "2026" and box.selected_text == ""
        assert box.cursor_position == len("2026")
        assert SUGGESTED not in str(hint.render())
        await pilot.press("ctrl+z")
        await pilot.pause()
        kept = answers[app.engine.current().id].strip()
        assert box.value == kept and box.selected_text == ""
        await type_text(pilot, "X")
        assert box.value == kept + "X"


@pytest.mark.asyncio
async def test_no_to_the_appeals_gate_after_the_grid_asks_before_zeroing_the_grid(data_dir):
    """Issue 12 item 2: 结果维持 = 1 typed in the F3 grid, then "没有" to the gate question: the
    clerk is asked first; only a second "没有" zeroes the table, and then nothing is left at 1."""
    path = make_session(data_dir, "gate", lilin_answers(), stop="t4.gate")
    app = NianbaoApp(data_dir=str(data_dir), session_path=path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.engine.current().id == "t4.gate"
        await pilot.press("f3")
        await pilot.pause()
        app.screen.query_one("#grid-tabs").active = "tab-t4"
        await pilot.pause()
        grid = app.screen.query_one("#grid-t4")
        grid.focus()
        grid.move_cursor(row=0, column=1)  # 行政复议 / 结果维持
        await pilot.press("enter")
        await pilot.pause()
        app.screen.query_one("#cell-input").value = "1"
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ChatScreen)
        await send(pilot, "没有")
        assert app.engine.current().id == "t4.gate"  # not taken yet
        assert app.engine.session.report.table4.review.upheld == 1
        asked = transcript_texts(pilot)[-1]
        assert "表里已有" in asked and "结果维持 1" in asked and "确定没有吗" in asked
        await send(pilot, "没有")
        assert app.engine.current().id != "t4.gate"
        assert app.engine.session.report.table4.values() == [0] * 15
        assert not [f for f in app.engine.findings if f.rule == "T4-1"]
        saved = store.load(path).interview.answers
        assert saved["t4.gate"] == "没有" and not [k for k in saved if k.startswith("cell:table4")]


@pytest.mark.asyncio
async def test_the_grid_starts_on_a_value_hints_table4_and_recomputes_a_stale_total(data_dir):
    """Issue 12 item 8: the cursor starts on the first value (Enter edits it), the footer names
    the key to 表四, and after a part is edited one key sets its 总计 to the sum, marked computed."""
    from textual.widgets import Footer

    app = NianbaoApp(data_dir=str(data_dir))
    async with app.run_test(size=(120, 40)) as pilot:
        await _finished_app(pilot, app)
        await pilot.press("escape")
        await pilot.press("f3")
        await pilot.pause()
        t3 = app.screen.query_one("#grid-t3")
        assert t3.cursor_coordinate.column == 1
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.focused is app.screen.query_one("#cell-input")
        assert "自然人" in app.screen.query_one("#cell-input").placeholder
        shown_keys = {b.binding.description for b in app.screen.active_bindings.values() if b.binding.show}
        assert "切换表三/表四" in shown_keys and "重算总计" in shown_keys
        app.screen.query_one("#grid-t3").focus()
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert app.screen.query_one("#grid-tabs").active == "tab-t4"
        grid = app.screen.query_one("#grid-t4")
        assert app.screen.focused is grid and grid.cursor_coordinate.column == 1  # 行政复议 / 结果维持
        await pilot.press("enter")
        await pilot.pause()
        app.screen.query_one("#cell-input").value = "1"
        await pilot.press("enter")
        await pilot.pause()
        assert [f for f in app.engine.findings if f.rule == "T4-1"]
        assert any("按 Ctrl+R" in n.message for n in app._notifications)
        await pilot.press("ctrl+r")
        await pilot.pause()
        t4 = app.engine.session.report.table4
        assert (t4.review.upheld, t4.review.total) == (1, 1)
        assert not [f for f in app.engine.findings if f.rule == "T4-1"]
        shown = grid.get_cell("review", "total")
        assert shown.plain == "=1" and "cyan" in str(shown.style)
        assert store.load(app.engine.path).interview.answers["cell:table4.review.total"] == "1"


@pytest.mark.asyncio
async def test_the_review_shows_what_was_understood_wrapped_and_keeps_its_row(data_dir):
    """Issue 12 item 3: at 80 columns the review shows each answer as understood (the checklist's
    items by name, not "1 2 3 4"), all of it over as many lines as it needs, with its status;
    after a row is edited and the review opened again, the cursor is on that row."""
    from nianbao.interview.kinds import describe_value

    answers = lilin_answers()
    path = make_session(data_dir, "review", answers_file())
    app = NianbaoApp(data_dir=str(data_dir), session_path=path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("f5")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        table = app.screen.query_one("#answers")
        index = table.get_row_index("mechanisms.checklist")
        label, status, shown = (cell.plain for cell in table.get_row_at(index))
        step = next(s for s in app.engine.steps if s.id == "mechanisms.checklist")
        understood = describe_value(app.engine.session.report, step.question, step.instance)
        assert answers["mechanisms.checklist"] == "1 2 3 4" and shown == understood.replace("\n", "；")
        assert shown != "1 2 3 4" and status == "已答"
        assert table.rows["mechanisms.checklist"].height > 1  # wrapped, not cut
        summary = table.get_row_at(table.get_row_index("overview.summary"))[2].plain
        assert summary == answers["overview.summary"].replace("\n", "；")  # whole, never cut
        table.move_cursor(row=index)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ChatScreen) and app.engine.current().id == "mechanisms.checklist"
        await send(pilot, "1 2 3")
        await pilot.press("f5")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        assert app.screen.query_one("#answers").cursor_row == index
