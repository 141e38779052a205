"""Helpers for Textual pilot tests of the nianbao TUI.

`pilot.press` looks characters up by key name and drops full-width punctuation, so Chinese text
is typed here as one `events.Key(key, character)` per character, posted the way the terminal
driver posts them (bindings and focus apply as for real keys). Multi-line answers go into the
TextArea as one `events.Paste`, the way a terminal delivers a bracketed paste.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass
import unicodedata
from pathlib import Path
from typing import Callable

from textual import events
from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from nianbao import store
from nianbao.interview.engine import Engine
from nianbao.interview.kinds import AREA, KINDS
from nianbao.interview.scripted import load_answers
from nianbao.session import Session

REPO_ROOT = Path(__file__).resolve().parents[1]
LILIN_ANSWERS = REPO_ROOT / "examples" / "lilin-2021-answers.yaml"

# AnswerInput ignores an Enter within 50 ms of a non-ASCII key (an IME guard); wait past it.
IME_GUARD_WAIT = 0.06


def key_name(character: str) -> str:
    """The key name Textual's driver gives a character ("a", "space", "fullwidth_comma", "梨")."""
    if character == " ":
        return "space"
    if character.isalnum():
        return character
    try:
        from textual.keys import _character_to_key  # private, but it is what the driver uses

        return _character_to_key(character)
    except ImportError:  # pragma: no cover - older/newer Textual without the helper
        try:
            return unicodedata.name(character).lower().replace("-", "_").replace(" ", "_")
        except ValueError:
            return character


def post_key(pilot: Pilot, key: str, character: str | None) -> None:
    """Queue one key in the driver, like a terminal key press (the app handles keys in order)."""
    app = pilot.app
    event = events.Key(key, character)
    event.set_sender(app)
    app._driver.send_message(event)


async def type_text(pilot: Pilot, text: str) -> None:
    """Type `text` one key per character, Chinese and full-width punctuation included.

    The keys are queued back to back, as a fast typist or an IME commit delivers them, and the
    pilot then waits until the app has handled them. Newlines are not typed (Enter would submit a
    single-line input); use `paste` for those.
    """
    if "\n" in text:
        raise ValueError("type_text types one line; use paste() for multi-line text")
    for character in text:
        post_key(pilot, key_name(character), character)
    await pilot.pause()


async def paste(pilot: Pilot, text: str) -> None:
    """Deliver `text` as a bracketed paste to the focused widget."""
    app = pilot.app
    event = events.Paste(text)
    event.set_sender(app)
    app._driver.send_message(event)
    await pilot.pause()


def answer_widget(pilot: Pilot) -> Input | TextArea:
    """The answer widget the chat screen currently shows (#answer-input or #answer-area)."""
    screen = pilot.app.screen
    areas = screen.query("#answer-area")  # built the first time a paragraph is asked
    if areas and areas.first(TextArea).display:
        return areas.first(TextArea)
    single = screen.query_one("#answer-input", Input)
    if single.display:
        return single
    raise AssertionError("no answer widget is displayed (the interview may be finished)")


async def answer(pilot: Pilot, text: str) -> None:
    """Type `text` into whichever answer widget is shown and send it.

    #answer-input: typed key by key (replacing the preselected suggestion), then Enter, after
    the IME guard when the text has non-ASCII characters. #answer-area: everything in it is
    selected (F7) and replaced by a paste of `text`, then Ctrl+J.
    """
    widget = answer_widget(pilot)
    if not widget.has_focus:
        widget.focus()
        await pilot.pause()
    if isinstance(widget, TextArea):
        await pilot.press("f7")  # TextArea: select all, so the paste replaces any suggestion
        await paste(pilot, text)
        if widget.text != text:
            raise AssertionError(f"the answer area holds {widget.text!r}, expected {text!r}")
        await pilot.press("ctrl+j")
    else:
        line = text.replace("\n", " ")
        if widget.value and widget.selection.start == widget.selection.end:
            widget.value = ""  # no selection to type over: start from an empty box
        await type_text(pilot, line)
        if widget.value != line:
            raise AssertionError(f"the answer input holds {widget.value!r}, expected {line!r}")
        if not line.isascii():
            await pilot.pause(IME_GUARD_WAIT)
        await pilot.press("enter")
    await pilot.pause()


def transcript_texts(pilot: Pilot) -> list[str]:
    """Plain text of every message in the chat transcript, oldest first."""
    from nianbao.tui.widgets.transcript import Message

    return [str(message.render()) for message in pilot.app.screen.query(Message)]


