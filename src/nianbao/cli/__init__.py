"""The `nianbao` command. Each command module registers on the shared Typer app."""

from __future__ import annotations

import sys

from rich.text import Text

from nianbao.cli import check, draft, output  # noqa: F401  (register commands)
from nianbao.cli.common import app, err


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        err.print(Text("已中断。已确认的回答都已保存。"))
        sys.exit(130)
