"""The ways Chinese text is normalised, each for its reader.

- nfkc: answers typed by a clerk (full-width digits and punctuation to ASCII).
- halfwidth / squeeze: report text read by the rules; Chinese punctuation stays as it is, so
  that every pattern need not list both forms of （，：.
- normalize_published: published reports (NFKC, one kind of line break, no invisible marks).
"""

from __future__ import annotations

import re
import unicodedata

from nianbao.chinese.words import EDGE_PUNCTUATION


def nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def short_answer(text: str) -> str:
    """NFKC, then trim surrounding spaces and punctuation: the core of a one-word answer."""
    return nfkc(text).strip(EDGE_PUNCTUATION).strip()


# "1,234条" is one number, but "12，340条" may be two items of a list: only an ASCII comma, between
# a digit and exactly three digits, is a thousands separator.
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")


def join_thousands(text: str) -> str:
    return _THOUSANDS.sub("", text)


def squeeze_nfkc(text: str) -> str:
    """NFKC without any whitespace: how label phrases are compared."""
    return re.sub(r"\s+", "", nfkc(text))


# Full-width digits and Latin letters -> ASCII; ideographic space -> space.
_HALFWIDTH = {code: code - 0xFEE0 for code in range(0xFF10, 0xFF5B) if chr(code).isalnum()}
_HALFWIDTH[0x3000] = 0x20
_HALFWIDTH[0xA0] = 0x20
_SPACES = re.compile(r"[ \t\u3000\xa0\u2002\u2003\u2009]+")


_HALFWIDTH_ANY = re.compile("[" + "".join(map(chr, _HALFWIDTH)) + "]")


def halfwidth(text: str) -> str:
    # translate() looks up every character of a Chinese text in the dict; a published report
    # is NFKC already and has nothing to change, which one regex search tells far faster.
    if _HALFWIDTH_ANY.search(text) is None:
        return text
    return text.translate(_HALFWIDTH)


def squeeze(text: str) -> str:
    """Half-width digits and no horizontal spaces ("共发布信息 ８５０ 条" -> "共发布信息850条")."""
    return _SPACES.sub("", halfwidth(text))


# Characters that hide inside copied web text and break matching.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_LINE_BREAKS = re.compile(r"\r\n?|[\u2028\u2029\x85\x0b\x0c]")


def normalize_published(text: str) -> str:
    """NFKC (full-width digits and punctuation to ASCII), one kind of line break, no invisibles."""
    text = _LINE_BREAKS.sub("\n", text.translate(_INVISIBLE))
    return unicodedata.normalize("NFKC", text)


# What a terminal or a reader must never get from an answer: C0 and C1 control characters
# (ESC starts the sequences that clear a screen or set a window's title; newline and tab are
# kept) and invisible format characters (zero-width space and joiners, word joiner, soft hyphen,
# bidi overrides, BOM: every character of Unicode's category Cf).
def _hidden(char: str) -> bool:
    if char in "\n\t":
        return False
    return unicodedata.category(char) in ("Cc", "Cf")


def strip_hidden(text: str) -> tuple[str, int]:
    """The text without control and invisible format characters, and how many were removed."""
    kept = "".join(char for char in text if not _hidden(char))
    return kept, len(text) - len(kept)


def hidden_note(count: int) -> str:
    return f"（已去掉 {count} 个看不见的控制字符或格式字符。）"
