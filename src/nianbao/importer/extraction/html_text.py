"""HTML to text: paragraphs become lines, tables become tab-separated rows.

Every <tr> becomes one line of its own cells (rowspan/colspan are not expanded): the row readers
find a row by its label and read the cells after it, so merged label cells do not shift values.
"""

from __future__ import annotations

import re
from html import unescape

from nianbao.importer.extraction.decode import decode_bytes

_BLOCK = frozenset(
    "p div br li ul ol h1 h2 h3 h4 h5 h6 section article header footer title blockquote pre "
    "dd dt dl hr form center".split()
)
_BLANK_LINES = re.compile(r"\n{3,}")


# A cell this long, or holding a table, is page layout (the whole article in one cell), not data.
_LAYOUT_CELL = 200


class _Table:
    def __init__(self) -> None:
        self.rows: list[list[tuple[str, bool]]] = []  # (text, is_layout_cell)
        self.cell: list[str] | None = None
        self.cell_has_table = False

    def start_row(self) -> None:
        self.end_cell()
        self.rows.append([])

    def start_cell(self) -> None:
        self.end_cell()
        if not self.rows:
            self.rows.append([])
        self.cell = []
        self.cell_has_table = False

    def end_cell(self) -> None:
        if self.cell is None:
            return
        raw = "".join(self.cell)
        flat = " ".join(raw.split())
        if self.cell_has_table or len(flat) > _LAYOUT_CELL:
            lines = [ln.strip(" ") for ln in raw.split("\n")]
            self.rows[-1].append(("\n".join(ln for ln in lines if ln.strip()), True))
        else:
            self.rows[-1].append((flat, False))
        self.cell = None

    def lines(self) -> list[str]:
        self.end_cell()
        out = []
        for row in self.rows:
            if not any(text for text, _ in row):
                continue
            layout = any(is_layout for _, is_layout in row)
            out.append(("\n" if layout else "\t").join(text for text, _ in row))
        return out


# Comments, declarations and non-text elements go before tokenising. A regex tokenizer, not
# html.parser: it is several times faster on the table-heavy pages reports are published as, and
# it cannot fail on broken markup (an unclosed "<" stays text).
_DROP = re.compile(
    r"<!--.*?(?:-->|\Z)|<![^>]*>|<\?[^>]*>|<(script|style|noscript|template)\b.*?(?:</\1\s*>|\Z)",
    re.S | re.I,
)
_TAG = re.compile(r"<\s*(/?)\s*([a-zA-Z][a-zA-Z0-9:-]*)\b[^>]*>")


class _Extractor:
    def __init__(self) -> None:
        self.out: list[str] = []
        self.tables: list[_Table] = []

    def feed(self, html: str) -> None:
        html = _DROP.sub(" ", html)
        pos = 0
        for m in _TAG.finditer(html):
            if m.start() > pos:
                self._write(unescape(html[pos : m.start()]))
            tag = m.group(2).lower()
            if m.group(1):
                self.end_tag(tag)
            else:
                self.start_tag(tag)
            pos = m.end()
        if pos < len(html):
            self._write(unescape(html[pos:]))

    def _write(self, text: str) -> None:
        if self.tables and self.tables[-1].cell is not None:
            self.tables[-1].cell.append(text)
        elif self.tables:
            pass  # text between cells (whitespace, stray text): not part of a cell
        else:
            self.out.append(text)

    def start_tag(self, tag: str) -> None:
        if tag == "table":
            self.tables.append(_Table())
        elif tag == "tr" and self.tables:
            self.tables[-1].start_row()
        elif tag in ("td", "th") and self.tables:
            self.tables[-1].start_cell()
        elif tag in _BLOCK:
            self._write("\n")

    def end_tag(self, tag: str) -> None:
        if tag == "table" and self.tables:
            lines = self.tables.pop().lines()
            block = "\n" + "\n".join(lines) + "\n"
            if self.tables and self.tables[-1].cell is not None:
                # A table inside a cell (page layout): keep its rows as lines of the outer cell.
                self.tables[-1].cell.append(block)
                self.tables[-1].cell_has_table = True
            else:
                self._write(block)
        elif tag in ("td", "th") and self.tables:
            self.tables[-1].end_cell()
        elif tag in _BLOCK:
            self._write("\n")

    def text(self) -> str:
        while self.tables:
            lines = self.tables.pop().lines()
            self.out.append("\n" + "\n".join(lines) + "\n")
        return "".join(self.out)


def looks_like_html(text: str) -> bool:
    head = text[:2000].lower()
    return any(tag in head for tag in ("<html", "<!doctype html", "<body", "<table", "<div", "<p>", "<p "))


def html_to_text(html: str) -> str:
    parser = _Extractor()
    parser.feed(html)
    # Keep trailing tabs: they are the empty cells at the end of a row.
    lines = [line.rstrip(" \r") if "\t" in line else line.strip() for line in parser.text().split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def html_bytes_to_text(data: bytes, name: str = "") -> str:
    """The "html" input form's extractor."""
    return html_to_text(decode_bytes(data, name))


def text_bytes_to_text(data: bytes, name: str = "") -> str:
    """The "text" input form's extractor; a web page saved under another name is read as one."""
    text = decode_bytes(data, name)
    return html_to_text(text) if looks_like_html(text) else text
