"""The hint line under the transcript: where the clerk is, how to answer, an example."""

from __future__ import annotations

from rich.text import Text

from nianbao.interview.kinds import KINDS


def hint_line(section_title: str, short: str, kind: str | None, example: str) -> Text:
    """The line under the transcript: where we are, how to answer, an example."""
    tips = [f"{section_title} > {short}"]
    if kind in KINDS and KINDS[kind].hint:
        tips.append(KINDS[kind].hint)
    if example:
        tips.append(f"例如：{example.splitlines()[0]}")
    tips.append("F1 说明")
    return Text("   ".join(tips), style="dim")
