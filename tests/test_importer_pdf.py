"""Published reports as PDF: text PDFs read by their table geometry (blank cells stay blank, wrapped
labels stay one row, tables continued over pages joined), and clear Chinese errors for scans,
encrypted and broken files."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from nianbao import store
from nianbao.cli.check import tables_json
from nianbao.importer import ReportImportError, import_bytes, import_path
from nianbao.importer.extraction import pdf_text as P
from nianbao.render import pdf
from nianbao.render.docx_writer import write_docx

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
CORPUS_PDF = Path("/work/shared/corpus/043_huaian_hongzequ_qzf_2024.pdf")
needs_office = pytest.mark.skipif(pdf.find_office() is None, reason="LibreOffice is not installed")


def _export(name: str, folder: Path, blank=None) -> tuple[Path, object]:
    """examples/<name>.json as docx (optionally altered by `blank`), then PDF by LibreOffice."""
    report = store.load(EXAMPLES / f"{name}.json").report
    docx = folder / f"{name}.docx"
    write_docx(report, docx)
    if blank is not None:
        blank(docx)
    return pdf.convert_to_pdf(docx, folder, pdf.find_office()), report


@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> dict[str, tuple[Path, object]]:
    if pdf.find_office() is None:
        pytest.skip("LibreOffice is not installed")
    out = {}
    for name in ("lilin-2021", "county-bureau-2023"):
        out[name] = _export(name, tmp_path_factory.mktemp(name))
    return out


# --- PDFs made from our own docx -----------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("name", ["lilin-2021", "county-bureau-2023"])
def test_every_cell_reads_back_from_a_libreoffice_pdf(exported, name: str) -> None:
    path, report = exported[name]
    imported = import_path(path)
    assert tables_json(imported.report) == tables_json(report)
    assert imported.report.agency.name == report.agency.name
    assert imported.year == report.year
    assert imported.unread == set()
    assert not any("未找到" in note for note in imported.notes), imported.notes


@pytest.mark.slow
def test_continued_table_has_its_header_once_and_no_page_numbers(exported) -> None:
    path, _ = exported["lilin-2021"]
    text = P.pdf_to_text(path.read_bytes())
    assert text.count("申请人情况") == 1  # LibreOffice repeats Table 3's header on the next page
    assert not re.search(r"^\W*\d+\W*$", text, flags=re.M)  # "— 3 —" footers dropped


@pytest.mark.slow
def test_paragraphs_are_joined_and_the_title_is_one_line(exported) -> None:
    path, report = exported["lilin-2021"]
    lines = P.pdf_to_text(path.read_bytes()).splitlines()
    assert re.sub(r"\s", "", lines[0]) == re.sub(r"\s", "", report.title)
    imported = import_path(path)
    assert imported.report.agency.contact.address == report.agency.contact.address


def _blank_a_cell(docx: Path) -> None:
    """商业企业 of 一、本年新收 (the second of its seven value cells) left empty."""
    import docx as python_docx

    document = python_docx.Document(str(docx))
    for table in document.tables:
        for row in table.rows:
            if "本年新收政府信息公开申请数量" in row.cells[0].text:
                cell = row.cells[-6]
                for paragraph in cell.paragraphs:
                    for run in paragraph.runs:
                        run.text = ""
    document.save(str(docx))


@pytest.mark.slow
@needs_office
def test_a_blank_cell_stays_blank(tmp_path: Path) -> None:
    path, report = _export("county-bureau-2023", tmp_path, blank=_blank_a_cell)
    imported = import_path(path)
    expected = list(report.table3.rows["new"])
    expected[1] = None
    assert imported.report.table3.rows["new"] == expected
    others = {k: v for k, v in imported.report.table3.rows.items() if k != "new"}
    assert others == {k: v for k, v in report.table3.rows.items() if k != "new"}


# --- the real WPS PDF ------------------------------------------------------------------------------


@pytest.mark.skipif(not CORPUS_PDF.is_file(), reason="the corpus is not present")
def test_043_wps_pdf_labels_and_prose() -> None:
    imported = import_path(CORPUS_PDF)
    assert list(imported.sections)[:4] == ["overview", "active", "requests", "appeals"]
    assert imported.report.agency.contact.phone == "0517-87290606"
    # The vertical label 三、本年度办理结果 is one cell: its characters are not scattered over lines.
    assert "三、本年度办理结果" in P.pdf_to_text(CORPUS_PDF.read_bytes())


# --- rows across pages (the page end splits a row in two) ----------------------------------------


def _row(cells: list[str], table: int = 0, x: float = 80.0) -> P._Row:
    edges = tuple((x + 40 * i, x + 40 * (i + 1)) for i in range(len(cells)))
    return P._Row(top=0.0, table=table, cells=cells, edges=edges)


def test_a_row_broken_by_the_page_end_is_joined() -> None:
    head = _row(["申请人情况", "自然人", "总计"])
    first = P._Page([(0, head), (1, _row(["5.要求行政机关确认或重新出具已", "3", "3"]))])
    second = P._Page([(0, _row(["申请人情况", "自然人", "总计"])), (1, _row(["获取信息", "", ""]))])
    assert P._lines([first, second]) == ["申请人情况\t自然人\t总计", "5.要求行政机关确认或重新出具已获取信息\t3\t3"]


def test_a_row_with_blank_cells_after_a_page_end_is_a_row_of_its_own() -> None:
    first = P._Page([(0, _row(["3.其他", "0", "0"]))])
    second = P._Page([(0, _row(["（七）总计", "", ""]))])
    assert P._lines([first, second]) == ["3.其他\t0\t0", "（七）总计\t\t"]


def test_rows_that_each_have_values_are_not_joined() -> None:
    first = P._Page([(0, _row(["1.本机关不掌握相关政府信息", "31", "31"]))])
    second = P._Page([(0, _row(["2.没有现成信息需要另行制作", "1", "1"]))])
    assert len(P._lines([first, second])) == 2


def test_a_new_table_on_the_next_page_keeps_its_header() -> None:
    first = P._Page([(0, _row(["信息内容", "本年处理决定数量"]))])
    text = P._Line("四、政府信息公开行政复议、行政诉讼情况", 80, 300, 10, 26)
    second = P._Page([(0, text), (1, _row(["信息内容", "本年处理决定数量"]))])
    assert P._lines([first, second]).count("信息内容\t本年处理决定数量") == 2


# --- PDFs that cannot be read ------------------------------------------------------------------------


def test_image_only_pdf_says_it_holds_no_text() -> None:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (600, 800), "white").save(buffer, format="PDF")
    with pytest.raises(ReportImportError) as caught:
        import_bytes(buffer.getvalue(), ".pdf", "scan.pdf")
    message = str(caught.value)
    assert "没有文字" in message and "扫描件" in message and "OCR" in message


def _minimal_pdf(trailer_extra: str = "", objects_extra: tuple[str, ...] = ()) -> bytes:
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
        *objects_extra,
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{o:010d} 00000 n \n" for o in offsets).encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R {trailer_extra}>>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out


def test_encrypted_pdf_has_its_own_message() -> None:
    key = "<" + "00" * 32 + ">"
    encrypt = f"<< /Filter /Standard /V 1 /R 2 /O {key} /U {key} /P -4 >>"
    data = _minimal_pdf(f"/Encrypt 4 0 R /ID [{key[:34]}> {key[:34]}>] ", (encrypt,))
    with pytest.raises(ReportImportError) as caught:
        import_bytes(data, ".pdf", "locked.pdf")
    assert "已加密" in str(caught.value) and "locked.pdf" in str(caught.value)


@pytest.mark.parametrize(
    "data",
    [b"%PDF-1.4\nthis is not a pdf at all", b"%PDF-1.7\n" + bytes(range(256)) * 20, b"not a pdf"],
)
def test_broken_pdf_is_a_clear_error(data: bytes) -> None:
    with pytest.raises(ReportImportError) as caught:
        import_bytes(data, ".pdf", "broken.pdf")
    assert "broken.pdf" in str(caught.value) and "PDF" in str(caught.value)


def test_an_empty_page_pdf_is_no_text() -> None:
    with pytest.raises(ReportImportError) as caught:
        import_bytes(_minimal_pdf(), ".pdf", "blank.pdf")
    assert "没有文字" in str(caught.value)


@pytest.mark.skipif(not CORPUS_PDF.is_file(), reason="the corpus is not present")
@pytest.mark.parametrize("cut", [0.3, 0.6, 0.9])
def test_a_truncated_pdf_never_gives_a_traceback(cut: float) -> None:
    data = CORPUS_PDF.read_bytes()
    try:
        import_bytes(data[: int(len(data) * cut)], ".pdf", "cut.pdf")
    except ReportImportError as exc:
        assert "cut.pdf" in str(exc)
