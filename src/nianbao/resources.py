"""Where prompts/ and templates/ live: shipped inside the package, or the source checkout's."""

from __future__ import annotations

import os
from pathlib import Path


def _data_dir(name: str, env: str) -> Path:
    if os.environ.get(env):
        return Path(os.environ[env])
    # Installed from a wheel: the folder sits inside the package. (importlib.resources would find
    # the same folder, at a cost felt in start-up time; the package is always a plain directory.)
    packaged = Path(__file__).resolve().parent / name
    if packaged.is_dir():
        return packaged
    # A source checkout or an editable install: the top-level folder of the repository.
    return Path(__file__).resolve().parents[2] / name


def templates_dir() -> Path:
    return _data_dir("templates", "NIANBAO_TEMPLATES_DIR")


def prompts_dir() -> Path:
    return _data_dir("prompts", "NIANBAO_PROMPTS_DIR")
