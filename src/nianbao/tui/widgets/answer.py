"""The single-line answer input, which survives IME commits."""

from __future__ import annotations

import time

from textual import events
from textual.geometry import Offset
from textual.widgets import Input

# An Enter that commits an IME candidate can arrive right after the composed characters.
IME_ENTER_GUARD_SECONDS = 0.05


class AnswerInput(Input):
    """Input for numbers and short text. Ignores an Enter that directly follows non-ASCII keys."""

    # The guard's clock; tests replace it to place keys in time without racing a slow machine.
    clock = staticmethod(time.monotonic)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._last_non_ascii = float("-inf")

    async def _on_key(self, event: events.Key) -> None:
        if event.character and not event.character.isascii():
            self._last_non_ascii = self.clock()
        await super()._on_key(event)

    async def action_submit(self) -> None:
        if self.clock() - self._last_non_ascii < IME_ENTER_GUARD_SECONDS:
            return
        await super().action_submit()

    @property
    def cursor_screen_offset(self) -> Offset:
        """Where the terminal cursor goes, and with it an IME's candidate window: on the caret.
        (Input keeps one extra cell at the end of the text for scrolling, and would put the
        cursor one cell past the caret there.)"""
        offset = super().cursor_screen_offset
        return offset - Offset(1, 0) if self.cursor_at_end else offset
