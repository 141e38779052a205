"""Render the wording template into blocks (title, headings, paragraphs, tables).

One template (templates/report.j2) holds all standard wording; every output format lays out the
same blocks, so txt, md, html and docx say exactly the same thing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from nianbao.render.env import get_env
from nianbao.render.facts import appeal_facts, request_facts
from nianbao.report.model import Report

BlockKind = Literal["title", "h1", "h2", "p", "table"]
_KINDS = ("title", "h1", "h2", "p", "table")


@dataclass(frozen=True)
class Block:
    kind: BlockKind
    text: str = ""  # for "table": "2", "3" or "4"


def render_blocks(report: Report, draft: bool = False) -> list[Block]:
    """draft=True shows 【待填：…】 for missing facts; otherwise a missing fact raises MissingFact."""
    template = get_env(draft).get_template("report.j2")
    text = template.render(
        r=report,
        a=report.agency,
        me=report.agency.self_ref or "本机关",
        req=request_facts(report),
        app=appeal_facts(report),
    )
    blocks: list[Block] = []
    for line in text.split("\n"):  # only "\n": splitlines() also splits on U+2028 and kin
        if not line.strip():
            continue
        kind, _, body = line.partition("|")
        if kind not in _KINDS:
            raise ValueError(f"templates/report.j2: unknown block line {line[:40]!r}")
        body = body.strip()
        if body or kind == "table":
            blocks.append(Block(kind, body))  # type: ignore[arg-type]
    return blocks