async def wait_until(pilot: Pilot, predicate: Callable[[], bool], timeout: float = 5.0, what: str = "") -> None:
    """Pause the pilot until `predicate()` holds; fail after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what or predicate}")
        await pilot.pause(0.02)


async def start_new_report(pilot: Pilot) -> None:
    """Press N on the start screen; wait for the first question and for the engine behind it
    (it loads in a thread once the question is on screen)."""
    await pilot.press("n")
    await wait_until(
        pilot, lambda: pilot.app.engine is not None and bool(transcript_texts(pilot)), what="the first question"
    )


def freeze_cursors(pilot: Pilot) -> None:
    """Stop every Input/TextArea cursor blinking, so screenshots don't depend on timing."""
    for widget in pilot.app.screen.query("Input, TextArea"):
        widget.cursor_blink = False


# --- sessions prepared without the UI ----------------------------------------------------------
def lilin_answers() -> dict[str, str]:
    """examples/lilin-2021-answers.yaml: question id -> answer text."""
    return load_answers(LILIN_ANSWERS)


def answer_until(engine: Engine, answers: dict[str, str], stop: str | None = None) -> list[str]:
    """Answer the engine's questions from `answers` until question `stop` is current (or to the
    end). Returns the ids answered."""
    done: list[str] = []
    while (step := engine.current()) is not None and step.id != stop:
        reply = engine.answer(answers[step.id])
        assert reply.accepted and not reply.problem, (step.id, reply.message)
        done.append(step.id)
    return done


_SESSION_CACHE: dict[tuple, bytes] = {}


def make_session(folder: Path, name: str, answers: dict[str, str], stop: str | None = None) -> Path:
    """A session file `<folder>/sessions/<name>.json` answered from `answers` up to `stop`.

    Answering through the engine takes about a second for a whole report (every answer replays
    and saves), so the file content is built once per test run and copied.
    """
    key = (tuple(sorted(answers.items())), stop)
    if key not in _SESSION_CACHE:
        engine = Engine(Session())
        answer_until(engine, answers, stop)
        scratch = Path(tempfile.mkdtemp(prefix="nianbao-session-"))
        try:
            store.save(engine.session, scratch / "s.json")
            _SESSION_CACHE[key] = (scratch / "s.json").read_bytes()
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
    path = store.sessions_dir(folder) / f"{name}{store.SUFFIX}"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(_SESSION_CACHE[key])
    return path


# --- the real program in tmux ------------------------------------------------------------------
NIANBAO = Path(sys.executable).parent / "nianbao"
TMUX_WIDTH, TMUX_HEIGHT = 120, 40
EXIT_MARK = "__NIANBAO_EXIT__="
TMUX_TIMEOUT = 20.0


def tmux_missing() -> bool:
    return shutil.which("tmux") is None


def tmux_env(data_dir: Path) -> dict[str, str]:
    """The environment for a tmux server running nianbao on `data_dir`."""
    env = dict(os.environ)
    env.update(NIANBAO_DATA_DIR=str(data_dir), TERM="xterm-256color", LANG="C.UTF-8", LC_ALL="C.UTF-8")
    env.pop("TMUX", None)  # inside the runner's own tmux, still start a private server
    env.pop("NO_COLOR", None)
    return env


@dataclass
class Question:
    id: str
    hint: str  # "<section> > <short>", the hint line above the answer box: unique per question
    kind: str
    answer: str


def interview_script(answers: dict[str, str]) -> list[Question]:
    """The questions the engine asks for `answers`, in order (the same engine the TUI drives)."""
    engine = Engine(Session())
    script = []
    while (step := engine.current()) is not None:
        text = answers[step.id].rstrip("\n")  # YAML block scalars end with a newline; nobody types it
        script.append(Question(step.id, f"{step.section.title} > {step.short}", step.question.kind, text))
        reply = engine.answer(text)
        assert reply.accepted and not reply.problem, (step.id, reply.message)
    return script


def flat(text: str) -> str:
    """Text without whitespace: Rich wraps the printed report at the terminal width."""
    return re.sub(r"\s+", "", text)


