"""The live preview: the draft text and the findings list."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Static, TabbedContent, TabPane

from nianbao.report import labels as L

if TYPE_CHECKING:
    from nianbao.report.findings import Finding


DRAFT_TAB, FINDINGS_TAB = "草稿", "问题"


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


class Preview(Vertical):
    """Two tabs: the draft as it would be printed now, and the findings (their count in the tab)."""

    def compose(self) -> ComposeResult:
        with TabbedContent(id="preview-tabs"):
            with TabPane(DRAFT_TAB, id="tab-draft"):
                with VerticalScroll():
                    yield Static(id="draft-text", markup=False)
            with TabPane(FINDINGS_TAB, id="tab-findings"):
                with VerticalScroll():
                    yield Static(id="findings-text", markup=False)

    def next_view(self) -> None:
        """Draft, then findings, then closed, then the draft again."""
        tabs = self.query_one(TabbedContent)
        if not self.display:
            self.display = True
            tabs.active = "tab-draft"
        elif tabs.active == "tab-draft":
            tabs.active = "tab-findings"
        else:
            self.display = False

    def show(self, draft: str, findings: list[Finding]) -> None:
        self.query_one("#draft-text", Static).update(Text(draft))
        self.query_one("#findings-text", Static).update(findings_text(findings))
        label = f"{FINDINGS_TAB}（{len(findings)}）" if findings else FINDINGS_TAB
        self.query_one(TabbedContent).get_tab("tab-findings").label = label
