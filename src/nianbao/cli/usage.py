"""Command-line usage errors (unknown option, missing argument, ...) as one Chinese line.

Typer reports them through its vendored Click in English, with a usage block; the clerk gets the
same facts in Chinese, and the way to the help text.
"""

from __future__ import annotations

import re


def is_usage_error(exc: BaseException) -> bool:
    """Click's exceptions for bad command lines carry an exit code and a formatted message."""
    return hasattr(exc, "exit_code") and hasattr(exc, "format_message")


def usage_message(exc: BaseException) -> str:
    ctx = getattr(exc, "ctx", None)
    command = ctx.command_path if ctx is not None else "nianbao"
    return f"{_what(exc)}。用 {command} --help 查看用法。"


def _what(exc: BaseException) -> str:
    kind = type(exc).__name__
    english = exc.format_message()
    if kind == "NoSuchOption":
        text = f"没有选项 {exc.option_name}"
        if exc.possibilities:
            text += f"（是不是 {'、'.join(sorted(exc.possibilities))}？）"
        return text
    if kind == "MissingParameter" and exc.param is not None:
        param = exc.param
        if getattr(param, "param_type_name", "") == "argument":
            return f"缺少参数 {param.metavar or param.name.upper()}"  # as --help names it
        return f"缺少选项 {' / '.join(param.opts)}"
    if kind == "BadOptionUsage" and exc.option_name:
        return f"选项 {exc.option_name} 后面要跟一个值"
    if found := re.match(r"No such command '(.+?)'\.(?: Did you mean (.+)\?)?", english):
        text = f"没有命令 {found.group(1)}"
        if found.group(2):  # "'print', 'export'"
            names = found.group(2).replace(", ", "、").replace("'", "")
            text += f"（是不是 {names}？）"
        return text
    if found := re.match(r"Got unexpected extra argument(?:s|\(s\))? \((.+)\)", english):
        return f"多余的参数：{found.group(1)}"
    return f"命令用法有误：{english}"
