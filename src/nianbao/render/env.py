"""The Jinja2 environment: strict, escaping HTML, with filters for standard wording."""

from __future__ import annotations

import re
from functools import lru_cache

import jinja2

from nianbao.chinese.numerals import cn_ordinal
from nianbao.render.numbers import fmt_number
from nianbao.report import labels as L
from nianbao.resources import templates_dir


class MissingFact(Exception):
    """A fact the standard wording needs is not known; the message names it in Chinese."""

    def __init__(self, name: str):
        super().__init__(f"报告缺少“{name}”，请先补充")
        self.name = name


PLACEHOLDER = "【待填：{}】"


def _strip_end(text: str) -> str:
    return text.rstrip("。；;，,.、 ")


def shi_list(items: list[str]) -> str:
    """["甲", "乙。"] -> "一是甲；二是乙。" (a single item is just the item)."""
    items = [_strip_end(i) for i in items if i and i.strip()]
    if not items:
        return ""
    if len(items) == 1:
        return items[0] + "。"
    return "；".join(f"{cn_ordinal(n)}是{text}" for n, text in enumerate(items, 1)) + "。"


_NOT_WORDS = re.compile(r"[\W_]+")


def says(items: list[str] | str, *phrases: str) -> bool:
    """Whether the clerk's own text already carries one of `phrases` (punctuation ignored), so
    that the standard sentence saying the same is left out rather than printed twice."""
    text = _NOT_WORDS.sub("", "".join(items) if isinstance(items, list) else items or "")
    return any(_NOT_WORDS.sub("", phrase) in text for phrase in phrases)


def dun_join(items: list[str]) -> str:
    """["甲", "乙", "丙"] -> "甲、乙和丙"."""
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return "、".join(items[:-1]) + "和" + items[-1]


def sentence(text: str) -> str:
    """Ensure a clerk's sentence ends with a full stop."""
    text = text.strip()
    if not text:
        return ""
    return text if text[-1] in "。！？!?" else _strip_end(text) + "。"


_LINE_BREAKS = str.maketrans({c: " " for c in "\r\n\v\f\x1c\x1d\x1e\x85\u2028\u2029"})


def _one_line(value):
    # Every {{ }} output stays on one line, so user text can never forge a block marker.
    if isinstance(value, str):
        return value.translate(_LINE_BREAKS)
    return value


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>|#+!~])")


def md_escape(text) -> str:
    """User text in Markdown: every character Markdown could act on is escaped."""
    escaped = _MD_SPECIAL.sub(r"\\\1", str(text))
    # A leading "1." or "-" would start a list.
    return re.sub(r"^(\d+)([.)])", r"\1\\\2", re.sub(r"^([-=])", r"\\\1", escaped))


def make_env(draft: bool = False) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir())),
        undefined=jinja2.StrictUndefined,
        autoescape=jinja2.select_autoescape(enabled_extensions=("html", "html.j2"), default=False),
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=_one_line,
        extensions=["jinja2.ext.do"],
    )

    def need(value, name: str):
        if value is None or (isinstance(value, (str, list)) and not value):
            if draft:
                # Keep the type: a list stays a list, so list filters do not split the placeholder.
                return [PLACEHOLDER.format(name)] if isinstance(value, list) else PLACEHOLDER.format(name)
            raise MissingFact(name)
        return value

    def attr_count(item) -> str:
        return f"{item.label}{need(item.count, item.label + '的条数')}条"

    def outcome(pair) -> str:
        return f"{pair[0]}{pair[1]}件"

    env.filters.update(unnumbered=L.plain_label, md=md_escape, attr_count=attr_count, outcome=outcome, num=fmt_number, shi_list=shi_list, dun_join=dun_join, sentence=sentence, need=need, says=says)
    env.globals.update(L=L, cn=cn_ordinal)
    return env


@lru_cache(maxsize=2)
def get_env(draft: bool = False) -> jinja2.Environment:
    return make_env(draft)
