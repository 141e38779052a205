"""`nianbao serve`: the access checks on every route, the page's own URLs, a port in use, Ctrl+C."""

from __future__ import annotations

import asyncio
import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import aiohttp
import pytest
from aiohttp.test_utils import TestClient, TestServer

from nianbao.serve.access import COOKIE, Access
from nianbao.serve.server import NianbaoServer, tab_command

TOKEN = "office-secret-123"
PATHS = ["/", "/static/js/textual.js", "/static/fonts/RobotoMono-VariableFont_wght.ttf", "/ws", "/download/somekey"]


def nianbao_exe() -> str:
    return str(Path(sys.executable).parent / "nianbao")


async def client_for(access: Access, public_url: str | None = None) -> TestClient:
    server = NianbaoServer(tab_command(None), access, public_url)
    client = TestClient(TestServer(await server._make_app(), host="127.0.0.1"))
    await client.start_server()
    return client


@pytest.mark.parametrize("path", PATHS)
async def test_every_route_refuses_a_request_without_the_token(path):
    client = await client_for(Access(TOKEN))
    try:
        for cookies in ({}, {COOKIE: "wrong-token-value"}):
            client.session.cookie_jar.clear()
            client.session.cookie_jar.update_cookies(cookies)
            response = await client.get(path + "?token=not-the-token" if cookies else path)
            assert response.status == 403
            text = await response.text()
            assert "需要访问口令" in text and "token" in text
    finally:
        await client.close()


async def test_the_token_url_sets_the_cookie_and_the_cookie_opens_everything():
    client = await client_for(Access(TOKEN))
    try:
        response = await client.get(f"/?token={TOKEN}&fontsize=18", allow_redirects=False)
        assert response.status == 303
        assert response.headers["Location"] == "/?fontsize=18"  # the token leaves the address
        cookie = response.cookies[COOKIE]
        assert cookie.value == TOKEN and cookie["httponly"] and cookie["samesite"] == "Strict"
        page = await client.get("/?fontsize=18")  # the cookie jar now holds it
        assert page.status == 200
        assert 'data-font-size="18"' in await page.text()
        assert (await client.get("/static/js/textual.js")).status == 200
        assert (await client.get("/download/nokey")).status == 404  # past the check: no such download
        ws = await client.ws_connect("/ws", headers={"Origin": str(client.make_url("")).rstrip("/")})
        await ws.close()
        foreign = await client.get("/ws", headers={"Origin": "http://evil.example"})
        assert foreign.status == 403
    finally:
        await client.close()


async def test_without_a_token_only_loopback_names_pass():
    client = await client_for(Access(None))
    try:
        assert (await client.get("/")).status == 200
        rebound = await client.get("/", headers={"Host": "evil.example:8000"})
        assert rebound.status == 403 and "只接受本机访问" in await rebound.text()
        foreign = await client.get("/ws", headers={"Origin": "http://evil.example"})
        assert foreign.status == 403
    finally:
        await client.close()


async def test_the_page_loads_nothing_from_elsewhere_and_follows_the_address_used():
    client = await client_for(Access(TOKEN))
    try:
        client.session.cookie_jar.update_cookies({COOKIE: TOKEN})
        page = await (await client.get("/", headers={"Host": "192.168.1.5:8000"})).text()
        urls = set(re.findall(r"""(?:href|src|url)[=(]\s*["']([^"']+)""", page)) | set(re.findall(r'websocket-url="([^"]+)"', page))
        assert urls and all(url.startswith(("http://192.168.1.5:8000/", "ws://192.168.1.5:8000/")) for url in urls), urls
        assert "googleapis" not in page and "local(\"Microsoft YaHei\")" in page and "Noto Sans Mono CJK SC" in page
    finally:
        await client.close()
    client = await client_for(Access(TOKEN, "https://nianbao.example.gov.cn/"), "https://nianbao.example.gov.cn/")
    try:
        client.session.cookie_jar.update_cookies({COOKIE: TOKEN})
        page = await (await client.get("/")).text()
        assert 'data-session-websocket-url="wss://nianbao.example.gov.cn/ws"' in page
    finally:
        await client.close()


