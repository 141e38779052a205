"""The interview as data: sections of questions, as prompts/*.yaml declares them.

Loading and checking them is prompts.py's job; a question's kind is checked there against the
registry of answer kinds (kinds/).
"""

from __future__ import annotations

from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

class Question(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    short: str  # a few words for the review list and the task list
    kind: str  # an answer kind's name (interview/kinds/)
    ask: str
    help: str = ""
    example: str = ""
    fields: list[str] = Field(min_length=1)
    when: Optional[str] = None  # name of a condition in conditions.py
    options: Optional[str] = None  # name of an option set in kinds/options.py
    foreach: Optional[str] = None  # name of an instance generator in conditions.py
    optional: bool = False  # "无" is accepted and means empty
    value_kind: Optional[Literal["amount_yuan"]] = None  # a row's numbers: counts, unless amounts in 元
    suggest: Optional[Literal["reporting_year"]] = None  # a default put in the answer box


class Section(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    title: str
    file: str = ""
    derived: list[str] = Field(default_factory=list)
    questions: list[Question]


class Interview(BaseModel):
    sections: list[Section]

    def question(self, qid: str) -> Question:
        return self._by_id()[qid]

    def _by_id(self) -> dict[str, Question]:
        return {q.id: q for s in self.sections for q in s.questions}
