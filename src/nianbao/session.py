"""A drafting session: the report plus where the interview stands. Pure data, no I/O."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any, Optional

from pydantic import BaseModel, Field, field_validator

from nianbao.report.model import Report

SCHEMA_VERSION = 1


def now() -> datetime:
    return datetime.now(timezone.utc).replace(microsecond=0)


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
                k: str(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else v for k, v in value.items()
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
