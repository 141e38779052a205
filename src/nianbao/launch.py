"""The `nianbao` entry point.

Opening the TUI is the common case and start-up time is the first thing a clerk sees, so plain
`nianbao` and `nianbao new [--name NAME]` (each with an optional `--data-dir DIR`) open it
straight away, without loading Typer and every command's modules. Anything else, including
`--help` and every error, goes to the full command line in `nianbao.cli`.
"""

from __future__ import annotations

import sys


def _option(args: list[str], name: str) -> tuple[str | None, list[str]] | None:
    """Take `name VALUE` or `name=VALUE` off the front of args; None when malformed."""
    if not args:
        return None, args
    if args[0] == name:
        if len(args) < 2 or args[1].startswith("-"):
            return None
        return args[1], args[2:]
    if args[0].startswith(name + "="):
        return args[0].split("=", 1)[1], args[1:]
    return None, args


def tui_request(args: list[str]) -> tuple[str | None, bool, str | None] | None:
    """(data_dir, new, name) when args only ask to open the TUI, else None (the full CLI decides)."""
    taken = _option(args, "--data-dir")
    if taken is None:
        return None
    data_dir, rest = taken
    if not rest:
        return data_dir, False, None
    if rest[0] != "new":
        return None
    taken = _option(rest[1:], "--name")
    if taken is None or taken[1]:
        return None
    return data_dir, True, taken[0]


def main() -> None:
    request = tui_request(sys.argv[1:])
    if request is not None:
        data_dir, new, name = request
        new_path = None
        if new:
            from nianbao.datadir import name_problem, new_session_path

            # a bad or an existing name: the CLI explains
            new_path = None if name is not None and name_problem(name) else new_session_path(data_dir, name)
        if (not new or new_path is not None) and (new_path is None or not new_path.exists()):
            from nianbao.tui.app import open_tui

            try:
                open_tui(data_dir, new_path=new_path)
            except KeyboardInterrupt:
                sys.exit(130)
            return
    from nianbao.cli import main as cli_main

    cli_main()
