"""Sections as a task list with their status."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from nianbao.interview.engine import DONE, HAS_PROBLEM, IN_PROGRESS, SectionProgress

# ASCII-safe status marks: ambiguous-width glyphs misalign in some terminals.
STATUS_STYLE = {DONE: ("[x]", "green"), IN_PROGRESS: ("[~]", "yellow"), HAS_PROBLEM: ("[!]", "bold red")}


class TaskList(OptionList):
    def show(self, progress: list[SectionProgress], current_section: str | None) -> None:
        highlighted = self.highlighted
        self.clear_options()
        for item in progress:
            mark, style = STATUS_STYLE.get(item.status, ("[ ]", "dim"))
            line = Text.assemble((mark + " ", style), (item.title, "bold" if item.id == current_section else ""))
            line.append(f"\n    {item.status} {item.answered}/{item.total}", style="dim")
            self.add_option(Option(line, id=item.id))
        if highlighted is not None and highlighted < len(progress):
            self.highlighted = highlighted
