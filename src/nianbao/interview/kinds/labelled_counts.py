"""Named counts in free order ("政府网站340条，政务微信120条"): published items by channel."""

from __future__ import annotations

import re

from nianbao.interview.errors import AnswerError
from nianbao.interview.kinds.base import AnswerKind

# A pattern string: re compiles and caches it at the first answer, so kind modules load light.
_LABELLED = r"^(?P<label>.*?)[\s:：]*(?P<num>\d[\d,]*|[零〇一二两三四五六七八九十百千万]+)\s*(?:条|件|篇|个|期)?$"


class LabelledCounts(AnswerKind):
    name = "labelled_counts"

    def parse(self, text, q, inst):
        from nianbao.interview import parse as P
        from nianbao.interview.parse.common import is_none_answer
        from nianbao.report.model import CountItem

        if is_none_answer(text):
            if q.optional:
                return []
            raise AnswerError("这一项需要写明名称和条数，例如“政府网站340条”。")
        from nianbao.chinese.normalize import join_thousands

        normal = join_thousands(text.strip()).replace("\n", "，")
        items = []
        for part in re.split(r"[，,；;、]\s*", normal):
            part = part.strip().strip("。")
            if not part:
                continue
            match = re.match(_LABELLED, part)
            label = match.group("label").strip() if match else ""
            if not match or not label:
                raise AnswerError(f"“{part}”没有认出名称和条数。请按“名称 + 条数”写，例如“政府网站340条”。")
            items.append(CountItem(label=label, count=P.parse_count(match.group("num"))))
        if not items:
            raise AnswerError("请按“名称 + 条数”写，例如“政府网站340条”。")
        return items

    def show(self, report, q, inst, values):
        from nianbao.interview.paths import get_path
        from nianbao.render.numbers import fmt_number

        items = values[0] if values else get_path(report, q.fields[0])
        return "，".join(f"{i.label}{fmt_number(i.count)}条" for i in items)


KIND = LabelledCounts()