class Tmux:
    """One private tmux server (its own socket), driven with send-keys and read with capture-pane."""

    def __init__(self, env: dict[str, str]):
        self.socket = f"nianbao-e2e-{os.getpid()}-{uuid.uuid4().hex[:8]}"
        self.env = env
        self.target = ""
        self.socket_path: Path | None = None

    def tmux(self, *args: str) -> str:
        result = subprocess.run(
            ["tmux", "-u", "-L", self.socket, *args], env=self.env, capture_output=True, text=True, timeout=10
        )
        if result.returncode != 0:
            raise RuntimeError(f"tmux {' '.join(args)} failed: {result.stderr.strip()}")
        return result.stdout

    def start(self, name: str, command: str, keep_open: bool = True) -> None:
        """Run the shell command `command` in a new tmux session (a TMUX_WIDTH x TMUX_HEIGHT
        terminal). With `keep_open`, the pane stays open after it exits and shows its exit code
        (see `exit_code`); else the command is the pane's process itself (see `pane_pid`)."""
        shell = f"{command}; echo {EXIT_MARK}$?; exec sleep 3600" if keep_open else f"exec {command}"
        env = [arg for key in ("NIANBAO_DATA_DIR", "TERM", "LANG", "LC_ALL") for arg in ("-e", f"{key}={self.env[key]}")]
        size = ["-x", str(TMUX_WIDTH), "-y", str(TMUX_HEIGHT)]
        self.tmux("-f", "/dev/null", "new-session", "-d", "-s", name, *size, *env, "sh", "-c", shell)
        self.target = name
        if self.socket_path is None:
            found = self.tmux("display-message", "-p", "-t", name, "#{socket_path}").strip()
            if found.endswith(self.socket):
                self.socket_path = Path(found)

    def pane_pid(self) -> int:
        return int(self.tmux("display-message", "-p", "-t", self.target, "#{pane_pid}").strip())

    def kill_server(self) -> None:
        """Stop this tmux server (if it still runs) and remove its socket file."""
        subprocess.run(["tmux", "-u", "-L", self.socket, "kill-server"], env=self.env, capture_output=True, timeout=10)
        if self.socket_path is not None:
            self.socket_path.unlink(missing_ok=True)

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", self.target)

    def everything(self) -> str:
        """The whole pane including its scrollback."""
        return self.tmux("capture-pane", "-p", "-J", "-S", "-", "-E", "-", "-t", self.target)

    def answer_box(self, hint: str) -> str:
        """What the answer box under the hint line `hint` shows, without its border glyphs."""
        lines = self.screen().splitlines()
        start = next((i for i, line in enumerate(lines) if hint in line), None)
        if start is None:
            return ""
        top = next((i for i in range(start, len(lines)) if "▔▔▔" in lines[i]), None)
        if top is None:
            return ""
        inner = []
        for line in lines[top + 1:]:
            if "▁▁▁" in line:
                break
            inner.append(line.strip().strip("▊▎▌▐"))
        return "\n".join(inner)

    def type(self, text: str) -> None:
        self.tmux("send-keys", "-t", self.target, "-l", text)

    def keys(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", self.target, *keys)

    def wait_for(self, predicate, what: str, timeout: float = TMUX_TIMEOUT) -> None:
        deadline = time.monotonic() + timeout
        while True:
            if predicate():
                return
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out waiting for {what}; the screen shows:\n{self.screen()}")
            time.sleep(0.05)

    def wait_for_text(self, text: str, timeout: float = TMUX_TIMEOUT) -> None:
        self.wait_for(lambda: text in self.screen(), repr(text), timeout)

    def exit_code(self) -> int | None:
        match = re.search(re.escape(EXIT_MARK) + r"(\d+)", self.screen())
        return int(match.group(1)) if match else None


def saved_answers(data_dir: Path) -> tuple[Path, dict[str, str]]:
    """The only session file in `data_dir` and its answers (empty while there is none)."""
    files = list((data_dir / "sessions").glob("*.json"))
    if len(files) != 1:
        return Path(), {}
    try:
        return files[0], json.loads(files[0].read_text(encoding="utf-8"))["interview"]["answers"]
    except (OSError, ValueError):
        return files[0], {}


def tmux_answer(term: Tmux, data_dir: Path, question: Question) -> None:
    """Wait for `question`, type its answer the way a terminal delivers it, send it, and wait
    until the session file holds it."""
    term.wait_for_text(question.hint)
    lines = question.answer.splitlines()
    if KINDS[question.kind].widget == AREA:
        # TextArea: Enter is a newline, Ctrl+J sends.
        for i, line in enumerate(lines):
            if i:
                term.keys("Enter")
            term.type(line)
    else:
        term.type(question.answer)
    # Send only once the box shows the text (its end: long text scrolls). Ctrl+J is a priority
    # binding, handled ahead of keys still queued for the TextArea; the Input needs the IME guard
    # to pass.
    tail = flat(question.answer)[-12:]
    term.wait_for(lambda: tail in flat(term.answer_box(question.hint)), f"{question.answer!r} in the answer box")
    if KINDS[question.kind].widget == AREA:
        term.keys("C-j")
    else:
        time.sleep(IME_GUARD_WAIT + 0.02)
        term.keys("Enter")
    term.wait_for(
        lambda: saved_answers(data_dir)[1].get(question.id) == question.answer,
        f"the session file to hold {question.id} = {question.answer!r}",
    )
