"""The error every answer parser raises: a message in Chinese that the clerk can act on."""

from __future__ import annotations


class AnswerError(ValueError):
    """An answer that cannot be used as typed.

    ``str(error)`` is the whole message for the clerk: what is expected, with an example,
    e.g. "请填写一个不小于 0 的整数，例如 3 或 三；“无”表示 0。". It never contains a Python repr.
    """

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class PromptsError(Exception):
    """prompts/ cannot be used; the message names the file and the entry (question, synonym)."""
