"""How fast the TUI feels: launch -> first question, and answer -> next question.

    python benchmarks/bench_tui.py [--runs 7] [--skip-tmux] [--profile]

Every figure is a median over --runs runs, next to the same measurement of a minimal Textual app
made in the same process/run, so a slow or busy machine shows up in both columns.

(a) Launch -> first question; target: <= 1.5x the minimal app (an App with one Static).
    - tmux (the target): the real console script, `nianbao new --name ...`, and `python
      bench_tui.py --minimal-app`, each in a new 120x40 tmux window of one tmux server; the time
      from `tmux new-session` to capture-pane showing the first question (resp. the Static's
      text). One warm-up run each; the two alternate. Also shown: when the task list shows the
      engine's question counts, i.e. the engine (loaded in a thread after the first frame) is
      ready; an answer sent before then is kept and answered at that moment.
    - in process (`App.run_test()`, imports done before), a diagnostic, not the target: from
      constructing the app to the first frame in which the first question's message is visible
      (resp. the Static), and to the engine being ready. Without the imports, this compares
      composing the whole chat screen with composing one Static.
(b) Answer -> next question, in process: from posting Enter to the first frame in which the next
    question's message is visible, when the transcript holds about 10 and about 150 messages.
    Three answers make 10 messages; then Ctrl+Z and the same answer again (5 messages a round).
    The measured answer is always the same question (agency.website, re-answered). Samples:
    transcript lengths 10..20 and 140..160 of each run. Target: median < 50 ms, and the
    150-message median <= 1.2x the 10-message one. The baseline is a minimal chat (an Input
    whose Enter mounts three Statics in an anchored VerticalScroll). Also shown: the share of
    the answer spent in the chat screen's submit handler (engine + mounting), the rest being
    Textual's styling, layout and rendering.

A "frame" is a compositor update handed to App._display. The headless driver does not turn it
into terminal output; the benchmark does (render_segments, not written anywhere), so each frame
costs what it would in a terminal, minus the write.

--profile: afterwards, profile one launch and one run of (b) (pyinstrument when installed, else
cProfile) and print the functions that take the most time.
Exits 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

MINIMAL_TEXT = "minimal-app-ready"
FIRST_QUESTION = "先请告诉我贵单位的全称"
ENGINE_READY = "未开始 0/"  # the task list counts questions once the engine has loaded
WEBSITE = "济源市人民政府网梨林镇版块"
LAUNCH_TARGET = 1.5
LATENCY_TARGET_MS = 50.0
GROWTH_TARGET = 1.2
WINDOWS = {10: (10, 20), 150: (140, 160)}  # transcript length -> the lengths sampled for it
SIZE = (120, 40)


# --- frames ---------------------------------------------------------------------------------------
class FrameWatch:
    """Notes the time of the first frame in which `predicate()` holds."""

    def __init__(self) -> None:
        self.predicate = None
        self.shown_at: tuple[float, float] | None = None
        self.event: asyncio.Event | None = None

    def install(self) -> None:
        from textual._compositor import CompositorUpdate
        from textual.app import App

        if getattr(App._display, "frame_watch", False):
            return
        original = App._display
        watch = self

        def _display(app, screen, renderable):
            original(app, screen, renderable)
            if renderable is None:
                return
            if app.is_headless and isinstance(renderable, CompositorUpdate):
                renderable.render_segments(app.console)  # what a terminal session does per frame
            if watch.predicate is not None and watch.shown_at is None and watch.predicate():
                watch.shown_at = (time.perf_counter(), time.process_time())
                watch.event.set()

        _display.frame_watch = True
        App._display = _display

    def arm(self, predicate) -> None:
        self.predicate, self.shown_at, self.event = predicate, None, asyncio.Event()

    async def wait(self, timeout: float = 20.0) -> tuple[float, float]:
        try:
            await asyncio.wait_for(self.event.wait(), timeout)
        finally:
            self.predicate = None
        return self.shown_at


WATCH = FrameWatch()


def visible(screen, widget) -> bool:
    return widget.is_mounted and widget in screen._compositor.visible_widgets


def minimal_app():
    from textual.app import App
    from textual.widgets import Static

    class Minimal(App):
        def compose(self):
            yield Static(MINIMAL_TEXT)

    return Minimal()


# --- (a) launch, in tmux ------------------------------------------------------------------------
class TmuxServer:
    def __init__(self, env: dict[str, str]):
        self.socket = f"nianbao-bench-{os.getpid()}-{uuid.uuid4().hex[:6]}"
        self.env = env

    def run(self, *args: str) -> str:
        return subprocess.run(
            ["tmux", "-u", "-L", self.socket, *args], env=self.env, check=True, capture_output=True, text=True
        ).stdout

    def __enter__(self) -> "TmuxServer":
        self.run("-f", "/dev/null", "new-session", "-d", "-s", "idle", "-x", str(SIZE[0]), "-y", str(SIZE[1]), "sleep 3600")
        return self

    def __exit__(self, *exc) -> None:
        found = subprocess.run(
            ["tmux", "-u", "-L", self.socket, "display-message", "-p", "#{socket_path}"],
            env=self.env, capture_output=True, text=True,
        )
        subprocess.run(["tmux", "-u", "-L", self.socket, "kill-server"], env=self.env, capture_output=True)
        if found.returncode == 0 and found.stdout.strip().endswith(self.socket):
            Path(found.stdout.strip()).unlink(missing_ok=True)

    def time_until(self, command: str, *texts: str, timeout: float = 30.0) -> list[float]:
        """Seconds from starting `command` until each of `texts` is first on screen."""
        name = uuid.uuid4().hex[:8]
        seen: dict[str, float] = {}
        start = time.perf_counter()
        self.run("new-session", "-d", "-s", name, "-x", str(SIZE[0]), "-y", str(SIZE[1]), command)
        try:
            while True:
                screen = self.run("capture-pane", "-p", "-t", name)
                now = time.perf_counter() - start
                for text in texts:
                    if text in screen:
                        seen.setdefault(text, now)
                if len(seen) == len(texts):
                    return [seen[text] for text in texts]
                if now > timeout:
                    raise RuntimeError(f"{command!r} did not show {texts!r} within {timeout} s")
                time.sleep(0.005)
        finally:
            subprocess.run(["tmux", "-u", "-L", self.socket, "kill-session", "-t", name], env=self.env, capture_output=True)


def launch_in_tmux(runs: int) -> tuple[list[float], list[float], list[float]]:
    """(first question on screen, engine ready, minimal app on screen) of each run."""
    data_dir = Path(tempfile.mkdtemp(prefix="nianbao-bench-"))
    env = dict(os.environ, NIANBAO_DATA_DIR=str(data_dir), TERM="xterm-256color", LANG="C.UTF-8", LC_ALL="C.UTF-8")
    env.pop("TMUX", None)
    nianbao = Path(sys.executable).with_name("nianbao")
    minimal = f"{shlex.quote(sys.executable)} {shlex.quote(str(Path(__file__).resolve()))} --minimal-app"
    ours, ready, base = [], [], []
    try:
        with TmuxServer(env) as tmux:
            for i in range(runs + 1):  # run 0 is the warm-up
                command = f"{shlex.quote(str(nianbao))} new --name bench-{i}-{uuid.uuid4().hex[:6]}"
                a, r = tmux.time_until(command, FIRST_QUESTION, ENGINE_READY)
                (b,) = tmux.time_until(minimal, MINIMAL_TEXT)
                if i:
                    ours.append(a)
                    ready.append(r)
                    base.append(b)
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)
    return ours, ready, base


# --- (a) launch, in process ---------------------------------------------------------------------
def new_session_file(folder: Path) -> Path:
    """An empty session saved like `nianbao new` does before it opens the TUI."""
    from nianbao import store
    from nianbao.interview.engine import Engine
    from nianbao.session import Session

    path = store.sessions_dir(folder) / f"bench-{uuid.uuid4().hex[:8]}.json"
    Engine(Session(), path).save()
    return path


def said(app) -> int:
    """Messages said so far (the transcript keeps only the latest mounted)."""
    from nianbao.tui.widgets.transcript import Transcript

    try:
        return app.screen.query_one(Transcript).said
    except Exception:  # no chat screen yet
        return 0


def messages(app):
    from nianbao.tui.widgets.transcript import Message

    try:
        return app.screen.query(Message)
    except Exception:  # no screen yet
        return []


async def launch_in_process_once(folder: Path, ours: bool) -> tuple[float, float]:
    """(first frame showing the first question, resp. the Static; the engine ready to take the
    answer), both from constructing the app. The minimal app has no engine: its second figure is
    its first."""
    from textual.widgets import Static

    from nianbao.tui.app import NianbaoApp

    start = time.perf_counter()
    if ours:
        # As `nianbao new --name ...`: a new report, whose engine loads after the first frame.
        app = NianbaoApp(data_dir=str(folder), new_path=folder / f"bench-{uuid.uuid4().hex[:8]}.json")

        def shown() -> bool:
            found = messages(app)
            return bool(found) and visible(app.screen, found.first())
    else:
        app = minimal_app()

        def shown() -> bool:
            statics = app.screen.query(Static)
            return bool(statics) and visible(app.screen, statics.first())

    WATCH.arm(shown)
    async with app.run_test(size=SIZE):
        wall, _ = await WATCH.wait()
        if ours:
            await wait_for(lambda: app.engine is not None)
        ready = time.perf_counter()
    return wall - start, (ready - start if ours else wall - start)


def launch_in_process(runs: int) -> tuple[list[tuple[float, float]], list[tuple[float, float]]]:
    import nianbao.tui.app  # noqa: F401  (imports are not what this part measures)

    WATCH.install()
    folder = Path(tempfile.mkdtemp(prefix="nianbao-bench-"))
    ours, base = [], []
    try:
        for i in range(runs + 1):
            a = asyncio.run(launch_in_process_once(folder, True))
            b = asyncio.run(launch_in_process_once(folder, False))
            if i:
                ours.append(a)
                base.append(b)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return ours, base


# --- (b) answer -> next question ----------------------------------------------------------------
class HandlerClock:
    """Wall time spent in ChatScreen.submit (the engine, saving, mounting the messages)."""

    def __init__(self) -> None:
        self.spent = 0.0

    def install(self) -> None:
        from nianbao.tui.chat import ChatScreen

        if getattr(ChatScreen.submit, "handler_clock", False):
            return
        original = ChatScreen.submit
        clock = self

        def submit(screen, text):
            start = time.perf_counter()
            try:
                return original(screen, text)
            finally:
                clock.spent += time.perf_counter() - start

        submit.handler_clock = True
        ChatScreen.submit = submit


HANDLER = HandlerClock()


def post_key(app, key: str, character: str | None) -> None:
    from textual import events

    event = events.Key(key, character)
    event.set_sender(app)
    app._driver.send_message(event)


async def type_and_send(pilot, text: str, box_selector: str, shown) -> tuple[float, float, float]:
    """Type `text` into the input (not timed), post Enter, and return (wall, cpu, handler)
    seconds until the first frame in which `shown()` holds."""
    app = pilot.app
    box = app.screen.query_one(box_selector)
    box.value = ""
    for character in text:
        post_key(app, character if character.isalnum() else "space", character)
    await pilot.pause()
    assert box.value == text, (box.value, text)
    await asyncio.sleep(0.06)  # the IME guard: an Enter within 50 ms of a non-ASCII key is ignored
    WATCH.arm(shown)
    HANDLER.spent = 0.0
    wall, cpu = time.perf_counter(), time.process_time()
    post_key(app, "enter", "\r")
    shown_wall, shown_cpu = await WATCH.wait()
    return shown_wall - wall, shown_cpu - cpu, HANDLER.spent


def next_question_shown(app, before: int):
    """The answer adds the clerk's message, a note and the next question: the third is visible."""

    def shown() -> bool:
        found = messages(app)
        return said(app) >= before + 3 and bool(found) and visible(app.screen, found.last())

    return shown


