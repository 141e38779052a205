"""Numbers to call (the 监督举报电话): read as the contact details are, labels left out."""

from __future__ import annotations

from nianbao.interview.kinds.base import AnswerKind


class Phone(AnswerKind):
    name = "phone_number"

    def parse(self, text, q, inst):
        from nianbao.interview.errors import AnswerError
        from nianbao.interview.parse.common import is_none_answer
        from nianbao.interview.parse.phone import read_contact, understood_or_refused

        if q.optional and is_none_answer(text):
            return ""
        reading = read_contact(text)
        # Only numbers to call belong here: a postcode, an email or a fax is named, not kept.
        reading.not_understood.extend(p for p in reading.recognised() if not p.startswith("电话 "))
        reading.faxes, reading.postcode, reading.email = [], "", ""
        understood_or_refused(reading, "这里只写电话号码，例如 0391-6633123 或 12345；没有答“无”。")
        if not reading.phones:
            raise AnswerError("没有认出电话号码。例如 0391-6633123 或 12345；没有答“无”。")
        return "、".join(reading.phones)

    def show(self, report, q, inst, values):
        return values[0] or ""


KIND = Phone()
