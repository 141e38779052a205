"""Word (.docx) to text: paragraphs as lines, tables as tab-separated rows, in document order.

We read the table XML ourselves: python-docx's row.cells repeats a merged cell in every grid
column it spans, which would shift the values after it.
"""

from __future__ import annotations

import io

from nianbao.importer.errors import ReportImportError

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def docx_to_text(data: bytes, name: str = "") -> str:
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
