"""Money in 万元 or 元, typed with or without its unit ("1.5万元", "15000元", "一点五", "无")."""

from __future__ import annotations

import re
from decimal import Decimal

from nianbao.chinese.numerals import CN_DIGITS, MAX_DIGITS, cn_integer
from nianbao.chinese.words import NO_FEE_WORDS, NONE_WORDS
from nianbao.interview.errors import AnswerError
from nianbao.interview.parse.common import WAN_EXPECTED, YUAN_EXPECTED, short_answer, show, strip_prefix

_MONEY_PREFIXES: tuple[str, ...] = ("人民币", "rmb", "RMB", "共计", "合计", "共", "收费", "收取")
# Unit suffix -> power of ten that turns the number into 元.
_MONEY_UNITS: tuple[tuple[str, int], ...] = (("万元", 4), ("万", 4), ("元", 0))
_MIXED = re.compile(r"(?:[0-9][万千百十])+[0-9]?")
_ARABIC_DECIMAL = re.compile(r"(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?|\.[0-9]+")


def _decimal_number(text: str) -> Decimal | None:
    """"1.5", "1,500", "一点五", "三百" -> Decimal; None if it is not a plain number."""
    if len(text) > 2 * MAX_DIGITS:
        return None
    if _ARABIC_DECIMAL.fullmatch(text):
        return Decimal(text.replace(",", ""))
    if _MIXED.fullmatch(text):  # "1万5千", "3千": single digits with Chinese units, read as Chinese
        text = "".join("零一二三四五六七八九"[int(ch)] if ch.isdigit() else ch for ch in text)
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
    core = short_answer(text)
    if core in NONE_WORDS or core in NO_FEE_WORDS:
        return Decimal(0)
    core = strip_prefix(core, _MONEY_PREFIXES)
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
        raise AnswerError(f"没有看懂{show(text)}。" + expected)
    value = _tidy(number.scaleb(power - unit_power))
    if value.as_tuple().exponent < -places:  # type: ignore[operator]
        raise AnswerError(f"{show(text)}的小数位太多了。" + expected)
    if value >= Decimal(10) ** (MAX_DIGITS - unit_power):
        raise AnswerError(f"{show(text)}这个金额太大了，请核对单位。" + expected)
    return value


def parse_amount_wan(text: str) -> Decimal:
    """Money in 万元 (Table 2's 行政事业性收费): "1.5", "1.5万元", "15000元", "无" -> Decimal."""
    return _money(text, unit_power=4, places=4, expected=WAN_EXPECTED)


def parse_amount_yuan(text: str) -> Decimal:
    """Money in 元 (fees in section 六): "300元", "300", "0.03万元", "无" -> Decimal."""
    return _money(text, unit_power=0, places=2, expected=YUAN_EXPECTED)

