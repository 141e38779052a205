"""Sections as a task list with their status."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from nianbao.interview.engine import DONE, HAS_PROBLEM, IN_PROGRESS, SectionProgress

# ASCII-safe status marks: ambiguous-width glyphs misalign in some terminals.
STATUS_STYLE = {DONE: ("[x]", "green"), IN_PROGRESS: ("[~]", "yellow"), HAS_PROBLEM: ("[!]", "bold red")}


def _line(item: SectionProgress, current: bool) -> Text:
    mark, style = STATUS_STYLE.get(item.status, ("[ ]", "dim"))
    line = Text.assemble((mark + " ", style), (item.title, "bold" if current else ""))
    line.append(f"\n    {item.status} {item.answered}/{item.total}", style="dim")
    return line


class TaskList(OptionList):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._shown: dict[str, str] = {}  # section id -> what its line says now

    def show(self, progress: list[SectionProgress], current_section: str | None) -> None:
        """Update only the lines that changed: rebuilding the list on every answer costs layout."""
        for item in progress:
            line = _line(item, item.id == current_section)
            if item.id not in self._shown:
                self.add_option(Option(line, id=item.id))
            elif self._shown[item.id] != line.markup:
                self.replace_option_prompt(item.id, line)
            self._shown[item.id] = line.markup
