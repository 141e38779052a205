"""Publication lints: personal data (P-1), template residue (P-2), altered fixed labels (L-1).

All three read the report's text: ctx.sections or ctx.text, and, when a session has no text
yet, the clerk's own answers in the model. They are errors: such a report must not be published.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from nianbao.report import labels as L
from nianbao.report.findings import Finding
from nianbao.report.model import Report
from nianbao.rules.fixed_labels import TABLE_SECTIONS, altered_labels, shown_change
from nianbao.rules.registry import Context, rule
from nianbao.rules.text import halfwidth, section_name, segments, split_text, squeeze

_SECTION_OF_FIELD = {"overview": "overview", "problems": "problems", "other": "other"}


def _model_strings(value, path: str):
    if isinstance(value, str):
        if value:
            yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _model_strings(item, f"{path}.{key}" if path else key)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _model_strings(item, f"{path}[{index}]")


def _texts(ctx: Context) -> list[tuple[str | None, str | None, str]]:
    """(section key, field path or None, text) to scan."""
    # The whole text when there is one: the title and preamble need checking too.
    found = split_text(ctx.text) if ctx.text else segments(ctx)
    if found:
        return [(key, None, body) for key, body in found]
    return [
        (_SECTION_OF_FIELD.get(path.split(".", 1)[0]), path, text)
        for path, text in _model_strings(ctx.report.model_dump(mode="json"), "")
    ]


def _where(key: str | None, path: str | None) -> str:
    return f"「{section_name(key)}」" if path is None else f"「{section_name(key)}」（{path}）"


def _context(text: str, start: int, end: int, width: int = 10) -> str:
    """The match with a little of its own line around it (blanks kept: they may be the point)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    left, right = max(line_start, start - width), min(line_end, end + width)
    before = text[left:start].lstrip()
    after = text[end:right].rstrip()
    return f"{'…' if left > line_start else ''}{before}{text[start:end]}{after}{'…' if right < line_end else ''}"


# --- P-1: personal data ---------------------------------------------------------------------
# Numbers as people type them: grouped by spaces, dots, hyphens or dashes (full-width ones are
# ASCII after NFKC), invisible characters inside, in Chinese numerals, with +86 or 86 ahead.
_SEP = r"[ .\-\u2010-\u2015]?"
_ID_NUMBER = re.compile(rf"(?<![0-9A-Za-z])\d{{6}}{_SEP}\d{{4}}{_SEP}\d{{4}}{_SEP}\d{{3}}[0-9Xx](?![0-9])")
_OLD_ID_NUMBER = re.compile(rf"(?<![0-9A-Za-z])\d{{6}}{_SEP}\d{{6}}{_SEP}\d{{3}}(?![0-9])")
# 11 digits from 13-19, separators between any of them; an amount (…元) is no phone.
_MOBILE = re.compile(
    rf"(?<![0-9])(?:(?:\+|00)?86{_SEP})?1{_SEP}[3-9](?:{_SEP}\d){{9}}(?![0-9])(?!\s*(?:元|万|亿|件|条|次|人|个|份))"
)
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
_NUMERALS = str.maketrans("〇零○一幺二两三四五六七八九", "00011223456789")
_NUMERAL_RUN = re.compile(r"[〇零○一幺二两三四五六七八九]{11,}")
_INVISIBLE_INSIDE = re.compile(r"[\u00ad\u200b-\u200f\u2060-\u2064\ufeff]")


def id_checksum_ok(number: str) -> bool:
    """GB 11643: the 18th character is the weighted check of the first 17 digits."""
    total = sum(int(d) * w for d, w in zip(number[:17], _ID_WEIGHTS))
    return _ID_CHECK[total % 11] == number[17].upper()


def plausible_birth_date(number: str, latest_year: int) -> bool:
    """The birth date of an 18-digit ID, or of a 15-digit one (YYMMDD in the 1900s)."""
    digits = f"{number[:6]}19{number[6:]}" if len(number) == 15 else number
    try:
        born = date(int(digits[6:10]), int(digits[10:12]), int(digits[12:14]))
    except ValueError:
        return False
    return 1900 <= born.year <= latest_year


def _digits(number: str) -> str:
    return re.sub(r"[^0-9Xx]", "", number)


def mask(number: str) -> str:
    """Keep the first 3 and last 4 characters: 13812345678 -> 138****5678."""
    digits = _digits(number)
    return digits[:3] + "*" * (len(digits) - 7) + digits[-4:]


def _mobile_digits(number: str) -> str:
    digits = _digits(number)
    return digits[-11:]  # without +86 / 86


def _published_phones(report: Report) -> set[str]:
    """Numbers the agency chose to publish (contact, complaint line) are not personal data."""
    phones = (report.agency.contact.phone, report.overview.mechanisms.complaint_phone)
    return {number for phone in phones for number in re.findall(r"\d{7,}", re.sub(r"[- ]", "", phone))}


def _scanned(raw: str) -> str:
    """The text as numbers are looked for in it: NFKC, no invisible characters, Chinese-numeral
    runs as digits."""
    text = _INVISIBLE_INSIDE.sub("", unicodedata.normalize("NFKC", raw))
    return _NUMERAL_RUN.sub(lambda m: m.group(0).translate(_NUMERALS), text)


