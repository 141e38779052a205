"""Work the TUI does off the event loop (loading the engine, reading saved sessions): when it
starts, and how a worker thread hands its result back."""

from __future__ import annotations

import inspect
from typing import Any, Callable

from rich.text import Text
from textual.app import App
from textual.screen import Screen

# Seconds after which work waiting for a screen's first frame starts anyway.
FIRST_FRAME_FALLBACK = 0.25


def after_first_frame(screen: Screen, callback: Callable[[], Any]) -> None:
    """Run `callback` once, after the screen's first frame: work started earlier (imports in a
    thread hold the GIL) would delay the frame it waits for. A callback after refresh may never
    run if another screen (the palette) covers this one first, so a timer backs it up."""
    done = False

    async def once() -> None:
        nonlocal done
        if done or not screen.is_attached:  # done, or the clerk has already left
            return
        done = True
        result = callback()
        if inspect.isawaitable(result):
            await result

    screen.call_after_refresh(once)
    screen.set_timer(FIRST_FRAME_FALLBACK, once)


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
