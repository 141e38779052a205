"""F1: why a question is asked, its legal basis, an example."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from nianbao.tui.closing import ClosesOnce


class HelpScreen(ClosesOnce, ModalScreen[None]):
    BINDINGS = [Binding("escape,f1", "dismiss_help", "关闭")]

    def __init__(self, title: str, body: str, example: str) -> None:
        super().__init__()
        self._title, self._body, self._example = title, body, example

    def compose(self) -> ComposeResult:
        with Vertical(id="help-box"):
            yield Static(Text(self._title, style="bold"), markup=False)
            yield Static(Text(self._body or "（这一题暂无说明）"), markup=False)
            if self._example:
                yield Static(Text(f"例如：{self._example}", style="italic"), markup=False)
            yield Button("关闭（Esc）", id="close-help")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(None)

    def action_dismiss_help(self) -> None:
        self.dismiss(None)
