"""Layouts seen in real reports: a 2021-format report printing （六）其他处理 as one row."""

from __future__ import annotations

import re
from pathlib import Path

from typer.testing import CliRunner

import nianbao.cli  # noqa: F401  (registers the commands)
from nianbao.cli.common import app
from nianbao.importer import import_text
from nianbao.render.outputs import to_text
from nianbao.report import labels as L
from nianbao.rules import check_report


def _one_row_text(lilin) -> str:
    """Our own 2021 report, with （六）其他处理 printed as one row holding its figures."""
    text = to_text(lilin.report)
    lines = text.split("\n")
    start = next(i for i, line in enumerate(lines) if line.strip() == L.T3_GROUPS["other_handling"])
    cells = re.split(r"\s{2,}", lines[start + 3].strip())[1:]
    merged = f"  {L.T3_GROUPS['other_handling']}    " + "    ".join(cells)
    return "\n".join(lines[:start] + [merged] + lines[start + 4:])


def test_one_row_other_handling_is_x4_and_its_sub_rows_are_not_blanks(lilin):
    imported = import_text(_one_row_text(lilin))
    assert imported.format == "2021" and L.LAYOUT_T3_OTHER_ONE_ROW in imported.old_layouts
    t3 = imported.report.table3
    assert t3.rows["oh_other"] == lilin.report.table3.rows["oh_other"]
    assert t3.rows["oh_no_correction"] == [None] * 7 and t3.rows["oh_no_fee"] == [None] * 7
    findings = check_report(imported.report, text=imported.text, format=imported.format,
                            sections=imported.sections, unread=imported.unread, old_layouts=imported.old_layouts)
    rules = [f.rule for f in findings]
    assert "X-4" in rules and "只有一行" in next(f.message for f in findings if f.rule == "X-4")
    assert not [f for f in findings if f.rule == "T3-4" and f.row in ("oh_no_correction", "oh_no_fee")]


def test_check_exits_1_on_the_one_row_layout(lilin, tmp_path: Path):
    path = tmp_path / "report.txt"
    path.write_text(_one_row_text(lilin), encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(path), "--json"])
    assert result.exit_code == 1, result.output
    assert '"X-4"' in result.output and '"T3-4"' not in result.output
