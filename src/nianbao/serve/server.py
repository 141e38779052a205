"""The web server of `nianbao serve`: textual-serve's, with our page, access checks and children.

Each browser tab's websocket starts its own `nianbao` process (the drafting TUI on Textual's web
driver), with the server's data folder. What differs from textual-serve's stock server:
- our page (templates/page.html): no font or script from the internet, a CJK font stack, and
  URLs made from the address the browser used (or --public-url), so 0.0.0.0 works;
- the `Access` middleware in front of every route;
- the children started without a shell (argv, quoting-safe on Windows) in their own process
  group, so Ctrl+C reaches the server, which quits them in order (their locks released), and
  kills what has not quit after a grace period;
- downloads named in UTF-8 (RFC 6266), as the report's file name is Chinese.
"""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any
from urllib.parse import quote

import aiohttp_jinja2
import jinja2
from aiohttp import web
from aiohttp.web_runner import GracefulExit
from textual_serve.app_service import AppService
from textual_serve.server import Server

from nianbao.serve.access import Access

HERE = Path(__file__).resolve().parent
STOP_GRACE = 5.0  # seconds a tab's process has to quit on its own before it is killed
log = logging.getLogger("nianbao.serve")


def tab_command(data_dir: str | None) -> list[str]:
    """What each browser tab runs: this Python's nianbao, with the server's data folder."""
    command = [sys.executable, "-m", "nianbao"]
    if data_dir:
        command += ["--data-dir", str(Path(data_dir).resolve())]
    return command


class TabProcess(AppService):
    """One tab's nianbao, started from an argument list rather than a shell line."""

    def __init__(self, argv: list[str], children: set[asyncio.subprocess.Process], **kwargs: Any) -> None:
        super().__init__(" ".join(argv), **kwargs)
        self.argv = argv
        self.children = children

    async def _open_app_process(self, width: int = 80, height: int = 24):
        environment = self._build_environment(width=width, height=height)
        # Its own process group: the terminal's Ctrl+C goes to the server alone, which then
        # asks each tab's process to quit.
        if os.name == "nt":
            group: dict[str, Any] = {"creationflags": subprocess.CREATE_NEW_PROCESS_GROUP}
        else:
            group = {"start_new_session": True}
        self._process = process = await asyncio.create_subprocess_exec(
            *self.argv,
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
            env=environment,
            **group,
        )
        self.children.add(process)
        self._stdin = process.stdin
        return process


class NianbaoServer(Server):
    def __init__(self, argv: list[str], access: Access, public_url: str | None = None) -> None:
        super().__init__(" ".join(argv), title="年报助手", public_url=public_url or "")
        import textual_serve

        self.argv = argv
        self.access = access
        self.fixed_public_url = public_url.rstrip("/") if public_url else None
        self.statics_path = Path(textual_serve.__file__).resolve().parent / "static"
        self.templates_path = HERE / "templates"
        self.children: set[asyncio.subprocess.Process] = set()
        self.sockets: set[web.WebSocketResponse] = set()

    async def _make_app(self) -> web.Application:
        app = web.Application(middlewares=[self.access.middleware])
        aiohttp_jinja2.setup(app, loader=jinja2.FileSystemLoader(self.templates_path), autoescape=True)
        app.add_routes(
            [
                web.get("/", self.handle_index, name="index"),
                web.get("/ws", self.handle_websocket, name="websocket"),
                web.get("/download/{key}", self.handle_download, name="download"),
                web.static("/static", self.statics_path, show_index=False, name="static"),
            ]
        )
        app.on_shutdown.append(self.on_shutdown)
        return app

    def base_url(self, request: web.Request) -> str:
        """Where the browser reaches us: --public-url, else the address it used."""
        return self.fixed_public_url or f"{request.scheme}://{request.host}"

    async def handle_index(self, request: web.Request) -> web.Response:
        base = self.base_url(request)
        scheme, rest = base.split(":", 1)
        context = {
            "static_url": f"{base}/static/",
            "websocket_url": ("wss:" if scheme == "https" else "ws:") + rest + "/ws",
            "font_size": max(8, min(40, _to_int(request.query.get("fontsize", "16"), 16))),
        }
        response = aiohttp_jinja2.render_template("page.html", request, context)
        response.headers["Cache-Control"] = "no-store"
        return response

    async def handle_download(self, request: web.Request) -> web.StreamResponse:
        key = request.match_info["key"]
        try:
            meta = await self.download_manager.get_download_metadata(key)
        except KeyError:
            return web.Response(status=404, text="这个下载已经取走或已过期，请在年报助手里重新导出。", charset="utf-8")
        response = web.StreamResponse()
        response.content_type = meta.mime_type
        if meta.encoding:
            response.charset = meta.encoding
        disposition = "inline" if meta.open_method == "browser" else "attachment"
        # An ASCII stand-in, and the real (Chinese) name in UTF-8 for every current browser.
        fallback = meta.file_name.encode("ascii", "replace").decode().replace("?", "_").replace('"', "_")
        response.headers["Content-Disposition"] = f"{disposition}; filename=\"{fallback}\"; filename*=UTF-8''{quote(meta.file_name)}"
        await response.prepare(request)
        async for chunk in self.download_manager.download(key):
            await response.write(chunk)
        await response.write_eof()
        return response

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        websocket = web.WebSocketResponse(heartbeat=15)
        width = _to_int(request.query.get("width", "80"), 80)
        height = _to_int(request.query.get("height", "24"), 24)
        tab: TabProcess | None = None
        self.sockets.add(websocket)
        try:
            await websocket.prepare(request)
            tab = TabProcess(
                self.argv,
                self.children,
                write_bytes=websocket.send_bytes,
                write_str=websocket.send_str,
                close=websocket.close,
                download_manager=self.download_manager,
            )
            await tab.start(width, height)
            await self._process_messages(websocket, tab)
        except asyncio.CancelledError:
            await websocket.close()
        except Exception as error:  # one tab's trouble never stops the server
            log.warning("浏览器标签页的连接出错：%s", error)
        finally:
            self.sockets.discard(websocket)
            if tab is not None:
                await tab.stop()
        return websocket

    async def on_shutdown(self, app: web.Application) -> None:
        for websocket in list(self.sockets):
            await websocket.close(message="年报助手已停止".encode())  # each tab asks its process to quit
        await self.stop_children()

    async def stop_children(self) -> None:
        """Wait for the tabs' processes to quit; kill what is still running after the grace."""
        running = [p for p in self.children if p.returncode is None]
        for process in running:
            try:
                await asyncio.wait_for(process.wait(), STOP_GRACE)
            except asyncio.TimeoutError:
                process.kill()
                await process.wait()

    def run(self, sock: socket.socket) -> None:
        """Serve on the bound socket until Ctrl+C (or SIGTERM)."""
        loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)
        for signum in (signal.SIGINT, signal.SIGTERM):
            try:
                loop.add_signal_handler(signum, self.request_exit)
            except (NotImplementedError, AttributeError, ValueError):
                pass  # Windows: Ctrl+C arrives as KeyboardInterrupt, which run_app handles alike
        try:
            web.run_app(self._make_app(), sock=sock, handle_signals=False, loop=loop, print=None, access_log=None, shutdown_timeout=STOP_GRACE)
        except (GracefulExit, KeyboardInterrupt):
            pass


def _to_int(value: str, default: int) -> int:
    try:
        return int(value)
    except ValueError:
        return default
