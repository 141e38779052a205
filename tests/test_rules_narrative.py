"""Narrative rules N-1..N-8: the words of a report against its tables and facts."""

from __future__ import annotations

from decimal import Decimal

import pytest
from rules_helpers import county_report, lilin_report, only, rendered, run, set_row, set_t4, zero_report

from nianbao.report.model import CountItem, Report
from nianbao.rules import check_report
from nianbao.chinese.sections import find_sections
from nianbao.rules.text import parse_number, split_text

NARRATIVE_RULES = ("N-1", "N-2", "N-3", "N-4", "N-5", "N-6", "N-7", "N-8")


def _sections(**bodies: str) -> dict[str, str]:
    """All six sections, with the given bodies (others say 无)."""
    keys = ("overview", "active", "requests", "appeals", "problems", "other")
    return {key: bodies.get(key, "无。") for key in keys}


def _requests_report() -> Report:
    """新收 5 (自然人 4, 企业 1), 上年结转 1, 办结 4, 结转下年度 2."""
    report = zero_report()
    set_row(report, "new", [4, 1, 0, 0, 0, 0, 5])
    set_row(report, "carried_in", [1, 0, 0, 0, 0, 0, 1])
    set_row(report, "granted", [3, 1, 0, 0, 0, 0, 4])
    set_row(report, "total", [3, 1, 0, 0, 0, 0, 4])
    set_row(report, "carried_out", [2, 0, 0, 0, 0, 0, 2])
    return report


@pytest.mark.parametrize("rule_id", NARRATIVE_RULES)
@pytest.mark.parametrize("make", [lilin_report, county_report], ids=["lilin", "county"])
def test_rendered_examples_pass(rule_id, make):
    report = make()
    assert run(rule_id, report, text=rendered(report)) == []


@pytest.mark.parametrize("rule_id", NARRATIVE_RULES)
def test_rules_without_text_do_not_crash(rule_id):
    for report in (Report(), zero_report(), lilin_report()):
        for text in (None, "", "\n\n", "一、总体情况"):
            run(rule_id, report, text=text)  # no exception is the point
    assert run("N-6", Report(), text=None) == []


# --- text helpers -------------------------------------------------------------------------
def test_parse_number_reads_chinese_numerals():
    assert [parse_number(t) for t in ("12", "十二", "两", "二十", "一百零五", "三千")] == [12, 12, 2, 20, 105, 3000]
    assert parse_number("件") is None


def test_headings_accept_published_variants():
    text = "\n".join([
        "标题", "一、总体情况", "正文", "二. 主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
        "一、本年新收政府信息公开申请数量  0  0", "四、因政府信息公开工作被申请行政复议和提起行政诉讼情况",
        "五、政府信息公开工作存在的主要问题及改进情况", "六、其他事项", "无。",
    ])
    assert [h.key for h in find_sections(text)] == ["overview", "active", "requests", "appeals", "problems", "other"]
    assert split_text(text)[0] == (None, "标题\n")


# --- N-1 ----------------------------------------------------------------------------------
def test_n1_matching_figures_pass():
    text = "本年度新收政府信息公开申请5件，上年结转1件，本年度办理完结4件，结转下年度继续办理2件。"
    assert run("N-1", _requests_report(), sections=_sections(overview=text)) == []


def test_n1_new_requests_differ():
    text = "本年度新收政府信息公开申请６件，上年结转1件。"  # full-width digit on purpose
    finding = only(run("N-1", _requests_report(), sections=_sections(overview=text)))
    assert (finding.rule, finding.severity, finding.section) == ("N-1", "W", "overview")
    assert "“新收政府信息公开申请6件”" in finding.message
    assert "「一、本年新收政府信息公开申请数量」的「总计」列为 5" in finding.message
    assert "相差 1 件" in finding.message


def test_n1_closed_and_carried_out_differ():
    text = "办结申请三件，结转下年度 1 件。"
    findings = run("N-1", _requests_report(), sections=_sections(requests=text))
    assert [(f.table, f.row, f.column) for f in findings] == [("表三", "total", "total"), ("表三", "carried_out", "total")]
    assert "「（七）总计」的「总计」列为 4" in findings[0].message and "“办结申请三件”" in findings[0].message
    assert "「四、结转下年度继续办理」的「总计」列为 2" in findings[1].message


