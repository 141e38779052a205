"""One session drafted in one place at a time.

A lock file beside the session (`.NAME.json.lock`) is held, through `filelock`, while a session
is drafted (the TUI, `--plain`, `--answers`); the operating system releases it when the process
ends, however it ends, so a killed process never blocks the next start. Who holds it (host,
process, since when) is kept in a small JSON file beside it (`.NAME.json.owner`), for the
message another instance shows. Reading a session (print, check, export) takes no lock.
"""

from __future__ import annotations

import atexit
import json
import os
import socket
from datetime import datetime, timezone
from pathlib import Path

from filelock import FileLock, Timeout

from nianbao.fs import write_bytes_atomically


class SessionLocked(Exception):
    """The session is being drafted elsewhere; the message is Chinese and says where."""


# The locks this process holds, by the session's real path: opening the same session twice in
# one process (the CLI, then the TUI it starts) is not a conflict.
_held: dict[Path, FileLock] = {}


def _key(session: Path) -> Path:
    return Path(os.path.realpath(session))


def lock_path(session: Path) -> Path:
    real = _key(session)
    return real.with_name(f".{real.name}.lock")


def owner_path(session: Path) -> Path:
    real = _key(session)
    return real.with_name(f".{real.name}.owner")


def acquire(session: Path) -> bool:
    """Hold the session's lock for the rest of this process (or until `release`).

    Raises SessionLocked when another process holds it. Returns False when no lock could be
    made at all (a folder that cannot be written): drafting goes on, and the first save says why.
    """
    key = _key(session)
    if key in _held:
        return True
    lock = FileLock(str(lock_path(session)), timeout=0, thread_local=False)
    try:
        key.parent.mkdir(parents=True, exist_ok=True)
        lock.acquire(timeout=0)
    except Timeout:
        raise SessionLocked(locked_message(session)) from None
    except OSError:
        return False
    _held[key] = lock
    info = {"host": socket.gethostname(), "pid": os.getpid(), "since": datetime.now(timezone.utc).isoformat(timespec="seconds")}
    try:
        write_bytes_atomically(owner_path(session), json.dumps(info).encode("utf-8"), private=True)
    except OSError:
        pass  # who holds it is only for the message; the lock itself is what counts
    return True


def release(session: Path) -> None:
    lock = _held.pop(_key(session), None)
    if lock is None:
        return
    try:
        owner_path(session).unlink(missing_ok=True)
    except OSError:
        pass
    lock.release()


@atexit.register
def release_all() -> None:
    for key in list(_held):
        release(key)


def is_locked(session: Path) -> bool:
    """Whether another process is drafting the session now."""
    if _key(session) in _held:
        return False
    if not lock_path(session).exists():
        return False
    lock = FileLock(str(lock_path(session)), timeout=0, thread_local=False)
    try:
        lock.acquire(timeout=0)
    except Timeout:
        return True
    except OSError:
        return False
    lock.release()
    return False


def locked_message(session: Path) -> str:
    name = Path(session).stem
    where = _owner_text(session)
    return (
        f"会话“{name}”正在另一处填写{where}，不能同时打开。"
        "请到那里继续，或在那里退出后再试；若那个窗口已关闭，稍等片刻再试。"
    )


def _owner_text(session: Path) -> str:
    try:
        info = json.loads(owner_path(session).read_text(encoding="utf-8"))
        host, pid, since = str(info["host"]), int(info["pid"]), str(info["since"])
        when = datetime.fromisoformat(since).astimezone().strftime("%Y-%m-%d %H:%M")
    except (OSError, ValueError, KeyError, TypeError):
        return ""
    return f"（主机 {host}，进程 {pid}，自 {when} 起）"
