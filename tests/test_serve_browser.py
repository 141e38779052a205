"""`nianbao serve` in a real headless browser (the system's chromium, driven by playwright's API):
the page loads with no request leaving the machine, a new report is started, the first answer is
typed and sent, and the session file holds it. The screen is a canvas: the file is checked, and a
screenshot is kept in the test's tmp folder."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest

CHROMIUM = next((shutil.which(name) for name in ("chromium", "chromium-browser", "google-chrome") if shutil.which(name)), None)
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(CHROMIUM is None, reason="no chromium on this machine (Debian: apt-get install chromium); CI installs it"),
]
AGENCY = "梨林镇人民政府"


def _wait(what: str, predicate, timeout: float = 60.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


def _session_answer(data_dir: Path) -> str | None:
    for path in (data_dir / "sessions").glob("*.json"):
        try:
            name = json.loads(path.read_text(encoding="utf-8"))["report"]["agency"]["name"]
        except (OSError, ValueError, KeyError, TypeError):
            continue
        if name:
            return name
    return None


def test_a_report_is_started_and_answered_in_the_browser(tmp_path):
    playwright = pytest.importorskip("playwright.sync_api", reason="playwright is in the test extras")
    data_dir = tmp_path / "data"
    server = subprocess.Popen(
        [str(Path(sys.executable).parent / "nianbao"), "--data-dir", str(data_dir), "serve", "--host", "0.0.0.0", "--port", "0"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        printed = server.stdout.readline() + server.stdout.readline()
        address = re.search(r"http://\S+", printed)
        assert address, printed
        port, token = re.search(r":(\d+)/\?token=(\S+)", address.group(0)).groups()
        base = f"http://127.0.0.1:{port}"  # the same server as the printed address, from this machine
        requests: list[str] = []
        with playwright.sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox"])
            page = browser.new_page(viewport={"width": 1200, "height": 800})
            page.on("request", lambda request: requests.append(request.url))
            page.on("websocket", lambda ws: requests.append(ws.url))
            page.goto(f"{base}/?token={token}")
            page.wait_for_function("document.body.classList.contains('-first-byte')", timeout=60_000)
            assert page.url == f"{base}/"  # the token set the cookie and left the address
            time.sleep(2)  # the start screen settles
            page.screenshot(path=str(tmp_path / "start.png"))
            page.mouse.click(600, 400)  # into the terminal (the empty session list), as a clerk would
            page.keyboard.press("n")  # 新建年报（N）
            _wait("the new session file", lambda: list((data_dir / "sessions").glob("*.json")))
            time.sleep(4)  # the first question and its input box (the engine loads behind it)
            page.keyboard.insert_text(AGENCY)  # as an input method hands over Chinese text
            time.sleep(1)
            page.keyboard.press("Enter")
            assert _wait("the answer in the session file", lambda: _session_answer(data_dir)) == AGENCY
            page.screenshot(path=str(tmp_path / "serve.png"))
            browser.close()
        hosts = {urlsplit(url).netloc for url in requests if not url.startswith(("data:", "blob:"))}
        assert hosts == {f"127.0.0.1:{port}"}, requests  # nothing left the machine
        assert any(url.startswith(f"ws://127.0.0.1:{port}/ws") for url in requests)
        assert (tmp_path / "serve.png").stat().st_size > 10_000
    finally:
        server.terminate()
        server.wait(timeout=30)