@pytest.mark.parametrize("received", [5, 6])
def test_n1_received_may_mean_new_or_new_plus_carried(received):
    text = f"全年共收到政府信息公开申请{received}件。"
    assert run("N-1", _requests_report(), sections=_sections(overview=text)) == []


def test_n1_received_matching_neither_names_both_readings():
    text = "全年共收到政府信息公开申请8件。"
    finding = only(run("N-1", _requests_report(), sections=_sections(overview=text)))
    assert "新收 5 件" in finding.message and "5 + 1 = 6 件" in finding.message
    assert "写明是“新收”还是“新收和上年结转合计”" in finding.message


def test_n1_no_requests_stated_but_table_has_some():
    text = "2021年，我镇未收到政府信息公开申请，无上年结转申请。"
    findings = run("N-1", _requests_report(), sections=_sections(overview=text))
    assert len(findings) == 2
    assert "“未收到政府信息公开申请”" in findings[0].message and "「总计」列为 5" in findings[0].message
    assert "“无上年结转”" in findings[1].message and "「总计」列为 1" in findings[1].message


# --- N-2 ----------------------------------------------------------------------------------
def _appeals_report() -> Report:
    report = zero_report()
    set_t4(report, "review", 1, 0, 0, 1, 2)
    set_t4(report, "direct", 1, 0, 0, 0, 1)
    set_t4(report, "after_review", 0, 0, 0, 1, 1)
    return report


def test_n2_matching_figures_pass():
    text = "全年被申请行政复议2件，被提起行政诉讼2件。"
    assert run("N-2", _appeals_report(), sections=_sections(appeals=text)) == []


def test_n2_litigation_is_both_groups():
    text = "全年被申请行政复议2件，被提起行政诉讼1件。"
    finding = only(run("N-2", _appeals_report(), sections=_sections(appeals=text)))
    assert (finding.rule, finding.severity, finding.table) == ("N-2", "W", "表四")
    assert "“行政诉讼1件”" in finding.message
    assert "未经复议直接起诉 1 + 复议后起诉 1 = 2" in finding.message and "相差 1 件" in finding.message


def test_n2_review_count_differs():
    text = "本年度共发生行政复议案件3起。"
    finding = only(run("N-2", _appeals_report(), sections=_sections(overview=text)))
    assert "“行政复议案件3起”" in finding.message and "「行政复议」总计 2" in finding.message


def test_n2_denied_appeals_but_table_has_them():
    text = "全年未发生因政府信息公开被申请行政复议、提起行政诉讼的情况。"
    findings = run("N-2", _appeals_report(), sections=_sections(appeals=text))
    assert len(findings) == 2
    assert "总计 2" in findings[0].message and "= 2" in findings[1].message
    assert run("N-2", zero_report(), sections=_sections(appeals=text)) == []


# --- N-3 ----------------------------------------------------------------------------------
def _documents_report() -> Report:
    report = zero_report(kind="city_gov")
    report.table2.regulations.issued = 1
    report.table2.regulations.in_force = 9
    report.table2.normative_documents.issued = 3
    report.table2.normative_documents.repealed = 1
    report.table2.normative_documents.in_force = 12
    return report


def test_n3_matching_figures_pass():
    text = "本年制发规章1件，现行有效9件。本年制发行政规范性文件3件，废止1件，现行有效12件。完善规章制度5件。"
    assert run("N-3", _documents_report(), sections=_sections(overview=text)) == []


def test_n3_figures_follow_the_last_named_document_kind():
    text = "印发规范性文件3件，废止2件，现行有效12件。"
    finding = only(run("N-3", _documents_report(), sections=_sections(overview=text)))
    assert (finding.rule, finding.row, finding.column) == ("N-3", "normative_documents", "repealed")
    assert "“废止2件”" in finding.message and "「行政规范性文件」「本年废止件数」为 1" in finding.message


def test_n3_regulations_differ():
    text = "现行有效规章8件。"
    finding = only(run("N-3", _documents_report(), sections=_sections(overview=text)))
    assert finding.row == "regulations" and "为 9" in finding.message and "相差 1 件" in finding.message


# --- N-4 ----------------------------------------------------------------------------------
def _unpaid_fee_report(notices) -> Report:
    report = zero_report()
    set_row(report, "new", [1, 0, 0, 0, 0, 0, 1])
    set_row(report, "oh_no_fee", [1, 0, 0, 0, 0, 0, 1])
    set_row(report, "total", [1, 0, 0, 0, 0, 0, 1])
    report.other.fee_notices = notices
    report.other.fee_notice_amount = Decimal(100) if notices else None
    report.other.fees_collected = Decimal(0) if notices else None
    return report


