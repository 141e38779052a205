"""Work the TUI does off the event loop (loading the engine, reading saved sessions), and how a
worker thread hands its result back."""

from __future__ import annotations

from typing import Any, Callable

from rich.text import Text
from textual.app import App


def hand_over(app: App, callback: Callable[..., Any], *args: Any) -> None:
    """From a worker thread: run `callback(*args)` on the event loop; nothing if the app has gone
    (the clerk quit while the work was running)."""
    try:
        app.call_from_thread(callback, *args)
    except RuntimeError:
        pass


def exit_with_error(app: App, message: str) -> None:
    """Leave the TUI with one Chinese line and exit code 2 (e.g. a broken prompts/ folder)."""
    app.exit(return_code=2, message=Text(f"错误：{message}", style="bold red"))
