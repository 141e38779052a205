"""Who may use `nianbao serve`: the access token, its cookie, and the checks on every request.

The token is a shared secret for a trusted office network, not a user system: whoever holds the
full address (or the cookie it sets) drafts as the account that started the server. Every request
without it, the page, the static files, the websocket and the downloads alike, gets 403 and a
short Chinese page. Without a token (the default on 127.0.0.1) only requests addressed to this
machine's loopback names pass, so a web page on another site cannot reach the server through a
rebound host name, and the websocket accepts only the server's own pages (its Origin).
"""

from __future__ import annotations

import hmac
import re
import secrets
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from aiohttp import web

COOKIE = "nianbao_token"
TOKEN_PARAM = "token"
TOKEN_PATTERN = re.compile(r"[A-Za-z0-9_\-.~]{8,200}")
LOOPBACK_NAMES = frozenset({"127.0.0.1", "localhost", "::1", "[::1]"})

FORBIDDEN_PAGE = """<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>无法访问年报助手</title></head>
<body style="font-family: system-ui, 'Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC', sans-serif; margin: 3em;">
<h1>无法访问</h1>
<p>{reason}</p>
</body></html>
"""
NO_TOKEN = "需要访问口令。请用启动 nianbao serve 时显示的完整地址（带 ?token=…）打开，或向启动它的同事要这个地址。"
WRONG_HOST = "这个年报助手只接受本机访问，请用 http://127.0.0.1 开头的地址打开。"
WRONG_ORIGIN = "连接只接受年报助手自己的页面发起。"


def new_token() -> str:
    return secrets.token_urlsafe(18)


def token_problem(token: str) -> str | None:
    """Why a token given with --token cannot be used (Chinese), or None."""
    if not TOKEN_PATTERN.fullmatch(token):
        return "--token 的口令要至少 8 个字符，只用英文字母、数字和 - _ . ~（它会写进网址）。"
    return None


def forbidden(reason: str) -> web.Response:
    return web.Response(status=403, text=FORBIDDEN_PAGE.format(reason=reason), content_type="text/html", charset="utf-8")


def _host_name(host: str) -> str:
    """The name part of a Host header (no port), lower case."""
    host = host.strip().lower()
    if host.startswith("["):
        return host[: host.find("]") + 1] if "]" in host else host
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


@dataclass
class Access:
    """token None: the server is for this machine only (loopback names, no token)."""

    token: str | None
    public_url: str | None = None
    secure_cookie: bool = False
    _public_host: str | None = field(init=False, default=None)

    def __post_init__(self) -> None:
        if self.public_url:
            parts = urlsplit(self.public_url)
            self._public_host = parts.netloc.lower() or None
            self.secure_cookie = parts.scheme == "https"

    def _valid(self, given: str | None) -> bool:
        return bool(given) and self.token is not None and hmac.compare_digest(given.encode(), self.token.encode())

    def _own_origin(self, request: web.Request) -> bool:
        origin = request.headers.get("Origin")
        if origin is None:
            return True  # not a browser page's request; the token or the host check still applies
        netloc = urlsplit(origin).netloc.lower()
        return netloc in {request.host.lower(), self._public_host}

    def refusal(self, request: web.Request) -> str | None:
        """Why the request is refused (Chinese), or None when it may pass."""
        if self.token is None:
            allowed = set(LOOPBACK_NAMES)
            if self._public_host:
                allowed.add(_host_name(self._public_host))
            if _host_name(request.host) not in allowed:
                return WRONG_HOST
        elif not (self._valid(request.query.get(TOKEN_PARAM)) or self._valid(request.cookies.get(COOKIE))):
            return NO_TOKEN
        if request.path.startswith("/ws") and not self._own_origin(request):
            return WRONG_ORIGIN
        return None

    @web.middleware
    async def middleware(self, request: web.Request, handler):
        reason = self.refusal(request)
        if reason is not None:
            return forbidden(reason)
        if self.token is None or request.method != "GET" or request.path != "/" or not self._valid(request.query.get(TOKEN_PARAM)):
            return await handler(request)
        # The address with the token sets the cookie and leads to the page without it, so the
        # token stays out of the browser's history and of what the page refers to.
        query = request.rel_url.query.copy()
        del query[TOKEN_PARAM]
        response = web.Response(status=303, headers={"Location": str(request.rel_url.with_query(query))})
        response.set_cookie(COOKIE, self.token, httponly=True, samesite="Strict", path="/", secure=self.secure_cookie)
        return response
