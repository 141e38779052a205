"""The office's contact details: phone, postcode, email ("电话 0391-1234567，邮编 459000")."""

from __future__ import annotations

import re

from nianbao.chinese.normalize import nfkc
from nianbao.interview.errors import AnswerError
from nianbao.interview.kinds.base import AnswerKind
from nianbao.interview.parse.common import is_none_answer

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_MOBILE = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")
_PHONE = re.compile(r"(?<![\d-])(?:0\d{2,3}[-－ ]?)?[2-9]\d{6,7}(?:[-转]\d{1,5})?(?![\d])|(?<!\d)400[-－ ]?\d{3}[-－ ]?\d{4}(?!\d)")
_POSTCODE = re.compile(r"(?<![\d-])\d{6}(?![\d-])")


class Contact(AnswerKind):
    name = "contact"

    def parse(self, text, q, inst):
        if is_none_answer(text):
            return {"phone": "", "postcode": "", "email": ""}
        normal = nfkc(text)
        if _MOBILE.search(normal):
            raise AnswerError("年报会公开发布，不能写个人手机号（规则 P-1）。请写办公电话。")
        email = _EMAIL.search(normal)
        rest = _EMAIL.sub(" ", normal)
        hit = re.search(r"邮编[:：\s]*(\d{6})", rest) or _POSTCODE.search(rest)
        postcode = hit.group(1) if hit and hit.lastindex else (hit.group(0) if hit else "")
        if postcode:
            rest = rest.replace(postcode, " ", 1)
        phones = [m.group(0).strip() for m in _PHONE.finditer(rest)]
        if not (email or postcode or phones):
            raise AnswerError("没有认出电话、邮编或邮箱。例如“电话 0391-1234567，邮编 459000，邮箱 office@example.gov.cn”；没有答“无”。")
        return {"phone": "、".join(phones), "postcode": postcode, "email": email.group(0) if email else ""}

    def apply(self, state, q, inst, value):
        from nianbao.interview.paths import set_path

        for path in q.fields:
            set_path(state.report, path, value[path.rsplit(".", 1)[-1]])
        return []

    def show(self, report, q, inst, values):
        named = dict(zip(("电话", "邮编", "邮箱"), values))
        return "，".join(f"{k} {v}" for k, v in named.items() if v)


KIND = Contact()
