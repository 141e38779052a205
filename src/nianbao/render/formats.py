"""The output formats: one registry for `export`, its help and the TUI's export dialog.

Light on purpose (the commands read it at start-up): a format names its writer as
"module:function", loaded only when a report is written in that format. A writer takes
(report, path) and writes the whole file at path; export.py wraps it in the atomic write.
To add a format: one entry here and its writer function.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module
from pathlib import Path
from typing import Callable


@dataclass(frozen=True)
class OutputFormat:
    name: str  # what -f takes and the file suffix, e.g. "docx"
    title: str  # shown to the user, in Chinese
    writer: str  # "module:function", function(report, path)
    aliases: tuple[str, ...] = ()  # other suffixes and -f values meaning the same format
    needs_office: bool = False  # written through LibreOffice (or Word) on this machine
    rendered_text: bool = False  # rendered from templates/ (draft and final), a golden file each

    def load_writer(self) -> Callable:
        module, _, function = self.writer.partition(":")
        return getattr(import_module(module), function)


OUTPUT_FORMATS: dict[str, OutputFormat] = {
    f.name: f
    for f in (
        OutputFormat("txt", "纯文本", "nianbao.render.outputs:write_txt", ("text",), rendered_text=True),
        OutputFormat("md", "Markdown", "nianbao.render.outputs:write_md", ("markdown",), rendered_text=True),
        OutputFormat("html", "网页", "nianbao.render.outputs:write_html", ("htm",), rendered_text=True),
        OutputFormat("docx", "Word 文档", "nianbao.render.docx_writer:write_docx"),
        OutputFormat("pdf", "PDF", "nianbao.render.pdf:write_pdf", needs_office=True),
    )
}
DEFAULT_FORMAT = "txt"


def format_named(name: str) -> OutputFormat | None:
    """The format a -f value or a suffix names ("DOCX", "htm", "markdown"), or None."""
    name = name.lower().lstrip(".")
    for output_format in OUTPUT_FORMATS.values():
        if name == output_format.name or name in output_format.aliases:
            return output_format
    return None


def format_from_suffix(output: Path) -> str:
    """The format a file name asks for; the default when its suffix names none."""
    found = format_named(output.suffix) if output.suffix else None
    return found.name if found else DEFAULT_FORMAT


def formats_help() -> str:
    """The formats, as the CLI's help and error messages list them: "txt（纯文本）、md（Markdown）…"."""
    return "、".join(
        f"{f.name}（{f.title}{'，需要 LibreOffice' if f.needs_office else ''}）" for f in OUTPUT_FORMATS.values()
    )


def rendered_text_formats() -> tuple[str, ...]:
    return tuple(name for name, f in OUTPUT_FORMATS.items() if f.rendered_text)
