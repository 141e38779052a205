"""The one section finder (chinese/sections.py), used by the importer and the rules alike."""

from __future__ import annotations

from nianbao.chinese.sections import find_sections, one_for_one
from nianbao.importer.reader import import_text
from nianbao.rules.crossyear import narrative
from nianbao.rules.text import split_text

RUN_TOGETHER = (
    "某镇2021年政府信息公开工作年度报告一、总体情况本年度我镇认真落实条例。"
    "二、主动公开政府信息情况表二三、收到和处理政府信息公开申请情况表三"
    "四、政府信息公开行政复议、行政诉讼情况表四五、存在的主要问题及改进情况人员不足。六、其他需要报告的事项无。"
)


def test_rules_and_importer_split_run_together_text_alike() -> None:
    # Before, the rules' own finder needed line breaks and found no heading here.
    keys = [key for key, _ in split_text(RUN_TOGETHER) if key]
    assert keys == ["overview", "active", "requests", "appeals", "problems", "other"]
    imported = import_text(RUN_TOGETHER)
    assert list(imported.sections) == keys
    assert dict(split_text(RUN_TOGETHER))["problems"] == "人员不足。"


def test_copied_report_compares_the_clerks_sections_of_run_together_text() -> None:
    # X-5 compares sections 一, 五, 六 only: the tables' text is not the clerk's writing.
    body = narrative(RUN_TOGETHER)
    assert "本年度我镇认真落实条例" in body and "人员不足" in body
    assert "表二" not in body and "表三" not in body


def test_a_worded_heading_variant_is_a_section() -> None:
    text = (
        "一、总体情况\n正文一\n二、主动公开政府信息情况\n正文二\n"
        "五、存在的主要问题及改进措施\n人员不足。\n六、其他事项\n无。\n"
    )
    imported = import_text(text)
    assert imported.sections["problems"] == "人员不足。"
    assert [key for key, _ in split_text(text) if key] == ["overview", "active", "problems", "other"]


def test_a_numbered_table_row_or_paragraph_is_not_a_heading() -> None:
    text = (
        "三、收到和处理政府信息公开申请情况\n（六）其他处理\t2\t0\t0\t0\t0\t0\t2\n"
        "五、本年度在存在问题方面，我镇加大了整改力度，逐条对照上级反馈意见进行整改落实，取得明显成效\n"
    )
    assert [h.key for h in find_sections(text)] == ["requests"]


def test_positions_hold_in_the_original_text() -> None:
    text = "（前言……）\n四、政府信息公开行政复议、行政诉讼情况\n表四\n"
    headings = find_sections(one_for_one(text))
    assert [h.key for h in headings] == ["appeals"]
    assert text[headings[0].end :].strip() == "表四"
