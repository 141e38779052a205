"""The recipes of docs/ARCHITECTURE.md, each done once: a question added in prompts/, an answer
kind added by one module and one registry line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from nianbao.interview.engine import Engine
from nianbao.interview.errors import AnswerError
from nianbao.interview.kinds import KINDS
from nianbao.interview.kinds.text import Text
from nianbao.interview.prompts import PromptsError, load_interview
from nianbao.resources import prompts_dir
from nianbao.session import Session


@pytest.fixture
def prompts_copy(tmp_path) -> Path:
    folder = tmp_path / "prompts"
    shutil.copytree(prompts_dir(), folder)
    return folder


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _walk_to(engine: Engine, qid: str, answers: dict[str, str]) -> None:
    while (step := engine.current()) is not None and step.id != qid:
        assert engine.answer(answers.get(step.id, "梨林镇人民政府")).accepted, step.id


def test_a_question_added_to_a_section_file_is_asked(prompts_copy):
    _replace(
        prompts_copy / "01-agency.yaml",
        "  - id: agency.website\n",
        "  - id: agency.website_again\n    short: 网站（核对）\n    kind: text\n    fields: [agency.website]\n"
        "    ask: 请再核对一次：年报电子版在哪个网站下载？\n    help: 核对用。\n    example: 济源市人民政府网\n"
        "  - id: agency.website\n",
    )
    engine = Engine(Session(), interview=load_interview(prompts_copy))
    _walk_to(engine, "agency.website_again", {"agency.kind": "1", "report.year": "2024"})
    step = engine.current()
    assert step is not None and engine.ask_text(step) == "请再核对一次：年报电子版在哪个网站下载？"
    assert engine.answer("济源市人民政府网").accepted
    assert engine.session.report.agency.website == "济源市人民政府网"


class Website(Text):
    """A kind made for the test: a website must have a dot in it."""

    name = "website_for_test"
    hint = "写网址或网站名称"

    def parse(self, text, q, inst):
        if "." not in text and "网" not in text:
            raise AnswerError("请写网站名称或网址，例如 www.example.gov.cn。")
        return text.strip()


def test_an_answer_kind_is_one_module_and_one_registry_line(prompts_copy, monkeypatch):
    monkeypatch.setitem(KINDS, Website.name, Website())  # the registry line
    _replace(prompts_copy / "01-agency.yaml", "    kind: text\n    fields: [agency.website]", f"    kind: {Website.name}\n    fields: [agency.website]")
    engine = Engine(Session(), interview=load_interview(prompts_copy))
    _walk_to(engine, "agency.website", {"agency.kind": "1", "report.year": "2024"})
    refused = engine.answer("不知道")
    assert not refused.accepted and "请写网站名称或网址" in refused.message
    assert engine.answer("www.example.gov.cn").accepted
    assert engine.session.report.agency.website == "www.example.gov.cn"


def test_a_kind_not_in_the_registry_is_named(prompts_copy):
    _replace(prompts_copy / "01-agency.yaml", "    kind: text\n    fields: [agency.website]", "    kind: websit\n    fields: [agency.website]")
    with pytest.raises(PromptsError, match="01-agency.yaml 的问题 agency.website：未知的回答类型 kind: websit"):
        load_interview(prompts_copy)
