"""Lay the wording blocks out as plain text, Markdown or HTML."""

from __future__ import annotations

from os import PathLike
from pathlib import Path

from nianbao.render.blocks import Block, render_blocks
from nianbao.render.env import MissingFact, get_env
from nianbao.render.formats import rendered_text_formats
from nianbao.render.numbers import cell_text
from nianbao.render.text_tables import TABLE_LINES
from nianbao.report import labels as L
from nianbao.report.model import Report

FORMATS = rendered_text_formats()  # the formats rendered here, as the registry declares them
INDENT = "　　"  # two full-width spaces, the paragraph indent of Chinese official documents


def to_text(report: Report, draft: bool = False) -> str:
    return text_from_blocks(report, render_blocks(report, draft))


def draft_text_or_none(report: Report) -> str | None:
    """The draft text (【待填：…】 where a fact is missing), or None when the report cannot be worded."""
    try:
        return to_text(report, draft=True)
    except (MissingFact, ValueError):
        return None


def text_from_blocks(report: Report, blocks: list[Block]) -> str:
    out: list[str] = []
    for block in blocks:
        if block.kind == "title":
            out += [block.text, ""]
        elif block.kind == "h1":
            out += ["", block.text, ""]
        elif block.kind == "h2":
            out.append(INDENT + block.text)
        elif block.kind == "p":
            out.append(INDENT + block.text)
        elif block.kind == "table":
            out += TABLE_LINES[block.text](report)
    return "\n".join(out).strip("\n") + "\n"


def to_markdown(report: Report, draft: bool = False) -> str:
    return get_env(draft).get_template("report.md.j2").render(
        blocks=render_blocks(report, draft), r=report, t3=t3_layout_rows(report), cell=cell_text
    )


def to_html(report: Report, draft: bool = False) -> str:
    return get_env(draft).get_template("report.html.j2").render(
        blocks=render_blocks(report, draft), r=report, t3=t3_layout_rows(report), cell=cell_text
    )


RESULT_GROUPS = ("results", "refused", "unable", "not_processed", "other_handling")


def t3_layout_rows(report: Report) -> list[dict]:
    """Table 3 rows with the label cells of the official merged layout: (text, rowspan, colspan)."""
    rows = []
    seen: set[str] = set()
    for row in L.T3_ROWS:
        cells: list[tuple[str, int, int]] = []
        group = row.group
        if group in RESULT_GROUPS and "results" not in seen:
            seen.add("results")
            span = sum(1 for r in L.T3_ROWS if r.group in RESULT_GROUPS)
            cells.append((L.T3_GROUPS["results"], span, 1))
        if group is None:
            cells.append((row.label, 1, 3))
        elif group == "results":
            cells.append((row.label, 1, 2))
        else:
            if group not in seen:
                seen.add(group)
                span = sum(1 for r in L.T3_ROWS if r.group == group)
                cells.append((L.T3_GROUPS[group], span, 1))
            cells.append((row.label, 1, 1))
        rows.append({"key": row.key, "cells": cells, "values": [cell_text(v) for v in report.table3.rows[row.key]]})
    return rows


_RENDERERS = {"txt": to_text, "md": to_markdown, "html": to_html}


def render(report: Report, fmt: str, draft: bool = False) -> str:
    if fmt not in _RENDERERS:
        raise ValueError(f"不支持的格式：{fmt}（可选：{'、'.join(FORMATS)}）")
    return _RENDERERS[fmt](report, draft)


def _file_writer(fmt: str):
    def write(report: Report, path: str | PathLike) -> None:
        content = render(report, fmt)  # a missing fact raises before the file is touched
        Path(path).write_text(content, encoding="utf-8")

    return write


write_txt, write_md, write_html = (_file_writer(fmt) for fmt in ("txt", "md", "html"))
