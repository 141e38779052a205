"""`nianbao serve`: the drafting screen in a web browser (the server lives in nianbao.serve)."""

from __future__ import annotations

from typing import Optional

import typer
from rich.text import Text

from nianbao.cli.common import State, command, fail, out


@command("serve")
def serve_cmd(
    host: str = typer.Option("127.0.0.1", "--host", metavar="ADDRESS", help="监听的地址；不是本机地址（如 0.0.0.0）时须凭访问口令进入"),
    port: int = typer.Option(8000, "--port", metavar="PORT", help="端口"),
    token: Optional[str] = typer.Option(None, "--token", metavar="TOKEN", help="访问口令（默认在启动时生成；在本机地址上给出时也要求口令）"),
    public_url: Optional[str] = typer.Option(
        None, "--public-url", metavar="URL", help="浏览器访问的地址，前面有反向代理时填写，例如 https://nianbao.example.gov.cn"
    ),
) -> None:
    """在浏览器中打开起草界面：每个浏览器标签页各自运行一个年报助手，会话文件与终端里的相同。按 Ctrl+C 停止。"""
    from nianbao import datadir
    from nianbao.serve.access import Access, new_token, token_problem
    from nianbao.serve.listen import ListenError, bind, display_host, is_loopback

    if token is not None and (problem := token_problem(token)):
        raise fail(problem)
    if public_url is not None and not public_url.startswith(("http://", "https://")):
        raise fail(f"--public-url 要写完整的网址，以 http:// 或 https:// 开头（收到的是“{public_url}”）。")
    local_only = is_loopback(host)
    if token is None and not local_only:
        token = new_token()
    try:
        sock = bind(host, port)
    except ListenError as exc:
        raise fail(str(exc)) from None
    bound_host, bound_port = sock.getsockname()[:2]
    base = (public_url or f"http://{display_host(host, bound_host)}:{bound_port}").rstrip("/")
    address = f"{base}/?token={token}" if token else f"{base}/"
    out.print(Text("年报助手已在浏览器中开放，请打开：", style="bold"))
    out.print(Text(f"  {address}"))
    if token and not local_only:
        out.print(Text("这个地址带有访问口令，只交给需要填写年报的同事；口令只在此显示一次。"))
    out.print(Text(f"会话文件夹：{datadir.sessions_dir(State.data_dir)}"))
    out.print(Text("按 Ctrl+C 停止服务（各标签页里已确认的回答都已保存）。"))
    out.file.flush()  # the address is read by whoever started us, also through a pipe

    from nianbao.serve.server import NianbaoServer, tab_command

    server = NianbaoServer(tab_command(State.data_dir), Access(token, public_url), public_url)
    server.run(sock)
    out.print(Text("年报助手的网页服务已停止。"))