def _ids(text: str, latest_year: int) -> list[re.Match]:
    found = [m for m in _ID_NUMBER.finditer(text) if id_checksum_ok(_digits(m.group(0)))]  # 18: by its check
    for match in _OLD_ID_NUMBER.finditer(text):  # 15 digits have no check: by the birth date
        if not _inside(match, found) and plausible_birth_date(_digits(match.group(0)), latest_year):
            found.append(match)
    return found


def _inside(match: re.Match, others: list[re.Match]) -> bool:
    return any(match.start() < other.end() and other.start() < match.end() for other in others)


@rule("P-1", "E", "文字中不能有个人信息：身份证号码、手机号码等")
def p1_personal_data(ctx: Context):
    published = _published_phones(ctx.report)
    latest_year = max(ctx.report.year, date.today().year)
    for key, path, raw in _texts(ctx):
        text = _scanned(raw)
        ids = _ids(text, latest_year)
        for number in (m.group(0) for m in ids):
            yield Finding(
                section=key, row=path,
                message=(
                    f"{_where(key, path)}中有疑似身份证号码 {mask(number)}，"
                    "属于个人信息，公开前请删除或遮挡。"
                ),
            )
        for match in _MOBILE.finditer(text):
            if _inside(match, ids) or _mobile_digits(match.group(0)) in published:
                continue
            yield Finding(
                section=key, row=path,
                message=(
                    f"{_where(key, path)}中有手机号码 {mask(_mobile_digits(match.group(0)))}，"
                    "属于个人信息，公开前请删除或遮挡（机关对外公布的联系电话除外）。"
                ),
            )


# --- P-2: template residue ------------------------------------------------------------------
_CJK = r"\u4e00-\u9fff"
_NEAR_CHINESE = rf"[{_CJK}0-9（）()“”《》、，。：；]"
# (pattern, what it is, characters one of which any match holds: a text without them is skipped)
_RESIDUE: tuple[tuple[re.Pattern, str, str], ...] = (
    (re.compile(rf"(?:(?<={_NEAR_CHINESE})(?:[Xx]{{2,}}|×{{2,}})(?![A-Za-z])"
                rf"|(?<![A-Za-z])(?:[Xx]{{2,}}|×{{2,}})(?={_NEAR_CHINESE}))"), "模板占位“XX”", "Xx×"),
    # "主动公开信息  条，": a unit after a blank, then punctuation (not "信息 条例", a stray space)
    (re.compile(r"(?<=[\u4e00-\u9fff“”])[ \u3000]+(?=(?:人次|万元|条|件|次|元|个|篇|份|场|项|家)"
                r"(?:[，。、；：）)！,.;:]|\s|$))", re.M), "数字位置空着", " \u3000"),
    (re.compile(r"_{2,}|＿+"), "下划线空格", "_＿"),
    (re.compile(r"\[\s*\]|【\s*】|［\s*］|（\s*）|\(\s*\)|〔\s*〕"), "空括号", "[【［（(〔"),
    (re.compile(r"【待[填补核定][^】\n]{0,30}】?|[（(]待[填补核定][^）)\n]{0,30}[）)]?|待填写"), "未填的占位符", "待"),
    (re.compile(r"\{\{[^{}\n]{0,40}\}\}|\{%[^%\n]{0,40}%\}|\$\{[^}\n]{0,40}\}|\{\{|\}\}|\{%|%\}"), "未替换的模板标记", "{}%$"),
)


@rule("P-2", "E", "文字中不能有模板残留：XX、××、空着的数字、[ ]、未填的占位符")
def p2_residue(ctx: Context):
    for key, path, raw in _texts(ctx):
        text = halfwidth(raw)
        for pattern, kind, marks in _RESIDUE:
            if not any(mark in text for mark in marks):
                continue
            for match in pattern.finditer(text):
                yield Finding(
                    section=key, row=path,
                    message=(
                        f"{_where(key, path)}有{kind}：“{_context(text, match.start(), match.end())}”。"
                        "请填写或删除后再发布。"
                    ),
                )


# --- L-1: altered fixed labels --------------------------------------------------------------
@rule("L-1", "E", "固定表格用语不能改动（如“只计这一情形”“三类内部事务信息”）")
def l1_altered_labels(ctx: Context):
    for key, path, raw in _texts(ctx):
        text = squeeze(raw)  # stray spaces inside a label do not hide it
        for wrong, right in L.ALTERED_LABELS:
            count = text.count(wrong)
            if count:
                times = f"（{count} 处）" if count > 1 else ""
                yield Finding(
                    section=key, row=path,
                    message=f"{_where(key, path)}中“{wrong}”{times}应为“{right}”：表格的固定用语不能改动。",
                )
        if ctx.format == "2021" and key in TABLE_SECTIONS and path is None:
            for printed, core, official in altered_labels(raw, key):
                shown, should = shown_change(printed, core)
                label = "" if shown == printed else f"（表格用语“{official}”）"
                yield Finding(
                    section=key,
                    message=f"{_where(key, path)}中“{shown}”应为“{should}”{label}：表格的固定用语不能改动。",
                )
