"""Write the report as a Word document laid out like an official document (GB/T 9704-2012).

The document is built from the same blocks as the txt/md/html outputs, so every format says the
same thing (tests/docx_content.py defines what "the same" means). The look is data in
docx_style, the table layouts in docx_tables; this module writes them.
"""

from __future__ import annotations

import re
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
from docx.shared import Mm, Pt
from lxml import etree

from nianbao.render.blocks import Block, render_blocks
from nianbao.render.docx_style import (
    FALLBACK_FONT,
    FONT_SUBSTITUTES,
    FOOTER_DISTANCE_MM,
    LATIN_FONT,
    LINE_PITCH,
    MARGIN_MM,
    PAGE_HEIGHT_MM,
    PAGE_WIDTH_MM,
    STYLES,
    ParagraphStyle,
)
from nianbao.render.docx_tables import TABLE_LAYOUTS, Cell, TableLayout
from nianbao.report.model import Report

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


# python-docx refuses a core property over 255 characters; the body keeps the full text.
_MAX_PROPERTY = 255


def _property(text: str) -> str:
    text = _xml_safe(text)
    return text if len(text) <= _MAX_PROPERTY else text[: _MAX_PROPERTY - 1] + "…"


def _set_properties(doc: DocxDocument, report: Report) -> None:
    props = doc.core_properties
    now = datetime.now(timezone.utc).replace(microsecond=0)
    props.title = _property(report.title)
    props.author = props.last_modified_by = _property(report.agency.name)
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
