"""The hint line under the transcript: where the clerk is, how to answer, an example."""

from __future__ import annotations

from rich.text import Text

from nianbao.interview.kinds import KINDS


SUGGESTED = "框内为建议值：回车采用，直接输入即替换"


def hint_line(section_title: str, short: str, kind: str | None, example: str, suggested: bool = False) -> Text:
    """The line under the transcript: where we are, how to answer, an example."""
    tips = [f"{section_title} > {short}"]
    if suggested:
        tips.append(SUGGESTED)
    if kind in KINDS and KINDS[kind].hint:
        tips.append(KINDS[kind].hint)
    if example:
        tips.append(f"例如：{example.splitlines()[0]}")
    tips.append("F1 说明")
    return Text("   ".join(tips), style="dim")
