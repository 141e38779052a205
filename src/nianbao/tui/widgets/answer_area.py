"""The paragraph answer area (Ctrl+J sends). Its own module: TextArea is imported only when a
question first needs it, not at start-up."""

from __future__ import annotations

from textual.binding import Binding
from textual.message import Message
from textual.widgets import TextArea


class AnswerArea(TextArea):
    """Multi-line answer: Enter is a newline, Ctrl+J sends."""

    BINDINGS = [
        Binding("ctrl+j", "send", "发送", show=True, priority=True),
        # Ctrl+Z is undo in here, so the footer names the other way back.
        Binding("escape", "screen.back", "上一题"),
    ]

    class Send(Message):
        def __init__(self, area: "AnswerArea", value: str) -> None:
            super().__init__()
            self.area = area
            self.value = value

    def action_send(self) -> None:
        # Ctrl+J is a priority binding, so it runs before keys already queued for this widget
        # (fast typing, an IME commit): read the text only after they have been handled.
        self.call_later(lambda: self.post_message(self.Send(self, self.text)))