async def wait_for(predicate, timeout: float = 10.0) -> None:
    deadline = time.perf_counter() + timeout
    while not predicate():
        if time.perf_counter() > deadline:
            raise RuntimeError("timed out")
        await asyncio.sleep(0.001)


async def latency_run(folder: Path, up_to: int) -> dict[int, tuple[float, float, float]]:
    """One app: {transcript length when Enter was posted: (wall, cpu, handler) of the website answer}."""
    from nianbao.tui.app import NianbaoApp

    app = NianbaoApp(data_dir=str(folder), session_path=new_session_file(folder))
    samples = {}
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(lambda: said(app) > 0)
        for text in ("梨林镇人民政府", "1", "2021"):
            await type_and_send(pilot, text, "#answer-input", next_question_shown(app, said(app)))
        while (count := said(app)) <= up_to:
            samples[count] = await type_and_send(pilot, WEBSITE, "#answer-input", next_question_shown(app, count))
            await pilot.press("ctrl+z")  # back to the website question: a note and the question again
            await wait_for(lambda: said(app) >= count + 5)
            await pilot.pause()
    return samples


async def baseline_latency_run(up_to: int) -> dict[int, tuple[float, float, float]]:
    """The same measurement on a minimal chat: an Input whose Enter mounts three Statics."""
    from textual.app import App
    from textual.containers import VerticalScroll
    from textual.widgets import Input, Static

    class MinimalChat(App):
        CSS = "VerticalScroll { height: 1fr; } Static { margin: 1 0 0 0; }"
        AUTO_FOCUS = "#box"

        def compose(self):
            yield VerticalScroll(id="log")
            yield Input(id="box")

        def on_mount(self) -> None:
            self.query_one("#log").anchor()
            self.query_one("#log").mount(Static("question"))

        def on_input_submitted(self, event: Input.Submitted) -> None:
            self.query_one("#log").mount_all([Static(event.value), Static("noted"), Static("next question")])

    app = MinimalChat()
    samples = {}
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        while (count := len(app.query(Static))) <= up_to:

            def shown(before=count) -> bool:
                statics = app.query(Static)
                return len(statics) >= before + 3 and visible(app.screen, statics.last())

            samples[count] = await type_and_send(pilot, WEBSITE, "#box", shown)
    return samples


