"""The official look of the Word export as data (GB/T 9704-2012): page, fonts, paragraph styles."""

from __future__ import annotations

from dataclasses import dataclass

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Length, Pt

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
