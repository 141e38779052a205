"""Table rules T2-*, T3-*, T4-*: each with a report that passes and one that breaks it."""

from __future__ import annotations

from decimal import Decimal

import pytest
from rules_helpers import county_report, lilin_report, only, run, set_row, set_t4, zero_report

from nianbao.report.model import Report
from nianbao.rules import check_report

TABLE_RULES = ("T2-1", "T2-2", "T3-1", "T3-2", "T3-3", "T3-4", "T4-1", "T4-2")


@pytest.mark.parametrize("rule_id", TABLE_RULES)
@pytest.mark.parametrize("make", [lilin_report, county_report, zero_report], ids=["lilin", "county", "zeros"])
def test_balanced_reports_pass(rule_id, make):
    assert run(rule_id, make()) == []


# --- T2-1 ---------------------------------------------------------------------------------
def test_t2_1_blank_cell_is_an_error():
    report = zero_report()
    report.table2.penalty = None
    finding = only(run("T2-1", report))
    assert (finding.rule, finding.severity, finding.table, finding.row) == ("T2-1", "E", "表二", "penalty")
    assert "「行政处罚」" in finding.message and "未填写" in finding.message


def test_t2_1_blank_document_cell_names_the_column():
    report = zero_report()
    report.table2.normative_documents.in_force = None
    finding = only(run("T2-1", report))
    assert finding.column == "in_force"
    assert "「行政规范性文件」「现行有效件数」" in finding.message


def test_t2_1_empty_table_is_one_finding():
    finding = only(run("T2-1", Report()))
    assert finding.severity == "E" and "表二尚未填写" in finding.message


def test_t2_1_fee_typed_in_yuan_is_a_warning():
    report = zero_report()
    report.table2.fees = Decimal(12000)
    finding = only(run("T2-1", report))
    assert finding.severity == "W" and finding.row == "fees"
    assert "12000 万元" in finding.message and "1.2" in finding.message


def test_t2_1_fee_below_threshold_passes():
    report = zero_report()
    report.table2.fees = Decimal("9999.5")
    assert run("T2-1", report) == []


# --- T2-2 ---------------------------------------------------------------------------------
def test_t2_2_regulations_from_a_township_warn():
    report = zero_report(kind="township")
    report.table2.regulations.issued = 2
    report.table2.regulations.in_force = 5
    finding = only(run("T2-2", report))
    assert (finding.rule, finding.severity, finding.row) == ("T2-2", "W", "regulations")
    assert "本年制发件数 2" in finding.message and "现行有效件数 5" in finding.message
    assert "乡镇" in finding.message


@pytest.mark.parametrize("kind", ["city_gov", "province_gov", "state_council_dept"])
def test_t2_2_rule_making_agencies_pass(kind):
    report = zero_report(kind=kind)
    report.table2.regulations.issued = 2
    assert run("T2-2", report) == []


# --- T3-1 ---------------------------------------------------------------------------------
def test_t3_1_column_out_of_balance():
    report = zero_report()
    set_row(report, "new", [3, 0, 0, 0, 0, 0, 3])
    set_row(report, "granted", [2, 0, 0, 0, 0, 0, 2])
    set_row(report, "total", [2, 0, 0, 0, 0, 0, 2])
    findings = run("T3-1", report)
    assert [f.column for f in findings] == ["natural", "total"]
    assert findings[0].message == (
        "表三「自然人」列：新收 3 + 上年结转 0 = 3，办理结果总计 2 + 结转下年度 0 = 2，相差 1 件。"
    )


# --- T3-2 ---------------------------------------------------------------------------------
def test_t3_2_total_row_differs_from_outcomes():
    report = zero_report()
    set_row(report, "new", [5, 0, 0, 0, 0, 0, 5])
    set_row(report, "granted", [2, 0, 0, 0, 0, 0, 2])
    set_row(report, "np_petition", [2, 0, 0, 0, 0, 0, 2])
    set_row(report, "total", [5, 0, 0, 0, 0, 0, 5])
    findings = run("T3-2", report)
    assert [(f.rule, f.severity, f.column) for f in findings] == [("T3-2", "E", "natural"), ("T3-2", "E", "total")]
    message = findings[0].message
    assert "「（七）总计」填 5" in message and "相加为 4" in message and "相差 1 件" in message
    assert "「（一）予以公开」2、「（五）不予处理 1.信访举报投诉类申请」2" in message


def test_t3_2_partial_is_named_without_its_note():
    report = zero_report()
    set_row(report, "partial", [1, 0, 0, 0, 0, 0, 1])
    set_row(report, "new", [1, 0, 0, 0, 0, 0, 1])
    findings = run("T3-2", report)
    assert len(findings) == 2 and "（「（二）部分公开」1）" in findings[0].message


