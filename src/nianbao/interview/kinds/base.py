"""What an answer kind is: how it parses the clerk's text, writes the value into the report, and
shows the report's value back as answer text; and the facts the TUI and the opening need.

Kind modules load light (no pydantic, no model): the opening shows the first question, with its
answer widget and hint, before the engine has loaded. The report's paths and model are imported
inside the methods that need them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

if TYPE_CHECKING:
    from nianbao.interview.conditions import Instance, WalkState
    from nianbao.interview.spec import Question
    from nianbao.report.model import Report

# The answer widget a kind needs.
LINE = "line"  # a single-line input; Enter sends
AREA = "area"  # a paragraph box; Enter is a newline, Ctrl+J sends
BUTTONS = "buttons"  # yes / no buttons (typing 有 / 没有 works too)


class AnswerKind:
    name: ClassVar[str]
    widget: ClassVar[str] = LINE
    hint: ClassVar[str] = ""  # how to answer, under the transcript
    needs_options: ClassVar[bool] = False  # questions of this kind name an option set
    lists_options: ClassVar[bool] = False  # the question is asked with its options numbered
    # False for a gate (yes/no): its answer guards other fields instead of being their value,
    # so it neither shows nor confirms values carried over, nor echoes a value when answered.
    holds_values: ClassVar[bool] = True

    def fields(self, patterns: tuple[str, ...], instance_key: str | None) -> tuple[str, ...]:
        """The leaf paths a question (instance) of this kind fills."""
        from nianbao.interview.fields import expand_field

        return tuple(path for pattern in patterns for path in expand_field(pattern))

    def parse(self, text: str, q: Question, inst: Instance | None) -> Any:
        raise NotImplementedError

    def apply(self, state: WalkState, q: Question, inst: Instance | None, value: Any) -> list[str]:
        """Write a parsed answer into state.report; return notes to say to the clerk."""
        from nianbao.interview.paths import set_path

        set_path(state.report, q.fields[0], value)
        return []

    def show(self, report: Report, q: Question, inst: Instance | None, values: list[Any]) -> str:
        """The report's current value (`values`, one per field) as the clerk would type it.
        Empty stays empty: a fresh question never gets a "无" the clerk could accept by reflex."""
        raise NotImplementedError

    def describe(self, report: Report, q: Question, inst: Instance | None, values: list[Any]) -> str:
        """The value as said back to the clerk: what `show` gives, unless the kind can name it."""
        return self.show(report, q, inst, values)

    def split_lead(self, text: str, q: Question, inst: Instance | None) -> tuple[str, str] | None:
        """(this question's answer, the next question's) when one reply answers both, as a gate
        followed by what it opens ("有，自然人3件"); None when the kind takes no such reply."""
        return None

    def problem_after(self, report: Report, q: Question, inst: Instance | None) -> str | None:
        """A rule the accepted answer still breaks, worded for the clerk (the question is re-asked)."""
        return None
