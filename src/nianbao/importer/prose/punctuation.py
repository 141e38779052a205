"""Give Chinese text its full-width punctuation back after NFKC made it ASCII.

Parsing works on NFKC text (full-width digits become ASCII); what we hand on to people (names,
problems, the report text for the rules) should read like the published report.
"""

from __future__ import annotations

import re

_FULL = {",": "，", ";": "；", ":": "：", "(": "（", ")": "）", "?": "？", "!": "！"}
_CJK = r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef“”‘’《》]"
# ASCII punctuation touching a CJK character on either side.
_NEAR_CJK = re.compile(rf"(?<={_CJK})[,;:()?!]|[,;:()?!](?={_CJK})")


def chinese_punctuation(text: str) -> str:
    return _NEAR_CJK.sub(lambda m: _FULL[m.group(0)], text)
