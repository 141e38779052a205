"""The drafting commands through the real command line: new (answers file, plain, from last
year), resume, sessions."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

import nianbao.cli  # noqa: F401  (registers the commands)
from nianbao import store
from nianbao.interview.status import FIRST_QUESTION_ALREADY
from nianbao.cli.common import app
from nianbao.render.outputs import to_text
from nianbao.session import Session

REPO = Path(__file__).resolve().parents[1]
ANSWERS = REPO / "examples" / "lilin-2021-answers.yaml"
runner = CliRunner()


def run(*args: str, input: str | None = None):
    return runner.invoke(app, list(args), input=input)


def test_new_with_answers_file_completes_the_reference_report(data_dir, lilin):
    result = run("new", "--answers", str(ANSWERS), "--name", "lilin")
    assert result.exit_code == 0, result.output
    assert "31 项问答" in result.output
    session = store.load(data_dir / "sessions" / "lilin.json")
    assert session.interview.finished
    assert to_text(session.report) == to_text(lilin.report)
    listing = run("sessions")
    assert "梨林镇人民政府" in listing.output and "已完成" in listing.output


def test_answers_file_with_a_bad_answer_names_the_question_and_keeps_what_was_accepted(data_dir, tmp_path):
    answers = yaml.safe_load(ANSWERS.read_text(encoding="utf-8"))
    answers["active.total"] = "很多条"
    bad = tmp_path / "bad.yaml"
    bad.write_text(yaml.safe_dump(answers, allow_unicode=True), encoding="utf-8")
    result = run("new", "--answers", str(bad), "--name", "bad")
    assert result.exit_code == 2
    assert "active.total" in result.output and "很多条" in result.output
    assert "Traceback" not in result.output
    saved = store.load(data_dir / "sessions" / "bad.json")
    assert saved.interview.answers["agency.name"] == "梨林镇人民政府"
    assert "active.total" not in saved.interview.answers


def test_new_refuses_an_existing_name(data_dir):
    assert run("new", "--answers", str(ANSWERS), "--name", "twice").exit_code == 0
    result = run("new", "--answers", str(ANSWERS), "--name", "twice")
    assert result.exit_code == 2 and "已存在" in result.output


def test_plain_mode_reads_answers_line_by_line_and_resume_continues(data_dir):
    first = subprocess.run(
        [sys.executable, "-m", "nianbao", "new", "--plain", "--name", "p"],
        input="<\n梨林镇人民政府\n?\n乡镇\n",  # "<" at the first question: there is none before it
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert first.returncode == 0, first.stderr
    assert FIRST_QUESTION_ALREADY in first.stdout
    assert "已记下：乡镇" in first.stdout
    assert "类别决定哪些表格项目适用" in first.stdout  # "?" shows the question's help
    path = data_dir / "sessions" / "p.json"
    assert store.load(path).interview.answers == {"agency.name": "梨林镇人民政府", "agency.kind": "乡镇"}

    second = subprocess.run(
        [sys.executable, "-m", "nianbao", "resume", "p", "--plain"],
        input="<\n\n2021\n",  # back to the kind question, accept it as is, then the year
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert second.returncode == 0, second.stderr
    answers = store.load(path).interview.answers
    assert answers["agency.kind"] == "乡镇" and answers["report.year"] == "2021"


def test_new_from_last_year_prefills_and_marks_carried_values(data_dir, examples_dir):
    result = run("new", "--from", str(examples_dir / "county-bureau-2023.json"), "--plain", "--name", "next", input="")
    assert result.exit_code == 0, result.output
    assert "沿用上年" in result.output
    session = store.load(data_dir / "sessions" / "next.json")
    assert session.report.year == 2024
    assert session.report.agency.name == "青山县自然资源局"
    assert "agency.name" in session.carried_over
    assert session.last_year is not None and session.last_year.year == 2023


def test_new_from_an_unreadable_file_is_one_chinese_line(data_dir, tmp_path):
    junk = tmp_path / "last.docx"
    junk.write_bytes(b"\x00\x01not a docx")
    result = run("new", "--from", str(junk), "--plain")
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert str(junk) in result.output.replace("\n", "")


def test_resume_of_a_missing_session_is_an_error(data_dir):
    result = run("resume", "nope")
    assert result.exit_code == 2 and "找不到会话文件" in result.output


def _broken_prompts(tmp_path, monkeypatch) -> Path:
    from nianbao.interview.prompts import default_interview
    from nianbao.resources import prompts_dir

    folder = tmp_path / "prompts"
    folder.mkdir()
    for path in prompts_dir().glob("*.yaml"):
        (folder / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "03-active.yaml").write_text("section: [oops\n", encoding="utf-8")
    monkeypatch.setenv("NIANBAO_PROMPTS_DIR", str(folder))
    default_interview.cache_clear()
    monkeypatch.setattr("nianbao.interview.prompts.default_interview", default_interview)
    return folder


def test_a_broken_prompts_folder_is_one_chinese_line_everywhere(data_dir, tmp_path, monkeypatch):
    from nianbao.interview.prompts import default_interview

    assert run("new", "--answers", str(ANSWERS), "--name", "ok").exit_code == 0
    _broken_prompts(tmp_path, monkeypatch)
    try:
        listing = run("sessions")
        assert listing.exit_code == 0 and "问答配置有误" in listing.output
        result = run("new", "--answers", str(ANSWERS), "--name", "broken")
        assert result.exit_code == 2
        assert "03-active.yaml" in result.output and "第 2 行" in result.output
        assert "Traceback" not in result.output
        # The TUI reports it on start and leaves with exit code 2.
        tui = subprocess.run(
            [sys.executable, "-c", "from nianbao.tui.app import run; run()"],
            capture_output=True, text=True, timeout=60, env={**__import__("os").environ, "TERM": "dumb"},
        )
        assert tui.returncode == 2
        assert "03-active.yaml" in tui.stdout + tui.stderr
        assert "Traceback" not in tui.stdout + tui.stderr
    finally:
        default_interview.cache_clear()


SECTION_FIVE_LEAD_IN = (
    "2021年，全镇政府信息公开工作虽取得一定成绩，但仍存在一些不足，主要是：个别部门答复文书规范性有待提升，"
    "政策解读的形式还不够丰富等。\n"
    "针对存在问题，2022年我们将切实抓好以下工作：一是全面梳理和优化依申请公开工作流程。"
    "二是不定期更新答复书模板。三是继续加强业务指导培训。\n"
)
SECTION_FIVE_TURN = (
    "2021年，街道政府信息公开工作也清醒看到存在的不足：一是群众获取政府信息的渠道有待拓宽；二是公开内容不能满足群众需求。\n\n"
    "针对以上不足，2022年街道将利用网格化管理优势，设立群众意见建议收集站点，拓宽群众获取政府信息渠道。\n"
)

SECTION_FIVE_INTERLEAVED = (
    "一是主动公开的及时性有待提高。改进措施：建立信息发布台账，明确发布时限。\n"
    "二是政策解读形式较为单一。改进措施：增加图解、视频等解读形式。\n"
    "三是工作人员业务不够熟悉。改进措施：每季度组织一次业务培训。\n"
)
SECTION_FIVE_EACH_ANSWERED = (
    "1.政府信息公开目录有待细化。针对这一问题，我们将逐项梳理公开事项，细化目录。"
    "2.依申请公开答复文书不够规范。针对此问题，将统一答复书模板并加强审核。\n"
)
SECTION_FIVE_PLANS = (
    "（一）存在的主要问题\n1.部分信息公开不够及时。\n2.公开形式便民性有待提高。\n"
    "（二）下步打算\n1.优化主动公开目录，提升公开时效。\n2.拓展微信公众号等公开渠道。\n"
)
SECTION_FIVE_WE_WILL = (
    "一是部分信息公开不够及时；二是公开形式便民性有待提高。\n"
    "我局将进一步规范信息发布流程，拓展公开渠道，提升公开时效。\n"
)


@pytest.mark.parametrize(
    "section_five, problems, measures",
    [
        (
            SECTION_FIVE_INTERLEAVED,
            ["主动公开的及时性有待提高", "政策解读形式较为单一", "工作人员业务不够熟悉"],
            ["建立信息发布台账，明确发布时限", "增加图解、视频等解读形式", "每季度组织一次业务培训"],
        ),
        (
            SECTION_FIVE_EACH_ANSWERED,
            ["政府信息公开目录有待细化", "依申请公开答复文书不够规范"],
            ["针对这一问题，我们将逐项梳理公开事项，细化目录", "针对此问题，将统一答复书模板并加强审核"],
        ),
        (
            SECTION_FIVE_PLANS,
            ["部分信息公开不够及时", "公开形式便民性有待提高"],
            ["优化主动公开目录，提升公开时效", "拓展微信公众号等公开渠道"],
        ),
        (
            SECTION_FIVE_WE_WILL,
            ["部分信息公开不够及时", "公开形式便民性有待提高"],
            ["我局将进一步规范信息发布流程，拓展公开渠道，提升公开时效"],
        ),
        (
            SECTION_FIVE_LEAD_IN,
            ["个别部门答复文书规范性有待提升，政策解读的形式还不够丰富等"],
            ["全面梳理和优化依申请公开工作流程", "不定期更新答复书模板", "继续加强业务指导培训"],
        ),
        (
            SECTION_FIVE_TURN,
            ["群众获取政府信息的渠道有待拓宽", "公开内容不能满足群众需求"],
            ["针对以上不足，2022年街道将利用网格化管理优势，设立群众意见建议收集站点，拓宽群众获取政府信息渠道"],
        ),
    ],
    ids=["interleaved", "each-answered", "plans-heading", "we-will", "lead-in-then-measures", "turning-sentence"],
)
def test_new_from_a_published_report_reads_its_problems_apart_from_its_measures(
    data_dir, tmp_path, section_five, problems, measures
):
    clean = (REPO / "tests" / "fixtures" / "importer" / "clean-2021.txt").read_text(encoding="utf-8")
    head, rest = clean.split("五、存在的主要问题及改进情况\n", 1)
    tail = rest[rest.index("六、其他需要报告的事项") :]
    published = tmp_path / "last.txt"
    published.write_text(f"{head}五、存在的主要问题及改进情况\n{section_five}\n{tail}", encoding="utf-8")
    result = run("new", "--from", str(published), "--plain", "--name", "next", input="")
    assert result.exit_code == 0, result.output
    last = store.load(data_dir / "sessions" / "next.json").last_year
    assert last.problems.problems == problems
    assert last.problems.measures == measures


def _answers_up_to(question_id: str) -> dict[str, str]:
    answers = yaml.safe_load(ANSWERS.read_text(encoding="utf-8"))
    keys = list(answers)
    return {k: answers[k] for k in keys[: keys.index(question_id)]}


def test_last_years_problems_are_asked_after_even_without_last_years_report(data_dir, tmp_path):
    """Issue 11 item 7: problems.followup is asked of every report, not only one started --from."""
    partial = tmp_path / "partial.yaml"
    partial.write_text(yaml.safe_dump(_answers_up_to("problems.followup"), allow_unicode=True), encoding="utf-8")
    result = run("new", "--answers", str(partial), "--name", "f")
    assert result.exit_code != 0
    assert "problems.followup" in result.output and "上年年报提出的问题，今年分别整改得怎么样" in result.output
    # "无" is a full answer: the report prints, without a follow-up paragraph.
    whole = run("new", "--answers", str(ANSWERS), "--name", "g")
    assert whole.exit_code == 0, whole.output
    report = store.load(data_dir / "sessions" / "g.json").report
    assert report.problems.last_year_followup == []
    assert "针对上年度报告提出的问题" not in to_text(report)


def test_the_followup_question_quotes_last_years_problems_not_its_measures(data_dir, tmp_path):
    last = store.load(REPO / "examples" / "lilin-2021.json").report
    store.save(Session(report=last), tmp_path / "last.json")
    result = run("new", "--from", str(tmp_path / "last.json"), "--plain", "--name", "next", input="")
    assert result.exit_code == 0, result.output
    from nianbao.interview.engine import Engine

    engine = Engine(store.load(data_dir / "sessions" / "next.json"))
    step = next(s for s in engine.steps if s.id == "problems.followup")
    asked = engine.ask_text(step)
    assert all(problem in asked for problem in last.problems.problems)
    assert not any(measure in asked for measure in last.problems.measures)


def test_plain_says_how_to_print_export_or_resume_with_the_sessions_name(data_dir):
    """Issue 12 item 9."""
    left = run("new", "--plain", "--name", "mine", input="梨林镇人民政府\n")
    assert left.exit_code == 0, left.output
    assert "nianbao resume mine --plain" in left.output
    finished = run("new", "--answers", str(ANSWERS), "--name", "whole")
    assert finished.exit_code == 0
    resumed = run("resume", "whole", "--plain", input="")  # a finished session: --plain ends at once
    assert resumed.exit_code == 0, resumed.output
    assert "nianbao print whole" in resumed.output and "nianbao export whole -o" in resumed.output


def test_sessions_shows_no_year_for_a_report_whose_year_is_not_answered(data_dir):
    """Issue 12 item 7."""
    run("new", "--plain", "--name", "early", input="梨林镇人民政府\n")
    listing = run("sessions")
    row = next(line for line in listing.output.splitlines() if "梨林镇" in line)
    assert "—" in row and "2021" not in row


@pytest.mark.parametrize("month, year", [(1, 2025), (10, 2025), (11, 2026), (12, 2026)])
def test_the_suggested_year_is_the_year_being_reported_on(monkeypatch, month, year):
    from datetime import date

    import nianbao.session
    from nianbao.interview.engine import Engine

    monkeypatch.setattr(nianbao.session, "today", lambda: date(2026, month, 15))
    engine = Engine(Session())
    step = next(s for s in engine.steps if s.id == "report.year")
    assert engine.current() is not None and step.suggestion == str(year)
