"""Session files: JSON with a schema version, atomic write, one backup, clear errors."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Callable

from pydantic import ValidationError

from nianbao.report.fieldnames import explain_validation_error
from nianbao.session import SCHEMA_VERSION, Session, now

ENV_DATA_DIR = "NIANBAO_DATA_DIR"
SUFFIX = ".json"


class SessionError(Exception):
    """A session file that cannot be used; the message is Chinese and names the file."""


def data_dir(override: str | os.PathLike | None = None) -> Path:
    if override:
        return Path(override)
    if os.environ.get(ENV_DATA_DIR):
        return Path(os.environ[ENV_DATA_DIR])
    from platformdirs import user_data_dir

    return Path(user_data_dir("nianbao", appauthor=False))


def sessions_dir(override: str | os.PathLike | None = None) -> Path:
    return data_dir(override) / "sessions"


def backup_path(path: Path) -> Path:
    return path.with_name(path.name + ".bak")


def save(session: Session, path: Path) -> None:
    """Write atomically: temp file in the same folder, fsync, keep the old file as .bak, replace."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    session.updated = now()
    payload = session.model_dump_json(indent=1)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        if path.exists() and _is_loadable(path):
            # Keep one good backup; never replace a good backup with a damaged file.
            os.replace(path, backup_path(path))
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _is_loadable(path: Path) -> bool:
    try:
        load(path)
        return True
    except SessionError:
        return False


# Migrations: version -> function turning that version's dict into the next version's.
def _from_v0(raw: dict) -> dict:
    # Version 0: a bare report (what early tools and hand-written examples hold).
    return {"schema_version": 1, "report": raw}


MIGRATIONS: dict[int, Callable[[dict], dict]] = {0: _from_v0}


def _migrate(raw: dict) -> dict:
    version = raw.get("schema_version", 0 if "report" not in raw else 1)
    if not isinstance(version, int) or version > SCHEMA_VERSION:
        raise ValueError(f"版本 {version} 比本程序支持的版本 {SCHEMA_VERSION} 新，请升级 nianbao")
    while version < SCHEMA_VERSION:
        raw = MIGRATIONS[version](raw)
        version = raw["schema_version"]
    return raw


def load(path: Path) -> Session:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SessionError(f"找不到会话文件：{path}") from None
    except UnicodeDecodeError:
        raise SessionError(_damaged(path, "不是 UTF-8 文本")) from None
    except OSError as exc:
        raise SessionError(f"无法读取会话文件 {path}：{exc.strerror}") from None
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        raise SessionError(_damaged(path, f"第 {exc.lineno} 行第 {exc.colno} 列 JSON 格式错误")) from None
    if not isinstance(raw, dict):
        raise SessionError(_damaged(path, "内容不是一个会话"))
    try:
        raw = _migrate(raw)
    except ValueError as exc:
        raise SessionError(f"会话文件 {path}：{exc}") from None
    try:
        return Session.model_validate(raw)
    except ValidationError as exc:
        raise SessionError(f"会话文件 {path} 中 {explain_validation_error(exc)}") from None


def _damaged(path: Path, why: str) -> str:
    message = f"会话文件 {path} 已损坏（{why}），未做任何改动。"
    backup = backup_path(path)
    if backup.exists():
        message += f"可用上一次的备份：{backup}（nianbao resume {backup}）"
    return message


def resolve(name_or_path: str, data_dir_override: str | None = None) -> Path:
    """A session given as a path, or as a name in the sessions folder."""
    candidate = Path(name_or_path)
    if candidate.exists() or candidate.suffix == SUFFIX or os.sep in name_or_path:
        return candidate
    return sessions_dir(data_dir_override) / f"{name_or_path}{SUFFIX}"


def list_sessions(data_dir_override: str | None = None) -> list[Path]:
    folder = sessions_dir(data_dir_override)
    if not folder.is_dir():
        return []
    return sorted(folder.glob(f"*{SUFFIX}"), key=lambda p: p.stat().st_mtime, reverse=True)
