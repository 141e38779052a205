"""What the TUI shows of a new interview before the engine has loaded: the section titles and the
first question, read straight from prompts/ without pydantic, the model or the rules.

A new clerk sees the first question while the engine loads in the background (a few tenths of a
second on a slow machine). Anything unusual here returns None and the TUI simply waits for the
engine, which loads and checks prompts/ in full and reports any problem.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from nianbao.interview import yamlfiles
from nianbao.interview.kinds import KINDS, LINE
from nianbao.resources import prompts_dir


@dataclass(frozen=True)
class FirstQuestion:
    id: str
    short: str
    kind: str
    ask: str
    help: str
    example: str
    section_title: str


@dataclass(frozen=True)
class Opening:
    sections: tuple[tuple[str, str], ...]  # (id, title) in interview order
    first: FirstQuestion | None


def read_opening(folder: Path | None = None) -> Opening | None:
    try:
        return _read(folder or prompts_dir())
    except Exception:  # noqa: BLE001  (the engine's full load reports what is wrong)
        return None


def _read(folder: Path) -> Opening | None:
    paths = yamlfiles.prompt_files(folder)
    if not paths:
        return None
    first_section = yamlfiles.read(paths[0])
    sections = tuple(_id_and_title(raw) for raw in [first_section, *map(_head, paths[1:])])
    questions = first_section.get("questions") or []
    q = questions[0] if questions else None
    kind = KINDS.get(q.get("kind")) if isinstance(q, dict) else None
    # Asked the same way without the engine's help, in the single-line input the chat screen
    # starts with (options live with the engine; a paragraph or yes/no needs another widget).
    plain = (
        kind is not None
        and kind.widget == LINE
        and not kind.needs_options
        and not kind.lists_options
        and not q.get("when")
        and not q.get("foreach")
        and not q.get("suggest")
        and "{" not in str(q.get("ask", ""))
    )
    if not plain:
        return Opening(sections, None)
    first = FirstQuestion(
        id=str(q["id"]),
        short=str(q["short"]),
        kind=str(q["kind"]),
        ask=str(q["ask"]),
        help=str(q.get("help", "")),
        example=str(q.get("example", "")),
        section_title=sections[0][1],
    )
    return Opening(sections, first)


def _head(path: Path) -> dict:
    """A section file's header: everything before its questions, which is all the task list needs."""
    text = path.read_text(encoding="utf-8")
    head = text.split("\nquestions:", 1)[0]
    return yamlfiles.load_text(head if "section:" in head else text)


def _id_and_title(raw: dict) -> tuple[str, str]:
    return str(raw["section"]["id"]), str(raw["section"]["title"])
