"""Turning what a clerk types into values.

Every parser takes the raw text and returns a value or raises AnswerError with a Chinese
message that says what is expected. Input is NFKC-normalised first (full-width digits and
punctuation become ASCII), except free text (parse_text, parse_list items), which keeps the
clerk's full-width punctuation as typed.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Callable
from decimal import Decimal

from nianbao.interview.errors import AnswerError
from nianbao.report import labels as L

# --- words and characters ----------------------------------------------------------------------

# Answers meaning "none": a count of 0, an amount of 0, an empty list, a row of zeros.
NONE_WORDS: frozenset[str] = frozenset(
    {"无", "没有", "没", "暂无", "不涉及", "零", "〇", "0", "均无", "全无", "都没有", "本年无", "今年无",
     "无此情况", "无此类情况", "没有发生", "未发生"}
)
# Extra "none" answers for money.
NO_FEE_WORDS: frozenset[str] = frozenset({"未收费", "未收取", "无收费", "不收费", "没有收费", "免费"})

YES_WORDS: frozenset[str] = frozenset(
    {"有", "是", "对", "是的", "有的", "对的", "好", "好的", "确认", "确定", "嗯", "可以", "y", "yes", "1",
     "ok", "true"}
)
NO_WORDS: frozenset[str] = frozenset(
    {"没有", "无", "否", "不是", "没", "不", "不对", "没有的", "暂无", "不涉及", "n", "no", "0", "false"}
)

# Words before a count: "共3件", "合计12条".
COUNT_PREFIXES: tuple[str, ...] = ("共计", "合计", "总计", "总共", "一共", "累计", "全年", "本年", "今年", "共", "计")
# Measure words after a count: "3件", "12条", "5人次".
MEASURE_WORDS: tuple[str, ...] = (
    "人次", "件次", "件", "条", "个", "次", "项", "篇", "期", "场", "家", "份", "起", "批", "名", "人",
    "本", "册", "例", "宗",
)

# Surrounding characters ignored around short answers ("无。", "“3”", "(12)").
_EDGE_PUNCTUATION = " \t\r\n。,，;；:：!！?？、\"'“”‘’()（）[]【】《》<>「」『』~～…"

CN_DIGITS: dict[str, int] = {
    "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
    "八": 8, "九": 9,
    "壹": 1, "贰": 2, "貳": 2, "叁": 3, "參": 3, "肆": 4, "伍": 5, "陆": 6, "陸": 6, "柒": 7,
    "捌": 8, "玖": 9,
}
CN_SMALL_UNITS: dict[str, int] = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
CN_MYRIAD: dict[str, int] = {"万": 10000, "萬": 10000}
CN_NUMERAL_CHARS: frozenset[str] = frozenset(CN_DIGITS) | frozenset(CN_SMALL_UNITS) | frozenset(CN_MYRIAD)
_LIANG_BEFORE = frozenset({"百", "佰", "千", "仟", "万", "萬"})

# Longest digit string accepted: keeps int() far from its limits and values sane.
_MAX_DIGITS = 12

# --- messages ----------------------------------------------------------------------------------
COUNT_EXPECTED = "请填写一个不小于 0 的整数，例如 3 或 三；“无”表示 0。"
WAN_EXPECTED = "请填写金额，单位是万元，不小于 0，最多 4 位小数，例如 1.5、1.5万元 或 15000元；“无”表示 0。"
YUAN_EXPECTED = "请填写金额，单位是元，不小于 0，最多 2 位小数，例如 300、300元 或 0.03万元；“无”表示 0。"
YES_NO_EXPECTED = "请回答“是”或“否”，例如 有、没有、是、不是（也可以填 y 或 n）。"
TEXT_EXPECTED = "这一项不能为空，请填写内容，例如 镇党政办；如果确实没有，请填“无”。"
LIST_EXPECTED = "请至少写一条内容，可以分行写，或用 1. 2. 、一是 二是 编号，例如：一是加强培训；二是完善制度。如果没有，请填“无”。"


def _show(text: str, limit: int = 20) -> str:
    """The clerk's own text, quoted for a message: “…”, shortened, never a repr."""
    shown = "".join(ch for ch in text.strip() if ch.isprintable())
    if len(shown) > limit:
        shown = shown[:limit] + "…"
    return f"“{shown}”"


def _nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def _short_answer(text: str) -> str:
    """NFKC, then trim surrounding spaces and punctuation: the core of a one-word answer."""
    return _nfkc(text).strip(_EDGE_PUNCTUATION).strip()


def _strip_prefix(text: str, prefixes: tuple[str, ...]) -> str:
    for prefix in prefixes:
        if text.startswith(prefix) and len(text) > len(prefix):
            return text[len(prefix):].lstrip()
    return text


