"""A gate: 有 or 没有. "No" fills the fields it guards with 0 (or 无); "yes" asks them one by one."""

from __future__ import annotations

from nianbao.interview.kinds.base import BUTTONS, AnswerKind


class YesNo(AnswerKind):
    name = "yes_no"
    widget = BUTTONS
    hint = "点按钮，或输入 有 / 没有"
    holds_values = False

    def parse(self, text, q, inst):
        from nianbao.interview import parse as P

        return P.parse_yes_no(text)

    def split_lead(self, text, q, inst):
        """"有，自然人3件" answers the gate and the first question it opens; a "no" opens none."""
        from nianbao.interview import parse as P
        from nianbao.interview.errors import AnswerError
        from nianbao.interview.parse.common import split_lead

        split = split_lead(text)
        try:
            return split if split is not None and P.parse_yes_no(split[0]) is True else None
        except AnswerError:
            return None

    def apply(self, state, q, inst, value):
        from nianbao.interview.paths import get_path, set_path

        if value is not False:
            return ["已记下：有。下面逐项填写。"]
        report = state.report
        filled_text = False
        for leaf in self.fields(tuple(q.fields), None):
            current = get_path(report, leaf)
            filled_text |= isinstance(current, str)
            set_path(report, leaf, "无" if isinstance(current, str) else 0)
        return ["已记下：没有。相关各项已填“无”。" if filled_text else "已记下：没有。相关各项已填 0。"]

    def show(self, report, q, inst, values):
        return ""


KIND = YesNo()
