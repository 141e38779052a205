"""Issue 13, item 6: terminal escapes and invisible characters in answers. Removed when an
answer is accepted (the read-back says so) or loaded from a session file, so the TUI's box, the
--plain prompt and the --answers error echo never print them."""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from typer.testing import CliRunner

import nianbao.cli  # noqa: F401  (registers the commands)
from nianbao import store
from nianbao.cli.common import app
from nianbao.interview.engine import Engine
from nianbao.session import Session

REPO = Path(__file__).resolve().parents[1]
ANSWERS = REPO / "examples" / "lilin-2021-answers.yaml"
runner = CliRunner()
# clear screen, set the window title (OSC), a C1 CSI, zero-width space, bidi override, soft hyphen
HOSTILE = "\x1b[2J\x1b]0;pwned\x07\x9b31m梨林\u200b镇\u202e人民\u00ad政府\x00"
HOSTILE_COUNT = 8  # ESC, ESC, BEL, CSI, ZWSP, RLO, SHY, NUL
CLEAN = "[2J]0;pwned31m梨林镇人民政府"  # the printable rest, kept: nothing typed is dropped silently


def _controls(text: str) -> list[str]:
    return [c for c in text if c in "\x1b\x07\x9b\x00\u200b\u202e\u00ad"]


def test_an_accepted_answer_loses_its_controls_and_says_so(tmp_path):
    engine = Engine(Session(), tmp_path / "s.json")
    reply = engine.answer(HOSTILE)
    assert reply.accepted, reply.message
    stored = engine.session.interview.answers["agency.name"]
    assert stored == CLEAN
    assert f"已去掉 {HOSTILE_COUNT} 个看不见的控制字符" in reply.message
    assert not _controls(reply.message)
    assert not _controls(store.load(tmp_path / "s.json").model_dump_json())


def test_a_session_file_holding_escapes_loads_without_them(lilin_path, tmp_path, data_dir):
    raw = json.loads(lilin_path.read_text(encoding="utf-8"))
    raw["interview"]["answers"]["agency.name"] = HOSTILE
    path = tmp_path / "s.json"
    path.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    session = store.load(path)
    assert session.interview.answers["agency.name"] == CLEAN
    plain = runner.invoke(app, ["resume", str(path), "--plain"], input="<\n" * 40)
    assert not _controls(plain.output)


def test_the_answers_file_error_echo_prints_no_escape(data_dir, tmp_path):
    answers = yaml.safe_load(ANSWERS.read_text(encoding="utf-8"))
    answers["active.total"] = "\x1b]0;pwned\x07很多条"
    bad = tmp_path / "bad.yaml"
    bad.write_text(yaml.safe_dump(answers, allow_unicode=True), encoding="utf-8")
    result = runner.invoke(app, ["new", "--answers", str(bad), "--name", "bad"])
    assert result.exit_code == 2
    assert "很多条" in result.output
    assert not _controls(result.output)
