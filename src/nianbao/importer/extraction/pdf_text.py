"""PDF to text: paragraphs as lines, table rows as tab-separated cells, in reading order.

A text PDF has no tables, only characters at positions and the lines drawn around cells. We find
the cells from those ruling lines (pdfplumber's table finder) and give each character to the cell
that holds its centre, so that a blank cell stays an empty field and a label wrapped over two
lines stays one row. A "row" with a single cell spanning the table (a caption, or prose that
WPS framed with rectangles) is text, not a row. Everything else is read as lines of text.

Across pages: page numbers are dropped (a number alone first or last on its page), header rows
that the next page repeats are dropped, and a row broken by the page end is joined with its rest.
Lines of one paragraph are joined. The result has the form docx_text.py gives (tabs between
cells), for import_text.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field

from nianbao.importer.errors import ReportImportError

# A report is a few pages; a book is not a report, and reading one would be slow.
MAX_PAGES = 100
# Cell edges closer than this (points) are the same edge.
_SNAP = 2.0
# Header rows a continued table may repeat (Table 3 has three; a few to spare).
_HEAD_ROWS = 8
_PAGE_NUMBER = re.compile(r"^[-—–－‒\s]*(?:\d{1,3}|第\s*\d{1,3}\s*页(?:\s*[/,，]?\s*共\s*\d{1,3}\s*页)?|\d{1,3}\s*/\s*\d{1,3})[-—–－‒\s]*$")
# How a row label starts: "1." "（一）" "一、" "(1)".
_ROW_NUMBERING = re.compile(r"^\s*(?:[（(]\s*[一二三四五六七八九十\d]+\s*[）)]|[一二三四五六七八九十\d]+\s*[、.．])")
_CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef“”‘’]")


@dataclass
class _Row:
    top: float
    table: int  # which table of the page
    cells: list[str]  # the text of each real cell, left to right (merged positions left out)
    edges: tuple[tuple[float, float], ...]  # each cell's x0, x1: to compare rows


@dataclass
class _Line:
    """A line of text outside the tables."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float

    @property
    def size(self) -> float:
        return max(1.0, self.bottom - self.top)


@dataclass
class _Page:
    items: list[tuple[float, object]] = field(default_factory=list)  # (top, _Line or _Row)


def pdf_to_text(data: bytes, name: str = "") -> str:
    pages = _read_pages(data, name)
    if not any(page.items for page in pages):
        raise ReportImportError(
            f"{name}：这份 PDF 里没有文字，只有图片（可能是扫描件）。请先用文字识别（OCR）转成文字，"
            "或找到原始的 Word/WPS 文件再试。"
        )
    return "\n".join(_lines(pages))


def _read_pages(data: bytes, name: str) -> list[_Page]:
    try:
        import pdfplumber
        from pdfplumber.utils.exceptions import PdfminerException
    except ImportError:  # pragma: no cover - a dependency; only a broken install lacks it
        raise ReportImportError(f"{name}：读取 PDF 需要 pdfplumber，请重新安装年报助手。") from None
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except PdfminerException as exc:
        raise ReportImportError(_open_error(name, exc)) from None
    except Exception:  # noqa: BLE001 - any damage means unreadable
        raise ReportImportError(f"{name}：PDF 文件已损坏，无法读取。") from None
    with pdf:
        try:
            if len(pdf.pages) > MAX_PAGES:
                raise ReportImportError(f"{name}：PDF 有 {len(pdf.pages)} 页，不像是一份年度报告。")
            return [_read_page(page) for page in pdf.pages]
        except ReportImportError:
            raise
        except Exception:  # noqa: BLE001 - damage inside a page (bad streams, fonts...)
            raise ReportImportError(f"{name}：PDF 文件已损坏，有的页面无法读取。") from None


def _open_error(name: str, exc: Exception) -> str:
    inner = exc.args[0] if exc.args else exc
    kind = type(inner).__name__
    if kind in ("PDFPasswordIncorrect", "PDFEncryptionError", "PDFEncryptionWarning"):
        return f"{name}：PDF 文件已加密（设有打开密码或不支持的加密方式），无法读取。请用原文件或去掉密码后再试。"
    return f"{name}：不是有效的 PDF 文件，或文件已损坏，无法读取。"


def _read_page(page) -> _Page:
    out = _Page()
    boxes: list[tuple[float, float, float, float]] = []
    for number, table in enumerate(page.find_tables()):
        out.items.extend((row.top, row) for row in _rows(table, number, boxes))
    # Whatever no table cell took: lines of text (prose, captions, page numbers).
    loose = page.filter(lambda obj: obj.get("object_type") != "char" or not _inside(obj, boxes))
    lines = [line for line in loose.extract_text_lines(strip=True, return_chars=False) if line["text"].strip()]
    for line in lines:
        box = [float(line[k]) for k in ("x0", "x1", "top", "bottom")]
        out.items.append((box[2], _Line(line["text"], *box)))
    out.items.sort(key=lambda item: item[0])
    # A page number stands last (a footer) or first (a header) on its page.
    if out.items and _is_page_number(out.items[-1][1]):
        out.items.pop()
    if out.items and _is_page_number(out.items[0][1]):
        out.items.pop(0)
    return out


