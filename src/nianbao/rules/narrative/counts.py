"""N-1..N-3: the counts the text states (requests, appeals, documents) against the tables."""

from __future__ import annotations

import re

from nianbao.report import labels as L
from nianbao.report.findings import Finding
from nianbao.report.model import Report
from nianbao.rules.registry import Context, rule
from nianbao.rules.text import parse_number, quote, section_name, section_sentences
from nianbao.rules.narrative.figures import N, Figure, figures, mentions, unique


# --- N-1: request figures vs Table 3 --------------------------------------------------------
_APPLY = r"(?:政府信息公开|信息公开|依申请公开)?申请"
_REQUEST_PATTERNS: dict[str, re.Pattern] = {
    "new": re.compile(rf"新收(?:到)?(?:各类)?{_APPLY}(?:共|合计)?{N}件"),
    "carried_in": re.compile(rf"上年(?:度)?结转(?:的)?(?:政府信息公开|依申请公开)?(?:申请)?(?:共)?{N}件"),
    "total": re.compile(rf"(?:办理完结|已办结|办结|办理完毕|答复完毕)(?:政府信息公开|依申请公开)?(?:申请)?(?:共)?{N}件"),
    "carried_out": re.compile(rf"结转下(?:一)?年度?(?:继续办理)?(?:的)?(?:申请)?{N}件"),
}
_RECEIVED = re.compile(rf"(?<![新未])(?:收到|受理)(?:各类)?{_APPLY}(?:共|合计)?{N}件")
_NONE_RECEIVED = re.compile(rf"未(?:收到|受理)(?:任何)?{_APPLY}")
_NO_CARRIED_IN = re.compile(r"(?:无|没有)上年(?:度)?结转")


def _t3_total(report: Report, row: str) -> int | None:
    return report.table3.get(row, "total")


def _t3_name(row: str) -> str:
    return f"表三「{L.T3_ROW_BY_KEY[row].label}」的「{L.T3_COLUMNS['total']}」列"


@rule("N-1", "W", "文字中的申请件数（新收、上年结转、办结、结转）与表三总计列一致")
def n1_requests(ctx: Context):
    return unique(_n1(ctx))


def _n1(ctx: Context):
    report = ctx.report
    for row, pattern in _REQUEST_PATTERNS.items():
        table = _t3_total(report, row)
        for fig in figures(ctx, pattern):
            if table is not None and fig.value != table:
                yield _n1_finding(fig, row, (
                    f"「{section_name(fig.section)}」写“{fig.phrase}”，{_t3_name(row)}为 {table}，"
                    f"相差 {abs(fig.value - table)} 件。"
                ))
    new, carried = _t3_total(report, "new"), _t3_total(report, "carried_in")
    if new is not None and carried is not None:
        for fig in figures(ctx, _RECEIVED):
            if fig.value not in (new, new + carried):
                yield _n1_finding(fig, "new", (
                    f"「{section_name(fig.section)}」写“{fig.phrase}”，但表三新收 {new} 件，"
                    f"新收加上年结转 {new} + {carried} = {new + carried} 件，都对不上。"
                    "请核对，并写明是“新收”还是“新收和上年结转合计”。"
                ))
    if new:
        for key, phrase in mentions(ctx, _NONE_RECEIVED):
            yield _n1_finding(Figure(key, phrase, 0), "new", (
                f"「{section_name(key)}」写“{phrase}”，但{_t3_name('new')}为 {new}。"
            ))
    if carried:
        for key, phrase in mentions(ctx, _NO_CARRIED_IN):
            yield _n1_finding(Figure(key, phrase, 0), "carried_in", (
                f"「{section_name(key)}」写“{phrase}”，但{_t3_name('carried_in')}为 {carried}。"
            ))


def _n1_finding(fig: Figure, row: str, message: str) -> Finding:
    # Located on the Table 3 cell it contradicts (the message names the section that says it).
    return Finding(
        section=fig.section, table="表三", row=row, column="total", message=message
    )


# --- N-2: appeals vs Table 4 ----------------------------------------------------------------
_CASE = r"(?:件|起|宗)"
_REVIEW = re.compile(rf"(?:行政)?复议(?:案件)?(?:共|合计)?{N}{_CASE}")
_LAWSUIT = re.compile(rf"(?:行政)?诉讼(?:案件)?(?:共|合计)?{N}{_CASE}")
_NEGATION = re.compile(r"(?:未发生|未出现|没有发生|未产生|未被|没有|无)")
_CLAUSE = re.compile(r"[，,。；;\n]")


