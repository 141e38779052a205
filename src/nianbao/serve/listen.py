"""The listening socket and the addresses to tell the clerk."""

from __future__ import annotations

import errno
import ipaddress
import socket


class ListenError(Exception):
    """The address cannot be listened on; the message is Chinese and says what to do."""


_IN_USE = {errno.EADDRINUSE, getattr(errno, "WSAEADDRINUSE", -1), 10048}
_DENIED = {errno.EACCES, getattr(errno, "WSAEACCES", -1), 10013}
_NOT_HERE = {errno.EADDRNOTAVAIL, getattr(errno, "WSAEADDRNOTAVAIL", -1), 10049}


def resolve(host: str, port: int) -> tuple[socket.AddressFamily, tuple]:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except (socket.gaierror, UnicodeError, OverflowError):
        raise ListenError(f"无法识别地址“{host}”：请写 IP 地址（如 127.0.0.1、0.0.0.0）或本机的主机名。") from None
    family, _, _, _, address = infos[0]
    return family, address


def is_loopback(host: str) -> bool:
    """Whether the address only this machine can reach (127.0.0.1, ::1, localhost)."""
    try:
        infos = socket.getaddrinfo(host, None, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError):
        return False
    return bool(infos) and all(ipaddress.ip_address(info[4][0].split("%")[0]).is_loopback for info in infos)


def bind(host: str, port: int) -> socket.socket:
    """A socket listening on host:port (port 0: any free one)."""
    if not 0 <= port <= 65535:
        raise ListenError(f"端口 {port} 不存在：请用 1 到 65535 之间的数，例如 --port 8000。")
    family, address = resolve(host, port)
    try:
        # create_server sets SO_REUSEADDR on POSIX only: on Windows it would let two servers
        # share the port.
        return socket.create_server(address, family=family)
    except OSError as exc:
        code = exc.errno if exc.errno is not None else getattr(exc, "winerror", None)
        if code in _IN_USE:
            raise ListenError(
                f"端口 {port} 已被占用（也许另一个 nianbao serve 正在运行）。请先停止它，或用 --port 换一个端口，例如 --port {port + 1 if port < 65535 else 8000}。"
            ) from None
        if code in _DENIED:
            raise ListenError(f"不能使用端口 {port}：它已被占用，或需要管理员权限（1024 以下的端口）。请用 --port 换一个，例如 --port 8000。") from None
        if code in _NOT_HERE:
            raise ListenError(f"本机没有地址 {host}：请写本机的 IP 地址，或用 0.0.0.0 接受所有网卡的连接。") from None
        raise ListenError(f"无法在 {host}:{port} 上开放服务：{exc.strerror or exc}。") from None


def display_host(host: str, bound: str) -> str:
    """The host name to print in the address: this machine's network address for 0.0.0.0 / ::."""
    if bound in ("0.0.0.0", "::"):
        return lan_address(socket.AF_INET6 if bound == "::" else socket.AF_INET)
    return f"[{host}]" if ":" in host else host


def lan_address(family: socket.AddressFamily = socket.AF_INET) -> str:
    """This machine's address on the office network, as another machine would use it."""
    probe = ("192.0.2.1", 9) if family == socket.AF_INET else ("2001:db8::1", 9)
    try:
        with socket.socket(family, socket.SOCK_DGRAM) as s:
            s.connect(probe)  # UDP: no packet is sent, the system only picks the interface
            address = s.getsockname()[0]
    except OSError:
        return socket.gethostname()
    return f"[{address}]" if family == socket.AF_INET6 else address
