"""Cross-year rules X-1..X-5: this year's report against last year's, and against its format."""

from __future__ import annotations

from rules_helpers import county_report, lilin_report, only, rendered, run, set_row, zero_report

from nianbao.rules import check_report
from nianbao.rules.crossyear import similarity


def _years(carried_out: list[int], carried_in: list[int]):
    last, this = zero_report(2022), zero_report(2023)
    set_row(last, "new", carried_out)
    set_row(last, "carried_out", carried_out)
    set_row(this, "carried_in", carried_in)
    set_row(this, "total", carried_in)
    set_row(this, "granted", carried_in)
    return this, last


# --- X-1 / X-2 ----------------------------------------------------------------------------
def test_x1_x2_pass_when_carried_over_matches():
    this, last = _years([1, 2, 0, 0, 0, 0, 3], [1, 2, 0, 0, 0, 0, 3])
    assert run("X-1", this, last_year=last) == []
    assert run("X-2", this, last_year=last) == []


def test_x1_total_differs_from_last_year():
    this, last = _years([1, 2, 0, 0, 0, 0, 3], [1, 1, 0, 0, 0, 0, 2])
    finding = only(run("X-1", this, last_year=last))
    assert (finding.rule, finding.severity, finding.row, finding.column) == ("X-1", "E", "carried_in", "total")
    assert "总计 2" in finding.message and "2022 年报告" in finding.message and "总计 3" in finding.message
    assert "相差 1 件" in finding.message


def test_x2_names_the_column():
    this, last = _years([1, 2, 0, 0, 0, 0, 3], [2, 1, 0, 0, 0, 0, 3])
    assert run("X-1", this, last_year=last) == []
    findings = run("X-2", this, last_year=last)
    assert [(f.rule, f.severity, f.column) for f in findings] == [("X-2", "W", "natural"), ("X-2", "W", "business")]
    assert findings[0].message == "表三「自然人」列：本年上年结转 2 件，2022 年报告结转下年度 1 件，相差 1 件。"


def test_cross_year_rules_only_run_with_last_year():
    this, last = _years([0, 0, 0, 0, 0, 0, 3], [0, 0, 0, 0, 0, 0, 0])
    assert not [f for f in check_report(this) if f.rule.startswith("X-")]
    assert "X-1" in {f.rule for f in check_report(this, last_year=last)}


# --- X-3 ----------------------------------------------------------------------------------
def test_x3_in_force_follows_from_last_year():
    last, this = zero_report(2022), zero_report(2023)
    last.table2.normative_documents.in_force = 10
    this.table2.normative_documents.issued = 3
    this.table2.normative_documents.repealed = 1
    this.table2.normative_documents.in_force = 12
    assert run("X-3", this, last_year=last) == []


def test_x3_in_force_does_not_follow():
    last, this = zero_report(2022), zero_report(2023)
    last.table2.normative_documents.in_force = 10
    this.table2.normative_documents.issued = 3
    this.table2.normative_documents.repealed = 1
    this.table2.normative_documents.in_force = 15
    finding = only(run("X-3", this, last_year=last))
    assert (finding.rule, finding.severity, finding.row, finding.column) == (
        "X-3", "W", "normative_documents", "in_force")
    assert "上年现行有效 10 + 本年制发 3 − 本年废止 1 = 12" in finding.message
    assert "填 15" in finding.message and "相差 3 件" in finding.message


# --- X-4 ----------------------------------------------------------------------------------
def test_x4_new_format_passes():
    assert run("X-4", lilin_report(), format="2021") == []
    old = lilin_report()
    old.year = 2020
    assert run("X-4", old, format="2019") == []


def test_x4_old_format_after_2021_is_an_error():
    finding = only(run("X-4", lilin_report(), format="2019"))
    assert (finding.rule, finding.severity) == ("X-4", "E")
    assert "2021 年的报告" in finding.message and "国办公开办函〔2019〕60号" in finding.message


def test_x4_old_format_rows_in_the_text():
    report = county_report()
    text = rendered(report) + "\n第二十条第（九）项\n政府集中采购  采购项目数量 3  采购总金额 12\n"
    finding = only(run("X-4", report, text=text))
    assert "2023 年" in finding.message and "第二十条第（九）项" in finding.message and "采购总金额" in finding.message


def test_x4_old_label_in_a_paragraph_is_not_an_old_table():
    report = county_report()
    paragraph = "全年通过政府采购网公开采购项目42个，" + "采购总金额1200万元，" + "做到采购信息应公开尽公开。" * 4
    assert run("X-4", report, text=rendered(report) + paragraph + "\n") == []


# --- X-5 ----------------------------------------------------------------------------------
def _next_year(report, rewrite: bool):
    again = report.model_copy(deep=True)
    again.year = report.year + 1
    if rewrite:
        again.overview.summary = "2022年，我镇坚持以公开为常态、不公开为例外，围绕乡村振兴深化政务公开"
        again.overview.active_measures = ["围绕乡村振兴、人居环境整治等重点工作及时发布信息"]
        again.problems.problems = ["政策解读形式较为单一，图解、视频解读偏少", "村级公开栏更新不够及时"]
        again.problems.measures = ["丰富政策解读形式，增加图解和视频解读", "督促各村按月更新公开栏"]
        again.other.work_points = "按照示范区2022年政务公开工作要点逐项落实"
    return again


def test_x5_rewritten_report_passes():
    last = lilin_report()
    this = _next_year(last, rewrite=True)
    assert run("X-5", this, last_year=last, text=rendered(this), render=rendered) == []


def test_x5_copied_report_warns_with_the_similarity():
    last = lilin_report()
    this = _next_year(last, rewrite=False)
    finding = only(run("X-5", this, last_year=last, text=rendered(this), render=rendered))
    assert (finding.rule, finding.severity) == ("X-5", "W")
    assert "2021 年报告的相似度为 100%" in finding.message and "超过 90%" in finding.message


def test_x5_uses_last_years_published_text_when_given():
    last = lilin_report()
    this = _next_year(last, rewrite=False)
    published = "\n".join(["一、总体情况", "全年开展了完全不同的工作。" * 3, "五、存在的主要问题及改进情况", "无。"])
    assert run("X-5", this, last_year=last, last_year_text=published, render=rendered) == []
    # check_report passes the keyword on; with last year's text alone X-5 still runs.
    assert "X-5" in {f.rule for f in check_report(this, last_year_text=rendered(last), render=rendered)}


def test_x5_without_a_way_to_word_a_report_compares_only_given_texts():
    last = lilin_report()
    this = _next_year(last, rewrite=False)
    assert run("X-5", this, last_year=last) == []  # the rules never render: the caller words the reports
    assert run("X-5", this, text=rendered(this), last_year_text=rendered(last)) != []


def test_similarity_ignores_changed_figures_but_not_changed_words():
    a = "一、总体情况\n2021年共发布信息850条，全年召开会议4次。\n"
    b = "一、总体情况\n2022年共发布信息910条，全年召开会议6次。\n"
    c = "一、总体情况\n全年围绕乡村振兴工作公开土地征收信息。\n"
    assert similarity(a, b) == 1.0
    assert similarity(a, c) < 0.2
