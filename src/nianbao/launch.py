"""The `nianbao` entry point.

Opening the TUI is the common case and start-up time is the first thing a clerk sees, so plain
`nianbao` and `nianbao new [--name NAME]` (each with an optional `--data-dir DIR`) open it
straight away, without loading Typer and every command's modules. Anything else, including
`--help` and every error, goes to the full command line in `nianbao.cli`.
"""

from __future__ import annotations

import atexit
import codecs
import sys

# Characters the console's encoding cannot show (GBK on a Chinese Windows has no •, no emoji) are
# written as this instead of crashing the command; a note at the end says how many.
SUBSTITUTE = "?"
_ERROR_HANDLER = "nianbao-substitute"
_replaced = [0]


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


def _substitute(exc: UnicodeError) -> tuple[str, int]:
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    _replaced[0] += exc.end - exc.start
    return SUBSTITUTE * (exc.end - exc.start), exc.end


def _report_replaced() -> None:
    if _replaced[0]:
        encoding = getattr(sys.stderr, "encoding", None) or "?"
        sys.stderr.write(
            f"注意：终端编码（{encoding}）无法显示其中 {_replaced[0]} 个字符，已显示为“{SUBSTITUTE}”；"
            "会话和报告本身没有改动，导出的文件（nianbao export）保留全部字符。\n"
        )


def safe_console() -> None:
    """Let stdout and stderr write any text: a character their encoding lacks becomes SUBSTITUTE."""
    codecs.register_error(_ERROR_HANDLER, _substitute)
    for stream in (sys.stdout, sys.stderr):
        encoding = getattr(stream, "encoding", None)
        reconfigure = getattr(stream, "reconfigure", None)
        if not encoding or reconfigure is None or codecs.lookup(encoding).name.startswith("utf-"):
            continue  # UTF-8 (and the Windows console, which Python writes in UTF-16) takes everything
        reconfigure(errors=_ERROR_HANDLER)
    atexit.register(_report_replaced)


def main() -> None:
    safe_console()
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
