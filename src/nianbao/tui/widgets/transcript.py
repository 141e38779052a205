"""The chat transcript: pinned to the bottom unless the clerk scrolled up."""

from __future__ import annotations

from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import Static

ROLE_CLASSES = {"assistant": "msg-assistant", "clerk": "msg-clerk", "error": "msg-error", "note": "msg-note"}


class Message(Static):
    """One message. Content is always a rich Text, so user text is never read as markup."""


def _message(role: str, text: str) -> Message:
    return Message(Text(text), classes=f"msg {ROLE_CLASSES[role]}", markup=False)


# Messages kept on screen. Older ones are removed so an answer never re-lays out a long
# history; every answer stays in the review screen (F5).
MAX_MESSAGES = 80


class Transcript(VerticalScroll):
    can_focus = False

    def __init__(self, *said: tuple[str, str], **kwargs) -> None:
        """said: (role, text) messages to compose with the transcript (shown in its first frame)."""
        super().__init__(*(_message(role, text) for role, text in said), **kwargs)
        self.said = len(said)  # messages said in this session, including those no longer mounted

    def on_mount(self) -> None:
        self.anchor()

    def say(self, role: str, text: str) -> Message:
        message = _message(role, text)
        self.mount(message)
        self.said += 1
        excess = len(self.children) - MAX_MESSAGES
        if excess > 0:
            self.remove_children(list(self.children[:excess]))
        return message
