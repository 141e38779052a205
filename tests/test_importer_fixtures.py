"""The importer on whole reports: every fixture layout read cell by cell, encodings, HTML with
merged cells, a Word file, nianbao's own text output, and what the rules then find."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from nianbao import store
from nianbao.cli.check import tables_json
from nianbao.importer import ImportedReport, import_bytes, import_path, import_text
from nianbao.render.outputs import to_text
from nianbao.report import labels as L
from nianbao.rules import check_report

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "importer"
EXPECTED = json.loads((FIXTURES / "expected.json").read_text(encoding="utf-8"))
NAMES = sorted(k for k in EXPECTED if not k.startswith("_"))
BALANCED = ["clean-2021.txt", "runtogether-2021.txt"]


def expected_tables(spec: dict) -> dict:
    rows = {k: [spec["表三_default"]] * 7 for k in L.T3_ROW_KEYS}
    rows.update(spec["表三"])
    return {"表二": spec["表二"], "表三": [rows[k] for k in L.T3_ROW_KEYS], "表四": spec["表四"]}


def findings(imported: ImportedReport):
    return check_report(
        imported.report, text=imported.text, format=imported.format, sections=imported.sections
    )


@pytest.mark.parametrize("name", NAMES)
def test_fixture_read_exactly(name: str) -> None:
    spec = EXPECTED[name]
    imported = import_path(FIXTURES / name)
    assert (imported.year, imported.format, imported.report.agency.name) == (
        spec["year"],
        spec["format"],
        spec["agency"],
    )
    assert tables_json(imported.report) == expected_tables(spec)
    assert list(imported.sections) == list(L.SECTION_KEYS)
    if "extras" in spec:
        assert imported.extras == spec["extras"]


@pytest.mark.parametrize("name", BALANCED)
def test_balanced_report_has_no_table_errors(name: str) -> None:
    imported = import_path(FIXTURES / name)
    assert [f for f in findings(imported) if f.is_error] == []
    assert imported.notes == []


def test_total_that_differs_from_its_outcome_rows_is_flagged_t3_2() -> None:
    found = findings(import_path(FIXTURES / "imbalance-2022.txt"))
    t3_2 = [f for f in found if f.rule == "T3-2"]
    assert {f.column for f in t3_2} == {"natural", "total"}
    assert all(f.is_error for f in t3_2)


@pytest.mark.parametrize("name", ["old-2019-blanks.txt", "lines-2022.txt", "pipes-2023.txt"])
def test_blank_cells_are_reported_blank_not_unbalanced(name: str) -> None:
    found = findings(import_path(FIXTURES / name))
    assert any(f.rule == "T3-4" for f in found)
    assert not any(f.rule in ("T3-1", "T3-2", "T3-3", "T4-1") for f in found)


def test_old_format_is_recognised_and_kept_as_read() -> None:
    imported = import_path(FIXTURES / "old-2019-blanks.txt")
    assert imported.format == "2019"
    assert imported.report.table2.regulations.issued is None  # different meaning: not converted
    assert any("（六）其他处理" in n for n in imported.notes)


def test_run_together_rows_decided_by_the_column_rules() -> None:
    imported = import_path(FIXTURES / "runtogether-2021.txt")
    # "270020130" splits two ways on its own; T3-1 and T3-2 leave only 27|0|0|2|0|1|30.
    assert imported.report.table3.rows["new"] == [27, 0, 0, 2, 0, 1, 30]
    assert imported.report.table3.rows["total"] == [27, 0, 0, 2, 0, 1, 30]


# --- encodings and containers ------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["gbk", "gb18030", "utf-16", "utf-8-sig"])
def test_encodings(tmp_path: Path, encoding: str) -> None:
    text = (FIXTURES / "clean-2021.txt").read_text(encoding="utf-8")
    path = tmp_path / f"report-{encoding}.txt"
    path.write_bytes(text.encode(encoding))
    assert tables_json(import_path(path).report) == expected_tables(EXPECTED["clean-2021.txt"])


def test_gbk_html_page_with_merged_cells(tmp_path: Path) -> None:
    html = (FIXTURES / "merged-2024.html").read_text(encoding="utf-8")
    path = tmp_path / "page.htm"
    path.write_bytes(html.encode("gbk"))
    imported = import_path(path)
    assert tables_json(imported.report) == expected_tables(EXPECTED["merged-2024.html"])
    assert "<td>" not in imported.text and "var x" not in imported.text  # scripts are not text


def test_html_without_tables(tmp_path: Path) -> None:
    page = "<html><body><h1>某镇2022年政府信息公开工作年度报告</h1><p>一、总体情况</p><p>正文。</p></body></html>"
    imported = import_bytes(page.encode("utf-8"), ".html", "page.html")
    assert imported.year == 2022 and imported.sections == {"overview": "正文。"}
    assert any("未找到表二、表三、表四" in n for n in imported.notes)


def _docx_bytes(spec_name: str, tmp_path: Path) -> bytes:
    """A Word file with the fixture's text as paragraphs and Table 3 as a real table with merged
    group cells, made with python-docx."""
    import docx

    text = (FIXTURES / spec_name).read_text(encoding="utf-8")
    before, _, rest = text.partition(L.SECTIONS["requests"])
    _, _, after = rest.partition(L.SECTIONS["appeals"])
    document = docx.Document()
    for line in before.splitlines():
        if "\t" not in line:
            document.add_paragraph(line)
    # Table 2 as a table: rows after its caption lines.
    document.add_paragraph(L.SECTIONS["requests"])
    rows = json.loads((FIXTURES / "expected.json").read_text(encoding="utf-8"))[spec_name]
    values = {k: [rows["表三_default"]] * 7 for k in L.T3_ROW_KEYS}
    values.update(rows["表三"])
    table = document.add_table(rows=3 + len(L.T3_ROWS), cols=10)
    table.cell(0, 0).merge(table.cell(2, 2)).text = L.T3_CORNER_NOTE
    table.cell(0, 3).merge(table.cell(0, 9)).text = L.T3_APPLICANT
    for i, name in enumerate(L.T3_COLUMNS.values()):
        table.cell(2 if 0 < i < 6 else 1, 3 + i).text = name
    grouped = [i for i, r in enumerate(L.T3_ROWS) if r.group]
    table.cell(3 + grouped[0], 0).merge(table.cell(3 + grouped[-1], 0)).text = L.T3_GROUPS["results"]
    for group in L.T3_GROUPS:
        members = [i for i, r in enumerate(L.T3_ROWS) if r.group == group]
        if group != "results":
            # The group heading cell spans its rows vertically, as in the official layout.
            table.cell(3 + members[0], 1).merge(table.cell(3 + members[-1], 1)).text = L.T3_GROUPS[group]
    for i, row in enumerate(L.T3_ROWS):
        r = 3 + i
        if row.group in (None, "results"):
            start = 0 if row.group is None else 1
            table.cell(r, start).merge(table.cell(r, 2)).text = row.label
        else:
            table.cell(r, 2).text = row.label
        for j, v in enumerate(values[row.key]):
            table.cell(r, 3 + j).text = "" if v is None else str(v)
    document.add_paragraph(L.SECTIONS["appeals"])
    for line in after.splitlines():
        document.add_paragraph(line)
    path = tmp_path / "report.docx"
    document.save(path)
    return path.read_bytes()


def test_docx_made_with_python_docx(tmp_path: Path) -> None:
    data = _docx_bytes("clean-2021.txt", tmp_path)
    imported = import_bytes(data, ".docx", "report.docx")
    expected = expected_tables(EXPECTED["clean-2021.txt"])
    assert tables_json(imported.report)["表三"] == expected["表三"]
    assert tables_json(imported.report)["表四"] == expected["表四"]
    assert imported.year == 2021 and imported.report.agency.name == "青溪县白石镇人民政府"
    assert [f for f in findings(imported) if f.rule.startswith("T3")] == []


# --- nianbao's own output reads back -----------------------------------------------------------


@pytest.mark.parametrize("example", ["lilin-2021.json", "county-bureau-2023.json"])
def test_rendered_text_reads_back_to_the_same_tables(examples_dir: Path, example: str) -> None:
    session = store.load(examples_dir / example)
    imported = import_text(to_text(session.report), example)
    assert tables_json(imported.report) == tables_json(session.report)
    assert (imported.year, imported.report.agency.name) == (session.report.year, session.report.agency.name)
