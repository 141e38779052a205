"""Old Word (.doc) and WPS (.wps) reports: converted to .docx by LibreOffice (a private profile in
a temporary folder, a timeout, nothing left behind), then read as docx; clear Chinese errors."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest

from nianbao import store
from nianbao.cli.check import tables_json
from nianbao.importer import ReportImportError, import_bytes, import_path
from nianbao.importer.extraction import office_convert
from nianbao.render import pdf
from nianbao.render.docx_writer import write_docx

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
needs_office = pytest.mark.skipif(pdf.find_office() is None, reason="LibreOffice is not installed")


@pytest.fixture(scope="module")
def made_doc(tmp_path_factory) -> tuple[Path, object]:
    """examples/county-bureau-2023.json as our docx, then .doc by `soffice --convert-to doc`."""
    if pdf.find_office() is None:
        pytest.skip("LibreOffice is not installed")
    folder = tmp_path_factory.mktemp("doc")
    report = store.load(EXAMPLES / "county-bureau-2023.json").report
    docx = folder / "report.docx"
    write_docx(report, docx)
    doc = pdf.convert_with_office(docx, folder, pdf.find_office(), "doc")
    assert doc.read_bytes().startswith(office_convert.OLE_MAGIC)
    return doc, report


@pytest.mark.slow
@pytest.mark.parametrize("suffix", [".doc", ".wps"])
def test_doc_and_wps_read_back_every_cell(made_doc, tmp_path: Path, suffix: str) -> None:
    doc, report = made_doc
    path = tmp_path / f"report{suffix}"
    shutil.copyfile(doc, path)
    imported = import_path(path)
    assert tables_json(imported.report) == tables_json(report)
    assert imported.report.agency.name == report.agency.name
    assert imported.year == report.year
    assert imported.unread == set()


@pytest.mark.slow
def test_conversion_leaves_no_temporary_files(made_doc, tmp_path: Path, monkeypatch) -> None:
    doc, _ = made_doc
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    import_bytes(doc.read_bytes(), ".doc", "report.doc")
    assert list(scratch.iterdir()) == []


def test_missing_libreoffice_names_it(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # no soffice, no libreoffice
    with pytest.raises(ReportImportError) as caught:
        import_bytes(office_convert.OLE_MAGIC + b"\0" * 600, ".wps", "old.wps")
    message = str(caught.value)
    assert "old.wps" in message and "LibreOffice" in message and "WPS" in message


def test_a_hanging_conversion_times_out(tmp_path: Path, monkeypatch) -> None:
    office = tmp_path / "soffice"
    office.write_text(f"#!/bin/sh\n{shutil.which('sleep')} 30\n", encoding="utf-8")  # PATH is cut below
    office.chmod(0o755)
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setattr(office_convert, "TIMEOUT", 0.5)
    with pytest.raises(ReportImportError) as caught:
        import_bytes(office_convert.OLE_MAGIC + b"\0" * 600, ".doc", "slow.doc")
    assert "超时" in str(caught.value)


def test_a_failing_conversion_is_a_clear_error(tmp_path: Path, monkeypatch) -> None:
    office = tmp_path / "soffice"
    office.write_text("#!/bin/sh\necho 'Error: source file could not be loaded'\nexit 1\n", encoding="utf-8")
    office.chmod(0o755)
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(ReportImportError) as caught:
        import_bytes(office_convert.OLE_MAGIC + b"\0" * 600, ".doc", "bad.doc")
    assert "LibreOffice 无法打开" in str(caught.value) and "另存为 .docx" in str(caught.value)


@pytest.mark.parametrize("data", [b"\xd0\xcf\x11\xe0", bytes(range(256)) * 8])
def test_binary_that_is_no_word_file_is_refused_before_libreoffice(data: bytes, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # LibreOffice must not even be needed
    with pytest.raises(ReportImportError) as caught:
        import_bytes(data, ".doc", "junk.doc")
    assert "不是有效的旧版 Word（.doc）文件" in str(caught.value)


def test_a_web_page_saved_as_doc_is_read_as_html(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    html = "<html><body><p>白石镇人民政府2021年政府信息公开工作年度报告</p><p>一、总体情况</p></body></html>"
    imported = import_bytes(html.encode("utf-8"), ".doc", "page.doc")
    assert imported.year == 2021 and "overview" in imported.sections
