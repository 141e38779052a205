"""Sections as a task list with their status."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from nianbao.interview.status import DONE, HAS_PROBLEM, IN_PROGRESS, NOT_STARTED, SectionProgress

# ASCII-safe status marks: ambiguous-width glyphs misalign in some terminals.
STATUS_STYLE = {DONE: ("[x]", "green"), IN_PROGRESS: ("[~]", "yellow"), HAS_PROBLEM: ("[!]", "bold red")}


def _line(item: SectionProgress, current: bool) -> Text:
    mark, style = STATUS_STYLE.get(item.status, ("[ ]", "dim"))
    line = Text.assemble((mark + " ", style), (item.title, "bold" if current else ""))
    line.append(f"\n    {item.status} {item.answered}/{item.total}", style="dim")
    return line


def _title_line(title: str, current: bool) -> Text:
    return Text.assemble(("[ ] ", "dim"), (title, "bold" if current else ""), (f"\n    {NOT_STARTED}", "dim"))


class TaskList(OptionList):
    def __init__(self, *, titles: tuple[tuple[str, str], ...] = (), current_section: str | None = None, **kwargs) -> None:
        """titles: (id, title) of each section, listed as not started until `show` has the
        engine's counts (a new report shows them in its first frame, before the engine loads)."""
        lines = [(section_id, _title_line(title, section_id == current_section)) for section_id, title in titles]
        super().__init__(**kwargs)
        # Added after construction: options given to OptionList() would highlight the first one.
        self.add_options([Option(line, id=section_id) for section_id, line in lines])
        self._shown: dict[str, str] = {section_id: line.markup for section_id, line in lines}  # id -> its line now

    def show(self, progress: list[SectionProgress], current_section: str | None) -> None:
        """Update only the lines that changed: rebuilding the list on every answer costs layout."""
        for item in progress:
            line = _line(item, item.id == current_section)
            if item.id not in self._shown:
                self.add_option(Option(line, id=item.id))
            elif self._shown[item.id] != line.markup:
                self.replace_option_prompt(item.id, line)
            self._shown[item.id] = line.markup
