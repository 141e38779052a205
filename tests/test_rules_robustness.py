"""No rule may crash, whatever the report and whatever the text (never a traceback)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rules_helpers import lilin_report, rendered, zero_report

from nianbao.report import labels as L
from nianbao.report.model import Report
from nianbao.rules import RULES, check_report

# Text built from the characters the rules look for, so the regexes really get exercised.
_ALPHABET = st.sampled_from(
    list("0123456789０１２XxX×　 \n\t、，。；：（）【】[]{}%$“”")
    + list("一二三四五六七八九十百千两零新收到申请件条上年结转下度办结复议诉讼规章范性文件制发废止现行有效其中共统计期限月日起至报告收费通知元未无")
    + list(L.SECTIONS.values())
)
_TEXTS = st.lists(_ALPHABET, max_size=200).map("".join)

EXPECTED_RULES = {
    "T2-1", "T2-2", "T3-1", "T3-2", "T3-3", "T3-4", "T4-1", "T4-2",
    "X-1", "X-2", "X-3", "X-4", "X-5",
    "N-1", "N-2", "N-3", "N-4", "N-5", "N-6", "N-7", "N-8",
    "P-1", "P-2", "L-1",
}


def test_every_rule_of_the_format_is_registered():
    assert EXPECTED_RULES <= set(RULES)
    for rule in RULES.values():
        assert rule.summary and rule.severity in ("E", "W")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=_TEXTS)
def test_no_rule_crashes_on_any_text(text):
    for report in (Report(), zero_report()):
        findings = check_report(report, last_year=Report(), text=text, last_year_text=text)
        assert all(f.rule in RULES for f in findings)


@settings(max_examples=50, deadline=None)
@given(sections=st.dictionaries(st.sampled_from(L.SECTION_KEYS), _TEXTS, max_size=6))
def test_no_rule_crashes_on_any_sections(sections):
    findings = check_report(lilin_report(), text=None, sections=sections, format="2019")
    assert "X-4" in {f.rule for f in findings}


def test_blank_report_against_a_full_one():
    blank, full = Report(), lilin_report()
    for this, last in ((blank, full), (full, blank)):
        findings = check_report(this, last_year=last, text=rendered(this))
        assert all(f.message for f in findings)