def test_t3_2_skips_columns_with_blanks():
    report = zero_report()
    set_row(report, "refused_secret", [None, 0, 0, 0, 0, 0, 0])
    set_row(report, "total", [4, 0, 0, 0, 0, 0, 0])
    assert [f.column for f in run("T3-2", report)] == []


# --- T3-3 ---------------------------------------------------------------------------------
def test_t3_3_row_total_differs_from_columns():
    report = zero_report()
    set_row(report, "new", [3, 1, 0, 0, 0, 0, 5])
    finding = only(run("T3-3", report))
    assert (finding.rule, finding.severity, finding.row, finding.column) == ("T3-3", "E", "new", "total")
    assert "自然人 3 + 商业企业 1 + 科研机构 0" in finding.message
    assert "= 4" in finding.message and "却填 5" in finding.message and "相差 1 件" in finding.message


def test_t3_3_names_the_group_of_a_sub_row():
    report = zero_report()
    set_row(report, "refused_secret", [1, 0, 0, 0, 0, 0, 0])
    finding = only(run("T3-3", report))
    assert "「（三）不予公开 1.属于国家秘密」行" in finding.message


# --- T3-4 ---------------------------------------------------------------------------------
def test_t3_4_blank_cells_one_finding_per_row():
    report = zero_report()
    set_row(report, "partial", [None, 0, None, 0, 0, 0, 0])
    finding = only(run("T3-4", report))
    assert (finding.rule, finding.severity, finding.row) == ("T3-4", "E", "partial")
    assert "自然人、科研机构 共 2 格未填写" in finding.message


def test_t3_4_blank_table_is_one_finding():
    finding = only(run("T3-4", Report()))
    assert "表三尚未填写" in finding.message


def test_blanks_never_look_like_an_imbalance():
    report = zero_report()
    set_row(report, "new", [None, 0, 0, 0, 0, 0, 0])
    findings = check_report(report)
    assert {f.rule for f in findings} == {"T3-4"}


# --- T4-1 / T4-2 --------------------------------------------------------------------------
def test_t4_1_group_out_of_balance():
    report = zero_report()
    set_t4(report, "direct", 1, 0, 0, 1, 3)
    finding = only(run("T4-1", report))
    assert (finding.rule, finding.severity, finding.row) == ("T4-1", "E", "direct")
    assert finding.message == (
        "表四「行政诉讼·未经复议直接起诉」：结果维持 1 + 结果纠正 0 + 其他结果 0 + 尚未审结 1 = 2，"
        "「总计」却填 3，相差 1 件。"
    )


def test_t4_1_balanced_group_passes():
    report = zero_report()
    set_t4(report, "review", 2, 1, 0, 1, 4)
    assert run("T4-1", report) == []


def test_t4_2_blank_cell():
    report = zero_report()
    set_t4(report, "after_review", 0, None, 0, 0, 0)
    finding = only(run("T4-2", report))
    assert (finding.rule, finding.row) == ("T4-2", "after_review")
    assert "「行政诉讼·复议后起诉」：结果纠正 未填写" in finding.message


def test_t4_2_blank_table_is_one_finding():
    finding = only(run("T4-2", Report()))
    assert "表四尚未填写" in finding.message


def test_blank_findings_are_marked_incomplete_and_sums_are_not():
    report = zero_report()
    report.table2.licensing = None
    set_row(report, "partial", [None, 0, 0, 0, 0, 0, 0])
    set_t4(report, "review", None, 0, 0, 0, 0)
    set_row(report, "new", [1, 0, 0, 0, 0, 0, 0])
    findings = check_report(report)
    assert {(f.rule, f.incomplete) for f in findings} == {
        ("T2-1", True), ("T3-4", True), ("T4-2", True), ("T3-1", False), ("T3-3", False)}


def test_cells_a_2019_report_does_not_have_are_not_blanks():
    report = zero_report(year=2020)
    report.table2.normative_documents.in_force = None
    report.table2.fees = None
    set_row(report, "oh_no_fee", [None] * 7)
    set_row(report, "oh_no_correction", [None] * 7)
    set_row(report, "oh_other", [1, 0, 0, 0, 0, 0, 1])
    set_row(report, "new", [1, 0, 0, 0, 0, 0, 1])
    set_row(report, "total", [2, 0, 0, 0, 0, 0, 2])
    old = check_report(report, format="2019")
    # only the real imbalance is left: 其他处理 1 cannot make a total of 2
    assert {f.rule for f in old} == {"T3-1", "T3-2"}
    assert "相加为 1" in [f for f in old if f.rule == "T3-2"][0].message
    new = {f.rule for f in check_report(report)}
    assert {"T2-1", "T3-4"} <= new and "T3-2" not in new  # 2021: blanks, and no sum over them
