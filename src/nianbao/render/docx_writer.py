"""Write the report as a Word document laid out like an official document (GB/T 9704-2012).

The document is built from the same blocks as the txt/md/html outputs, so every format says the
same thing. `docx_content` and `txt_content` define what "the same" means, for the tests:
the paragraphs outside the tables, in order and without indent, and the tables' values, in
reading order, are equal.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timezone
from os import PathLike
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Length, Mm, Pt
from lxml import etree

from nianbao.render.blocks import Block, render_blocks
from nianbao.render.numbers import cell_text
from nianbao.render.outputs import INDENT, t3_layout_rows
from nianbao.render.text_tables import TABLE_LINES
from nianbao.report import labels as L
from nianbao.report.model import Report

# --- page: A4 with the GB/T 9704 margins -----------------------------------------------------
PAGE_WIDTH_MM, PAGE_HEIGHT_MM = 210, 297
MARGIN_MM = {"top": 37, "bottom": 35, "left": 28, "right": 26}
TEXT_WIDTH_MM = PAGE_WIDTH_MM - MARGIN_MM["left"] - MARGIN_MM["right"]  # 156 mm
FOOTER_DISTANCE_MM = 25  # puts the page number about 7 mm below the text area

# --- fonts and sizes -------------------------------------------------------------------------
TITLE_FONT = "方正小标宋简体"
BODY_FONT = "仿宋_GB2312"
H1_FONT = "黑体"
H2_FONT = "楷体_GB2312"
FALLBACK_FONT = "宋体"  # the document default, and the altName Word uses when a font is missing
TABLE_FONT = "宋体"  # 仿宋 is too thin to read at 五号 in a dense table
LATIN_FONT = "Times New Roman"  # digits and Latin letters
# Word's font table names a substitute for fonts a machine lacks (most lack the GB2312 ones).
FONT_SUBSTITUTES = {TITLE_FONT: FALLBACK_FONT, BODY_FONT: "仿宋", H2_FONT: "楷体"}

SIZE_ERHAO, SIZE_SANHAO, SIZE_SIHAO, SIZE_WUHAO = Pt(22), Pt(16), Pt(14), Pt(10.5)
LINE_PITCH = Pt(28.95)  # fixed spacing: 22 lines fill the 225 mm text area, as GB/T 9704 asks
TITLE_LINE_PITCH = Pt(36)


@dataclass(frozen=True)
class ParagraphStyle:
    style_id: str
    name: str  # shown in Word's style gallery
    east_asia: str
    size: Length
    align: WD_ALIGN_PARAGRAPH
    indent_chars: int = 0  # first-line indent, in characters of this size
    line: Length | None = LINE_PITCH  # exact line spacing; None = single
    outline_level: int | None = None  # lets Word's navigation pane list the headings
    keep_with_next: bool = False  # a heading never ends a page
    latin: str = LATIN_FONT


STYLES: dict[str, ParagraphStyle] = {
    "title": ParagraphStyle("ReportTitle", "报告标题", TITLE_FONT, SIZE_ERHAO, WD_ALIGN_PARAGRAPH.CENTER, line=TITLE_LINE_PITCH, keep_with_next=True),
    "h1": ParagraphStyle("ReportHeading1", "一级标题", H1_FONT, SIZE_SANHAO, WD_ALIGN_PARAGRAPH.JUSTIFY, 2, outline_level=0, keep_with_next=True),
    "h2": ParagraphStyle("ReportHeading2", "二级标题", H2_FONT, SIZE_SANHAO, WD_ALIGN_PARAGRAPH.JUSTIFY, 2, outline_level=1, keep_with_next=True),
    "p": ParagraphStyle("ReportBody", "报告正文", BODY_FONT, SIZE_SANHAO, WD_ALIGN_PARAGRAPH.JUSTIFY, 2),
    "table": ParagraphStyle("ReportTableText", "表格文字", TABLE_FONT, SIZE_WUHAO, WD_ALIGN_PARAGRAPH.CENTER, line=None),
    # GB/T 9704: page numbers in 四号 half-width 宋体 Arabic digits, between em dashes.
    "page": ParagraphStyle("ReportPageNumber", "页码", FALLBACK_FONT, SIZE_SIHAO, WD_ALIGN_PARAGRAPH.RIGHT, line=None, latin=FALLBACK_FONT),
}

# --- tables: the official layouts as data ----------------------------------------------------


@dataclass(frozen=True)
class Cell:
    text: str
    rowspan: int = 1
    colspan: int = 1
    kind: str = "value"  # "caption", "head", "label" or "value"


@dataclass(frozen=True)
class TableLayout:
    widths_mm: tuple[float, ...]
    rows: tuple[tuple[Cell, ...], ...]
    header_rows: int = 0  # repeated at the top of each page the table runs onto

    @property
    def ncols(self) -> int:
        return len(self.widths_mm)


def _even(total: float, n: int) -> tuple[float, ...]:
    return tuple([total / n] * n)


def table2_layout(report: Report) -> TableLayout:
    """Four small tables in one grid, each under a full-width caption row."""
    t2 = report.table2
    rows: list[tuple[Cell, ...]] = [
        (Cell(L.T2_ITEM_1, colspan=4, kind="caption"),),
        (Cell(L.T2_CONTENT, kind="head"), *(Cell(c, kind="head") for c in L.T2_DOC_COLUMNS.values())),
    ]
    for key in ("regulations", "normative_documents"):
        row = getattr(t2, key)
        rows.append((Cell(L.T2_ROWS[key], kind="label"), *(Cell(cell_text(getattr(row, c))) for c in L.T2_DOC_COLUMNS)))
    for caption, header, keys in (
        (L.T2_ITEM_5, L.T2_DECISIONS, ("licensing",)),
        (L.T2_ITEM_6, L.T2_DECISIONS, ("penalty", "coercion")),
        (L.T2_ITEM_8, L.T2_FEE_AMOUNT, ("fees",)),
    ):
        rows.append((Cell(caption, colspan=4, kind="caption"),))
        rows.append((Cell(L.T2_CONTENT, kind="head"), Cell(header, colspan=3, kind="head")))
        for key in keys:
            rows.append((Cell(L.T2_ROWS[key], kind="label"), Cell(cell_text(getattr(t2, key)), colspan=3)))
    first = 48.0
    return TableLayout((first, *_even(TEXT_WIDTH_MM - first, 3)), tuple(rows))


def table3_layout(report: Report) -> TableLayout:
    """Three label columns (group, subgroup, row) under the 3×3 corner note, then seven values."""
    org = [Cell(L.T3_COLUMNS[k], kind="head") for k in L.T3_ORG_COLUMN_KEYS]
    rows: list[tuple[Cell, ...]] = [
        (Cell(L.T3_CORNER_NOTE, rowspan=3, colspan=3, kind="head"), Cell(L.T3_APPLICANT, colspan=7, kind="head")),
        (
            Cell(L.T3_COLUMNS["natural"], rowspan=2, kind="head"),
            Cell(L.T3_ORG_GROUP, colspan=5, kind="head"),
            Cell(L.T3_COLUMNS["total"], rowspan=2, kind="head"),
        ),
        tuple(org),
    ]
    for row in t3_layout_rows(report):
        labels = (Cell(text, rs, cs, "label") for text, rs, cs in row["cells"])
        rows.append((*labels, *(Cell(v) for v in row["values"])))
    label_widths = (7.0, 17.0, 60.0)  # one character, two characters, the long row labels
    values = _even(TEXT_WIDTH_MM - sum(label_widths), len(L.T3_COLUMN_KEYS))
    return TableLayout((*label_widths, *values), tuple(rows), header_rows=3)


def table4_layout(report: Report) -> TableLayout:
    """行政复议 over five columns; 行政诉讼 over 未经复议直接起诉 and 复议后起诉, five each."""
    heads = list(L.T4_COLUMNS.values())
    rows: tuple[tuple[Cell, ...], ...] = (
        (Cell(L.T4_REVIEW, colspan=5, kind="head"), Cell(L.T4_LITIGATION, colspan=10, kind="head")),
        (
            *(Cell(h, rowspan=2, kind="head") for h in heads),
            Cell(L.T4_GROUPS["direct"], colspan=5, kind="head"),
            Cell(L.T4_GROUPS["after_review"], colspan=5, kind="head"),
        ),
        tuple(Cell(h, kind="head") for h in heads * 2),
        tuple(Cell(cell_text(v)) for v in report.table4.values()),
    )
    return TableLayout(_even(TEXT_WIDTH_MM, 15), rows, header_rows=3)


TABLE_LAYOUTS = {"2": table2_layout, "3": table3_layout, "4": table4_layout}

# --- writing ---------------------------------------------------------------------------------

# Characters XML 1.0 cannot hold (lxml refuses them): drop them rather than fail the export.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _xml_safe(text: str) -> str:
    return _NOT_XML.sub("", text)


def write_docx(report: Report, path: str | PathLike) -> None:
    """Write the report to `path`. Raises MissingFact when the wording needs a fact not given."""
    build_docx(report).save(str(Path(path)))


def build_docx(report: Report) -> DocxDocument:
    blocks = render_blocks(report)
    doc = Document()
    _setup_page(doc)
    _setup_styles(doc)
    _setup_font_table(doc)
    _setup_footers(doc)
    _set_properties(doc, report)
    _add_blocks(doc, report, blocks)
    return doc


def _setup_page(doc: DocxDocument) -> None:
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(PAGE_WIDTH_MM), Mm(PAGE_HEIGHT_MM)
    section.top_margin, section.bottom_margin = Mm(MARGIN_MM["top"]), Mm(MARGIN_MM["bottom"])
    section.left_margin, section.right_margin = Mm(MARGIN_MM["left"]), Mm(MARGIN_MM["right"])
    section.footer_distance = Mm(FOOTER_DISTANCE_MM)


def _set_run_fonts(rpr, east_asia: str, latin: str) -> None:
    fonts = rpr.get_or_add_rFonts()
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)  # a theme font would override the named one
    for attr, value in (("w:ascii", latin), ("w:hAnsi", latin), ("w:cs", latin), ("w:eastAsia", east_asia)):
        fonts.set(qn(attr), value)


def _setup_styles(doc: DocxDocument) -> None:
    styles_el = doc.styles.element
    # Document defaults: 宋体 for any text without a style of its own, Chinese as the language.
    rpr_default = styles_el.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _set_run_fonts(rpr_default, FALLBACK_FONT, LATIN_FONT)
    lang = rpr_default.find(qn("w:lang"))
    lang.set(qn("w:val"), "zh-CN")
    lang.set(qn("w:eastAsia"), "zh-CN")
    ppr_default = styles_el.find(qn("w:docDefaults")).find(qn("w:pPrDefault")).find(qn("w:pPr"))
    spacing = ppr_default.find(qn("w:spacing"))
    spacing.set(qn("w:after"), "0")

    normal = doc.styles["Normal"]
    _apply_style(normal, STYLES["p"])
    for spec in STYLES.values():
        style = doc.styles.add_style(spec.name, WD_STYLE_TYPE.PARAGRAPH)
        style.style_id = spec.style_id
        style.base_style = normal
        style.quick_style = True
        _apply_style(style, spec)


def _apply_style(style, spec: ParagraphStyle) -> None:
    style.font.size = spec.size
    style.font.bold = False
    _set_run_fonts(style.element.get_or_add_rPr(), spec.east_asia, spec.latin)
    fmt = style.paragraph_format
    fmt.alignment = spec.align
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.left_indent = fmt.right_indent = Pt(0)
    fmt.widow_control = True
    fmt.keep_with_next = spec.keep_with_next
    if spec.line is None:
        fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE
    else:
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        fmt.line_spacing = spec.line
    fmt.first_line_indent = Pt(spec.size.pt * spec.indent_chars)
    # Word measures the indent in characters (hundredths) when given; other readers use the length.
    style.element.pPr.get_or_add_ind().set(qn("w:firstLineChars"), str(spec.indent_chars * 100))
    if spec.outline_level is not None:
        style.element.pPr.get_or_add_outlineLvl().set(qn("w:val"), str(spec.outline_level))


def _setup_font_table(doc: DocxDocument) -> None:
    """Name a substitute (w:altName) for each Chinese font, so a machine without it uses 宋体 etc."""
    part = next(rel.target_part for rel in doc.part.rels.values() if rel.reltype.endswith("/fontTable"))
    root = etree.fromstring(part.blob)
    for name, alt in FONT_SUBSTITUTES.items():
        font = etree.SubElement(root, qn("w:font"))
        font.set(qn("w:name"), name)
        etree.SubElement(font, qn("w:altName")).set(qn("w:val"), alt)
        etree.SubElement(font, qn("w:charset")).set(qn("w:val"), "86")  # GB2312
        etree.SubElement(font, qn("w:family")).set(qn("w:val"), "auto")
        etree.SubElement(font, qn("w:pitch")).set(qn("w:val"), "variable")
    # python-docx keeps parts it has no class for as bytes; replace them.
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _setup_footers(doc: DocxDocument) -> None:
    """GB/T 9704: "— 1 —", odd pages at the right, even pages at the left, one character in."""
    doc.settings.odd_and_even_pages_header_footer = True
    section = doc.sections[0]
    one_char = STYLES["page"].size
    for footer, align in ((section.footer, WD_ALIGN_PARAGRAPH.RIGHT), (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT)):
        footer.is_linked_to_previous = False
        para = footer.paragraphs[0]
        para.style = STYLES["page"].name
        para.alignment = align
        if align == WD_ALIGN_PARAGRAPH.RIGHT:
            para.paragraph_format.right_indent = one_char
        else:
            para.paragraph_format.left_indent = one_char
        para.add_run("— ")
        _add_field(para, "PAGE", "1")
        para.add_run(" —")


def _add_field(paragraph, instruction: str, shown: str) -> None:
    def run_with(child) -> None:
        run = paragraph.add_run()
        run._r.append(child)

    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    run_with(begin)
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    run_with(instr)
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    run_with(separate)
    paragraph.add_run(shown)  # the value shown until the reader updates the field
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run_with(end)


def _set_properties(doc: DocxDocument, report: Report) -> None:
    props = doc.core_properties
    now = datetime.now(timezone.utc).replace(microsecond=0)
    props.title = _xml_safe(report.title)
    props.author = props.last_modified_by = _xml_safe(report.agency.name)
    props.language = "zh-CN"
    props.comments = props.keywords = props.subject = ""
    props.created = props.modified = now
    props.revision = 1


def _add_blocks(doc: DocxDocument, report: Report, blocks: list[Block]) -> None:
    styles = {kind: doc.styles[spec.name] for kind, spec in STYLES.items()}
    after_table = False
    for block in blocks:
        if block.kind == "table":
            _add_table(doc, TABLE_LAYOUTS[block.text](report))
            after_table = True
            continue
        para = doc.add_paragraph(_xml_safe(block.text), style=styles[block.kind])
        if block.kind == "title":
            para.paragraph_format.space_after = LINE_PITCH  # one empty line under the title
        if after_table:
            para.paragraph_format.space_before = Pt(8)  # keep the next heading off the table's border
            after_table = False


def _add_table(doc: DocxDocument, layout: TableLayout) -> None:
    table = doc.add_table(rows=len(layout.rows), cols=layout.ncols)
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False  # a fixed layout keeps the official column widths in every reader
    _set_table_borders_and_margins(table)
    width = table._tbl.tblPr.find(qn("w:tblW"))
    width.set(qn("w:type"), "dxa")
    width.set(qn("w:w"), str(round(Mm(sum(layout.widths_mm)).twips)))
    for col, width in zip(table.columns, layout.widths_mm):
        col.width = Mm(width)
        for cell in col.cells:
            cell.width = Mm(width)
    for index, row in enumerate(table.rows):
        tr_pr = row._tr.get_or_add_trPr()
        tr_pr.append(OxmlElement("w:cantSplit"))
        if index < layout.header_rows:
            tr_pr.append(OxmlElement("w:tblHeader"))

    text_style = doc.styles[STYLES["table"].name]
    grid = [row.cells for row in table.rows]  # fetched once: python-docx recomputes them per call
    taken: set[tuple[int, int]] = set()
    for r, cells in enumerate(layout.rows):
        c = 0
        for spec in cells:
            while (r, c) in taken:
                c += 1
            taken.update((r + dr, c + dc) for dr in range(spec.rowspan) for dc in range(spec.colspan))
            target = grid[r][c]
            if spec.rowspan > 1 or spec.colspan > 1:
                target = target.merge(grid[r + spec.rowspan - 1][c + spec.colspan - 1])
            _fill_cell(target, spec, text_style)
            c += spec.colspan
    full = {(r, c) for r in range(len(layout.rows)) for c in range(layout.ncols)}
    if taken != full:
        raise ValueError("table layout does not fill its grid")  # a bug in a layout above


def _fill_cell(cell, spec: Cell, text_style) -> None:
    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    para = cell.paragraphs[0]
    para.style = text_style
    if spec.kind == "label":
        para.alignment = WD_ALIGN_PARAGRAPH.LEFT
    run = para.add_run(_xml_safe(spec.text))
    if spec.kind == "caption":
        run.bold = True


def _set_table_borders_and_margins(table) -> None:
    """Explicit single borders and narrow cell margins (so two characters fit a value column)."""
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        edge = OxmlElement(f"w:{side}")
        for attr, value in (("w:val", "single"), ("w:sz", "4"), ("w:space", "0"), ("w:color", "000000")):
            edge.set(qn(attr), value)
        borders.append(edge)
    margins = OxmlElement("w:tblCellMar")
    for side, twips in (("top", 0), ("left", 45), ("bottom", 0), ("right", 45)):
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:w"), str(twips))
        edge.set(qn("w:type"), "dxa")
        margins.append(edge)
    # Schema order inside tblPr: ... jc, tblCellSpacing, tblInd, tblBorders, shd, tblLayout, tblCellMar, tblLook
    tbl_pr.insert_element_before(borders, "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption", "w:tblDescription")
    tbl_pr.insert_element_before(margins, "w:tblLook", "w:tblCaption", "w:tblDescription")


# --- what "the same text" means --------------------------------------------------------------

_VALUE = re.compile(r"^(\?|\d+(\.\d+)?)$")


@dataclass(frozen=True)
class Content:
    """What a reader sees, independent of layout.

    paragraphs: every non-empty paragraph outside the tables, in order, without its indent.
    tables: for each table, its values (numbers, or "?" for unknown) in reading order.
    """

    paragraphs: tuple[str, ...]
    tables: tuple[tuple[str, ...], ...]


def docx_content(path: str | PathLike) -> Content:
    doc = Document(str(path))
    paragraphs: list[str] = []
    tables: list[tuple[str, ...]] = []
    for item in doc.iter_inner_content():
        if hasattr(item, "rows"):
            tables.append(_docx_table_values(item))
        elif item.text.strip():
            paragraphs.append(item.text)
    return Content(tuple(paragraphs), tuple(tables))


def _docx_table_values(table) -> tuple[str, ...]:
    values = []
    for tr in table._tbl.tr_lst:
        for tc in tr.tc_lst:
            if tc.vMerge == "continue":
                continue  # the lower part of a vertically merged cell: shown once, above
            text = "".join(t.text or "" for t in tc.iter(qn("w:t"))).strip()
            if _VALUE.match(text):
                values.append(text)
    return tuple(values)


def txt_content(report: Report, txt: str) -> Content:
    """The txt export's content: its table lines are the ones text_tables renders for the report."""
    lines = txt.splitlines()
    tables: list[tuple[str, ...]] = []
    for key in (b.text for b in render_blocks(report) if b.kind == "table"):
        table_lines = TABLE_LINES[key](report)
        start = _find_run(lines, table_lines)
        tables.append(tuple(v for line in table_lines for v in line.split()[1:] if _VALUE.match(v)))
        del lines[start : start + len(table_lines)]
    paragraphs = tuple(line.removeprefix(INDENT) for line in lines if line.strip())
    return Content(paragraphs, tuple(tables))


def _find_run(lines: list[str], run: list[str]) -> int:
    for start in range(len(lines) - len(run) + 1):
        if lines[start : start + len(run)] == run:
            return start
    raise ValueError("the table's lines are not in the text")
