"""`nianbao rules`: every rule the checker has, from the registry."""

from __future__ import annotations

import json

import typer
from rich.table import Table
from rich.text import Text

from nianbao.cli.common import command, out


@command("rules")
def rules_cmd(
    as_json: bool = typer.Option(False, "--json", help="以 JSON 输出"),
    as_markdown: bool = typer.Option(False, "--markdown", help="以 Markdown 输出（即 docs/rules.md）"),
) -> None:
    """列出全部检查规则：编号、级别、检查什么，以及按另一级别报告的情形。"""
    from nianbao.report import labels as L
    from nianbao.rules import catalog

    if as_json:
        out.print(Text(json.dumps([catalog.as_dict(r) for r in catalog.ordered()], ensure_ascii=False, indent=1)))
        return
    if as_markdown:
        out.print(Text(catalog.markdown()), end="")
        return
    if not out.is_terminal:
        for r in catalog.ordered():
            out.print(Text(f"{r.id}\t{L.SEVERITY_LABELS[r.severity]}\t{r.summary}\t{catalog.softer_text(r)}"))
        return
    table = Table("规则", "级别", "检查什么", "另一级别的情形")
    for r in catalog.ordered():
        table.add_row(r.id, L.SEVERITY_LABELS[r.severity], Text(r.summary, overflow="fold"), Text(catalog.softer_text(r), overflow="fold"))
    out.print(table)
