"""Chinese numerals both ways: read (十二, 两, 一万二千, 二〇二四, 壹佰) and write (十二 for 12).

Written by hand rather than with cn2an: cn2an reads 一万二百 as 10200, which a clerk more likely
meant as 12000 or mistyped, and we refuse it; and its import costs about 0.1 s at start-up.
"""

from __future__ import annotations

import re

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
MAX_DIGITS = 12

CN_ORDINALS = "一二三四五六七八九十"


def cn_ordinal(n: int) -> str:
    """1 -> 一, 12 -> 十二 (up to 99), used for （一） style numbering."""
    if n <= 10:
        return CN_ORDINALS[n - 1]
    tens, ones = divmod(n, 10)
    head = "" if tens == 1 else CN_ORDINALS[tens - 1]
    return head + "十" + (CN_ORDINALS[ones - 1] if ones else "")


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


def arabic_integer(text: str) -> int | None:
    """"12", "1,234" -> int; anything else (signs, decimals, other digit scripts) -> None."""
    if re.fullmatch(r"[0-9]{1,3}(?:,[0-9]{3})+", text):
        text = text.replace(",", "")
    if re.fullmatch(r"[0-9]+", text) and len(text.lstrip("0")) <= MAX_DIGITS:
        return int(text)
    return None


def parse_number(token: str) -> int | None:
    """A number as a report writes it: "12" -> 12, "十二" -> 12, "两" -> 2, "一百零五" -> 105; None
    if it is not one (a malformed numeral is not guessed at)."""
    value = arabic_integer(token)
    return value if value is not None else cn_integer(token)
