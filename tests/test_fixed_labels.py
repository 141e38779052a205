"""Fixed table labels printed with a typo: read through it, and reported as L-1."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from nianbao.cli import app
from nianbao.importer import import_text
from nianbao.render.outputs import render
from nianbao.rules import check_report
from nianbao.store import load

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


@pytest.fixture(scope="module")
def county():
    session = load(EXAMPLES / "county-bureau-2023.json")
    return session.report, render(session.report, "txt")


def _l1(imported) -> list[str]:
    findings = check_report(imported.report, text=imported.text, sections=imported.sections, format=imported.format)
    return [f.message for f in findings if f.rule == "L-1"]


@pytest.mark.parametrize(
    "right, wrong",
    [
        ("现行有效件数", "先行有效件数"),  # a column header
        ("本年废止件数", "本年废纸件数"),
        ("属于国家秘密", "属于国家秘蜜"),  # a row label
        ("没有现成信息需要另行制作", "没有现成信息须要另行制作"),
        ("勾稽关系", "钩稽关系"),  # the corner note
        ("结果维持", "结果维护"),  # Table 4
    ],
)
def test_a_typo_in_a_fixed_label_is_read_through_and_reported(county, right, wrong):
    report, text = county
    assert right in text
    imported = import_text(text.replace(right, wrong))
    assert imported.report.table2 == report.table2
    assert imported.report.table3 == report.table3
    assert imported.report.table4 == report.table4
    typo = set(wrong) - set(right)
    assert any(right in message and typo <= set(message) for message in _l1(imported)), _l1(imported)


def test_the_row_before_an_altered_label_keeps_its_cells(county):
    # The typo'd label's number "2." must not be taken for a cell of the row before it.
    report, text = county
    imported = import_text(text.replace("没有现成信息需要另行制作", "没有现成信息须要另行制作"))
    assert imported.report.table3.rows["unable_not_held"] == report.table3.rows["unable_not_held"]
    assert "table3.unable_not_held" not in imported.unread


def test_a_label_cut_short_or_a_typo_in_prose_is_not_l1(county):
    _, text = county
    cut = text.replace("现行有效件数", "现行有效件")  # a cell's last character lost in extraction
    prose = text.replace(
        "三、收到和处理政府信息公开申请情况",
        "三、收到和处理政府信息公开申请情况\n本年度共收到申请，其中属于四类过程性性信息的申请我局均依法告知申请人，并做好解释说明工作，未引发复议诉讼。",
    )
    assert _l1(import_text(cut)) == [] and _l1(import_text(prose)) == []
    assert _l1(import_text(text)) == []


def test_check_json_reports_the_altered_header(tmp_path, county):
    _, text = county
    path = tmp_path / "report.txt"
    path.write_text(text.replace("现行有效件数", "先行有效件数"), encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(path), "--json"])
    assert result.exit_code == 1
    found = json.loads(result.stdout)["reports"][0]["findings"]
    assert [f for f in found if f["rule"] == "L-1" and "先行有效件数" in f["message"]]
