"""The `nianbao` command. Each command module registers on the shared Typer app."""

from __future__ import annotations

import sys

from rich.text import Text

from nianbao.cli import check, draft, output, rules, serve  # noqa: F401  (register commands)
from nianbao.cli.common import EXIT_UNUSABLE, app, err
from nianbao.cli.usage import is_usage_error, usage_message

INTERRUPTED = "已中断。已确认的回答都已保存。"


def main() -> None:
    # standalone_mode=False: usage errors come back here to be told in Chinese.
    try:
        code = app(standalone_mode=False)
    except KeyboardInterrupt:
        err.print(Text(INTERRUPTED))
        sys.exit(130)
    except Exception as exc:
        if type(exc).__name__ == "Abort":  # Ctrl+C, as Click reports it
            err.print(Text(INTERRUPTED))
            sys.exit(130)
        if not is_usage_error(exc):
            raise
        err.print(Text("错误：" + usage_message(exc), style="bold red"))
        sys.exit(EXIT_UNUSABLE)
    sys.exit(code if isinstance(code, int) else 0)
