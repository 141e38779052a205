"""The example sessions: the reference and the county bureau are clean, the broken one is not."""

from __future__ import annotations

import json

import pytest
from rules_helpers import BROKEN, COUNTY, LILIN
from typer.testing import CliRunner

import nianbao.cli  # noqa: F401  (registers the commands on the app)
from nianbao import store
from nianbao.cli.common import app
from nianbao.render.outputs import to_text
from nianbao.report import labels as L
from nianbao.rules import check_report

runner = CliRunner()


def _check_json(path) -> tuple[int, list[dict]]:
    result = runner.invoke(app, ["check", "--json", str(path)])
    payload = json.loads(result.stdout)
    return result.exit_code, payload["reports"][0]["findings"]


def test_reference_figures_yield_no_finding():
    report = store.load(LILIN).report
    assert check_report(report, text=to_text(report)) == []


@pytest.mark.parametrize("path", [LILIN, COUNTY], ids=["lilin", "county"])
def test_clean_examples_check_exits_0_without_findings(path):
    code, findings = _check_json(path)
    assert (code, findings) == (0, [])


def test_clean_examples_check_in_one_call():
    result = runner.invoke(app, ["check", str(LILIN), str(COUNTY)])
    assert result.exit_code == 0, result.stdout
    assert result.stdout.count("未发现问题") == 2


def test_broken_example_exits_1_naming_its_rules():
    code, findings = _check_json(BROKEN)
    assert code == 1
    assert sorted(f["rule"] for f in findings) == ["T3-1", "T3-3", "T4-1"]
    by_rule = {f["rule"]: f["message"] for f in findings}
    assert "新收 3 + 上年结转 0 = 3" in by_rule["T3-1"] and "相差 1 件" in by_rule["T3-1"]
    assert "「四、结转下年度继续办理」行" in by_rule["T3-3"] and "却填 1" in by_rule["T3-3"]
    assert "「行政复议」" in by_rule["T4-1"] and "= 1" in by_rule["T4-1"] and "却填 2" in by_rule["T4-1"]


def test_broken_example_table_output_names_the_rules():
    result = runner.invoke(app, ["check", str(BROKEN)])
    assert result.exit_code == 1
    for rule_id in ("T3-1", "T3-3", "T4-1"):
        assert rule_id in result.stdout


@pytest.mark.parametrize("path", [COUNTY, BROKEN], ids=["county", "broken"])
def test_examples_print(path):
    result = runner.invoke(app, ["print", str(path), "--plain"])
    assert result.exit_code == 0, result.output
    report = store.load(path).report
    assert result.stdout.startswith(report.title)
    for heading in L.SECTIONS.values():
        assert heading in result.stdout


def test_county_example_is_a_busy_county_department():
    report = store.load(COUNTY).report
    assert report.agency.kind == "county_dept"
    t3 = report.table3
    assert t3.get("carried_in", "total") > 0 and t3.get("carried_out", "total") > 0
    busy_columns = [c for c in L.T3_COLUMN_KEYS[:-1] if t3.get("new", c)]
    busy_outcomes = {L.T3_ROW_BY_KEY[k].group for k in L.T3_OUTCOME_KEYS if t3.get(k, "total")}
    assert len(busy_columns) >= 3 and len(busy_outcomes) >= 4
    assert report.table4.review.total > 0 and report.table4.direct.total + report.table4.after_review.total > 0