def latencies(runs: int) -> tuple[dict[int, list[tuple]], dict[int, list[tuple]]]:
    """({10: samples, 150: samples} for nianbao, the same for the minimal chat)."""
    WATCH.install()
    HANDLER.install()
    up_to = max(hi for _, hi in WINDOWS.values())
    folder = Path(tempfile.mkdtemp(prefix="nianbao-bench-"))
    ours = {n: [] for n in WINDOWS}
    base = {n: [] for n in WINDOWS}
    try:
        asyncio.run(latency_run(folder, 20))  # warm-up
        for _ in range(runs):
            for out, samples in (
                (ours, asyncio.run(latency_run(folder, up_to))),
                (base, asyncio.run(baseline_latency_run(up_to))),
            ):
                for n, (lo, hi) in WINDOWS.items():
                    out[n].extend(v for k, v in samples.items() if lo <= k <= hi)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return ours, base


# --- profiling ----------------------------------------------------------------------------------
def profile() -> None:
    """Profile one launch and one (b) run; print where the time goes."""
    WATCH.install()
    HANDLER.install()
    folder = Path(tempfile.mkdtemp(prefix="nianbao-bench-"))

    async def work() -> None:
        for _ in range(3):
            await launch_in_process_once(folder, True)
        await latency_run(folder, 160)

    try:
        try:
            from pyinstrument import Profiler
        except ImportError:
            Profiler = None
        if Profiler is not None:
            profiler = Profiler(interval=0.0005)
            profiler.start()
            asyncio.run(work())
            profiler.stop()
            from pyinstrument.renderers import ConsoleRenderer

            # Show Textual's frames (layout, compositor, styles): that is where a UI spends time.
            options = {
                "show_regex": r".*(nianbao|textual).*",
                "hide_regex": r".*(asyncio|selectors|_callback|message_pump|pilot).*",
                "filter_threshold": 0.02,
            }
            renderer = ConsoleRenderer(
                unicode=False, color=False, show_all=False, time="percent_of_total", processor_options=options
            )
            print(profiler.output(renderer))
        else:
            import cProfile
            import pstats

            prof = cProfile.Profile()
            prof.enable()
            asyncio.run(work())
            prof.disable()
            stats = pstats.Stats(prof)
            stats.sort_stats("cumulative").print_stats(r"nianbao|textual", 40)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


