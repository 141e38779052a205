"""Starting next year's session from last year's report (a session or a published report)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from nianbao import store
from nianbao.importer import ReportImportError
from nianbao.services.last_year import session_from_last_year
from nianbao.rules import check_report

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "importer"


def test_from_a_published_report() -> None:
    session = session_from_last_year(FIXTURES / "clean-2021.txt")
    report = session.report
    assert report.year == 2022
    assert report.agency.name == "青溪县白石镇人民政府" and report.agency.kind == "township"
    contact = report.agency.contact
    assert (contact.office, contact.address, contact.postcode, contact.phone, contact.email) == (
        "青溪县白石镇党政办公室",
        "青溪县白石镇人民路8号",
        "612300",
        "0812-5551234",
        "bsz@qingxi.gov.cn",
    )
    # 上年结转, all seven columns, is last year's 结转下年度继续办理.
    assert report.table3.rows["carried_in"] == [1, 0, 0, 0, 0, 0, 1]
    assert report.table3.rows["new"] == [None] * 7  # nothing else is guessed
    assert session.carried_over == [
        "agency.name",
        "agency.self_ref",
        "agency.kind",
        "agency.website",
        "agency.contact.office",
        "agency.contact.address",
        "agency.contact.postcode",
        "agency.contact.phone",
        "agency.contact.email",
        "table3.rows.carried_in",
    ]


def test_last_year_report_is_kept_for_the_cross_year_rules_and_its_problems() -> None:
    session = session_from_last_year(FIXTURES / "clean-2021.txt")
    last = session.last_year
    assert last is not None and last.year == 2021
    assert last.table2.normative_documents.in_force == 5  # X-3's baseline
    assert last.problems.problems == ["部分信息公开不够及时", "工作人员业务培训偏少"]
    assert last.problems.measures[-2:] == ["规范信息发布流程，做到及时公开", "加强业务培训，提高工作人员能力"]
    # This year's problems are the clerk's to write, not copied.
    assert session.report.problems.problems == []


def test_prefilled_carry_over_satisfies_x_1() -> None:
    session = session_from_last_year(FIXTURES / "runtogether-2021.txt")
    found = check_report(session.report, last_year=session.last_year)
    assert not [f for f in found if f.rule in ("X-1", "X-2")]


def test_from_a_session(lilin_path: Path) -> None:
    lilin = store.load(lilin_path)
    session = session_from_last_year(lilin_path)
    assert session.report.year == 2022
    assert session.report.agency == lilin.report.agency
    assert session.report.table3.rows["carried_in"] == lilin.report.table3.rows["carried_out"]
    assert "agency.supervisor" in session.carried_over and "table3.rows.carried_in" in session.carried_over
    assert session.last_year == lilin.report


def test_from_an_old_format_report() -> None:
    session = session_from_last_year(FIXTURES / "old-2019-blanks.txt")
    assert session.report.year == 2020
    assert session.report.table3.rows["carried_in"] == [2, None, None, None, None, None, 2]
    assert session.last_year.table2.normative_documents.in_force is None  # 对外公开总数量 is not 现行有效


def test_the_new_session_saves_and_loads(tmp_path: Path) -> None:
    session = session_from_last_year(FIXTURES / "merged-2024.html")
    path = tmp_path / "new.json"
    store.save(session, path)
    again = store.load(path)
    assert again.carried_over == session.carried_over and again.last_year == session.last_year


def test_nothing_to_carry_when_last_year_left_the_row_blank(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_text("某镇人民政府2022年政府信息公开工作年度报告\n一、总体情况\n正文", encoding="utf-8")
    session = session_from_last_year(path)
    assert "table3.rows.carried_in" not in session.carried_over
    assert session.report.table3.rows["carried_in"] == [None] * 7


def test_report_without_a_year_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "noyear.txt"
    path.write_text("一、总体情况\n我镇认真落实条例。", encoding="utf-8")
    with pytest.raises(ReportImportError, match="无法确定这份报告的年度"):
        session_from_last_year(path)


@pytest.mark.parametrize("content", ["{broken", json.dumps([1, 2])])
def test_damaged_session_is_refused_with_the_store_message(tmp_path: Path, content: str) -> None:
    path = tmp_path / "last.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ReportImportError, match="已损坏"):
        session_from_last_year(path)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ReportImportError, match="找不到"):
        session_from_last_year(tmp_path / "nope.docx")
