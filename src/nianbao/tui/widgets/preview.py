"""The live preview: the draft text and the findings list."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static, TabbedContent, TabPane

from nianbao.report import labels as L

if TYPE_CHECKING:
    from nianbao.report.findings import Finding


def findings_text(findings: list[Finding]) -> Text:
    if not findings:
        return Text("未发现问题。", style="green")
    out = Text()
    for f in findings:
        style = "bold red" if f.is_error else "yellow"
        out.append(f"{f.rule} {L.SEVERITY_LABELS[f.severity]}", style=style)
        out.append(f"  {f.where}\n", style="dim")
        out.append(f.message + "\n\n")
    return out


class Preview(TabbedContent):
    def compose(self) -> ComposeResult:
        with TabPane("草稿", id="tab-draft"):
            with VerticalScroll():
                yield Static(id="draft-text", markup=False)
        with TabPane("问题", id="tab-findings"):
            with VerticalScroll():
                yield Static(id="findings-text", markup=False)

    def show(self, draft: str, findings: list[Finding]) -> None:
        self.query_one("#draft-text", Static).update(Text(draft))
        self.query_one("#findings-text", Static).update(findings_text(findings))
