"""How prompts/ files are found and parsed, shared by the full loader (spec) and the opening."""

from __future__ import annotations

from pathlib import Path

import yaml

# libyaml's loader when PyYAML was built with it: several times faster at start-up.
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


# Beside the sections, not one of them (synonyms.py reads it).
NOT_SECTIONS = frozenset({"synonyms.yaml"})


def prompt_files(folder: Path) -> list[Path]:
    """The section files, in interview order (their names start with a number)."""
    return sorted(path for path in folder.glob("*.yaml") if path.name not in NOT_SECTIONS)


def load_text(text: str):
    return yaml.load(text, Loader=LOADER)


def read(path: Path):
    return load_text(path.read_text(encoding="utf-8"))
