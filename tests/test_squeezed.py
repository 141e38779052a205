"""chinese/matching.Squeezed maps positions of the squeezed text back, per run of characters."""

from __future__ import annotations

import random
import re

from nianbao.chinese.matching import Squeezed


class PerCharacter:
    """The plain definition: the original index of every squeezed character."""

    def __init__(self, text: str, shift: int = 0, length: int | None = None):
        self.pos = [i for i, c in enumerate(text) if not c.isspace()]
        self.text = re.sub(r"\s+", "", text)
        self.length = len(text) if length is None else length

    def start(self, i: int) -> int:
        return self.pos[i] if i < len(self.text) else self.length

    def end(self, i: int) -> int:
        return self.pos[i - 1] + 1 if i > 0 else 0

    def squeezed_index(self, o: int) -> int:
        return next((k for k, p in enumerate(self.pos) if p >= o), len(self.text))


def _agree(text: str, squeezed: Squeezed) -> None:
    plain = PerCharacter(text)
    assert squeezed.text == plain.text
    for i in range(len(plain.text) + 1):
        assert (squeezed.start(i), squeezed.end(i)) == (plain.start(i), plain.end(i)), (text, i)
    for o in range(len(text) + 2):
        assert squeezed.squeezed_index(o) == plain.squeezed_index(o), (text, o)


def test_positions_agree_with_the_per_character_definition_for_texts_and_their_views():
    rng = random.Random(7)
    for _ in range(1500):
        text = "".join(rng.choice("ab \n\t　c") for _ in range(rng.randint(0, 30)))
        whole = Squeezed(text)
        _agree(text, whole)
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        part = whole.view(start, end)
        _agree(text[start:end], part)
        inner = rng.randint(0, end - start)
        _agree(text[start + inner : end], part.view(inner, end - start))
