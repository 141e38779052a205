"""Snapshot tests of the TUI (pytest-textual-snapshot) at 80x24 and 120x40, plus pilot checks of
the typing helpers they rely on.

Update the SVGs after a deliberate UI change with `pytest tests/test_tui_snapshots.py
--snapshot-update`, and look at them (tests/__snapshots__/test_tui_snapshots/) before committing.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from nianbao import store
from nianbao.tui.app import NianbaoApp
from tui_helpers import (
    answer,
    freeze_cursors,
    lilin_answers,
    make_session,
    post_key,
    start_new_report,
    transcript_texts,
    type_text,
    wait_until,
)

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]

# A fixed "last modified" time for the saved session on the start screen (shown in local time).
FIXED_UPDATED = "2022-01-10T08:30:00Z"


@pytest.fixture
def utc():
    """Local time = UTC, so a stored timestamp renders the same on every machine."""
    saved = os.environ.get("TZ")
    os.environ["TZ"] = "UTC"
    time.tzset()
    yield
    if saved is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = saved
    time.tzset()


def chat_screen_ready(pilot) -> bool:
    from nianbao.tui.chat import ChatScreen

    return isinstance(pilot.app.screen, ChatScreen) and bool(transcript_texts(pilot))


def sessions_read(pilot) -> bool:
    """The start screen has replaced every "正在读取……" line with the session's description."""
    found = pilot.app.screen.query("#session-list")
    if not found:
        return False  # not composed yet
    listing = found.first()
    prompts = [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]
    return bool(prompts) and not any("正在读取" in p for p in prompts)


# --- the typing helpers ------------------------------------------------------------------------
async def test_type_text_keeps_chinese_and_fullwidth_punctuation(data_dir: Path):
    text = "微信公众号“大美梨林”510条，济源市人民政府网梨林镇版块340条（１２）；a b!"
    app = NianbaoApp(data_dir=str(data_dir))
    async with app.run_test(size=(120, 40)) as pilot:
        await start_new_report(pilot)
        await type_text(pilot, text)
        assert app.screen.query_one("#answer-input").value == text


async def test_answer_sends_through_input_and_area(data_dir: Path):
    answers = lilin_answers()
    path = make_session(data_dir, "typing", answers, stop="overview.summary")
    app = NianbaoApp(data_dir=str(data_dir), session_path=path)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until(pilot, lambda: chat_screen_ready(pilot), what="the chat screen")
        # overview.summary is a paragraph: the TextArea is shown; send two lines with Ctrl+J.
        assert app.screen.query_one("#answer-area").display
        two_lines = "第一行，含“引号”。\n第二行：完成。"
        await answer(pilot, two_lines)
        assert two_lines in transcript_texts(pilot)
        # mechanisms.checklist is a single-line question again.
        assert app.screen.query_one("#answer-input").display
        await answer(pilot, answers["mechanisms.checklist"])
    saved = store.load(path).interview.answers
    assert saved["overview.summary"] == two_lines
    assert saved["mechanisms.checklist"] == answers["mechanisms.checklist"]


async def test_ctrl_j_right_after_typing_sends_the_whole_text(data_dir: Path):
    path = make_session(data_dir, "fast", lilin_answers(), stop="overview.summary")
    app = NianbaoApp(data_dir=str(data_dir), session_path=path)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until(pilot, lambda: chat_screen_ready(pilot), what="the chat screen")
        for character in "一句话概括":  # a fast typist, or an IME committing a phrase, then Ctrl+J
            post_key(pilot, character, character)
        post_key(pilot, "ctrl+j", None)
        await pilot.pause()
        assert "一句话概括" in transcript_texts(pilot)
    assert store.load(path).interview.answers.get("overview.summary") == "一句话概括"


# --- snapshots ---------------------------------------------------------------------------------
@pytest.mark.parametrize("size", SIZES)
def test_start_screen_empty(snap_compare, data_dir: Path, size):
    app = NianbaoApp(data_dir=str(data_dir))
    assert snap_compare(app, terminal_size=size, run_before=freeze_cursors)


@pytest.mark.parametrize("size", SIZES)
def test_start_screen_with_saved_session(snap_compare, data_dir: Path, utc, size):
    path = make_session(data_dir, "lilin-2021", lilin_answers(), stop="active.total")
    raw = json.loads(path.read_text(encoding="utf-8"))
    raw["created"] = raw["updated"] = FIXED_UPDATED
    path.write_text(json.dumps(raw, ensure_ascii=False, indent=1), encoding="utf-8")
    store.load(path)  # still a valid session

    async def run_before(pilot):
        await wait_until(pilot, lambda: sessions_read(pilot), what="the session's description")
        freeze_cursors(pilot)

    app = NianbaoApp(data_dir=str(data_dir))
    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_new_report_first_question(snap_compare, data_dir: Path, size):
    """`nianbao new`: the first question, once the engine has loaded behind it."""

    async def run_before(pilot):
        await wait_until(pilot, lambda: pilot.app.engine is not None, what="the engine")
        await pilot.pause()
        freeze_cursors(pilot)

    app = NianbaoApp(data_dir=str(data_dir), new_path=store.sessions_dir(data_dir) / "new.json")
    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_question_after_agency_name(snap_compare, data_dir: Path, size):
    async def run_before(pilot):
        await start_new_report(pilot)
        await answer(pilot, "梨林镇人民政府")
        await wait_until(pilot, lambda: "贵单位属于哪一类" in transcript_texts(pilot)[-1], what="agency.kind")
        freeze_cursors(pilot)

    app = NianbaoApp(data_dir=str(data_dir))
    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_table3_imbalance_error(snap_compare, data_dir: Path, size):
    """有 / 自然人3件 / 无 / 予以公开2件: 3 requests, 2 outcomes -> the T3-1 message, asked again."""
    path = make_session(data_dir, "t3", lilin_answers(), stop="t3.gate")

    async def run_before(pilot):
        await wait_until(pilot, lambda: chat_screen_ready(pilot), what="the chat screen")
        for text in ("有", "自然人3件", "无", "予以公开2件"):
            await answer(pilot, text)
        await wait_until(pilot, lambda: any("T3-1" in t for t in transcript_texts(pilot)), what="T3-1")
        freeze_cursors(pilot)

    app = NianbaoApp(data_dir=str(data_dir), session_path=path)
    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_review_screen(snap_compare, data_dir: Path, size):
    """The review opens by itself when the last question is answered."""
    answers = lilin_answers()
    path = make_session(data_dir, "review", answers, stop="other.any")

    async def run_before(pilot):
        from nianbao.tui.review import ReviewScreen

        await wait_until(pilot, lambda: chat_screen_ready(pilot), what="the chat screen")
        await answer(pilot, answers["other.any"])
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, ReviewScreen), what="the review screen")
        freeze_cursors(pilot)

    app = NianbaoApp(data_dir=str(data_dir), session_path=path)
    assert snap_compare(app, terminal_size=size, run_before=run_before)
