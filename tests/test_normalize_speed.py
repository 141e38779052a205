"""The text normalisations used by the importer and the rules: same results, no needless work."""

from __future__ import annotations

import random

from nianbao.chinese.normalize import _HALFWIDTH, halfwidth, squeeze


def _by_character(text: str) -> str:
    return "".join(chr(_HALFWIDTH.get(ord(c), ord(c))) for c in text)


def test_halfwidth_changes_exactly_the_full_width_characters():
    rng = random.Random(15)
    alphabet = "共发布信息条（）：，。 \t\n0123456789abcXYZ" + "".join(map(chr, _HALFWIDTH))
    for _ in range(300):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 40)))
        assert halfwidth(text) == _by_character(text)
    assert squeeze("共发布信息 ８５０\u3000条") == "共发布信息850条"


def test_a_text_with_nothing_full_width_is_handed_back_not_copied():
    # Published text is NFKC already: the rules call halfwidth thousands of times per batch on
    # sections that have nothing to change, and a per-character translate was 7% of `check`.
    text = "二、主动公开政府信息情况\n本年共发布信息850条（含规范性文件3件）。" * 50
    assert halfwidth(text) is text
