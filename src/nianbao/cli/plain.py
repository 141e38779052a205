"""Line-by-line drafting with rich prompts, for terminals where the TUI does not work."""

from __future__ import annotations

from rich.console import Console
from rich.text import Text

from nianbao.interview.engine import Engine
from nianbao.interview.status import FIRST_QUESTION_ALREADY

HELP_KEYS = ("?", "？")
BACK_KEYS = ("<", "《")


def run_plain(engine: Engine, console: Console, name: str | None = None) -> bool:
    """Ask until done or Ctrl+D; returns whether every answer is saved (False: say so, exit non-zero).
    `name` is how the clerk names the session in the next command (print, export, resume)."""
    console.print(Text("逐项问答：直接回车采用方括号中的建议；输入 ? 查看说明，< 返回上一题；Ctrl+D 退出（已答内容都已保存）。", style="dim"))
    section = None
    while (step := engine.current()) is not None:
        if step.section.id != section:
            section = step.section.id
            console.rule(Text(step.section.title))
        console.print(Text(engine.prompt_text(step), style="bold"))
        if step.carried:
            console.print(Text("（沿用上年：核对后回车确认，或输入新的内容）", style="yellow"))
        if step.problem:
            console.print(Text(step.problem, style="red"))
        suggestion = step.suggestion.replace("\n", " / ")
        prompt = f"[{suggestion}] > " if suggestion else "> "
        try:
            text = console.input(Text(prompt, style="cyan"))
        except EOFError:
            if engine.save_error and not engine.save():
                console.print(Text(f"\n已退出，但回答没有保存：{engine.save_error}", style="bold red"))
                return False
            console.print(Text("\n已退出，已确认的回答都已保存。"))
            if name:
                console.print(Text(f"继续填写：nianbao resume {name} --plain（或不加 --plain 用全屏界面）"))
            return True
        text = text.strip()
        if text in HELP_KEYS:
            q = step.question
            console.print(Text(q.help or "（暂无说明）"))
            if q.example:
                console.print(Text(f"例如：{q.example}", style="dim"))
            continue
        if text in BACK_KEYS:
            if engine.back() is None:
                console.print(Text(FIRST_QUESTION_ALREADY, style="yellow"))
            continue
        if not text and step.suggestion:
            text = step.suggestion
        reply = engine.answer(text)
        style = "green" if reply.accepted and not reply.problem else "red"
        console.print(Text(reply.message, style=style))
    if engine.save_error and not engine.save():
        console.print(Text(f"问答已全部完成，但回答没有保存：{engine.save_error}", style="bold red"))
        return False
    console.print(Text("问答已全部完成。", style="bold green"))
    if name:
        console.print(Text(f"打印全文：nianbao print {name}；导出 Word：nianbao export {name} -o 年报.docx；检查：nianbao check {name}"))
    return True
