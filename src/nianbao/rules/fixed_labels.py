"""Fixed table labels printed with a typo nobody has listed ("先行有效件数", "本年废纸件数").

labels.ALTERED_LABELS names the typos seen in real reports; a label of the 2021 tables that is
not in the text as written but is there in a close spelling is altered too. Only the tables'
own sections are searched, and only for labels missing as written, so a correct report costs a
substring test per label.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from functools import lru_cache

from nianbao.chinese.matching import fuzzy_find, label_pattern, strip_numbering
from nianbao.chinese.normalize import nfkc
from nianbao.report import labels as L

_PUNCTUATION = re.compile(r"[\W_]+")
_WHITESPACE = re.compile(r"\s+")


# Each table section holds its own table's labels (the section key: labels.SECTION_KEYS).
_TABLE_LABELS: dict[str, tuple[str, ...]] = {
    "active": (*L.T2_DOC_COLUMNS.values(), L.T2_DECISIONS, L.T2_FEE_AMOUNT, *L.T2_ROWS.values(), L.T2_CONTENT),
    "requests": (
        L.T3_CORNER_NOTE, *L.T3_COLUMNS.values(), *(row.label for row in L.T3_ROWS), *L.T3_GROUPS.values(),
        L.T3_APPLICANT, L.T3_ORG_GROUP,
    ),
    "appeals": (*L.T4_GROUPS.values(), *L.T4_COLUMNS.values(), L.T4_REVIEW, L.T4_LITIGATION),
}
TABLE_SECTIONS = tuple(_TABLE_LABELS)


def _core(label: str) -> str:
    core = strip_numbering(label)
    if core.startswith("(") and core.endswith(")"):
        return core[1:-1]  # the corner note is all in brackets
    return core.partition("(")[0]  # a bracketed note is often cut: only its label counts


@lru_cache(maxsize=1)
def _label_words() -> tuple[str, ...]:
    """Every label's words, short ones too: what may stand next to a label cut short."""
    return tuple({_core(label) for labels in _TABLE_LABELS.values() for label in labels} - {""})


@lru_cache(maxsize=None)
def fixed_labels(section: str) -> tuple[tuple[str, str], ...]:
    """(squeezed core, official label) for each fixed label of the section's table worth matching."""
    out: dict[str, str] = {}
    for label in _TABLE_LABELS[section]:
        core = _core(label)
        if len(core) >= 4:
            out.setdefault(core, label)
    return tuple(out.items())


_PROSE_LINE = 60  # a table's cell or row is short; a longer line without a tab is the clerk's prose
_BREAK = "\x00"  # stands between table lines where prose was: no label spans it


def _table_lines(text: str) -> str:
    """The squeezed text of the lines that can be table cells, prose replaced by a break."""
    parts = []
    for line in nfkc(text).splitlines():  # NFKC once, not per line: labels are matched in NFKC
        squeezed = _WHITESPACE.sub("", line)
        table_like = "\t" in line or "|" in line or len(squeezed) <= _PROSE_LINE
        parts.append(squeezed if table_like else _BREAK)
    return "".join(parts)


_WHOLE = 14  # a label this short is quoted whole; of a longer one, the altered words


def shown_change(printed: str, core: str) -> tuple[str, str]:
    """(as printed, as it should be): the whole label when short, else the altered words with two
    characters around them ("的钩稽关", "的勾稽关")."""
    if len(core) <= _WHOLE:
        return printed, core
    ops = [op for op in SequenceMatcher(None, printed, core, autojunk=False).get_opcodes() if op[0] != "equal"]
    a0, a1, b0, b1 = ops[0][1], ops[-1][2], ops[0][3], ops[-1][4]
    return printed[max(a0 - 2, 0) : a1 + 2], core[max(b0 - 2, 0) : b1 + 2]


def altered_labels(text: str, section: str) -> list[tuple[str, str, str]]:
    """(as printed, its squeezed core, official) for each fixed label printed with a typo in `text`'s table lines.

    A label only cut short ("现行有效件", the text cut off or a cell's last character lost in
    extraction) is not a typo: the printed words are still the label's own."""
    squeezed = _table_lines(text)
    labels = fixed_labels(section)
    present = [core for core, _ in labels if core in squeezed]
    # Missing as written, and not a typo labels.ALTERED_LABELS already names (L-1 says those).
    missing = [(core, official) for core, official in labels
               if core not in squeezed and not label_pattern(core, "none").search(squeezed)]
    if not present or not missing:
        return []  # all as written; or not the table, nothing of it as written to be sure of
    taken = [(m.start(), m.end()) for core in present for m in re.finditer(re.escape(core), squeezed)]
    found: list[tuple[str, str, str]] = []
    for core, official in missing:
        span = fuzzy_find(core, squeezed)
        if span is None or any(a < span[1] and span[0] < b for a, b in taken):
            continue
        printed = squeezed[span[0] : span[1]]
        if _BREAK in printed or _cut_short(squeezed, span, core):
            continue
        if _PUNCTUATION.sub("", printed) == _PUNCTUATION.sub("", core):
            continue  # only punctuation differs
        found.append((printed, core, official))
        taken.append(span)
    return found


def _cut_short(text: str, span: tuple[int, int], core: str) -> bool:
    """The printed words are the label cut short, maybe with the next (or previous) label's first
    (or last) character taken in: "现行有效件" + "规章" matched as "现行有效件规"."""
    printed = text[span[0] : span[1]]
    if core.startswith(printed) or core.endswith(printed):
        return True
    words = _label_words()
    if core.startswith(printed[:-1]) and text.startswith(words, span[1] - 1):
        return True
    return core.endswith(printed[1:]) and any(text[: span[0] + 1].endswith(w) for w in words)
