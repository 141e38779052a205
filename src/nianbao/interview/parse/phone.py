"""Phone numbers, fax numbers, postcodes and emails as clerks type them.

One reader for every question that takes a number to call (the contact details, the 监督举报电话):
each piece typed is either read (and shown back) or named as not understood. A number that
cannot be a real one (a local number starting with 0 or 1) is named, never dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from nianbao.chinese.normalize import nfkc
from nianbao.interview.errors import AnswerError

# ASCII only: \w would take the label 邮箱 into "邮箱wx@163.com".
EMAIL = r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+"
_DASHES = str.maketrans({c: "-" for c in "—–‐‑‒―﹣－~～"})
# (0391)6633123 and （0391）6633123: the area code in brackets.
_BRACKETED_AREA = re.compile(r"[(（]\s*(0\d{2,3})\s*[)）]\s*-?\s*")
# A run of digits with the separators people put inside a number, and an extension.
_NUMBER = re.compile(r"(?<![\dA-Za-z])\+?\d(?:[\d\- .]*\d)?(?:\s*(?:转|分机|ext\.?)\s*\d{1,6})?", re.I)
_LABELS = {
    "fax": ("传真",),
    "postcode": ("邮政编码", "邮编"),
    "email": ("电子邮箱", "电子邮件", "邮箱", "e-mail", "email"),
    "phone": ("监督举报电话", "监督电话", "举报电话", "投诉电话", "咨询电话", "联系电话", "办公电话", "服务热线", "热线电话", "热线", "座机", "电话", "tel"),
}
_KIND_OF_WORD = {word: kind for kind, words in _LABELS.items() for word in words}
# Longest first, so that 监督举报电话 is one label and not 电话 after two unknown words.
_LABEL_WORDS = re.compile("|".join(map(re.escape, sorted(_KIND_OF_WORD, key=len, reverse=True))), re.I)
_FILLER = re.compile(r"[\s:：,，、;；.。/和及或与号码为是]+")


@dataclass
class ContactReading:
    phones: list[str] = field(default_factory=list)
    faxes: list[str] = field(default_factory=list)
    postcode: str = ""
    email: str = ""
    not_understood: list[str] = field(default_factory=list)  # pieces typed that were not read
    not_valid: list[str] = field(default_factory=list)  # numbers read that cannot be real, with why

    def recognised(self) -> list[str]:
        pieces = [f"电话 {p}" for p in self.phones] + [f"传真 {p}" for p in self.faxes]
        if self.postcode:
            pieces.append(f"邮编 {self.postcode}")
        if self.email:
            pieces.append(f"邮箱 {self.email}")
        return pieces


def read_contact(text: str) -> ContactReading:
    """Every piece of `text` read or named; raises AnswerError for a personal mobile (P-1)."""
    normal = _BRACKETED_AREA.sub(lambda m: m.group(1) + "-", nfkc(text).translate(_DASHES))
    reading = ContactReading()
    emails = list(re.finditer(EMAIL, normal))
    if emails:
        reading.email = "、".join(m.group(0) for m in emails)
        normal = re.sub(EMAIL, " ", normal)
    rest: list[str] = []
    position = 0
    for match in _NUMBER.finditer(normal):
        before = normal[position : match.start()]
        label, unlabelled = _label_in(before)
        rest.append(unlabelled)
        _classify(match.group(0), label, reading)
        position = match.end()
    rest.append(_label_in(normal[position:])[1])
    leftover = _FILLER.sub(" ", " ".join(rest)).split()
    reading.not_understood.extend(piece for piece in leftover if piece)
    return reading


def _label_in(text: str) -> tuple[str | None, str]:
    """The last label word in `text` (what the number after it is), and the text without labels."""
    hits = list(_LABEL_WORDS.finditer(text))
    kind = _KIND_OF_WORD[hits[-1].group(0).lower()] if hits else None
    return kind, _LABEL_WORDS.sub(" ", text)


def _classify(piece: str, label: str | None, reading: ContactReading) -> None:
    split = re.match(r"(.*?)\s*(?:转|分机|ext\.?)\s*(\d{1,6})$", piece.strip(), re.I)
    main, extension = (split.group(1), split.group(2)) if split else (piece.strip(), "")
    digits = re.sub(r"\D", "", main)
    if re.fullmatch(r"(?:86)?1[3-9]\d{9}", digits) and not main.startswith("0"):
        raise AnswerError(f"“{piece.strip()}”是手机号。年报会公开发布，不能写个人手机号（规则 P-1），请写办公电话。")
    if label == "postcode" or (label is None and len(digits) == 6 and not main.startswith("0")):
        if len(digits) == 6:
            reading.postcode = digits
        else:
            reading.not_valid.append(f"邮编“{piece.strip()}”应为 6 位数字")
        return
    number, why = _phone_number(main, digits)
    if number is None:
        reading.not_valid.append(f"“{piece.strip()}”{why}")
        return
    if extension:
        number += "转" + re.sub(r"\D", "", extension)
    (reading.faxes if label == "fax" else reading.phones).append(number)


def _phone_number(typed: str, digits: str) -> tuple[str | None, str]:
    """The number written the standard way (0391-6633123), or None and why it cannot be one."""
    if re.fullmatch(r"[48]00\d{7}", digits):
        return f"{digits[:3]}-{digits[3:6]}-{digits[6:]}", ""
    if re.fullmatch(r"12\d{3}", digits):
        return digits, ""  # 12345, 12315, 12388: public service lines
    if digits.startswith("86") and typed.lstrip().startswith("+"):
        digits = "0" + digits[2:]
    if digits.startswith("0"):
        typed_area = re.match(r"\s*\+?(0\d{2,3})[- .]", typed)
        area_length = len(typed_area.group(1)) if typed_area else (3 if digits[1:2] in ("1", "2") else 4)
        area, local = digits[:area_length], digits[area_length:]
    else:
        area, local = "", digits
    if not 7 <= len(local) <= 8:
        return None, "不像电话号码：本地号码应为 7 或 8 位（区号另写，如 0391-6633123）"
    if local[0] in "01":
        return None, "不像电话号码：本地号码不以 0 或 1 开头"
    return (f"{area}-{local}" if area else local), ""


def understood_or_refused(reading: ContactReading, expected: str) -> None:
    """Refuse an answer with a piece that was not read, saying what was read and what was not."""
    problems = reading.not_valid + [f"没有认出“{piece}”" for piece in reading.not_understood]
    if not problems:
        return
    said = "认出了：" + "，".join(reading.recognised()) + "；" if reading.recognised() else ""
    raise AnswerError(f"{said}{'；'.join(problems)}。{expected}")
