"""A drafting session: the report plus where the interview stands. Pure data, no I/O."""

from __future__ import annotations

from datetime import date, datetime, timezone
from typing import Any, Optional

from pydantic import BaseModel, Field, field_validator

from nianbao.chinese.normalize import strip_hidden
from nianbao.report.model import Report

SCHEMA_VERSION = 1


def now() -> datetime:
    return datetime.now(timezone.utc).replace(microsecond=0)


def today() -> date:
    """The one clock the interview reads (tests freeze it here)."""
    return date.today()


def reporting_year(on: date | None = None) -> int:
    """The year a report drafted on `on` reports on: the year before, from January to October
    (reports are due in January); the year itself in November and December, when offices start."""
    on = on or today()
    return on.year if on.month >= 11 else on.year - 1


def _shown_safe(value: Any) -> Any:
    # An answer is shown again (the TUI's box, --plain's prompt): a hand-edited or hostile file's
    # escape sequences must not reach the terminal.
    return strip_hidden(value)[0] if isinstance(value, str) else value


class InterviewState(BaseModel):
    position: Optional[str] = None  # id of the question being asked
    answers: dict[str, str] = Field(default_factory=dict)  # question id -> answer as typed
    finished: bool = False
    # The report before any answer (empty, or prefilled from last year); answers are replayed
    # on top of it, so editing an earlier answer re-derives everything that depends on it.
    base: Optional[Report] = None

    @field_validator("answers", mode="before")
    @classmethod
    def _numbers_as_typed(cls, value: Any) -> Any:
        # A hand-edited file may hold `"active.total": 850`: that is the text 850. Anything else
        # that is not text (a list, an object, true) stays an error naming the answer.
        if isinstance(value, dict):
            return {
                k: _shown_safe(str(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else v)
                for k, v in value.items()
            }
        return value


class Session(BaseModel):
    schema_version: int = SCHEMA_VERSION
    created: datetime = Field(default_factory=now)
    updated: datetime = Field(default_factory=now)
    report: Report = Field(default_factory=Report)
    interview: InterviewState = Field(default_factory=InterviewState)
    # Field paths prefilled from last year ("agency.name", "table3.rows.carried_in"), shown as
    # 沿用上年 until the clerk confirms them; confirming removes the path.
    carried_over: list[str] = Field(default_factory=list)
    last_year: Optional[Report] = None  # last year's report, for the X-* rules

    @property
    def year_known(self) -> bool:
        """Whether report.year is the clerk's (answered, carried from last year, or a whole report)
        rather than the model's default, which must not be shown as if it were."""
        state = self.interview
        return "report.year" in state.answers or state.finished or self.last_year is not None
