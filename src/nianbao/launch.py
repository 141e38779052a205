"""The `nianbao` entry point. Plain `nianbao` opens the TUI at once, without loading every
command's modules (the importer, exports, Typer): start-up time is the first thing a clerk sees."""

from __future__ import annotations

import sys
from pathlib import Path


def open_tui(data_dir: str | None = None, session_path: Path | None = None) -> None:
    """Run the TUI; leaving after finishing prints the final text, ready to copy."""
    from rich.console import Console
    from rich.text import Text

    from nianbao.tui.app import run

    final_text = run(data_dir=data_dir, session_path=session_path)
    if final_text:
        Console(highlight=False, soft_wrap=True).print(Text(final_text))


def main() -> None:
    if len(sys.argv) == 1:
        try:
            open_tui()
        except KeyboardInterrupt:
            sys.exit(130)
        return
    from nianbao.cli import main as cli_main

    cli_main()
