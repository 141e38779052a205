"""Word (.docx) to text: paragraphs as lines, tables as tab-separated rows, in document order.

We read the table XML ourselves: python-docx's row.cells repeats a merged cell in every grid
column it spans, which would shift the values after it.
"""

from __future__ import annotations

import io
import zipfile

from lxml import etree

from nianbao.importer.errors import ReportImportError

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


# A report has hundreds of paragraphs and a few hundred cells. python-docx builds the whole XML
# tree (2 million empty paragraphs, 206 KB zipped, took 1.2 GB), so the body is counted first,
# streaming, and a document beyond these is refused before it is built.
MAX_PARAGRAPHS = 100_000
MAX_CELLS = 100_000
MAX_XML_BYTES = 100_000_000


def _refuse_oversized(data: bytes, name: str) -> None:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        info = archive.getinfo("word/document.xml")
    except (zipfile.BadZipFile, KeyError, ValueError):
        return  # not a docx: python-docx says so below
    if info.file_size > MAX_XML_BYTES:
        raise ReportImportError(f"{name}：Word 文件的正文过大（解压后超过 {MAX_XML_BYTES // 1_000_000} MB），不像是一份年报，未读取。")
    counts = {_W + "p": 0, _W + "tc": 0}
    limits = {_W + "p": MAX_PARAGRAPHS, _W + "tc": MAX_CELLS}
    try:
        with archive.open(info) as xml:
            for _, element in etree.iterparse(xml, events=("end",), tag=tuple(counts)):
                counts[element.tag] += 1
                if counts[element.tag] > limits[element.tag]:
                    what = "段落" if element.tag == _W + "p" else "表格单元格"
                    raise ReportImportError(
                        f"{name}：Word 文件有超过 {limits[element.tag]:,} 个{what}，不像是一份年报，未读取。"
                    )
                element.clear()  # memory stays flat: drop what was counted
                while element.getprevious() is not None:
                    del element.getparent()[0]
    except (etree.XMLSyntaxError, zipfile.BadZipFile, OSError, EOFError):
        return  # damaged: python-docx says so below


def docx_to_text(data: bytes, name: str = "") -> str:
    _refuse_oversized(data, name)
    try:
        import docx  # python-docx

        document = docx.Document(io.BytesIO(data))
        body = document.element.body
    except Exception:  # noqa: BLE001 - any damage (not a zip, missing parts) means unreadable
        raise ReportImportError(f"{name}：不是有效的 Word（.docx）文件，无法读取。") from None
    lines: list[str] = []
    for child in body.iterchildren():
        if child.tag == _W + "p":
            lines.append(_text(child))
        elif child.tag == _W + "tbl":
            lines.extend(_table_lines(child))
    return "\n".join(lines)


_TAB, _BREAKS = _W + "tab", (_W + "br", _W + "cr")


def _text(element) -> str:
    """A paragraph's text; tabs typed in Word separate cells just as table cells do."""
    parts = []
    for node in element.iter():
        if node.tag == _W + "t":
            parts.append(node.text or "")
        elif node.tag == _TAB and node.getparent().tag == _W + "r":
            parts.append("\t")
        elif node.tag in _BREAKS:
            parts.append("\n")
    return "".join(parts)


def _table_lines(tbl) -> list[str]:
    out = []
    for tr in tbl.findall(_W + "tr"):
        cells = []
        for tc in tr.findall(_W + "tc"):
            paragraphs = [_text(p) for p in tc.findall(_W + "p")]
            cells.append(" ".join(" ".join(p.split()) for p in paragraphs if p.strip()))
        if any(cells):
            out.append("\t".join(cells))
    return out
