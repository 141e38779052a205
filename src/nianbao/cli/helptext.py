"""`--help` in Chinese: Click's own help layout, with the few English words it adds translated.

Typer builds the help through its vendored Click, whose words ("Usage:", "Options", "[required]",
"Show this message and exit.") are fixed in English. The commands use a context whose help
formatter says them in Chinese; the layout, wrapping and content stay Click's.
"""

from __future__ import annotations

import re

import typer
from typer.core import TyperCommand, TyperGroup

SECTION_TITLES = {"Arguments": "参数", "Options": "选项", "Commands": "命令"}
USAGE_WORDS = {"[OPTIONS]": "[选项]", "COMMAND [ARGS]...": "命令 [参数]..."}
HELP_OPTION_TEXT = {"Show this message and exit.": "显示本帮助并退出。"}
_REQUIRED = re.compile(r"\[required\]")
_DEFAULT = re.compile(r"\[default: ([^\]]*)\]")
_PYTHON_TYPE = re.compile(r" <[\w\[\], ]+>")  # Typer shows argument types: "SESSION <str>"
_BRACED = re.compile(r"\{([A-Z][\w.]*)\}")  # and required arguments braced: "{SESSION}"


def _in_chinese(help_text: str) -> str:
    help_text = HELP_OPTION_TEXT.get(help_text, help_text)
    help_text = _REQUIRED.sub("[必填]", help_text)
    return _DEFAULT.sub(r"[默认：\1]", help_text)


class ChineseHelpFormatter(typer.Context.formatter_class):
    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        for english, chinese in USAGE_WORDS.items():
            args = args.replace(english, chinese)
        args = _BRACED.sub(r"\1", args)
        super().write_usage(prog, args, prefix="用法：" if prefix is None else prefix)

    def write_heading(self, heading: str) -> None:
        self.write(f"{'':>{self.current_indent}}{SECTION_TITLES.get(heading, heading)}：\n")

    def write_dl(self, rows, col_max: int = 30, col_spacing: int = 2) -> None:
        rows = [(_PYTHON_TYPE.sub("", term), _in_chinese(text)) for term, text in rows]
        super().write_dl(rows, col_max, col_spacing)


class ChineseContext(typer.Context):
    formatter_class = ChineseHelpFormatter


class ChineseGroup(TyperGroup):
    context_class = ChineseContext


class ChineseCommand(TyperCommand):
    context_class = ChineseContext
