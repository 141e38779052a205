"""Session files: JSON with a schema version, atomic write, one backup, clear errors."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Callable

from pydantic import ValidationError

from nianbao.datadir import (  # noqa: F401  (all but backup_path re-exported)
    ENV_DATA_DIR,
    SUFFIX,
    backup_path,
    data_dir,
    list_sessions,
    resolve,
    sessions_dir,
)
from nianbao import fs, lock
from nianbao.fs import ReadRefused, read_bytes_bounded, real_target, write_bytes_atomically
from nianbao.report.fieldnames import explain_validation_error
from nianbao.report.model import Report
from nianbao.session import SCHEMA_VERSION, Session, now

# A session is tens of kilobytes; far more is not a session, and is not read whole.
MAX_SESSION_BYTES = 20_000_000


class SessionError(Exception):
    """A session file that cannot be used; the message is Chinese and names the file."""


def save(session: Session, path: Path) -> None:
    """Write atomically and keep the previous good version as .bak.

    Each file is written to a temp file in the same folder, fsynced, then os.replace'd into place,
    so at every moment both the session file and its backup are complete. The backup is written
    first; the session file itself is only ever replaced, never moved away. A damaged previous
    file never becomes the backup.
    """
    path = real_target(Path(path))  # a session that is a link: the file it points to, backup beside it
    path.parent.mkdir(parents=True, exist_ok=True)
    session.updated = now()
    payload = session.model_dump_json(indent=1).encode("utf-8")
    previous = _good_bytes(path)
    if previous is not None:
        write_bytes_atomically(backup_path(path), previous, private=True)
    write_bytes_atomically(path, payload, private=True)


def remove_stale_temp_files(data_dir_override: str | None = None) -> list[Path]:
    """At start: the temp files killed saves left in the sessions folder (over an hour old, of
    no session being drafted now). Returns what was removed."""
    folder = sessions_dir(data_dir_override)
    return fs.remove_stale_temp_files(folder, in_use=lambda target: lock.is_locked(folder / _session_of(target)))


def _session_of(target: str) -> str:
    """The session a temp file was for: NAME.json itself, its backup NAME.json.bak, or the lock's
    owner note .NAME.json.owner."""
    if target.startswith(".") and target.endswith(".owner"):
        target = target[1: -len(".owner")]
    return target.removesuffix(".bak")


def rescue_path(path: Path, folder: Path) -> Path:
    return Path(folder) / f"nianbao-未保存-{Path(path).stem}{SUFFIX}"


def rescue_folders() -> list[Path]:
    """Where a session that cannot be saved in its folder is saved instead: the home folder,
    then the temp folder (often another disk)."""
    import tempfile

    return [Path.home(), Path(tempfile.gettempdir())]


def save_elsewhere(session: Session, path: Path) -> Path | None:
    """After a failed save of `path`: save a copy in the first rescue folder that takes it;
    None when none does (a full disk everywhere, a file-size limit)."""
    for folder in rescue_folders():
        target = rescue_path(path, folder)
        if target.parent == Path(path).parent:
            continue
        try:
            save(session, target)
        except OSError:
            continue
        return target
    return None


def _good_bytes(path: Path) -> bytes | None:
    """The file's content if it is a loadable session, else None (missing or damaged)."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    try:
        _parse(path, data)
    except SessionError:
        return None
    return data


# Migrations: version -> function turning that version's dict into the next version's.
def _from_v0(raw: dict) -> dict:
    # Version 0: a bare report (what early tools and hand-written examples hold).
    report = {key: value for key, value in raw.items() if key != "schema_version"}
    return {"schema_version": 1, "report": report}


MIGRATIONS: dict[int, Callable[[dict], dict]] = {0: _from_v0}
_REPORT_FIELDS = set(Report.model_fields)


class _NewerVersion(ValueError):
    pass


def _migrate(raw: dict) -> dict:
    if "schema_version" in raw:
        version = raw["schema_version"]
    else:
        version = 1 if "report" in raw else 0
    # `{}` (or a version and nothing else) is no old-format session: it is damaged. Opening it as
    # an empty report would let the next save replace the good backup with nothing.
    if type(version) is int and version == 0 and not set(raw) & _REPORT_FIELDS:
        raise ValueError("内容中没有报告的任何一项")
    if type(version) is int and version >= 1 and "report" not in raw:
        raise ValueError("内容中没有报告")
    # bool is an int subclass: `true` is not a version.
    if type(version) is not int or version < 0 or (version < SCHEMA_VERSION and version not in MIGRATIONS):
        raise ValueError(f"无法识别的格式版本“{version}”")
    if version > SCHEMA_VERSION:
        raise _NewerVersion(f"格式版本为 {version}，比本程序支持的版本 {SCHEMA_VERSION} 新，请升级 nianbao")
    while version < SCHEMA_VERSION:
        raw = MIGRATIONS[version](raw)
        version = raw["schema_version"]
    return raw


def load(path: Path) -> Session:
    path = Path(path)
    try:
        data = read_bytes_bounded(path, "会话文件", MAX_SESSION_BYTES)
    except ReadRefused as exc:
        raise SessionError(str(exc)) from None
    return _parse(path, data)


def _parse(path: Path, data: bytes) -> Session:
    try:
        # utf-8-sig: a file re-saved by Windows Notepad starts with a BOM.
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise SessionError(_damaged(path, "不是 UTF-8 文本")) from None
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        raise SessionError(_damaged(path, f"第 {exc.lineno} 行第 {exc.colno} 列 JSON 格式错误")) from None
    except RecursionError:
        raise SessionError(_damaged(path, "JSON 嵌套过深")) from None
    except ValueError:  # an integer over Python's 4,300-digit limit
        raise SessionError(_damaged(path, "其中的数字位数过多")) from None
    if not isinstance(raw, dict):
        raise SessionError(_damaged(path, "内容不是一个会话"))
    try:
        raw = _migrate(raw)
    except _NewerVersion as exc:
        raise SessionError(f"会话文件 {path} 的{exc}。") from None
    except ValueError as exc:
        raise SessionError(_damaged(path, str(exc))) from None
    try:
        return Session.model_validate(raw)
    except RecursionError:
        raise SessionError(_damaged(path, "内容嵌套过深")) from None
    except ValidationError as exc:
        raise SessionError(f"会话文件 {path} 中 {explain_validation_error(exc)}。{_backup_hint(path)}") from None


def _damaged(path: Path, why: str) -> str:
    return f"会话文件 {path} 已损坏（{why}），未做任何改动。{_backup_hint(path)}"


def _backup_hint(path: Path) -> str:
    backup = backup_path(path)
    if backup.is_file():
        return f"上一次保存的备份：{backup}（可复制为 {path.name} 后继续使用）"
    return ""


