"""Screens that close once, and only themselves."""

from __future__ import annotations

from typing import Any


class ClosesOnce:
    """Mixin for a screen. Textual's `dismiss` pops whatever screen is on top and runs the result
    callback each time it is called. Keys that arrive back to back (Enter on a row, then E or Esc
    at once) can make a screen dismiss itself twice, or while another screen has opened above it:
    the callback ran twice and the wrong screen closed. Here a screen closes once, and only while
    it is on top; a late request is ignored."""

    _dismiss_requested = False

    def dismiss(self, result: Any = None) -> Any:
        if self._dismiss_requested or self is not self.app.screen:  # type: ignore[attr-defined]
            return None
        self._dismiss_requested = True
        return super().dismiss(result)  # type: ignore[misc]
