"""The importer on the real published reports in ../shared/corpus (skipped where it is absent).

The complete reports (003, 008) must be read cell by cell exactly as checked by hand
(fixtures/importer/corpus_expected.json); every other report, most of them cut off mid-text,
must be read without an exception and without a false imbalance.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from nianbao.cli.check import tables_json
from nianbao.importer import import_path
from nianbao.report import labels as L
from nianbao.rules import check_report

REPO_ROOT = Path(__file__).resolve().parents[1]
CANDIDATES = (REPO_ROOT.parent / "shared" / "corpus", Path("/work/shared/corpus"))
CORPUS = next((p for p in CANDIDATES if (p / "INDEX.md").is_file()), None)
EXPECTED = json.loads(
    (REPO_ROOT / "tests" / "fixtures" / "importer" / "corpus_expected.json").read_text(encoding="utf-8")
)
COMPLETE = sorted(k for k in EXPECTED if not k.startswith("_"))

pytestmark = pytest.mark.skipif(CORPUS is None, reason="../shared/corpus is not present")


def _all_reports() -> list[str]:
    return sorted(p.name for ext in ("txt", "pdf") for p in CORPUS.glob(f"*.{ext}")) if CORPUS else []


def _expected_tables(spec: dict) -> dict:
    rows = {k: [spec["表三_default"]] * 7 for k in L.T3_ROW_KEYS}
    rows.update(spec["表三"])
    return {"表二": spec["表二"], "表三": [rows[k] for k in L.T3_ROW_KEYS], "表四": spec["表四"]}


def _findings(imported):
    return check_report(imported.report, text=imported.text, format=imported.format, sections=imported.sections)


@pytest.mark.parametrize("name", COMPLETE)
def test_complete_report_read_cell_by_cell(name: str) -> None:
    spec = EXPECTED[name]
    imported = import_path(CORPUS / name)
    assert (imported.year, imported.format, imported.report.agency.name) == (
        spec["year"],
        spec["format"],
        spec["agency"],
    )
    tables = tables_json(imported.report)
    expected = _expected_tables(spec)
    assert tables["表三"] == expected["表三"]
    assert tables["表四"] == expected["表四"]
    assert tables["表二"] == expected["表二"]
    assert list(imported.sections) == list(L.SECTION_KEYS)


def test_003_notes_the_table2_row_it_cannot_split() -> None:
    imported = import_path(CORPUS / "003_pingtan_zhqsyq_2021.txt")
    assert any("693665" in note for note in imported.notes)


def test_003_balances_so_no_table_error() -> None:
    found = _findings(import_path(CORPUS / "003_pingtan_zhqsyq_2021.txt"))
    assert [f for f in found if f.is_error and f.rule[:2] in ("T3", "T4")] == []


def test_008_blank_cells_are_t3_4_not_an_imbalance() -> None:
    found = _findings(import_path(CORPUS / "008_shanghai_szfbgt_2019_old.txt"))
    rules = {f.rule for f in found}
    assert "T3-4" in rules and "T4-2" in rules
    assert not rules & {"T3-1", "T3-2", "T3-3", "T4-1"}


@pytest.mark.parametrize("name", _all_reports())
def test_every_corpus_report_reads_without_a_false_imbalance(name: str) -> None:
    imported = import_path(CORPUS / name)
    assert imported.year is not None
    assert "overview" in imported.sections
    imbalances = [f for f in _findings(imported) if f.rule in ("T3-1", "T3-2", "T3-3", "T4-1")]
    assert imbalances == []


def test_truncated_report_names_what_is_missing() -> None:
    imported = import_path(CORPUS / "027_wenzhou_luchengfenju_zrzygh_2022.txt")
    assert any("表三未找到" in n for n in imported.notes)
    assert any("未找到以下部分" in n for n in imported.notes)


def test_old_template_in_a_2022_report_is_x_4() -> None:
    imported = import_path(CORPUS / "014_jiaxian_xizhen_2022_old.txt")
    assert (imported.year, imported.format) == (2022, "2019")
    assert any(f.rule == "X-4" for f in _findings(imported))


def test_township_with_regulations_in_force_is_t2_2() -> None:
    imported = import_path(CORPUS / "017_nileke_zhen_2023.txt")
    assert imported.report.table2.regulations.in_force == 6
    assert any(f.rule == "T2-2" for f in _findings(imported))
