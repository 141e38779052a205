"""Agency and year from the report's title (or, failing that, from its text)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Optional

# Titles seen in published reports:
#   平潭综合实验区2021年度政府信息公开工作年度报告        (agency, year)
#   2019年上海市人民政府办公厅政府信息公开工作年度报告    (year, agency)
#   宁强县自然资源局关于2021年度政府信息公开情况的报告    (agency 关于 year)
#   盐边县新九镇人民政府 / 关于2021年度政府信息公开工作的年度报告   (agency on the line above)
_YEAR = r"(?P<year>(?:19|20)\d\d)\s*年度?"
_REPORT = r"政府信息公开(?:工作)?(?:的)?(?:年度)?(?:情况)?(?:的)?(?:年度)?(?:工作)?(?:年度)?报\s*告"
_NAME = r"[^\s,，。:：;；、|“”\"'<>《》]{2,40}?"
_TITLES = (
    re.compile(rf"(?P<agency>{_NAME})\s*(?:关于)?\s*{_YEAR}\s*{_REPORT}"),
    re.compile(rf"{_YEAR}\s*(?P<agency>{_NAME})\s*{_REPORT}"),
    re.compile(rf"关于\s*{_YEAR}\s*{_REPORT}"),
)
_PERIOD = re.compile(r"(?:统计期限|统计期|统计时限|统计时间)[^0-9]{0,12}((?:19|20)\d\d)\s*年\s*1\s*月\s*1\s*日")
_WORK_YEAR = re.compile(r"((?:19|20)\d\d)\s*年度?\s*(?:的)?\s*政府信息公开")
_ANY_YEAR = re.compile(r"((?:19|20)\d\d)\s*年")
_SELF_REF = re.compile(r"我(街道|镇|乡|局|办|委|区|县|市|厅|院|中心|处|室|旗|署|会)")
_PROSE_HEAD = re.compile(r"^(?:.*?(?:现将|现公布|根据|本着)\S*?)")
_PROSE_TAIL = re.compile(r"(?:编制了?|发布了?|公布了?|制作了?|形成了?)$")
_NAV_PREFIX = re.compile(r"^.*[:：>»]\s*")
_KEYWORD = "政府信息公开"
# A title's agency and year come at most this far before the keyword, its end this far after.
_BEFORE, _AFTER = 60, 30
# Only the head of a page holds its title; navigation text can be long, so be generous.
_HEAD = 3000


@dataclass
class TitleInfo:
    agency: str = ""
    year: Optional[int] = None
    self_ref: str = ""
    year_from_title: bool = False


@dataclass
class _Candidate:
    agency: str
    year: int
    title_line: bool  # the match is (nearly) the whole line


def read_title(text: str) -> TitleInfo:
    info = TitleInfo(self_ref=_self_ref(text))
    candidates = _candidates(text[:_HEAD])
    best = (
        next((c for c in candidates if c.agency and c.title_line), None)
        or next((c for c in candidates if c.agency), None)
        or next(iter(candidates), None)
    )
    if best:
        info.agency, info.year, info.year_from_title = best.agency, best.year, True
    if info.year is None:
        info.year = _year_from_text(text)
    return info


def _candidates(head: str) -> list[_Candidate]:
    lines = [ln.strip() for ln in head.split("\n")]
    out = []
    for i, line in enumerate(lines):
        if _KEYWORD not in line or line.lower().startswith("source:"):
            continue  # every title pattern needs these words: skip the regexes for other lines
        for pattern in _TITLES:
            m = _search_near_keyword(pattern, line)
            if not m:
                continue
            agency = _clean(m.groupdict().get("agency") or "")
            if not agency:
                agency = _agency_above(lines[:i])
            title_line = len(m.group(0)) >= 0.7 * len(line)
            out.append(_Candidate(agency, int(m.group("year")), title_line))
            break
    return out


def _search_near_keyword(pattern: re.Pattern, line: str):
    """Search only around each "政府信息公开": a flattened page can be one very long line."""
    at = line.find(_KEYWORD)
    while at >= 0:
        m = pattern.search(line, max(0, at - _BEFORE), at + _AFTER)
        if m:
            return m
        at = line.find(_KEYWORD, at + 1)
    return None


def _agency_above(above: list[str]) -> str:
    line = next((a for a in reversed(above) if a), "")
    if len(line) > 30 or re.search(r"[:：/\d]", line):
        return ""
    return line


def _clean(name: str) -> str:
    name = _NAV_PREFIX.sub("", name.strip())
    name = _PROSE_HEAD.sub("", name) if re.search(r"现将|现公布|根据|本着", name) else name
    name = _PROSE_TAIL.sub("", name).removesuffix("关于").strip("《》 ")
    if name.startswith("我") or len(name) < 2:
        return ""  # "现将我办…": a self-reference, not a name
    return name


def _year_from_text(text: str) -> Optional[int]:
    for pattern in (_PERIOD, _WORK_YEAR):
        m = pattern.search(text)
        if m:
            return int(m.group(1))
    years = Counter(int(m.group(1)) for m in _ANY_YEAR.finditer(text[:_HEAD]))
    return years.most_common(1)[0][0] if years else None


def _self_ref(text: str) -> str:
    counts = Counter(m.group(0) for m in _SELF_REF.finditer(text))
    return counts.most_common(1)[0][0] if counts else ""
