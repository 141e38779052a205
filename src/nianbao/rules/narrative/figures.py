"""What the narrative rules share: figures read out of the sections' sentences."""

from __future__ import annotations

import re
from dataclasses import dataclass

from nianbao.rules.registry import Context
from nianbao.rules.text import NUM, parse_number, section_sentences


@dataclass(frozen=True)
class Figure:
    """A number read from the text: which section, the words that said it, the value."""

    section: str | None
    phrase: str
    value: int


def figures(ctx: Context, pattern: re.Pattern) -> list[Figure]:
    found: list[Figure] = []
    for key, sentence in section_sentences(ctx):
        for match in pattern.finditer(sentence):
            value = parse_number(match.group("n"))
            if value is not None:
                found.append(Figure(key, match.group(0), value))
    return found


def mentions(ctx: Context, pattern: re.Pattern) -> list[tuple[str | None, str]]:
    return [(key, m.group(0)) for key, s in section_sentences(ctx) for m in pattern.finditer(s)]


def unique(findings):
    """The same sentence can be read twice (e.g. a figure repeated in 一 and 三): say it once."""
    seen: set[tuple[str, str]] = set()
    for finding in findings:
        if (finding.rule, finding.message) not in seen:
            seen.add((finding.rule, finding.message))
            yield finding


N = NUM.replace("(", "(?P<n>", 1)  # a figure, captured as group "n"
