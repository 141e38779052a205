"""The office's contact details: phone, postcode, email, fax ("电话 0391-6633123，邮编 459000")."""

from __future__ import annotations

from nianbao.interview.kinds.base import AnswerKind

_SAID = ("电话", "邮编", "邮箱", "传真")


class Contact(AnswerKind):
    name = "contact"

    def parse(self, text, q, inst):
        from nianbao.interview.errors import AnswerError
        from nianbao.interview.parse.common import is_none_answer
        from nianbao.interview.parse.phone import read_contact, understood_or_refused

        if is_none_answer(text):
            return {"phone": "", "postcode": "", "email": "", "fax": ""}
        reading = read_contact(text)
        understood_or_refused(reading, "请写办公电话、邮编、邮箱或传真，例如“电话 0391-6633123，邮编 459000，邮箱 office@example.gov.cn”；没有答“无”。")
        if not reading.recognised():
            raise AnswerError("没有认出电话、邮编或邮箱。例如“电话 0391-6633123，邮编 459000，邮箱 office@example.gov.cn”；没有答“无”。")
        return {
            "phone": "、".join(reading.phones),
            "postcode": reading.postcode,
            "email": reading.email,
            "fax": "、".join(reading.faxes),
        }

    def apply(self, state, q, inst, value):
        from nianbao.interview.paths import set_path

        for path in q.fields:
            set_path(state.report, path, value[path.rsplit(".", 1)[-1]])
        return []

    def show(self, report, q, inst, values):
        named = dict(zip(_SAID, values))
        return "，".join(f"{k} {v}" for k, v in named.items() if v)


KIND = Contact()
