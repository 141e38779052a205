"""Free text over several lines (a paragraph of the report)."""

from __future__ import annotations

from nianbao.interview.kinds.base import AREA
from nianbao.interview.kinds.text import Text


class Paragraph(Text):
    name = "paragraph"
    widget = AREA
    hint = "可换行；Ctrl+J 发送"


KIND = Paragraph()