def test_n4_fee_notices_reported_pass():
    assert run("N-4", _unpaid_fee_report(1)) == []
    text = "（一）信息处理费收取情况。发出收费通知1件，金额100元，申请人未缴费。"
    assert run("N-4", _unpaid_fee_report(None), sections=_sections(other=text)) == []


def test_n4_unpaid_fees_without_notices():
    finding = only(run("N-4", _unpaid_fee_report(0)))
    assert (finding.rule, finding.severity, finding.section) == ("N-4", "W", "other")
    assert "总计 1 件" in finding.message and "收费通知件数为 0 件" in finding.message


def test_n4_text_saying_no_notices_does_not_count():
    text = "（一）信息处理费收取情况。未发出收费通知，未收取信息处理费。"
    finding = only(run("N-4", _unpaid_fee_report(None), sections=_sections(other=text)))
    assert "收费通知件数未填" in finding.message and finding.incomplete


# --- N-5 ----------------------------------------------------------------------------------
def test_n5_consistent_fees_pass():
    report = zero_report()
    report.other.fee_notices = 2
    report.other.fee_notice_amount = Decimal(400)
    report.other.fees_collected = Decimal(200)
    assert run("N-5", report, text=rendered(report)) == []


def test_n5_notices_without_amount():
    report = zero_report()
    report.other.fee_notices = 2
    report.other.fee_notice_amount = Decimal(0)
    finding = only(run("N-5", report))
    assert (finding.rule, finding.row) == ("N-5", "other.fee_notice_amount")
    assert "发出收费通知 2 件" in finding.message and "金额为 0 元" in finding.message


def test_n5_collected_more_than_noticed():
    report = zero_report()
    report.other.fee_notices = 1
    report.other.fee_notice_amount = Decimal(100)
    report.other.fees_collected = Decimal("150.5")
    finding = only(run("N-5", report))
    assert "150.5 元" in finding.message and "100 元" in finding.message and "多出 50.5 元" in finding.message


def test_n5_amounts_without_notices():
    report = zero_report()
    report.other.fees_collected = Decimal(300)
    finding = only(run("N-5", report))
    assert "收费通知件数为 0" in finding.message and "实际收取金额 300 元" in finding.message


def test_n5_text_amount_differs_from_the_facts():
    report = zero_report()
    report.other.fee_notices = 1
    report.other.fee_notice_amount = Decimal(100)
    report.other.fees_collected = Decimal(100)
    text = "（一）信息处理费收取情况。发出收费通知1件，实际收取信息处理费80元。"
    finding = only(run("N-5", report, sections=_sections(other=text)))
    assert "“收取信息处理费80元”" in finding.message and "100 元" in finding.message


# --- N-6 ----------------------------------------------------------------------------------
_GOOD_OVERVIEW = "主动公开……依申请公开……政府信息管理……政府信息公开平台建设……监督保障……"
_GOOD_OTHER = "信息处理费：无。落实上级年度政务公开工作要点：…。人大代表建议和政协提案：无。创新：无。"


def test_n6_complete_sections_pass():
    sections = _sections(overview=_GOOD_OVERVIEW, other=_GOOD_OTHER)
    assert run("N-6", lilin_report(), sections=sections) == []


def test_n6_missing_and_misordered_sections():
    sections = _sections(overview=_GOOD_OVERVIEW, other=_GOOD_OTHER)
    del sections["appeals"]
    sections = {k: sections[k] for k in ("overview", "requests", "active", "problems", "other")}
    findings = run("N-6", lilin_report(), sections=sections)
    assert [f.rule for f in findings] == ["N-6", "N-6"]
    assert "缺少1个部分：四、政府信息公开行政复议、行政诉讼情况" in findings[0].message
    assert "一、总体情况 → 三、收到和处理政府信息公开申请情况 → 二、" in findings[1].message


def test_n6_missing_sections_found_in_text():
    report = lilin_report()
    text = rendered(report).replace("五、存在的主要问题及改进情况", "存在问题")
    finding = only(run("N-6", report, text=text))
    assert "缺少1个部分：五、存在的主要问题及改进情况" in finding.message


