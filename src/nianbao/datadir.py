"""Where sessions live, by name: the data folder, session paths and the listing.

Kept apart from `store` (which loads pydantic) so the TUI can start and list sessions before the
model is imported.
"""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

from nianbao.fs import replace

ENV_DATA_DIR = "NIANBAO_DATA_DIR"
SUFFIX = ".json"
TRASH = "deleted"  # a subfolder of the sessions folder: deleted sessions can be found again


def data_dir(override: str | os.PathLike | None = None) -> Path:
    if override:
        return Path(override)
    if os.environ.get(ENV_DATA_DIR):
        return Path(os.environ[ENV_DATA_DIR])
    from platformdirs import user_data_dir

    return Path(user_data_dir("nianbao", appauthor=False))


def sessions_dir(override: str | os.PathLike | None = None) -> Path:
    return data_dir(override) / "sessions"


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
    stamped = []
    for path in folder.glob(f"*{SUFFIX}"):
        try:
            stamped.append((path.stat().st_mtime_ns, path))
        except OSError:
            continue  # removed meanwhile
    # Most recently modified first; the name breaks ties so the order is stable.
    stamped.sort(key=lambda item: (-item[0], item[1].name))
    return [path for _, path in stamped if path.is_file()]


def backup_path(path: Path) -> Path:
    """The previous good version of a session, kept beside it."""
    return path.with_name(path.name + ".bak")


def new_session_path(data_dir_override: str | None = None, name: str | None = None) -> Path:
    """Where a new session is saved: its name, or one made from the time it was started."""
    stem = name or datetime.now().strftime("nianbao-%Y%m%d-%H%M%S")
    return sessions_dir(data_dir_override) / f"{stem}{SUFFIX}"


def discard_session(path: Path) -> Path:
    """Move a session (and its backup) out of the listing into the sessions folder's `deleted`
    subfolder, stamped with the time so earlier deletions of the same name are kept. Returns
    where the session went."""
    trash = path.parent / TRASH
    trash.mkdir(exist_ok=True)
    target = trash / f"{path.stem}-{datetime.now().strftime('%Y%m%d-%H%M%S-%f')}{SUFFIX}"
    backup = backup_path(path)
    replace(path, target)  # the session first: if this fails, nothing has moved
    if backup.exists():
        replace(backup, backup_path(target))
    return target
