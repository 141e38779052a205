"""Reading and writing files: read with a bound and a Chinese reason, write atomically.

The bottom of the layers. Sessions, answers files and published reports are read here
(read_bytes_bounded); sessions (store.py) and exports (render/export.py) are written here.
Writing leaves a file either the old one or the new one, never half of each.
A temp file in the target's folder is written, fsynced, and replaced onto the target; then the
folder is fsynced so the rename itself survives a power cut. A target that is a symbolic link is
written through to the file it points to (the link stays a link); a device, a FIFO or a folder is
never replaced.
On Windows a file another process holds open (an antivirus scan, a search indexer, Word showing
the last export) refuses to be replaced for a moment: the replace is retried briefly there.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

TEMP_SUFFIX = ".tmp"
# The temp files write_atomically makes: mkstemp's 8 random characters between our prefix and
# suffix. Only names of this form are ever removed as stale.
_TEMP_NAME = re.compile(r"\.(?P<target>.+)\.[a-z0-9_]{8}" + re.escape(TEMP_SUFFIX))
# A write takes seconds; a temp file an hour old is what a killed write left behind.
STALE_AFTER_SECONDS = 3600
# Seconds to wait before each retry of a replace Windows refused (about 1.5 s in all).
REPLACE_RETRY_DELAYS = (0.05, 0.1, 0.2, 0.4, 0.8)


class NotARegularFile(OSError):
    """The target exists and is not a regular file; its strerror is the Chinese message."""

    def __init__(self, path: Path, what: str):
        super().__init__(errno.EINVAL, f"{path} 是{what}，不是普通文件，不能覆盖。请换一个文件名。")


class ReadRefused(Exception):
    """A file that cannot be read; str() is the Chinese reason, naming the file."""


def read_bytes_bounded(path: Path, what: str, limit: int) -> bytes:
    """The bytes of the file at `path`, `what` it is ("会话文件") naming it in the reason when it is
    missing, a folder, not a regular file (a FIFO would block the read forever), unreadable, or
    over `limit` bytes."""
    path = Path(path)
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise ReadRefused(f"{path} 是文件夹，不是{what}")
        if not stat.S_ISREG(info.st_mode):
            raise ReadRefused(f"{path} 不是普通文件（是设备或管道），不能作为{what}读取")
        if info.st_size > limit:
            raise ReadRefused(_too_big(path, what, limit))
        with path.open("rb") as handle:
            # read(n) allocates n bytes up front: ask for the size stat() gave (plus one, to see
            # a file that grew), and only then for the rest up to the limit.
            data = handle.read(info.st_size + 1)
            if len(data) > info.st_size:
                data += handle.read(limit + 1 - len(data))
    except FileNotFoundError:
        raise ReadRefused(f"找不到{what}：{path}") from None
    except PermissionError:
        raise ReadRefused(f"没有权限读取{what}：{path}") from None
    except OSError as exc:
        raise ReadRefused(f"无法读取{what} {path}：{exc.strerror or exc}") from None
    if len(data) > limit:  # grew while being read
        raise ReadRefused(_too_big(path, what, limit))
    return data


def _too_big(path: Path, what: str, limit: int) -> str:
    return f"{path}：{what}太大（超过 {limit / 1_000_000:g} MB），不像是{what}"


def real_target(path: Path) -> Path:
    """Where writing `path` must land: the file a link points to; refused if not a regular file."""
    path = Path(path)
    target = Path(os.path.realpath(path)) if path.is_symlink() else path
    try:
        mode = target.stat().st_mode
    except FileNotFoundError:
        return target
    except OSError:
        return target  # unreadable metadata: the write itself will say why
    if stat.S_ISREG(mode):
        return target
    what = "文件夹" if stat.S_ISDIR(mode) else "设备" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "管道" if stat.S_ISFIFO(mode) else "特殊文件"
    raise NotARegularFile(path, what)


def write_atomically(path: Path, write: Callable[[Path], None], *, private: bool = False) -> Path:
    """Call write(temp path), then put the result in place of `path`; return where it landed.

    private: keep mkstemp's owner-only permissions (sessions); otherwise the usual ones (exports).
    """
    target = real_target(path)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=TEMP_SUFFIX, dir=target.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        write(tmp)
        if not private:
            os.chmod(tmp, 0o666 & ~_umask())
        _fsync_file(tmp)
        replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _fsync_dir(target.parent)
    return target


def replace(source: Path, target: Path) -> None:
    """os.replace, retried on Windows while another process holds either file open."""
    for delay in REPLACE_RETRY_DELAYS if sys.platform == "win32" else ():
        try:
            os.replace(source, target)
            return
        except PermissionError:  # sharing violation or access denied: usually a scanner's brief hold
            time.sleep(delay)
    os.replace(source, target)  # the last try: its error, if any, is the one reported


def write_bytes_atomically(path: Path, data: bytes, *, private: bool = False) -> Path:
    return write_atomically(path, lambda tmp: tmp.write_bytes(data), private=private)


def _fsync_file(path: Path) -> None:
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


def _fsync_dir(folder: Path) -> None:
    # Make the rename itself durable; Windows cannot open a folder, and some filesystems refuse.
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def remove_stale_temp_files(folder: Path, in_use: Callable[[str], bool] = lambda target: False) -> list[Path]:
    """Remove the temp files interrupted writes left in `folder` (`.NAME.XXXXXXXX.tmp`, regular
    files older than an hour) unless in_use(NAME) says the file they were for is being written
    now. Nothing else is touched; a file that cannot be removed is left. Returns what was removed."""
    removed: list[Path] = []
    cutoff = time.time() - STALE_AFTER_SECONDS
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed  # no such folder yet, or unreadable: nothing of ours to tidy
    for entry in entries:
        match = _TEMP_NAME.fullmatch(entry.name)
        if match is None:
            continue
        try:
            if not entry.is_file(follow_symlinks=False) or entry.stat(follow_symlinks=False).st_mtime > cutoff:
                continue
            if in_use(match["target"]):
                continue
            os.unlink(entry.path)
        except OSError:
            continue
        removed.append(Path(entry.path))
    return removed
