"""The office's contact details: phone, postcode, email ("电话 0391-1234567，邮编 459000")."""

from __future__ import annotations

import re

from nianbao.interview.errors import AnswerError
from nianbao.interview.kinds.base import AnswerKind

# Pattern strings: re compiles and caches them at the first answer, so kind modules load light.
_EMAIL = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
_MOBILE = r"(?<!\d)1[3-9]\d{9}(?!\d)"
_PHONE = r"(?<![\d-])(?:0\d{2,3}[-－ ]?)?[2-9]\d{6,7}(?:[-转]\d{1,5})?(?![\d])|(?<!\d)400[-－ ]?\d{3}[-－ ]?\d{4}(?!\d)"
_POSTCODE = r"(?<![\d-])\d{6}(?![\d-])"


class Contact(AnswerKind):
    name = "contact"

    def parse(self, text, q, inst):
        from nianbao.chinese.normalize import nfkc
        from nianbao.interview.parse.common import is_none_answer

        if is_none_answer(text):
            return {"phone": "", "postcode": "", "email": ""}
        normal = nfkc(text)
        if re.search(_MOBILE, normal):
            raise AnswerError("年报会公开发布，不能写个人手机号（规则 P-1）。请写办公电话。")
        email = re.search(_EMAIL, normal)
        rest = re.sub(_EMAIL, " ", normal)
        hit = re.search(r"邮编[:：\s]*(\d{6})", rest) or re.search(_POSTCODE, rest)
        postcode = hit.group(1) if hit and hit.lastindex else (hit.group(0) if hit else "")
        if postcode:
            rest = rest.replace(postcode, " ", 1)
        phones = [m.group(0).strip() for m in re.finditer(_PHONE, rest)]
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
