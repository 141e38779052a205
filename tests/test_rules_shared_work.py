"""Work several rules share is done once per report, with the same findings."""

from __future__ import annotations

from pathlib import Path

from nianbao.importer import import_path
from nianbao.rules import check_report, text as rule_text

FIXTURES = Path(__file__).parent / "fixtures" / "importer"


def test_a_reports_sentences_are_split_once_for_every_rule(monkeypatch):
    imported = import_path(FIXTURES / "imbalance-2022.txt")

    def run() -> list:
        return check_report(imported.report, text=imported.text, format=imported.format, sections=imported.sections)

    expected = [f.model_dump() for f in run()]
    calls = []
    real = rule_text.segments
    monkeypatch.setattr(rule_text, "segments", lambda ctx: calls.append(1) or real(ctx))
    assert [f.model_dump() for f in run()] == expected
    # Before, each of a dozen narrative rules re-split every section (14 calls for this one).
    assert len(calls) <= 3, len(calls)
