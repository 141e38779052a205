"""The interview engine: flow, shortcuts, checks at entry, back/edit, progress, review, store."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from nianbao import store
from nianbao.interview.engine import DONE, HAS_PROBLEM, IN_PROGRESS, NOT_STARTED, Engine
from nianbao.interview.scripted import ScriptError, run_answers
from nianbao.interview.prompts import PromptsError, load_interview
from nianbao.render.outputs import to_text
from nianbao.resources import prompts_dir
from nianbao.rules import check_report
from nianbao.session import Session

ANSWERS = Path(__file__).resolve().parents[1] / "examples" / "lilin-2021-answers.yaml"


@pytest.fixture
def lilin_answers() -> dict[str, str]:
    return {k: str(v) for k, v in yaml.safe_load(ANSWERS.read_text(encoding="utf-8")).items()}


def drive(engine: Engine, answers: dict[str, str], overrides: dict[str, str] | None = None, stop: str | None = None):
    """Answer questions in order; `overrides` replace answers by id; stop before question `stop`."""
    overrides = overrides or {}
    while (step := engine.current()) is not None and step.id != stop:
        reply = engine.answer(overrides.get(step.id, answers.get(step.id, "")))
        assert reply.accepted and not reply.problem, (step.id, reply.message)


def test_lilin_interview_takes_at_most_31_answers_and_equals_the_example(lilin_answers, lilin):
    engine = Engine(Session())
    count = run_answers(engine, lilin_answers)
    assert count <= 31  # 30 before problems.followup was asked of every report
    assert engine.finished
    assert to_text(engine.session.report) == to_text(lilin.report)
    assert check_report(engine.session.report, text=to_text(engine.session.report)) == []


def test_no_applications_answer_fills_table3_with_zeros(lilin_answers):
    engine = Engine(Session())
    drive(engine, lilin_answers, stop="requests.measures")
    rows = engine.session.report.table3.rows
    assert all(v == 0 for values in rows.values() for v in values)
    assert len(rows) == 25


def test_no_appeals_answer_fills_table4_with_zeros(lilin_answers):
    engine = Engine(Session())
    drive(engine, lilin_answers, stop="problems.followup")
    assert engine.session.report.table4.values() == [0] * 15


def _to_requests(lilin_answers) -> Engine:
    engine = Engine(Session())
    drive(engine, lilin_answers, stop="t3.gate")
    assert engine.answer("有").accepted
    assert engine.answer("自然人3件，企业1件").accepted
    assert engine.answer("自然人1件").accepted
    return engine


def test_outcomes_are_asked_per_applicant_type_with_a_running_balance(lilin_answers):
    engine = _to_requests(lilin_answers)
    step = engine.current()
    assert step.id == "t3.outcomes.natural"
    assert "共 4 件申请（新收 3 + 上年结转 1）" in engine.ask_text(step)

    reply = engine.answer("予以公开2件，本机关不掌握1件")
    assert reply.accepted and reply.problem
    assert "T3-1" in reply.message
    assert "新收 3 + 上年结转 1 = 4 件" in reply.message
    assert "还有 1 件尚未填写办理结果" in reply.message
    assert engine.current().id == "t3.outcomes.natural"  # asked again, answer kept
    assert engine.current().suggestion == "予以公开2件，本机关不掌握1件"

    reply = engine.answer("予以公开2件，本机关不掌握1件，结转1件")
    assert reply.accepted and not reply.problem
    assert engine.current().id == "t3.outcomes.business"
    assert engine.answer("部分公开1件").accepted

    t3 = engine.session.report.table3
    assert t3.rows["new"] == [3, 1, 0, 0, 0, 0, 4]
    assert t3.rows["carried_in"] == [1, 0, 0, 0, 0, 0, 1]
    assert t3.rows["granted"] == [2, 0, 0, 0, 0, 0, 2]
    assert t3.rows["partial"] == [0, 1, 0, 0, 0, 0, 1]
    assert t3.rows["unable_not_held"] == [1, 0, 0, 0, 0, 0, 1]
    assert t3.rows["total"] == [3, 1, 0, 0, 0, 0, 4]
    assert t3.rows["carried_out"] == [1, 0, 0, 0, 0, 0, 1]
    assert [f for f in engine.findings if f.rule.startswith("T3")] == []


def test_too_many_outcomes_say_how_many_too_many(lilin_answers):
    engine = _to_requests(lilin_answers)
    reply = engine.answer("予以公开5件")
    assert reply.problem and "多填了 1 件" in reply.message


def test_a_stated_total_that_does_not_add_up_is_refused_and_not_saved(lilin_answers):
    engine = _to_requests(lilin_answers)
    engine.back()
    engine.back()
    assert engine.current().id == "t3.new"
    reply = engine.answer("自然人3件，企业1件，总计5件")
    assert not reply.accepted
    assert "T3-3" in reply.message and "3 + 1" in reply.message and "5" in reply.message
    assert engine.session.interview.answers["t3.new"] == "自然人3件，企业1件"


def test_unreadable_answer_is_refused_with_a_chinese_message_naming_the_question():
    engine = Engine(Session())
    engine.answer("梨林镇人民政府")
    engine.answer("乡镇")
    reply = engine.answer("去年")
    assert not reply.accepted
    assert reply.message.startswith("报告年度")
    assert "year" not in reply.message and "Traceback" not in reply.message
    assert "report.year" not in engine.session.interview.answers


def test_back_keeps_every_answer_and_editing_rederives_dependants(lilin_answers):
    engine = Engine(Session())
    drive(engine, lilin_answers)
    assert engine.finished
    answers_before = dict(engine.session.interview.answers)

    engine.goto("t3.gate")
    assert engine.current().suggestion == "没有"
    engine.answer("有")
    # Every earlier answer is still there; the new follow-up questions are asked next.
    assert set(answers_before) <= set(engine.session.interview.answers)
    assert engine.current().id == "t3.new"
    assert engine.session.report.table3.get("new", "total") is None

    # Saying "no" again restores the zero table without retyping anything else.
    engine.goto("t3.gate")
    engine.answer("没有")
    assert engine.finished
    assert engine.session.report.table3.get("new", "total") == 0


def test_back_from_the_first_question_goes_nowhere():
    engine = Engine(Session())
    assert engine.back() is None
    assert engine.current().id == "agency.name"
    engine.answer("梨林镇人民政府")
    assert engine.back().id == "agency.name"
    assert engine.back() is None
    assert engine.session.interview.answers["agency.name"] == "梨林镇人民政府"


def test_jump_and_progress_statuses(lilin_answers):
    engine = Engine(Session())
    statuses = {p.id: p.status for p in engine.progress()}
    assert statuses["agency"] == NOT_STARTED
    drive(engine, lilin_answers, stop="agency.website")
    assert {p.id: p.status for p in engine.progress()}["agency"] == IN_PROGRESS

    step = engine.jump("problems")
    assert step.id == "problems.followup"
    engine.answer("无")
    engine.resume_flow()
    assert engine.current().id == "agency.website"


def test_problem_section_status_while_a_column_does_not_balance(lilin_answers):
    engine = _to_requests(lilin_answers)
    engine.answer("予以公开1件")
    assert {p.id: p.status for p in engine.progress()}["requests"] == HAS_PROBLEM


def test_finished_interview_reports_every_section_done(lilin_answers):
    engine = Engine(Session())
    drive(engine, lilin_answers)
    assert {p.status for p in engine.progress()} == {DONE}
    review = engine.review()
    assert [r.step_id for r in review][:3] == ["agency.name", "agency.kind", "report.year"]
    assert all(r.answer != "（未答）" for r in review)


def test_every_accepted_answer_is_saved_at_once(tmp_path, lilin_answers):
    path = tmp_path / "s.json"
    engine = Engine(Session(), path)
    engine.answer("梨林镇人民政府")
    assert store.load(path).interview.answers == {"agency.name": "梨林镇人民政府"}
    engine.answer("乡镇")
    reloaded = Engine(store.load(path), path)
    assert reloaded.current().id == "report.year"
    assert reloaded.session.report.agency.name == "梨林镇人民政府"


def test_carried_over_values_are_suggested_until_confirmed():
    session = Session()
    session.report.agency.name = "梨林镇人民政府"
    session.carried_over = ["agency.name"]
    engine = Engine(session)
    step = engine.current()
    assert step.id == "agency.name" and step.carried and step.suggestion == "梨林镇人民政府"
    engine.answer(step.suggestion)
    assert engine.session.carried_over == []
    assert not engine._step("agency.name").carried


def test_cell_edits_in_the_grid_are_checked_at_once(lilin_answers):
    engine = Engine(Session())
    drive(engine, lilin_answers)
    reply = engine.set_cell("table3.rows.new.natural", "2")
    assert reply.accepted
    rules = {f.rule for f in reply.findings}
    assert {"T3-1", "T3-3"} <= rules
    assert not engine.set_cell("table3.rows.new.natural", "两件半").accepted
    assert engine.set_cell("table3.rows.new.natural", "0").accepted
    assert not [f for f in engine.findings if f.rule.startswith("T3")]


def test_user_text_with_markup_and_template_syntax_stays_literal(lilin_answers):
    engine = Engine(Session())
    drive(engine, lilin_answers, overrides={"active.measures": "坚持[red]公开[/]为常态，{{ x }} 不执行"})
    text = to_text(engine.session.report)
    assert "坚持[red]公开[/]为常态，{{ x }} 不执行" in text


def test_answers_file_error_names_the_question(lilin_answers):
    answers = dict(lilin_answers)
    del answers["agency.website"]
    with pytest.raises(ScriptError, match="agency.website"):
        run_answers(Engine(Session()), answers)
    answers = dict(lilin_answers, **{"t2.fees": "很多"})
    with pytest.raises(ScriptError, match="t2.fees.*很多"):
        run_answers(Engine(Session()), answers)


# --- prompts/ checks -------------------------------------------------------------------------
def _copy_prompts(tmp_path: Path) -> Path:
    folder = tmp_path / "prompts"
    folder.mkdir()
    for path in prompts_dir().glob("*.yaml"):
        (folder / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    return folder


def test_shipped_prompts_cover_every_fact_of_the_report():
    interview = load_interview()
    assert [s.id for s in interview.sections] == [
        "agency", "mechanisms", "active", "requests", "appeals", "problems", "other",
    ]


def test_a_question_naming_a_missing_field_is_an_error_naming_file_and_question(tmp_path):
    folder = _copy_prompts(tmp_path)
    path = folder / "01-agency.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("[agency.website]", "[agency.homepage]"), encoding="utf-8")
    with pytest.raises(PromptsError, match="01-agency.yaml.*agency.website.*agency.homepage"):
        load_interview(folder)


def test_a_fact_without_a_question_is_an_error(tmp_path):
    folder = _copy_prompts(tmp_path)
    path = folder / "07-other.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("fields: [other.work_points]", "fields: [other.innovation]"), encoding="utf-8")
    with pytest.raises(PromptsError, match="other.work_points"):
        load_interview(folder)


def test_broken_yaml_is_an_error_naming_the_file(tmp_path):
    folder = _copy_prompts(tmp_path)
    (folder / "03-active.yaml").write_text("section: [unclosed", encoding="utf-8")
    with pytest.raises(PromptsError, match="03-active.yaml"):
        load_interview(folder)


def test_every_question_has_help_and_an_example():
    """F1 shows why a question is asked and an example answer; none may be left without."""
    questions = [q for s in load_interview().sections for q in s.questions]
    assert [q.id for q in questions if not q.help.strip()] == []
    assert [q.id for q in questions if not q.example.strip()] == []


def test_a_row_carried_over_from_last_year_is_marked_until_confirmed(lilin_answers):
    from nianbao.services.last_year import session_from_report

    last = Engine(Session())
    drive(last, lilin_answers, overrides={"t3.gate": "有"}, stop="t3.new")
    last.answer("自然人2件")
    last.answer("无")
    last.answer("予以公开1件，结转1件")
    drive(last, lilin_answers)
    assert last.session.report.table3.rows["carried_out"][0] == 1

    engine = Engine(session_from_report(last.session.report))
    drive(engine, lilin_answers, overrides={"t3.gate": "有", "t3.new": "无"}, stop="t3.carried_in")
    step = engine.current()
    assert step.id == "t3.carried_in" and step.carried
    assert step.suggestion == "自然人1件"
    engine.answer(step.suggestion)
    assert not any(p.startswith("table3") for p in engine.session.carried_over)
    assert engine.session.report.table3.rows["carried_in"] == [1, 0, 0, 0, 0, 0, 1]


def test_a_failed_autosave_is_reported_and_the_next_save_catches_up(tmp_path, monkeypatch):
    path = tmp_path / "s.json"
    engine = Engine(Session(), path)
    engine.answer("梨林镇人民政府")
    real_save = store.save

    def disk_full(session, target):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(store, "save", disk_full)
    reply = engine.answer("乡镇")
    assert reply.accepted and reply.problem
    assert "自动保存失败" in reply.message and "No space left on device" in reply.message
    assert store.load(path).interview.answers == {"agency.name": "梨林镇人民政府"}  # file intact

    monkeypatch.setattr(store, "save", real_save)
    engine.answer("2021")
    assert engine.save_error is None
    assert store.load(path).interview.answers == {
        "agency.name": "梨林镇人民政府", "agency.kind": "乡镇", "report.year": "2021",
    }


def test_recomputing_table3_totals_after_an_outcome_cell_is_edited(lilin_answers):
    """The grid's Ctrl+R: an edited outcome cell leaves its row's 总计, its column's （七）总计
    and the table's corner total stale; recomputing sets each to the sum its rule gives."""
    engine = Engine(Session())
    drive(engine, lilin_answers)
    t3 = engine.session.report.table3
    before = (t3.get("granted", "total"), t3.get("total", "natural"), t3.get("total", "total"))
    assert engine.set_cell("table3.rows.granted.natural", str(t3.get("granted", "natural") + 2)).accepted
    assert {f.rule for f in engine.findings} >= {"T3-2", "T3-3"}
    assert engine.stale_totals("table3.rows.granted.natural") == [
        "table3.rows.granted.total", "table3.rows.total.natural", "table3.rows.total.total",
    ]
    reply = engine.recompute_totals("table3.rows.granted.natural")
    assert reply.accepted and "已按各项之和重算" in reply.message
    t3 = engine.session.report.table3
    assert (t3.get("granted", "total"), t3.get("total", "natural"), t3.get("total", "total")) == tuple(v + 2 for v in before)
    assert not {f.rule for f in engine.findings} & {"T3-2", "T3-3"}
    assert not engine.recompute_totals("table3.rows.granted.natural").accepted  # nothing left to do
    assert "不计入任何总计" in engine.recompute_totals("table3.rows.total.total").message
