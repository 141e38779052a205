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


# Suffixes that make an argument a file's path, not a session's name: sessions and their
# backups, answers files, and every form a published report comes in (a test keeps these in
# step with importer/forms.py, which this bottom layer cannot import).
PATH_SUFFIXES = frozenset({
    SUFFIX, ".bak", ".yaml", ".yml", ".md", ".xlsx",
    ".docx", ".pdf", ".doc", ".wps", ".html", ".htm", ".shtml", ".xhtml", ".txt", ".text",
})


def looks_like_path(text: str) -> bool:
    """Typed as a path: a folder separator (either kind, for Windows), a leading . or ~, or a
    file suffix. Anything else is first of all a session's name."""
    if "/" in text or "\\" in text or text.startswith((".", "~")):
        return True
    return Path(text).suffix.lower() in PATH_SUFFIXES


def resolve(name_or_path: str, data_dir_override: str | None = None) -> Path:
    """A session given as a path, or as a name in the sessions folder.

    A saved session comes first: a file or folder of the same name in the current folder
    (`./lilin`) does not hide session `lilin`. Only an argument that looks like a path, or a
    name no session has but a file has, is taken as that file.
    """
    if looks_like_path(name_or_path):
        return Path(name_or_path).expanduser()  # cmd.exe and PowerShell leave ~ as typed
    saved = sessions_dir(data_dir_override) / f"{name_or_path}{SUFFIX}"
    candidate = Path(name_or_path)
    if saved.exists() or not candidate.exists():
        return saved
    return candidate


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


MAX_NAME = 100
# Most file systems take 255 bytes per name, and the longest file made from a name
# (`..NAME.json.owner.XXXXXXXX.tmp`) adds 26: a name of 100 Chinese characters (300 bytes) fails.
MAX_NAME_BYTES = 198
# Separators would leave the sessions folder (../../x, /abs/y, a/b, deleted/…); the rest are
# characters Windows refuses in a file name.
_NOT_IN_NAME = frozenset('/\\<>:"|?*')


class BadSessionName(ValueError):
    """A --name that is not one plain file name; str() is the Chinese reason."""


def name_problem(name: str) -> str | None:
    """Why `name` cannot name a session (one path segment of the sessions folder), or None."""
    from nianbao.chinese.normalize import strip_hidden

    shown, hidden = strip_hidden(name)
    rule = f"会话名应是一个不超过 {MAX_NAME} 个字、不含 / \\ < > : \" | ? * 和控制字符的名字，例如 梨林镇2024"
    if not name.strip() or name.strip(" .") == "":
        return f"会话名“{shown}”不能用：不能为空，也不能只是点。{rule}。"
    if hidden:
        return f"会话名“{shown}”不能用：含有 {hidden} 个看不见的控制字符。{rule}。"
    if any(char in _NOT_IN_NAME for char in name):
        return f"会话名“{shown}”不能用：{rule}（会话都保存在会话文件夹里，不能写成路径）。"
    if len(name) > MAX_NAME or len(name.encode("utf-8")) > MAX_NAME_BYTES:
        return f"会话名太长（{len(name)} 个字）：最多 {MAX_NAME} 个字母或数字，或 {MAX_NAME_BYTES // 3} 个汉字。"
    return None


def new_session_path(data_dir_override: str | None = None, name: str | None = None) -> Path:
    """Where a new session is saved: its name, or one made from the time it was started.
    Raises BadSessionName when `name` is not one plain file name."""
    if name is not None and (problem := name_problem(name)):
        raise BadSessionName(problem)
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
