"""The export formats and how a file name picks one (light: commands read it at start-up)."""

from __future__ import annotations

from pathlib import Path

TEXT_FORMATS = ("txt", "md", "html")  # rendered from templates
EXPORT_FORMATS = (*TEXT_FORMATS, "docx", "pdf")
DEFAULT_FORMAT = "txt"
_ALIASES = {"htm": "html", "markdown": "md", "text": "txt"}


def format_from_suffix(output: Path) -> str:
    suffix = output.suffix.lower().lstrip(".")
    suffix = _ALIASES.get(suffix, suffix)
    return suffix if suffix in EXPORT_FORMATS else DEFAULT_FORMAT