def _is_page_number(item: object) -> bool:
    return isinstance(item, _Line) and bool(_PAGE_NUMBER.match(item.text))


def _rows(table, number: int, boxes: list) -> list[_Row]:
    """The table's rows of two or more cells; their cell boxes are added to `boxes`."""
    rows = []
    texts = table.extract(x_tolerance=1.5, y_tolerance=2)
    for row, row_texts in zip(table.rows, texts):
        cells = [(box, text) for box, text in zip(row.cells, row_texts) if box is not None]
        if len(cells) < 2:
            continue
        boxes.extend(box for box, _ in cells)
        rows.append(
            _Row(
                top=float(row.bbox[1]),
                table=number,
                cells=[_cell_text(text or "") for _, text in cells],
                edges=tuple((float(b[0]), float(b[2])) for b, _ in cells),
            )
        )
    return rows


def _inside(char, boxes) -> bool:
    x = (char["x0"] + char["x1"]) / 2
    y = (char["top"] + char["bottom"]) / 2
    return any(b[0] <= x < b[2] and b[1] <= y < b[3] for b in boxes)


def _cell_text(text: str) -> str:
    """A cell's lines as one: Chinese wrapped lines join directly, others with a space."""
    out = ""
    for line in (" ".join(part.split()) for part in text.split("\n")):
        if not line:
            continue
        if out and not (_CJK.match(out[-1]) and _CJK.match(line[0])):
            out += " "
        out += line
    return out


def _lines(pages: list[_Page]) -> list[str]:
    """All pages' lines; a table that the next page continues is joined into one, and so are
    the lines of a paragraph."""
    lines: list[str] = []
    column = _column(pages)
    head: list[_Row] = []  # the first rows of the table being read (across pages)
    last: object = None  # the item that ended the previous page
    for page in pages:
        items = [item for _, item in page.items]
        continuing = isinstance(last, _Row) and bool(items) and isinstance(items[0], _Row)
        start = _continued(head, last, items, lines) if continuing else 0
        table = items[0].table if continuing else None  # the table in progress on this page
        previous = last
        for item in items[start:]:
            if isinstance(item, _Row):
                if item.table != table:
                    head = []  # a new table
                    table = item.table
                if len(head) < _HEAD_ROWS:
                    head.append(item)
                lines.append("\t".join(item.cells))
            else:
                if isinstance(previous, _Line) and _same_paragraph(previous, item, column, previous is last):
                    lines[-1] = _cell_text(lines[-1] + "\n" + item.text)
                else:
                    lines.append(item.text)
                table = None
            previous = item
        last = items[-1] if items else None
    return lines


def _column(pages: list[_Page]) -> tuple[float, float]:
    """The left and right edges of the text (the same on every page of a report)."""
    lines = [item for page in pages for _, item in page.items if isinstance(item, _Line)]
    if not lines:
        return 0.0, 0.0
    return min(line.x0 for line in lines), max(line.x1 for line in lines)


def _same_paragraph(a: _Line, b: _Line, column: tuple[float, float], new_page: bool) -> bool:
    """b continues a's paragraph: a fills the line, and b is not indented (or both are centred,
    a wrapped title), with no more than a line's gap between them."""
    left, right = column
    size = a.size
    if a.x1 < right - 1.5 * size:
        return False
    if not new_page and b.top - a.bottom > 1.5 * size:
        return False
    if b.x0 <= left + 0.8 * size:
        return True
    middle = (left + right) / 2
    return abs((a.x0 + a.x1) / 2 - middle) < size and abs((b.x0 + b.x1) / 2 - middle) < size


def _continued(head: list[_Row], last: _Row, items: list, lines: list[str]) -> int:
    """Where the rows of a table continued from the previous page start, after the header rows
    it repeats; a row broken by the page end is joined to its first half (the last line)."""
    first = items[0]
    skip = 0
    while (
        skip < min(len(items), len(head))
        and isinstance(items[skip], _Row)
        and items[skip].table == first.table
        and _same(items[skip], head[skip])
    ):
        skip += 1
    if skip < len(items) and isinstance(items[skip], _Row) and _broken(last, items[skip]):
        last.cells = [_join(a, b) for a, b in zip(last.cells, items[skip].cells)]
        lines[-1] = "\t".join(last.cells)
        skip += 1
    return skip


def _same(a: _Row, b: _Row) -> bool:
    return a.cells == b.cells and _aligned(a, b)


def _aligned(a: _Row, b: _Row) -> bool:
    """The same cells, edge for edge."""
    return len(a.edges) == len(b.edges) and all(
        abs(x - y) <= _SNAP for ea, eb in zip(a.edges, b.edges) for x, y in zip(ea, eb)
    )


def _broken(end: _Row, start: _Row) -> bool:
    """The two halves of one row: the same cells, the second half only continuing texts of the
    first (a long label; the numbers stand in the first half) and not starting a row of its own."""
    if not _aligned(end, start) or all(start.cells) or not any(start.cells):
        return False
    if any(b and not a for a, b in zip(end.cells, start.cells)):
        return False
    first = next(text for text in start.cells if text)
    return not _ROW_NUMBERING.match(first)


def _join(a: str, b: str) -> str:
    return a + b if not a or not b else _cell_text(a + "\n" + b)
