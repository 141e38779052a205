"""Answer widgets: a single-line input that survives IME commits, and a paragraph area."""

from __future__ import annotations

import time

from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.widgets import Input, TextArea

# An Enter that commits an IME candidate can arrive right after the composed characters.
IME_ENTER_GUARD_SECONDS = 0.05


class AnswerInput(Input):
    """Input for numbers and short text. Ignores an Enter that directly follows non-ASCII keys."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._last_non_ascii = 0.0

    async def _on_key(self, event: events.Key) -> None:
        if event.character and not event.character.isascii():
            self._last_non_ascii = time.monotonic()
        await super()._on_key(event)

    async def action_submit(self) -> None:
        if time.monotonic() - self._last_non_ascii < IME_ENTER_GUARD_SECONDS:
            return
        await super().action_submit()


class AnswerArea(TextArea):
    """Multi-line answer: Enter is a newline, Ctrl+J sends."""

    BINDINGS = [Binding("ctrl+j", "send", "发送", show=True, priority=True)]

    class Send(Message):
        def __init__(self, area: "AnswerArea", value: str) -> None:
            super().__init__()
            self.area = area
            self.value = value

    def action_send(self) -> None:
        # Ctrl+J is a priority binding, so it runs before keys already queued for this widget
        # (fast typing, an IME commit): read the text only after they have been handled.
        self.call_later(lambda: self.post_message(self.Send(self, self.text)))