def test_n6_overview_missing_aspects_and_other_items():
    sections = _sections(overview="全年主动公开信息850条，加强平台建设和监督。", other="全年未收取信息处理费。")
    findings = run("N-6", lilin_report(), sections=sections)
    assert [f.section for f in findings] == ["overview", "other"]
    assert "没有写到：依申请公开、政府信息管理。" in findings[0].message
    assert "落实上级年度政务公开工作要点情况、人大代表建议和政协提案办理结果公开情况、年度政务公开工作创新情况" in findings[1].message


# --- N-7 ----------------------------------------------------------------------------------
def test_n7_wrong_statistics_period():
    report = lilin_report()
    text = rendered(report).replace("自2021年1月1日起至2021年12月31日止", "自2021年1月1日起至2021年11月30日止")
    finding = only(run("N-7", report, text=text))
    assert (finding.rule, finding.severity) == ("N-7", "W")
    assert "“2021年1月1日起至2021年11月30日”" in finding.message and "2021年12月31日" in finding.message


def test_n7_title_year_differs_from_report_year():
    report = lilin_report()
    text = rendered(report).replace("梨林镇人民政府2021年", "梨林镇人民政府2020年", 1)
    finding = only(run("N-7", report, text=text))
    assert "写的是 2020 年" in finding.message and "报告年度却是 2021 年" in finding.message


def test_n7_period_of_last_year_copied():
    report = lilin_report()
    report.year = 2022
    text = "一、总体情况\n本报告统计期限自2021年1月1日至12月31日。\n"
    finding = only(run("N-7", report, text=text))
    assert "“2021年1月1日至12月31日”" in finding.message and "2022年1月1日至2022年12月31日" in finding.message


def test_n7_other_date_ranges_are_not_the_period():
    text = "一、总体情况\n2021年3月1日至3月31日开展专项检查。\n"
    assert run("N-7", lilin_report(), text=text) == []


# --- N-8 ----------------------------------------------------------------------------------
def test_n8_reference_sentences_pass():
    text = (
        "一、总体情况\n依托公开载体全年共发布信息 850 条。其中微信平台发布“大美梨林”信息 510 条，"
        "政府网站发布信息 340 条，均属于主动公开政府信息。具体内容为：概况信息 6 条；综合管理信息 121 条。\n"
    )
    assert run("N-8", lilin_report(), text=text) == []


def test_n8_sentence_total_and_breakdown_differ():
    text = "一、总体情况\n共发布信息850条，其中微信平台510条、政府网站330条。\n"
    finding = only(run("N-8", lilin_report(), text=text))
    assert (finding.rule, finding.severity, finding.section) == ("N-8", "W", "overview")
    assert "微信平台 510 + 政府网站 330 = 840条" in finding.message and "总数 850条" in finding.message
    assert "相差 10条" in finding.message


def test_n8_figures_after_a_complete_breakdown_are_not_part_of_it():
    text = "三、收到和处理政府信息公开申请情况\n收到申请12件，其中自然人10件、商业企业2件，办结11件。\n"
    assert run("N-8", lilin_report(), text=text) == []


def test_n8_channels_do_not_add_up_to_the_total():
    report = lilin_report()
    report.overview.by_channel[1].count = 300
    findings = run("N-8", report, text=rendered(report))
    assert [f.row for f in findings] == ["overview.by_channel", "overview.by_category"]
    assert "全年主动公开信息 850 条" in findings[0].message and "= 810 条，相差 40 条" in findings[0].message
    # the category breakdown belongs to the channel that now says 300
    assert "“济源市人民政府网梨林镇版块”发布的信息 300 条" in findings[1].message
    assert "= 340 条，相差 40 条" in findings[1].message


def test_n8_categories_of_all_items():
    report = zero_report()
    report.overview.items_total = 20
    report.overview.by_category = [CountItem(label="政策", count=5), CountItem(label="动态", count=10)]
    finding = only(run("N-8", report))
    assert "全年主动公开信息 20 条" in finding.message and "政策 5 + 动态 10 = 15 条" in finding.message


def test_n8_category_channel_must_be_a_channel():
    report = lilin_report()
    report.overview.category_channel = "抖音号"
    finding = only(run("N-8", report))
    assert finding.row == "overview.category_channel" and "“抖音号”" in finding.message


def test_check_report_runs_narrative_rules_on_sections():
    report = _requests_report()
    sections = _sections(overview=_GOOD_OVERVIEW + "新收政府信息公开申请9件。", other=_GOOD_OTHER)
    findings = check_report(report, text="标题", sections=sections)
    assert [f.rule for f in findings if f.rule.startswith("N-")] == ["N-1"]