# --- report -------------------------------------------------------------------------------------
def med(values) -> float:
    return statistics.median(values)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--skip-tmux", action="store_true", help="skip the tmux launch figures")
    parser.add_argument("--profile", action="store_true", help="profile a launch and (b) afterwards")
    parser.add_argument("--minimal-app", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.minimal_app:
        minimal_app().run()
        return 0

    ok = True
    header = ("what", "nianbao", "minimal app", "ratio / target")
    rows: list[tuple[str, str, str, str]] = []
    if not args.skip_tmux and shutil.which("tmux"):
        ours, ready, base = launch_in_tmux(args.runs)
        ratio = med(ours) / med(base)
        ok &= ratio <= LAUNCH_TARGET
        rows.append(("launch -> first question (tmux)", ms(med(ours)), ms(med(base)), f"{ratio:.2f}x / <= {LAUNCH_TARGET}x"))
        rows.append(("launch -> engine ready (tmux)", ms(med(ready)), "", "answers are taken from here"))
    else:
        rows.append(("launch -> first question (tmux)", "skipped", "", "not checked: needs tmux"))
    pairs, base_pairs = launch_in_process(args.runs)
    ours, base = [p[0] for p in pairs], [p[0] for p in base_pairs]
    ratio = med(ours) / med(base)
    rows.append(("launch -> first question (run_test)", ms(med(ours)), ms(med(base)), f"{ratio:.2f}x (diagnostic)"))
    rows.append(("launch -> engine ready (run_test)", ms(med([p[1] for p in pairs])), "", "answers are taken from here"))

    lat, base_lat = latencies(args.runs)
    wall = {n: med([s[0] for s in lat[n]]) for n in WINDOWS}
    for n, (lo, hi) in WINDOWS.items():
        samples = lat[n]
        ok &= wall[n] * 1000 < LATENCY_TARGET_MS
        rows.append((
            f"answer -> next question, {lo}-{hi} msgs (wall)",
            ms(wall[n]),
            ms(med([s[0] for s in base_lat[n]])),
            f"< {LATENCY_TARGET_MS:.0f} ms",
        ))
        rows.append((
            f"  same, CPU time ({len(samples)} samples)",
            ms(med([s[1] for s in samples])),
            ms(med([s[1] for s in base_lat[n]])),
            "",
        ))
        rows.append((
            "  of which in ChatScreen.submit",
            ms(med([s[2] for s in samples])),
            "",
            f"{med([s[2] / s[0] for s in samples]):.0%} of wall",
        ))
    growth = wall[150] / wall[10]
    base_growth = med([s[0] for s in base_lat[150]]) / med([s[0] for s in base_lat[10]])
    ok &= growth <= GROWTH_TARGET
    rows.append(("growth 10 -> 150 messages (wall)", f"{growth:.2f}x", f"{base_growth:.2f}x", f"<= {GROWTH_TARGET}x"))

    print(f"bench_tui: medians of {args.runs} runs; Python {sys.version.split()[0]}, {os.cpu_count()} CPUs, "
          f"load average {os.getloadavg()[0]:.2f}")
    widths = [max(len(r[i]) for r in rows + [header]) for i in range(4)]
    for row in [header] + rows:
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip())
    if args.profile:
        profile()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
