"""Contact details from a report's preamble ("如对本报告有疑问，请与…联系（地址：…，电话：…）")."""

from __future__ import annotations

import re

from nianbao.report.model import Contact

_END = r"(?=[,，;；。)）\n]|$)"
_ADDRESS = re.compile(
    r"(?:办公地址|通讯地址|联系地址|地址)\s*[:：]\s*([^,，;；。)）\n]{4,60}?)(?=邮编|邮政编码|联系电话|电话|[,，;；。)）\n]|$)"
)
_POSTCODE = re.compile(r"(?:邮政编码|邮编)\s*[:：]?\s*(\d{6})")
_PHONE = re.compile(r"(?:联系电话|咨询电话|电话(?:/传真)?|传真/电话)\s*[:：]?\s*(\(?0\d{2,3}\)?[-\s]?\d{7,8}(?:-\d{1,4})?|1\d{10}|\d{7,8})")
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
_OFFICE = (
    re.compile(r"请(?:与|联系|向|致电)\s*([^\s,，;；。()（）:：]{2,40}?)\s*(?:联系|咨询|反映)?\s*[(（,，:：]"),
    re.compile(r"请与\s*([^\s,，;；。()（）:：]{2,40}?)\s*联系"),
)
_URL = re.compile(r"(?:https?://)?www\.[A-Za-z0-9.-]+\.[A-Za-z]{2,}(?:/[^\s)）\"”,，。]*)?")
_SITE_NAME = re.compile(r"[“\"]?([^“”\"\s,，。、在从于]{2,30}?(?:门户网站|网站|政府网|平台))[”\"]?")
_LEAD_VERB = re.compile(r"^(?:可以|可|请)?(?:通过|登录|登陆|在|从|于)")
_DOWNLOAD = re.compile(r"电子版|下载")
_CONTACT = re.compile(r"联系|咨询电话")
# The contact lines are near the start (preamble) or the very end of a report.
_HEAD = 4000


def read_contact(text: str) -> tuple[Contact, str]:
    """(contact, website) found in the preamble; empty strings where nothing was found."""
    head = text[:_HEAD]
    office = ""
    for pattern in _OFFICE:
        m = pattern.search(head)
        if m:
            office = m.group(1).strip()
            break
    contact = Contact(
        office=office,
        address=_first(_ADDRESS, head),
        postcode=_first(_POSTCODE, head),
        phone=_contact_phone(head),
        email=_first(_EMAIL, head, group=0),
    )
    return contact, _website(head)


_CONTACT_LINE = re.compile(r"^\s*(?:联系|咨询|办公)?(?:电话|地址|邮编|邮政编码|传真|邮箱|电子邮箱|电子信箱)")


def _contact_phone(head: str) -> str:
    """The phone of the contact sentence ("如对本报告有疑问，请与…联系（…电话…）", or the lines
    of contact details right after it), not the first number after 电话 anywhere: an
    applicant's mobile quoted in the text is personal data, not the agency's number."""
    for sentence in _sentences_with(_CONTACT, head):
        at = head.find(sentence) + len(sentence)
        following = []
        for line in head[at:].lstrip("。\n").split("\n")[:6]:
            if not _CONTACT_LINE.match(line):
                break
            following.append(line)
        found = _first(_PHONE, "\n".join([sentence, *following]))
        if found:
            return found
    return ""


def _first(pattern: re.Pattern, text: str, group: int = 1) -> str:
    m = pattern.search(text)
    return m.group(group).strip() if m else ""


def _website(head: str) -> str:
    """Where the report can be downloaded: the site's name, with its address when given."""
    for sentence in _sentences_with(_DOWNLOAD, head):
        if sentence.lower().startswith("source:"):
            continue  # the page address the corpus files carry on their first line
        name = _SITE_NAME.search(sentence)
        url = _URL.search(sentence)
        site = _LEAD_VERB.sub("", name.group(1)) if name else ""
        if site and url:
            return f"{site}（{url.group(0)}）"
        if site or url:
            return site or url.group(0)
    return ""


def _sentences_with(pattern: re.Pattern, text: str) -> list[str]:
    """The sentences (up to 。 or a line break) that contain a match."""
    out = []
    for m in pattern.finditer(text):
        start = max(text.rfind("。", 0, m.start()), text.rfind("\n", 0, m.start())) + 1
        ends = [i for i in (text.find("。", m.end()), text.find("\n", m.end())) if i >= 0]
        sentence = text[start : min(ends) if ends else len(text)]
        if sentence not in out:
            out.append(sentence)
    return out