def _strip_suffix(text: str, suffixes: tuple[str, ...]) -> str:
    for suffix in suffixes:
        if text.endswith(suffix) and len(text) > len(suffix):
            return text[: -len(suffix)].rstrip()
    return text


# --- Chinese numerals --------------------------------------------------------------------------
def _cn_section(text: str) -> int | None:
    """A Chinese numeral below 10000 (十二, 一百零五, 三千零五十, 二百五), or None."""
    value = 0
    last_unit = 10000
    pending: int | None = None
    zero_gap = False
    for index, ch in enumerate(text):
        if ch in CN_DIGITS:
            digit = CN_DIGITS[ch]
            if digit == 0:
                if pending is not None or index == 0:
                    return None
                zero_gap = True
                continue
            if pending is not None:
                return None
            if ch == "两" and len(text) > 1 and text[index + 1 : index + 2] not in _LIANG_BEFORE:
                return None
            pending = digit
        elif ch in CN_SMALL_UNITS:
            unit = CN_SMALL_UNITS[ch]
            if unit >= last_unit:
                return None
            if pending is None:
                if unit != 10:
                    return None
                pending = 1  # 十二, 一百十
            value += pending * unit
            last_unit, pending, zero_gap = unit, None, False
        else:
            return None
    if pending is not None:
        if zero_gap or last_unit in (10, 10000):
            value += pending  # 一百零五, 二十五, 五
        else:
            value += pending * (last_unit // 10)  # 二百五 = 250, 三千五 = 3500
    elif zero_gap:
        return None  # a trailing 零: 一百零
    return value


def cn_integer(text: str) -> int | None:
    """A Chinese numeral below 100 million (零, 两, 十二, 一万二千, 十万零五), or None."""
    if text in ("零", "〇"):
        return 0
    text = text.replace("萬", "万")
    if "万" not in text:
        return _cn_section(text) if text else None
    high_text, low_text = text.split("万", 1)
    high = _cn_section(high_text) if high_text else None
    if not high or "万" in low_text:
        return None
    if not low_text:
        low = 0
    elif low_text[0] in ("零", "〇"):
        low = _cn_section(low_text[1:]) if low_text[1:] else None
    elif len(low_text) == 1 and low_text in CN_DIGITS:
        low = CN_DIGITS[low_text] * 1000  # 一万二 = 12000
    else:
        low = _cn_section(low_text)
        if low is not None and low < 1000:
            return None  # 一万二百: write 一万零二百
    if low is None:
        return None
    return high * 10000 + low


def cn_digit_sequence(text: str) -> int | None:
    """Digits read one by one (二〇二四 -> 2024), or None."""
    if not text or any(ch not in CN_DIGITS or ch == "两" for ch in text):
        return None
    return int("".join(str(CN_DIGITS[ch]) for ch in text))


def _arabic_integer(text: str) -> int | None:
    """"12", "1,234" -> int; anything else (signs, decimals, other digit scripts) -> None."""
    if re.fullmatch(r"[0-9]{1,3}(?:,[0-9]{3})+", text):
        text = text.replace(",", "")
    if re.fullmatch(r"[0-9]+", text) and len(text.lstrip("0")) <= _MAX_DIGITS:
        return int(text)
    return None


# --- counts ------------------------------------------------------------------------------------
def _count_core(text: str) -> str:
    core = _short_answer(text).rstrip(".").strip()
    core = _strip_prefix(core, COUNT_PREFIXES)
    return _strip_suffix(core, MEASURE_WORDS)


def _count_problem(core: str, original: str) -> str:
    """Why a count could not be read, in Chinese."""
    if re.match(r"^[-−—]\s*[0-9零〇一二两三四五六七八九十]", core) or core.startswith("负"):
        return "数量不能是负数。" + COUNT_EXPECTED
    if re.fullmatch(r"[0-9,]*\.[0-9]+", core) or "点" in core:
        return "数量要填整数，不能有小数。" + COUNT_EXPECTED
    if re.fullmatch(r"[0-9]{%d,}" % (_MAX_DIGITS + 1), core.lstrip("0")):
        return "这个数太大了，请核对。" + COUNT_EXPECTED
    if not core:
        return COUNT_EXPECTED
    return f"没有看懂{_show(original)}。" + COUNT_EXPECTED


def parse_count(text: str) -> int:
    """A count of things: "12", "１２", "1,234", "十二", "两", "共3件", "无" -> int (never negative)."""
    if _short_answer(text) in NONE_WORDS:
        return 0
    core = _count_core(text)
    value = _arabic_integer(core)
    if value is None:
        value = cn_integer(core)
    if value is None:
        raise AnswerError(_count_problem(core, text))
    return value


# --- money -------------------------------------------------------------------------------------
_MONEY_PREFIXES: tuple[str, ...] = ("人民币", "rmb", "RMB", "共计", "合计", "共", "收费", "收取")
# Unit suffix -> power of ten that turns the number into 元.
_MONEY_UNITS: tuple[tuple[str, int], ...] = (("万元", 4), ("万", 4), ("元", 0))
_ARABIC_DECIMAL = re.compile(r"(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?|\.[0-9]+")


def _decimal_number(text: str) -> Decimal | None:
    """"1.5", "1,500", "一点五", "三百" -> Decimal; None if it is not a plain number."""
    if len(text) > 2 * _MAX_DIGITS:
        return None
    if _ARABIC_DECIMAL.fullmatch(text):
        return Decimal(text.replace(",", ""))
    whole_text, dot, fraction_text = text.partition("点")
    whole = cn_integer(whole_text)
    if whole is None:
        return None
    if not dot:
        return Decimal(whole)
    if not fraction_text or any(ch not in CN_DIGITS or ch == "两" for ch in fraction_text):
        return None
    return Decimal(f"{whole}." + "".join(str(CN_DIGITS[ch]) for ch in fraction_text))


def _tidy(value: Decimal) -> Decimal:
    """Decimal("1.5000") -> 1.5, Decimal("3E+2") -> 300: no trailing zeros, no exponent."""
    value = value.normalize()
    if value.as_tuple().exponent > 0:  # type: ignore[operator]
        value = value.quantize(Decimal(1))
    return value


def _money(text: str, unit_power: int, places: int, expected: str) -> Decimal:
    """Money typed with or without a unit, in the unit 10**unit_power 元, at most `places` decimals."""
    core = _short_answer(text)
    if core in NONE_WORDS or core in NO_FEE_WORDS:
        return Decimal(0)
    core = _strip_prefix(core, _MONEY_PREFIXES)
    power = 0 if core.startswith("¥") else unit_power  # "¥15000" is in 元 whatever the field
    core = core.lstrip("¥").lstrip()
    for suffix, suffix_power in _MONEY_UNITS:
        if core.endswith(suffix) and len(core) > len(suffix):
            core, power = core[: -len(suffix)].rstrip(), suffix_power
            break
    if core.startswith(("-", "−", "负")):
        raise AnswerError("金额不能是负数。" + expected)
    number = _decimal_number(core)
    if number is None:
        raise AnswerError(f"没有看懂{_show(text)}。" + expected)
    value = _tidy(number.scaleb(power - unit_power))
    if value.as_tuple().exponent < -places:  # type: ignore[operator]
        raise AnswerError(f"{_show(text)}的小数位太多了。" + expected)
    if value >= Decimal(10) ** (_MAX_DIGITS - unit_power):
        raise AnswerError(f"{_show(text)}这个金额太大了，请核对单位。" + expected)
    return value


def parse_amount_wan(text: str) -> Decimal:
    """Money in 万元 (Table 2's 行政事业性收费): "1.5", "1.5万元", "15000元", "无" -> Decimal."""
    return _money(text, unit_power=4, places=4, expected=WAN_EXPECTED)


def parse_amount_yuan(text: str) -> Decimal:
    """Money in 元 (fees in section 六): "300元", "300", "0.03万元", "无" -> Decimal."""
    return _money(text, unit_power=0, places=2, expected=YUAN_EXPECTED)


# --- yes / no, choices, years, free text -------------------------------------------------------
def parse_yes_no(text: str) -> bool:
    """有/是/对/好/确认/y/yes/1 -> True; 没有/无/否/不是/不/n/no/0 -> False."""
    word = _short_answer(text).lower()
    if word in YES_WORDS:
        return True
    if word in NO_WORDS:
        return False
    if not word:
        raise AnswerError(YES_NO_EXPECTED)
    raise AnswerError(f"没有看懂{_show(text)}。" + YES_NO_EXPECTED)


def _choice_menu(options: dict[str, str]) -> str:
    return "；".join(f"{number}. {label}" for number, label in enumerate(options.values(), start=1))


def _choice_by_number(word: str, options: dict[str, str]) -> str | None:
    core = _strip_suffix(_strip_prefix(word, ("第", "选")), ("个", "项", "号", "种"))
    number = _arabic_integer(core)
    if number is None:
        number = cn_integer(core)
    if number is not None and 1 <= number <= len(options):
        return list(options)[number - 1]
    return None


def _single(keys: list[str]) -> str | None:
    return keys[0] if len(keys) == 1 else None


def parse_choice(text: str, options: dict[str, str]) -> str:
    """The key of one option, chosen by its label, its 1-based number, or a unique part of the label."""
    word = _short_answer(text)
    menu = _choice_menu(options)
    if not word:
        raise AnswerError(f"请选择一项，填序号或名称：{menu}。")
    folded = word.casefold()
    labels = {key: _nfkc(label).casefold() for key, label in options.items()}
    for key, label in labels.items():
        if folded in (label, key.casefold()):
            return key
    by_number = _choice_by_number(word, options)
    if by_number is not None:
        return by_number
    candidates = [k for k, label in labels.items() if label.startswith(folded)]
    candidates = candidates or [k for k, label in labels.items() if folded in label]
    candidates = candidates or [k for k, label in labels.items() if label in folded]
    chosen = _single(candidates)
    if chosen is not None:
        return chosen
    if candidates:
        names = "、".join(options[k] for k in candidates)
        raise AnswerError(f"{_show(text)}可以指 {names}，请说得具体些，或填序号：{menu}。")
    raise AnswerError(f"没有找到{_show(text)}这一项。请填序号或名称：{menu}。")


def parse_year(text: str, *, first: int = 2021, last: int = 2100) -> int:
    """The report year: "2024", "2024年", "2024年度", "二〇二四" -> 2024 (first..last)."""
    expected = f"请填写报告年度，{first} 到 {last} 之间的四位数年份，例如 2024 或 2024年。"
    core = _strip_suffix(_short_answer(text), ("年度", "年"))
    year = _arabic_integer(core) if re.fullmatch(r"[0-9]{4}", core) else None
    if year is None:
        year = cn_digit_sequence(core) if len(core) == 4 else cn_integer(core)
    if year is None:
        raise AnswerError(f"没有看懂{_show(text)}。" + expected)
    if not first <= year <= last:
        raise AnswerError(f"{year} 不在 {first} 到 {last} 之间。" + expected)
    return year


def parse_text(text: str) -> str:
    """Free text, kept as typed (full-width punctuation included); only surrounding space goes."""
    stripped = text.strip()
    if not stripped:
        raise AnswerError(TEXT_EXPECTED)
    return stripped


# --- rows of counts ----------------------------------------------------------------------------
_ROW_SEPARATORS = re.compile(r"[\s,;、|/]+")


def _row_example(n: int) -> str:
    return " ".join("3" if i == 0 else "0" for i in range(n))


def parse_row(text: str, n: int) -> list[int]:
    """n counts in order: "3 0 0 1 0 0 4", "3,0,0,1,0,0,4", "３，０，…"; "无" -> n zeros."""
    core = _short_answer(text)
    if core in NONE_WORDS:
        return [0] * n
    parts = [part for part in _ROW_SEPARATORS.split(core) if part]
    if len(parts) != n:
        raise AnswerError(
            f"这一行要填 {n} 个数，您填了 {len(parts)} 个。请按顺序填，用空格或逗号隔开，"
            f"例如：{_row_example(n)}。"
        )
    values = []
    for position, part in enumerate(parts, start=1):
        try:
            values.append(parse_count(part))
        except AnswerError as error:
            raise AnswerError(f"第 {position} 个数{_show(part)}有问题：{error}") from None
    return values


# --- lists -------------------------------------------------------------------------------------
_SPACE = r"[ \t\u3000]*"
_ITEM_BOUNDARY = " \t\r\n\u3000。.;；:：!！?？,，、"
_ITEM_END = " \t\r\n\u3000;；,，、"
_BULLET = re.compile(r"^[-*•·●○■□◆◇▪]+\s*")
_LIST_SPLIT = re.compile(r"[\n;；]")


def _width_free_number(n: int) -> str:
    """A regex for the arabic number n typed with half- or full-width digits."""
    return "".join(f"[{d}{chr(ord(d) - ord('0') + ord('０'))}]" for d in str(n))


@dataclass(frozen=True)
class _MarkerStyle:
    """A numbering style: the regex of marker n (None past its range)."""

    pattern: Callable[[int], str | None]
    needs_boundary: bool  # "1." and "一是" only count at a line start or after punctuation


def _marker_styles() -> tuple[_MarkerStyle, ...]:
    no_digit_after = "(?![0-9０-９])"
    return (
        _MarkerStyle(lambda n: rf"[(（]{_SPACE}{_width_free_number(n)}{_SPACE}[)）]", False),  # （1）
        _MarkerStyle(lambda n: rf"[(（]{L.cn_ordinal(n)}[)）]", False),  # （一）
        _MarkerStyle(lambda n: chr(0x2460 + n - 1) if n <= 20 else None, False),  # ①
        _MarkerStyle(lambda n: chr(0x2474 + n - 1) if n <= 20 else None, False),  # ⑴
        _MarkerStyle(lambda n: re.escape(chr(0x2488 + n - 1)) if n <= 20 else None, False),  # ⒈
        _MarkerStyle(lambda n: rf"{_width_free_number(n)}{_SPACE}[.．、)）]{no_digit_after}", True),  # 1.
        _MarkerStyle(lambda n: rf"{L.cn_ordinal(n)}[、.．]", True),  # 一、
        _MarkerStyle(lambda n: rf"{L.cn_ordinal(n)}是", True),  # 一是
        _MarkerStyle(lambda n: rf"第{L.cn_ordinal(n)}[,，、:：]", True),  # 第一，
    )


_MARKER_STYLES = _marker_styles()
# A numbering at the start of a line, removed when the text is split by lines.
_LINE_NUMBERING = re.compile(
    r"^(?:[(（]\s*[0-9０-９]+\s*[)）]|[(（][一二三四五六七八九十]+[)）]|[\u2460-\u249b]"
    r"|[0-9０-９]+\s*[.．、)）](?![0-9０-９])|[一二三四五六七八九十]+[、.．是])\s*"
)


def _find_marker(text: str, style: _MarkerStyle, n: int, start: int) -> re.Match | None:
    """Marker n of a style at or after start (where the style needs it, after a boundary)."""
    pattern = style.pattern(n)
    if pattern is None:
        return None
    for match in re.compile(pattern).finditer(text, start):
        position = match.start()
        if not style.needs_boundary or position == 0 or text[position - 1] in _ITEM_BOUNDARY:
            return match
    return None


def _numbered_segments(text: str) -> list[str] | None:
    """Split at the numbering (1. 2. / 一是 二是 / ①② …); None when the text is not numbered."""
    first = None
    for style in _MARKER_STYLES:
        match = _find_marker(text, style, 1, 0)
        if match and (first is None or match.start() < first[1].start()):
            first = (style, match)
    if first is None:
        return None
    style, match = first
    preamble = text[: match.start()]
    starts, ends = [match.start()], [match.end()]
    n = 2
    while (following := _find_marker(text, style, n, ends[-1])) is not None:
        starts.append(following.start())
        ends.append(following.end())
        n += 1
    segments = [text[end:next_start] for end, next_start in zip(ends, starts[1:] + [len(text)])]
    if preamble.strip() and not preamble.strip().endswith((":", "：")):
        segments.insert(0, preamble)  # a lead-in ending with a colon is a heading, not an item
    return segments


def _clean_item(segment: str, numbered_by_line: bool = False) -> str:
    lines = [_BULLET.sub("", line.strip()) for line in segment.splitlines()]
    if numbered_by_line:
        lines = [_LINE_NUMBERING.sub("", line) for line in lines]
    return "".join(line for line in lines if line).strip(_ITEM_END)


def parse_list(text: str) -> list[str]:
    """Items from paragraphs, lines, "1." "1、" "（1）" "①" "一是…二是…" or "；"; numbering removed.

    The items keep the clerk's punctuation as typed. "无"/"没有" -> [].
    """
    if _short_answer(text) in NONE_WORDS:
        return []
    segments = _numbered_segments(text)
    by_line = segments is None
    if segments is None:
        segments = _LIST_SPLIT.split(text)
    items = [item for item in (_clean_item(segment, by_line) for segment in segments) if item]
    if not items:
        raise AnswerError(LIST_EXPECTED)
    return items


# --- counts by label ---------------------------------------------------------------------------
# A synonym mapped to HEADING is recognised but names no cell (e.g. the group heading
# "（三）不予公开"): it stops "公开" inside it from being read as 予以公开.
HEADING = ""

T3_COLUMN_SYNONYMS: dict[str, str] = {
    "个人": "natural", "群众": "natural", "公民": "natural", "自然人申请": "natural",
    "企业": "business", "公司": "business",
    "科研院所": "research", "高校": "research", "高等院校": "research", "大学": "research",
    "公益组织": "nonprofit", "社会组织": "nonprofit",
    "律所": "legal", "律师事务所": "legal", "律师": "legal",
    "其他组织": "other",
    "合计": "total",
    L.T3_ORG_GROUP: HEADING, L.T3_APPLICANT: HEADING,
}

T3_ROW_SYNONYMS: dict[str, str] = {
    "新收": "new", "本年新收": "new", "新收申请": "new",
    "上年结转": "carried_in",
    "公开": "granted", "予以公开": "granted", "全部公开": "granted", "同意公开": "granted",
    "部分公开": "partial", "区分处理": "partial",
    "国家秘密": "refused_secret", "涉密": "refused_secret",
    "其他法律法规禁止": "refused_law", "法律法规禁止": "refused_law", "法律行政法规禁止": "refused_law",
    "三安全一稳定": "refused_security",
    "第三方": "refused_third_party",
    "内部事务": "refused_internal", "三类内部事务": "refused_internal",
    "过程性": "refused_process", "四类过程性": "refused_process", "过程信息": "refused_process",
    "行政执法案卷": "refused_enforcement", "执法案卷": "refused_enforcement",
    "行政查询": "refused_query",
    "不掌握": "unable_not_held", "本机关不掌握": "unable_not_held", "信息不存在": "unable_not_held",
    "另行制作": "unable_needs_creation", "需要另行制作": "unable_needs_creation",
    "仍不明确": "unable_unclear", "补正后仍不明确": "unable_unclear",
    "信访": "np_petition", "信访举报投诉": "np_petition", "举报投诉": "np_petition",
    "重复申请": "np_repeat",
    "出版物": "np_publication", "公开出版物": "np_publication",
    "大量反复": "np_mass", "无正当理由大量反复申请": "np_mass",
    "确认": "np_confirm", "重新出具": "np_confirm",
    "逾期不补正": "oh_no_correction", "不补正": "oh_no_correction", "无正当理由逾期不补正": "oh_no_correction",
    "未缴费": "oh_no_fee", "逾期未缴纳": "oh_no_fee", "逾期未缴费": "oh_no_fee", "未缴纳费用": "oh_no_fee",
    "其他处理": "oh_other",
    "办理结果总计": "total", "合计": "total",
    "结转": "carried_out", "结转下年": "carried_out", "结转下年度": "carried_out",
    "结转下年度继续办理": "carried_out", "尚未办结": "carried_out", "未办结": "carried_out",
    # Headings and phrases that contain 公开 but name no outcome.
    "依申请公开": HEADING, "主动公开": HEADING, "政府信息公开申请": HEADING, "政府信息公开": HEADING,
    "不予公开": HEADING, "无法提供": HEADING, "不予处理": HEADING, "本年度办理结果": HEADING,
    **{label: HEADING for label in L.T3_GROUPS.values() if label != L.T3_GROUPS["other_handling"]},
    # The row label with its group heading: "（三）不予公开 1.属于国家秘密".
    **{L.t3_row_full_label(row.key): row.key for row in L.T3_ROWS if row.group not in (None, "results")},
}

T4_COLUMN_SYNONYMS: dict[str, str] = {
    "维持": "upheld",
    "纠正": "corrected",
    "其他": "other",
    "未审结": "pending", "审理中": "pending", "未结": "pending",
    "合计": "total",
    **{label: HEADING for label in L.T4_GROUPS.values()},
    L.T4_LITIGATION: HEADING,
}

# By option-set name, for questions that name their options.
SYNONYMS: dict[str, dict[str, str]] = {
    "t3_columns": T3_COLUMN_SYNONYMS,
    "t3_outcomes": T3_ROW_SYNONYMS,
    "t4_columns": T4_COLUMN_SYNONYMS,
}

T3_ROW_LABELS: dict[str, str] = {row.key: row.label for row in L.T3_ROWS}

_LABEL_NUMBERING = re.compile(r"^(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\)|[0-9]+\.)")
_TRAILING_NOTE = re.compile(r"\([^()]*\)$")
_QUOTES = re.compile("[“”‘’\"']")
_PAIR_SEPARATORS: tuple[str, ...] = ("以及", "和", "及", ",", ";", "、", "。", ".", "/", "|")
_BEFORE_NUMBER: tuple[str, ...] = ("共计", "合计", "为", "是", "有", "共", ":", "=")
_NONE_NUMBERS: tuple[str, ...] = ("没有", "无", "没")
ALL_ZERO_WORDS: frozenset[str] = NONE_WORDS | {"都是0", "全是0", "均为0", "全部为0", "都为0", "全为0"}


@dataclass(frozen=True)
class _Phrase:
    text: str  # NFKC, without whitespace
    key: str | None  # None: recognised, names no cell


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", _nfkc(text))


def _label_variants(label: str) -> set[str]:
    """"（二）部分公开（注）" -> itself, without numbering, without the note, without quotes."""
    full = _squeeze(label)
    variants = {full, _LABEL_NUMBERING.sub("", full)}
    variants |= {_TRAILING_NOTE.sub("", v) for v in variants}
    variants |= {_QUOTES.sub("", v) for v in variants}
    return {v for v in variants if v}


def _phrase_index(labels: dict[str, str], synonyms: dict[str, str]) -> dict[str, list[_Phrase]]:
    """Phrases by first character, longest first. Labels win over synonyms for the same text."""
    table: dict[str, str | None] = {}
    for key, label in labels.items():
        for variant in _label_variants(label):
            table.setdefault(variant, key)
    for phrase, key in synonyms.items():
        table.setdefault(_squeeze(phrase), key if key in labels else None)
    index: dict[str, list[_Phrase]] = {}
    for text, key in table.items():
        if text:
            index.setdefault(text[0], []).append(_Phrase(text, key))
    for phrases in index.values():
        phrases.sort(key=lambda p: -len(p.text))
    return index


def _match_phrase(text: str, start: int, phrase: str) -> int | None:
    """End of phrase matched at start, whitespace inside the typed text ignored; else None."""
    position = start
    for offset, ch in enumerate(phrase):
        if offset:
            while position < len(text) and text[position].isspace():
                position += 1
        if position >= len(text) or text[position] != ch:
            return None
        position += 1
    return position


def _phrase_at(text: str, start: int, index: dict[str, list[_Phrase]]) -> tuple[_Phrase, int] | None:
    for phrase in index.get(text[start], ()):
        end = _match_phrase(text, start, phrase.text)
        if end is not None:
            return phrase, end
    return None


def _starts_number(text: str, position: int) -> bool:
    ch = text[position]
    return ch in "0123456789" or ch in CN_NUMERAL_CHARS or text.startswith(_NONE_NUMBERS, position)


def _skip_words(text: str, position: int, words: tuple[str, ...]) -> int:
    while position < len(text):
        if text[position].isspace():
            position += 1
            continue
        word = next((w for w in words if text.startswith(w, position)), None)
        if word is None:
            break
        position += len(word)
    return position


@dataclass
class _Pairs:
    """Reads "label number" pairs from NFKC text."""

    text: str
    labels: dict[str, str]
    index: dict[str, list[_Phrase]]
    position: int = 0

    def read_label(self) -> tuple[list[str], str]:
        """Keys named by the label text here, and that text. Stops where the number starts."""
        text, start = self.text, self.position
        keys: list[str] = []
        headings_only = True  # separators may follow a heading: "（三）不予公开，1.属于国家秘密"
        while self.position < len(text):
            found = _phrase_at(text, self.position, self.index)
            if found is not None:
                phrase, self.position = found
                if phrase.key is not None and phrase.key not in keys:
                    keys.append(phrase.key)
                headings_only = headings_only and phrase.key is None
                continue
            ch = text[self.position]
            if _starts_number(text, self.position):
                break
            if ch in "-−" and text[self.position + 1 : self.position + 2].isdigit():
                raise AnswerError("数量不能是负数。" + COUNT_EXPECTED)
            if ch.isspace() or ch in ",;、。":
                if not headings_only or self.position == start:
                    break
            elif ch not in ":=":
                headings_only = False
            self.position += 1
        return keys, text[start : self.position].strip()

    def read_number(self, key: str) -> int:
        text = self.text
        self.position = _skip_words(text, self.position, _BEFORE_NUMBER)
        start = self.position
        none_word = next((w for w in _NONE_NUMBERS if text.startswith(w, start)), None)
        if none_word is not None:
            self.position += len(none_word)
            return 0
        while self.position < len(text) and text[self.position] in "0123456789":
            self.position += 1
        if self.position == start:
            while self.position < len(text) and text[self.position] in CN_NUMERAL_CHARS:
                self.position += 1
        typed = text[start : self.position]
        name = _display_label(self.labels[key])
        if not typed:
            raise AnswerError(f"“{name}”后面要写件数，例如：{name}3件。")
        if text[self.position : self.position + 1] == "." and text[self.position + 1 : self.position + 2].isdigit():
            raise AnswerError(f"“{name}”的件数要填整数，不能有小数。" + COUNT_EXPECTED)
        value = _arabic_integer(typed) if typed[0].isdigit() else cn_integer(typed)
        if value is None:
            raise AnswerError(f"“{name}”后面的{_show(typed)}不是一个整数。" + COUNT_EXPECTED)
        self.skip_measure_word()
        return value

    def skip_measure_word(self) -> None:
        """One optional measure word ("3件", "3 条"), unless it starts a label ("3个人" is not 3个)."""
        position = _skip_words(self.text, self.position, ())
        word = next((w for w in MEASURE_WORDS if self.text.startswith(w, position)), None)
        if word is not None and _phrase_at(self.text, position, self.index) is None:
            self.position = position + len(word)

    def skip_separators(self) -> None:
        """Separators between pairs (",", "、", "和" …), never the start of a label."""
        text = self.text
        while not self.at_end() and _phrase_at(text, self.position, self.index) is None:
            if text[self.position].isspace():
                self.position += 1
                continue
            word = next((w for w in _PAIR_SEPARATORS if text.startswith(w, self.position)), None)
            if word is None:
                return
            self.position += len(word)

    def at_end(self) -> bool:
        return self.position >= len(self.text)


def _display_label(label: str) -> str:
    """The label as shown in messages: without its numbering and note ("部分公开")."""
    squeezed = _squeeze(label)
    return _TRAILING_NOTE.sub("", _LABEL_NUMBERING.sub("", squeezed)) or squeezed


def _short_synonyms(key: str, synonyms: dict[str, str], limit: int = 3) -> list[str]:
    return [phrase for phrase, k in synonyms.items() if k == key and len(phrase) <= 6][:limit]


def _accepted_labels(labels: dict[str, str], synonyms: dict[str, str]) -> str:
    """"自然人（个人、群众、公民）；商业企业（企业、公司）；…" for messages."""
    entries = []
    for key, label in labels.items():
        name = _display_label(label)
        short = [phrase for phrase in _short_synonyms(key, synonyms, limit=4) if phrase != name][:3]
        entries.append(name + (f"（{'、'.join(short)}）" if short else ""))
    return "；".join(entries)


def _short_name(key: str, labels: dict[str, str], synonyms: dict[str, str]) -> str:
    """The display label, or a short synonym when the label is long: for examples."""
    name = _display_label(labels[key])
    short = _short_synonyms(key, synonyms)
    return name if len(name) <= 6 or not short else min(short, key=len)


def _pairs_example(labels: dict[str, str], synonyms: dict[str, str]) -> str:
    names = [_short_name(key, labels, synonyms) for key in list(labels)[:2]]
    return "，".join(f"{name}{count}件" for name, count in zip(names, (3, 1)))


def parse_counts_by_label(
    text: str, labels: dict[str, str], synonyms: dict[str, str] | None = None
) -> dict[str, int]:
    """Counts typed as label phrases: "自然人3件，企业1件，律所2件" -> {"natural": 3, ...}.

    labels: key -> official label (the full official label, its bare form without numbering,
    and its form without the trailing note all work); synonyms: extra phrase -> key (HEADING
    for phrases recognised but naming no cell). Only the keys mentioned are returned, in the
    order of labels; "无"/"没有" -> every key 0.
    """
    synonyms = synonyms or {}
    normal = _nfkc(text).strip()
    if normal.strip(_EDGE_PUNCTUATION) in ALL_ZERO_WORDS:
        return {key: 0 for key in labels}
    example = _pairs_example(labels, synonyms)
    accepted = _accepted_labels(labels, synonyms)
    pairs = _Pairs(normal, labels, _phrase_index(labels, synonyms))
    pairs.skip_separators()
    if pairs.at_end():
        raise AnswerError(f"请按“名称+件数”填写，例如：{example}；都没有请填“无”。")
    counts: dict[str, int] = {}
    while not pairs.at_end():
        keys, typed = pairs.read_label()
        if not typed:
            raise AnswerError(f"数字前面要写明是哪一项，请按“名称+件数”填写，例如：{example}。")
        if not keys:
            raise AnswerError(f"不认识{_show(typed)}。可以填的项目：{accepted}。例如：{example}。")
        if len(keys) > 1:
            names = "、".join(_display_label(labels[k]) for k in keys)
            raise AnswerError(f"{_show(typed)}同时提到了 {names}，请分开写，例如：{example}。")
        key = keys[0]
        value = pairs.read_number(key)
        if key in counts:
            raise AnswerError(f"“{_display_label(labels[key])}”写了两次，请每一项只写一次，例如：{example}。")
        counts[key] = value
        pairs.skip_separators()
    return {key: counts[key] for key in labels if key in counts}


def parse_t3_column_counts(text: str) -> dict[str, int]:
    """A Table 3 row by applicant column: "自然人3件，企业1件" -> {"natural": 3, "business": 1}."""
    return parse_counts_by_label(text, L.T3_COLUMNS, T3_COLUMN_SYNONYMS)


def parse_t3_row_counts(text: str) -> dict[str, int]:
    """A Table 3 column by row: "予以公开2件，不掌握1件" -> {"granted": 2, "unable_not_held": 1}."""
    return parse_counts_by_label(text, T3_ROW_LABELS, T3_ROW_SYNONYMS)


def parse_t4_counts(text: str) -> dict[str, int]:
    """One Table 4 group: "维持1件，尚未审结1件" -> {"upheld": 1, "pending": 1}."""
    return parse_counts_by_label(text, L.T4_COLUMNS, T4_COLUMN_SYNONYMS)