def test_a_port_in_use_is_told_in_chinese(tmp_path):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = subprocess.run([nianbao_exe(), "--data-dir", str(tmp_path), "serve", "--port", str(port)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert result.stderr.startswith(f"错误：端口 {port} 已被占用")
    assert "--port" in result.stderr and "Traceback" not in result.stderr


def test_a_bad_token_and_host_are_told_in_chinese(tmp_path):
    bad = subprocess.run([nianbao_exe(), "serve", "--token", "短"], capture_output=True, text=True, timeout=60)
    assert bad.returncode == 2 and "--token 的口令要至少 8 个字符" in bad.stderr
    host = subprocess.run([nianbao_exe(), "serve", "--host", "no-such-host.invalid"], capture_output=True, text=True, timeout=60)
    assert host.returncode == 2 and "无法识别地址“no-such-host.invalid”" in host.stderr


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def _start(tmp_path: Path, *args: str) -> tuple[subprocess.Popen, str]:
    server = subprocess.Popen(
        [nianbao_exe(), "--data-dir", str(tmp_path), "serve", "--port", "0", *args],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    first = server.stdout.readline() + server.stdout.readline()
    match = re.search(r"(http://\S+)", first)
    assert match, first + server.stderr.read()
    return server, match.group(1)


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="finds the tab's process through /proc (Linux)")
def test_ctrl_c_stops_the_server_and_every_tab_process(tmp_path):
    server, address = _start(tmp_path, "--host", "0.0.0.0")
    assert "?token=" in address and not address.startswith("http://0.0.0.0")
    port, token = re.search(r":(\d+)/\?token=(\S+)", address).groups()

    async def open_tab() -> None:
        async with aiohttp.ClientSession(cookies={COOKIE: token}) as session:
            ws = await session.ws_connect(f"http://127.0.0.1:{port}/ws?width=100&height=30")
            first = await asyncio.wait_for(ws.receive(), 60)  # the TUI's first screen
            assert first.type == aiohttp.WSMsgType.BINARY
            children = _children(server.pid)
            assert len(children) == 1
            tab.extend(children)
            server.send_signal(signal.SIGINT)  # what Ctrl+C in its terminal sends
            while not ws.closed:
                if (await asyncio.wait_for(ws.receive(), 30)).type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED):
                    break

    tab: list[int] = []
    try:
        asyncio.run(open_tab())
        assert server.wait(timeout=30) == 0
    finally:
        server.kill()
    assert "网页服务已停止" in server.stdout.read()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and Path(f"/proc/{tab[0]}").exists():
        time.sleep(0.1)
    assert not Path(f"/proc/{tab[0]}").exists(), "the tab's nianbao outlived the server"


def test_two_tabs_cannot_draft_one_session(tmp_path):
    """Each tab is its own nianbao process: the session lock keeps the second tab off the
    session the first one drafts, and tells it so (read from the screen the tab is sent)."""
    server, address = _start(tmp_path)
    ws_url = address.rstrip("/") + "/ws?width=120&height=40"
    sessions = tmp_path / "sessions"

    async def screen_until(ws, wanted: str, timeout: float = 60) -> str:
        seen = b""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                message = await asyncio.wait_for(ws.receive(), max(0.1, deadline - time.monotonic()))
            except asyncio.TimeoutError:
                break
            if message.type == aiohttp.WSMsgType.BINARY:
                seen += message.data
                if wanted in re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", seen.decode("utf-8", "replace")):
                    return wanted
        return seen.decode("utf-8", "replace")

    async def two_tabs() -> str:
        async with aiohttp.ClientSession() as session:
            first = await session.ws_connect(ws_url)
            assert await screen_until(first, "新建年报") == "新建年报"
            await first.send_json(["stdin", "n"])
            for _ in range(300):
                if list(sessions.glob("*.json")):
                    break
                await asyncio.sleep(0.2)
            second = await session.ws_connect(ws_url)
            assert await screen_until(second, "回车继续填写") == "回车继续填写"  # the listing of the first tab's session
            await asyncio.sleep(1)
            await second.send_json(["stdin", "\r"])  # open it
            found = await screen_until(second, "正在另一处填写")
            await first.close()
            await second.close()
            return found

    try:
        assert asyncio.run(two_tabs()) == "正在另一处填写"
    finally:
        server.send_signal(signal.SIGINT)
        server.wait(timeout=30)
