"""The label-phrase scanner: reads "label number" pairs ("自然人3件，企业1件") from NFKC text."""

from __future__ import annotations

import re
from dataclasses import dataclass

from nianbao.chinese.normalize import squeeze_nfkc
from nianbao.chinese.numerals import CN_NUMERAL_CHARS, arabic_integer, cn_integer
from nianbao.chinese.words import MEASURE_WORDS
from nianbao.interview.errors import AnswerError
from nianbao.interview.parse.common import COUNT_EXPECTED, show
from nianbao.report.labels import LABEL_NUMBERING

_TRAILING_NOTE = re.compile(r"\([^()]*\)$")
_QUOTES = re.compile("[“”‘’\"']")
_PAIR_SEPARATORS: tuple[str, ...] = ("以及", "和", "及", ",", ";", "、", "。", ".", "/", "|")
_BEFORE_NUMBER: tuple[str, ...] = ("共计", "合计", "为", "是", "有", "共", ":", "=")
_NONE_NUMBERS: tuple[str, ...] = ("没有", "无", "没")


@dataclass(frozen=True)
class _Phrase:
    text: str  # NFKC, without whitespace
    key: str | None  # None: recognised, names no cell


def _label_variants(label: str) -> set[str]:
    """"（二）部分公开（注）" -> itself, without numbering, without the note, without quotes."""
    full = squeeze_nfkc(label)
    variants = {full, LABEL_NUMBERING.sub("", full)}
    variants |= {_TRAILING_NOTE.sub("", v) for v in variants}
    variants |= {_QUOTES.sub("", v) for v in variants}
    return {v for v in variants if v}


def phrase_index(labels: dict[str, str], synonyms: dict[str, str]) -> dict[str, list[_Phrase]]:
    """Phrases by first character, longest first. Labels win over synonyms for the same text."""
    table: dict[str, str | None] = {}
    for key, label in labels.items():
        for variant in _label_variants(label):
            table.setdefault(variant, key)
    for phrase, key in synonyms.items():
        table.setdefault(squeeze_nfkc(phrase), key if key in labels else None)
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
class Pairs:
    """Reads "label number" pairs from NFKC text."""

    text: str
    labels: dict[str, str]
    index: dict[str, list[_Phrase]]
    position: int = 0

    def read_label(self) -> tuple[list[str], str, str]:
        """Keys named by the label text here, that text, and what of it no phrase covered (each
        covered phrase replaced by a space). Stops where the number starts."""
        text, start = self.text, self.position
        keys: list[str] = []
        residue: list[str] = []
        headings_only = True  # separators may follow a heading: "（三）不予公开，1.属于国家秘密"
        while self.position < len(text):
            found = _phrase_at(text, self.position, self.index)
            if found is not None:
                phrase, self.position = found
                residue.append(" ")
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
            residue.append(ch)
            self.position += 1
        return keys, text[start : self.position].strip(), "".join(residue)

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
        name = display_label(self.labels[key])
        if not typed:
            raise AnswerError(f"“{name}”后面要写件数，例如：{name}3件。")
        if text[self.position : self.position + 1] == "." and text[self.position + 1 : self.position + 2].isdigit():
            raise AnswerError(f"“{name}”的件数要填整数，不能有小数。" + COUNT_EXPECTED)
        value = arabic_integer(typed) if typed[0].isdigit() else cn_integer(typed)
        if value is None:
            raise AnswerError(f"“{name}”后面的{show(typed)}不是一个整数。" + COUNT_EXPECTED)
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


def display_label(label: str) -> str:
    """The label as shown in messages: without its numbering and note ("部分公开")."""
    squeezed = squeeze_nfkc(label)
    return _TRAILING_NOTE.sub("", LABEL_NUMBERING.sub("", squeezed)) or squeezed


def _short_synonyms(key: str, synonyms: dict[str, str], limit: int = 3) -> list[str]:
    return [phrase for phrase, k in synonyms.items() if k == key and len(phrase) <= 6][:limit]


def accepted_labels(labels: dict[str, str], synonyms: dict[str, str]) -> str:
    """"自然人（个人、群众、公民）；商业企业（企业、公司）；…" for messages."""
    entries = []
    for key, label in labels.items():
        name = display_label(label)
        short = [phrase for phrase in _short_synonyms(key, synonyms, limit=4) if phrase != name][:3]
        entries.append(name + (f"（{'、'.join(short)}）" if short else ""))
    return "；".join(entries)


def short_name(key: str, labels: dict[str, str], synonyms: dict[str, str]) -> str:
    """The display label, or a short synonym when the label is long: for examples."""
    name = display_label(labels[key])
    short = _short_synonyms(key, synonyms)
    return name if len(name) <= 6 or not short else min(short, key=len)


def pairs_example(labels: dict[str, str], synonyms: dict[str, str]) -> str:
    names = [short_name(key, labels, synonyms) for key in list(labels)[:2]]
    return "，".join(f"{name}{count}件" for name, count in zip(names, (3, 1)))