def _denied_appeals(ctx: Context) -> list[tuple[str | None, str, str]]:
    """(section, clause, "review"/"lawsuit") for clauses like "未发生…行政复议、行政诉讼"."""
    found = []
    for key, sentence in section_sentences(ctx):
        for clause in _CLAUSE.split(sentence):
            negation = _NEGATION.search(clause)
            if not negation or re.search(r"\d", clause):
                continue
            rest = clause[negation.end():]
            for kind, word in (("review", "复议"), ("lawsuit", "诉讼")):
                if word in rest and len(rest.split(word, 1)[0]) <= 25:
                    found.append((key, clause, kind))
    return found


@rule("N-2", "W", "文字中的行政复议、行政诉讼件数与表四一致（诉讼 = 两组诉讼之和）")
def n2_appeals(ctx: Context):
    return unique(_n2(ctx))


def _n2(ctx: Context):
    t4 = ctx.report.table4
    review = t4.review.total
    direct, after = t4.direct.total, t4.after_review.total
    lawsuits = None if direct is None or after is None else direct + after
    tables = {
        "review": (review, f"表四「{L.T4_GROUPS['review']}」总计 {review}"),
        "lawsuit": (lawsuits, (
            f"表四「{L.T4_LITIGATION}」两组总计 {L.T4_GROUPS['direct']} {direct} + "
            f"{L.T4_GROUPS['after_review']} {after} = {lawsuits}"
        )),
    }
    for kind, pattern in (("review", _REVIEW), ("lawsuit", _LAWSUIT)):
        table, described = tables[kind]
        if table is None:
            continue
        for fig in figures(ctx, pattern):
            if fig.value != table:
                yield Finding(
                    section=fig.section, table="表四",
                    row="review" if kind == "review" else None,
                    message=(
                        f"「{section_name(fig.section)}」写“{fig.phrase}”，{described}，"
                        f"相差 {abs(fig.value - table)} 件。"
                    ),
                )
    for key, clause, kind in _denied_appeals(ctx):
        table, described = tables[kind]
        if table:
            yield Finding(
                section=key, table="表四",
                message=f"「{section_name(key)}」写“{quote(clause)}”，但{described}。",
            )


# --- N-3: documents vs Table 2 --------------------------------------------------------------
_DOC_NOUN = r"(?:行政)?规范性文件|规章(?!制度)"
_DOC_VERBS = {"制发": "issued", "印发": "issued", "出台": "issued", "制定": "issued", "发布": "issued",
              "废止": "repealed", "现行有效": "in_force"}
_DOC_TOKEN = re.compile(
    rf"(?P<verb>{'|'.join(_DOC_VERBS)})(?:的)?(?:本级)?(?P<noun>{_DOC_NOUN})?(?:共)?{N}件"
    rf"|(?P<subject>{_DOC_NOUN})"
)


def _doc_row(noun: str) -> str:
    return "regulations" if noun.startswith("规章") else "normative_documents"


def _doc_figures(sentence: str):
    """(row, column, phrase, value) for "制发规范性文件3件，废止1件，现行有效12件" style sentences;
    a figure without its own noun belongs to the last noun named before it."""
    subject = None
    for match in _DOC_TOKEN.finditer(sentence):
        if match.group("subject"):
            subject = _doc_row(match.group("subject"))
            continue
        if match.group("noun"):
            subject = _doc_row(match.group("noun"))
        value = parse_number(match.group("n"))
        if subject and value is not None:
            yield subject, _DOC_VERBS[match.group("verb")], match.group(0), value


@rule("N-3", "W", "文字中的规章、行政规范性文件件数与表二一致")
def n3_documents(ctx: Context):
    return unique(_n3(ctx))


def _n3(ctx: Context):
    t2 = ctx.report.table2
    for key, sentence in section_sentences(ctx):
        for row, col, phrase, value in _doc_figures(sentence):
            table = getattr(getattr(t2, row), col)
            if table is None or table == value:
                continue
            yield Finding(
                section=key, table="表二", row=row, column=col,
                message=(
                    f"「{section_name(key)}」写“{phrase}”，表二「{L.T2_ROWS[row]}」"
                    f"「{L.T2_DOC_COLUMNS[col]}」为 {table}，相差 {abs(value - table)} 件。"
                ),
            )
