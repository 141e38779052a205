"""services/: what the CLI and the TUI both do, done once."""

from __future__ import annotations

from nianbao.interview.engine import Engine
from nianbao.render.outputs import to_text
from nianbao.services.checking import check_session, publishable_text
from nianbao.session import Session

from rules_helpers import lilin_report


def test_a_complete_report_is_checked_on_its_final_text():
    report = lilin_report()
    text = publishable_text(report)
    assert text.missing is None
    assert text.text == to_text(report)


def test_a_report_with_a_missing_fact_is_checked_on_its_draft_and_says_what_is_missing():
    report = lilin_report()
    report.agency.name = ""
    text = publishable_text(report)
    assert text.missing and "报告缺少" in text.missing
    assert "【待填：" in text.text
    checked = check_session(Session(report=report))
    assert checked.text == text
    assert checked.errors == [f for f in checked.findings if f.is_error]


def test_a_better_last_year_replaces_the_sessions_own():
    this = lilin_report()
    this.year += 1
    session = Session(report=this)
    assert "X-5" not in {f.rule for f in check_session(session).findings}
    copied = check_session(session, last_year=lilin_report())
    assert "X-5" in {f.rule for f in copied.findings}


def test_the_engine_words_both_years_to_compare_them():
    """X-5 needs the published text; the rules reach it only through the context the engine gives."""
    this = lilin_report()
    this.year += 1
    engine = Engine(Session(report=this, last_year=lilin_report()))
    assert "X-5" in {f.rule for f in engine.findings}
