"""The rules registry: ids and severities stamped on findings, `nianbao rules`, docs/rules.md."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import nianbao.cli  # noqa: F401  (registers the commands)
from nianbao.cli.common import app
from nianbao.report.findings import Finding
from nianbao.rules import RULES, catalog, check_report
from nianbao.rules.registry import Context, Rule, RuleDeclarationError

ROOT = Path(__file__).resolve().parents[1]
# FORMAT.md §5's rules, every one built.
BUILT = ("T2-1 T2-2 T3-1 T3-2 T3-3 T3-4 T4-1 T4-2 N-1 N-2 N-3 N-4 N-5 N-6 N-7 N-8 N-9 "
         "P-1 P-2 L-1 X-1 X-2 X-3 X-4 X-5").split()


def test_docs_rules_md_is_what_the_registry_generates():
    assert (ROOT / catalog.DOC_PATH).read_text(encoding="utf-8") == catalog.markdown(), (
        "docs/rules.md is stale: run `nianbao rules --markdown > docs/rules.md`"
    )


def test_nianbao_rules_lists_every_rule_with_its_severity():
    result = CliRunner().invoke(app, ["rules", "--json"])
    assert result.exit_code == 0, result.output
    listed = json.loads(result.output)
    assert [r["id"] for r in listed] == [r.id for r in catalog.ordered()]
    assert set(BUILT) == {r["id"] for r in listed}
    t34 = next(r for r in listed if r["id"] == "T3-4")
    assert t34["severity"] == "E" and t34["softer_severity"] == "W" and "读不出" in t34["softer"]
    plain = CliRunner().invoke(app, ["rules"])
    assert plain.exit_code == 0 and all(rule_id in plain.output for rule_id in BUILT)


def test_findings_carry_the_registered_id_and_default_severity(lilin):
    report = lilin.report.model_copy(deep=True)
    report.table3.set("new", "natural", 99)  # breaks T3-1 and T3-3
    findings = check_report(report)
    assert {"T3-1", "T3-3"} <= {f.rule for f in findings}
    for f in findings:
        declared = RULES[f.rule]
        assert f.severity == declared.severity or declared.softer, f


def _rule(severity: str, softer: str = "", emit: str | None = None) -> Rule:
    def check(ctx: Context):
        yield Finding(message="x") if emit is None else Finding(message="x", severity=emit)

    return Rule("Z-1", severity, "测试", check, softer=softer)


def test_the_registry_stamps_and_refuses_an_undeclared_softer_severity(lilin):
    ctx = Context(report=lilin.report)
    assert [(f.rule, f.severity) for f in _rule("W").func(ctx)] == [("Z-1", "W")]
    assert [(f.rule, f.severity) for f in _rule("E", softer="读不出", emit="W").func(ctx)] == [("Z-1", "W")]
    with pytest.raises(RuleDeclarationError):
        _rule("E", emit="W").func(ctx)
