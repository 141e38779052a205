"""Start next year's session from last year's report (a session file or a published report).

What carries over: the agency and its contact details, Table 3's 上年结转 (last year's 结转下年度
继续办理, all seven columns), and last year's whole report as Session.last_year: the interview
asks what became of its problems, and X-1..X-3 compare against it. Every field filled here is
listed in Session.carried_over, so the TUI can mark it 沿用上年 until the clerk confirms it.
"""

from __future__ import annotations

import os
from pathlib import Path

from nianbao import store
from nianbao.importer import ReportImportError, import_path
from nianbao.report.model import Agency, Contact, Report
from nianbao.session import Session

_AGENCY_FIELDS = ("name", "self_ref", "kind", "supervisor", "website")
_CONTACT_FIELDS = tuple(Contact.model_fields)


def load_last_year(path: str | os.PathLike) -> tuple[Report, str | None]:
    """Last year's report, and its published text (None for a session: it has no fixed text)."""
    path = Path(path)
    if path.suffix.lower() == store.SUFFIX:
        try:
            return store.load(path).report, None
        except store.SessionError as exc:
            raise ReportImportError(str(exc)) from None
    imported = import_path(path)
    if imported.year is None:
        raise ReportImportError(f"{path}：无法确定这份报告的年度，不能据此开始下一年。")
    return imported.report, imported.text


def session_from_last_year(path: str | os.PathLike) -> Session:
    """A new session for last year + 1, prefilled from last year's report at `path`.

    Raises ReportImportError (Chinese message) when the file cannot be used.
    """
    last, _ = load_last_year(path)
    return session_from_report(last)


def session_from_report(last: Report) -> Session:
    if last.year >= 2100:
        raise ReportImportError(f"上年报告的年度 {last.year} 不对，不能据此开始下一年。")
    carried: list[str] = []
    agency = _carry_agency(last.agency, carried)
    report = Report(year=last.year + 1, agency=agency)
    carried_out = list(last.table3.rows["carried_out"])
    if any(v is not None for v in carried_out):
        # 上年结转 this year is what last year carried forward, column by column.
        report.table3.rows = {**report.table3.rows, "carried_in": carried_out}
        carried.append("table3.rows.carried_in")
    return Session(report=report, carried_over=carried, last_year=last.model_copy(deep=True))


def _bare_emails(value: str) -> str:
    """Older sessions kept the label in the email ("邮箱wx@163.com"): carry the addresses only."""
    import re

    from nianbao.interview.parse.phone import EMAIL

    found = re.findall(EMAIL, value)
    return "、".join(found) if found else value


def _carry_agency(last: Agency, carried: list[str]) -> Agency:
    values: dict = {}
    for name in _AGENCY_FIELDS:
        value = getattr(last, name)
        values[name] = value
        # The kind always has a value; it is only worth confirming when we know whose it is.
        known = bool(last.name) if name == "kind" else bool(value)
        if known:
            carried.append(f"agency.{name}")
    contact: dict = {}
    for name in _CONTACT_FIELDS:
        value = getattr(last.contact, name)
        if name == "email":
            value = _bare_emails(value)
        contact[name] = value
        if value:
            carried.append(f"agency.contact.{name}")
    return Agency(**values, contact=Contact(**contact))
