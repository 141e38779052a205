"""Narrative rules N-1..N-8: the report's words against its own tables and facts.

The text is ctx.text (rendered or imported), split into sections, or ctx.sections when the
importer gives them. Rules that read figures out of sentences only warn (W): a regex can misread
a sentence, so the message always quotes what it read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from nianbao.report import labels as L
from nianbao.report.findings import Finding
from nianbao.report.model import CountItem, Report
from nianbao.rules.registry import Context, rule
from nianbao.rules.text import (
    AMOUNT,
    NUM,
    parse_number,
    quote,
    section_name,
    section_sentences,
    section_text,
    segments,
    squeeze,
)


@dataclass(frozen=True)
class Figure:
    """A number read from the text: which section, the words that said it, the value."""

    section: str | None
    phrase: str
    value: int


def _figures(ctx: Context, pattern: re.Pattern) -> list[Figure]:
    found: list[Figure] = []
    for key, sentence in section_sentences(ctx):
        for match in pattern.finditer(sentence):
            value = parse_number(match.group("n"))
            if value is not None:
                found.append(Figure(key, match.group(0), value))
    return found


def _mentions(ctx: Context, pattern: re.Pattern) -> list[tuple[str | None, str]]:
    return [(key, m.group(0)) for key, s in section_sentences(ctx) for m in pattern.finditer(s)]


def _unique(findings):
    """The same sentence can be read twice (e.g. a figure repeated in 一 and 三): say it once."""
    seen: set[tuple[str, str]] = set()
    for finding in findings:
        if (finding.rule, finding.message) not in seen:
            seen.add((finding.rule, finding.message))
            yield finding


_N = NUM.replace("(", "(?P<n>", 1)  # a figure, captured as group "n"


# --- N-1: request figures vs Table 3 --------------------------------------------------------
_APPLY = r"(?:政府信息公开|信息公开|依申请公开)?申请"
_REQUEST_PATTERNS: dict[str, re.Pattern] = {
    "new": re.compile(rf"新收(?:到)?(?:各类)?{_APPLY}(?:共|合计)?{_N}件"),
    "carried_in": re.compile(rf"上年(?:度)?结转(?:的)?(?:政府信息公开|依申请公开)?(?:申请)?(?:共)?{_N}件"),
    "total": re.compile(rf"(?:办理完结|已办结|办结|办理完毕|答复完毕)(?:政府信息公开|依申请公开)?(?:申请)?(?:共)?{_N}件"),
    "carried_out": re.compile(rf"结转下(?:一)?年度?(?:继续办理)?(?:的)?(?:申请)?{_N}件"),
}
_RECEIVED = re.compile(rf"(?<![新未])(?:收到|受理)(?:各类)?{_APPLY}(?:共|合计)?{_N}件")
_NONE_RECEIVED = re.compile(rf"未(?:收到|受理)(?:任何)?{_APPLY}")
_NO_CARRIED_IN = re.compile(r"(?:无|没有)上年(?:度)?结转")


def _t3_total(report: Report, row: str) -> int | None:
    return report.table3.get(row, "total")


def _t3_name(row: str) -> str:
    return f"表三「{L.T3_ROW_BY_KEY[row].label}」的「{L.T3_COLUMNS['total']}」列"


@rule("N-1", "W", "文字中的申请件数（新收、上年结转、办结、结转）与表三总计列一致")
def n1_requests(ctx: Context):
    return _unique(_n1(ctx))


def _n1(ctx: Context):
    report = ctx.report
    for row, pattern in _REQUEST_PATTERNS.items():
        table = _t3_total(report, row)
        for fig in _figures(ctx, pattern):
            if table is not None and fig.value != table:
                yield _n1_finding(fig, row, (
                    f"「{section_name(fig.section)}」写“{fig.phrase}”，{_t3_name(row)}为 {table}，"
                    f"相差 {abs(fig.value - table)} 件。"
                ))
    new, carried = _t3_total(report, "new"), _t3_total(report, "carried_in")
    if new is not None and carried is not None:
        for fig in _figures(ctx, _RECEIVED):
            if fig.value not in (new, new + carried):
                yield _n1_finding(fig, "new", (
                    f"「{section_name(fig.section)}」写“{fig.phrase}”，但表三新收 {new} 件，"
                    f"新收加上年结转 {new} + {carried} = {new + carried} 件，都对不上。"
                    "请核对，并写明是“新收”还是“新收和上年结转合计”。"
                ))
    if new:
        for key, phrase in _mentions(ctx, _NONE_RECEIVED):
            yield _n1_finding(Figure(key, phrase, 0), "new", (
                f"「{section_name(key)}」写“{phrase}”，但{_t3_name('new')}为 {new}。"
            ))
    if carried:
        for key, phrase in _mentions(ctx, _NO_CARRIED_IN):
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
_REVIEW = re.compile(rf"(?:行政)?复议(?:案件)?(?:共|合计)?{_N}{_CASE}")
_LAWSUIT = re.compile(rf"(?:行政)?诉讼(?:案件)?(?:共|合计)?{_N}{_CASE}")
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
    return _unique(_n2(ctx))


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
        for fig in _figures(ctx, pattern):
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
    rf"(?P<verb>{'|'.join(_DOC_VERBS)})(?:的)?(?:本级)?(?P<noun>{_DOC_NOUN})?(?:共)?{_N}件"
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
    return _unique(_n3(ctx))


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


# --- N-4 and N-5: fees in section 六 ---------------------------------------------------------
_FEE_NOTICE_MENTION = re.compile(r"(?<![未无没])(?:发出|下发|出具|送达)?收费通知")
_NEGATED_NOTICE = re.compile(r"(?:未|没有|无)(?:发出|下发|出具|送达)?收费通知")


def _reports_fee_notices(ctx: Context) -> bool:
    """Section 六 (or, without sections, the whole text) mentions fee notices, not their absence."""
    body = section_text(ctx, "other")
    if body is None:
        body = ctx.text or ""
    body = squeeze(body)
    return bool(_FEE_NOTICE_MENTION.search(_NEGATED_NOTICE.sub("", body)))


@rule("N-4", "W", "表三（六）2 不为 0 时，六、其他需要报告的事项要报告收费通知")
def n4_fee_notices(ctx: Context):
    unpaid = ctx.report.table3.get("oh_no_fee", "total")
    if not unpaid:
        return
    notices = ctx.report.other.fee_notices
    if notices:
        return
    if notices is None and _reports_fee_notices(ctx):
        return
    stated = "未填" if notices is None else f"为 {notices} 件"
    yield Finding(
        section="other", row="other.fee_notices", incomplete=notices is None,
        message=(
            f"表三「{L.t3_row_full_label('oh_no_fee')}」总计 {unpaid} 件，说明发出过收费通知，"
            f"但「{L.SECTIONS['other']}」的收费通知件数{stated}。请报告发出收费通知的件数和金额。"
        ),
    )


_COLLECTED_IN_TEXT = re.compile(rf"(?<![未无没])收取(?:了)?(?:信息处理费|处理费|费用)(?:共|合计)?{AMOUNT}元")


def _yuan(value: Decimal) -> str:
    return f"{value.normalize():f}"


@rule("N-5", "W", "六、其他需要报告的事项中的收费金额不为负，且与是否发出收费通知相符")
def n5_fee_amounts(ctx: Context):
    other = ctx.report.other
    notices, amount, collected = other.fee_notices, other.fee_notice_amount, other.fees_collected
    where = dict(section="other")
    for name, value in (("收费通知金额", amount), ("实际收取金额", collected)):
        if value is not None and value < 0:
            yield Finding(**where, message=f"「{L.SECTIONS['other']}」{name} {_yuan(value)} 元，不能是负数。")
    if notices:
        if not amount:
            shown = "未填" if amount is None else "为 0 元"
            yield Finding(
                **where, row="other.fee_notice_amount", incomplete=amount is None,
                message=f"发出收费通知 {notices} 件，但收费通知金额{shown}。请填写通知的总金额（元）。",
            )
    elif notices == 0:
        charged = [f"{n} {_yuan(v)} 元" for n, v in (("收费通知金额", amount), ("实际收取金额", collected)) if v]
        if charged:
            yield Finding(
                **where, row="other.fee_notices",
                message=f"收费通知件数为 0，却填了{'、'.join(charged)}。请核对是否发出过收费通知。",
            )
    # With no notices at all, the warning above already says everything about the amounts.
    if notices != 0 and amount is not None and collected is not None and collected > amount:
        yield Finding(
            **where, row="other.fees_collected",
            message=(
                f"实际收取信息处理费 {_yuan(collected)} 元，多于收费通知金额 {_yuan(amount)} 元，"
                f"多出 {_yuan(collected - amount)} 元。实际收取不应超过通知的金额。"
            ),
        )
    yield from _n5_text(ctx, collected)


def _n5_text(ctx: Context, collected: Decimal | None):
    if collected is None:
        return
    body = section_text(ctx, "other")
    if body is None:
        return
    for match in _COLLECTED_IN_TEXT.finditer(squeeze(body)):
        stated = Decimal(match.group(1))
        if stated != collected:
            yield Finding(
                section="other", row="other.fees_collected",
                message=(
                    f"「{L.SECTIONS['other']}」写“{match.group(0)}”，"
                    f"但填报的实际收取金额为 {_yuan(collected)} 元。"
                ),
            )


# --- N-6: sections and what they cover ------------------------------------------------------
# Besides the official aspect names, words that show an aspect is covered under another heading.
_ASPECT_WORDS: dict[str, tuple[str, ...]] = {
    "active": (),
    "on_request": ("依申请",),
    "management": ("信息管理",),
    "platform": ("平台",),
    "supervision": ("监督", "考核"),
}
_OTHER_ITEM_WORDS: dict[str, tuple[str, ...]] = {
    "fees": ("信息处理费", "处理费", "收费"),
    "work_points": ("工作要点",),
    "proposals": ("建议", "提案"),
    "innovation": ("创新",),
}


@rule("N-6", "W", "六个部分齐全、顺序正确；总体情况覆盖五个方面；其他事项覆盖各固定事项")
def n6_structure(ctx: Context):
    if not ctx.sections and not ctx.text:
        return
    found = [key for key, _ in segments(ctx) if key]
    missing = [L.SECTIONS[k] for k in L.SECTION_KEYS if k not in found]
    if missing:
        yield Finding(
            message=f"报告缺少{len(missing)}个部分：{'、'.join(missing)}。年度报告应包括固定的六个部分。",
        )
    in_order = [k for k in L.SECTION_KEYS if k in found]
    if found != in_order:
        yield Finding(
            message=(
                f"报告各部分顺序不对，现为：{' → '.join(L.SECTIONS[k] for k in found)}。"
                "应按一至六的固定顺序排列。"
            ),
        )
    yield from _n6_overview(ctx)
    yield from _n6_other(ctx)


def _n6_overview(ctx: Context):
    body = section_text(ctx, "overview")
    if body is None:
        return
    body = squeeze(body)
    missing = [
        label for key, label in L.OVERVIEW_ASPECTS.items()
        if not any(word in body for word in (label, *_ASPECT_WORDS[key]))
    ]
    if missing:
        yield Finding(
            section="overview",
            message=(
                f"「{L.SECTIONS['overview']}」没有写到：{'、'.join(missing)}。总体情况应覆盖"
                f"{'、'.join(L.OVERVIEW_ASPECTS.values())}五个方面，不宜写成一般性的工作总结。"
            ),
        )


def _n6_other(ctx: Context):
    body = section_text(ctx, "other")
    if body is None:
        return
    body = squeeze(body)
    missing = [
        L.OTHER_ITEMS[key] for key, words in _OTHER_ITEM_WORDS.items()
        if not any(word in body for word in words)
    ]
    if missing:
        yield Finding(
            section="other",
            message=f"「{L.SECTIONS['other']}」没有写到：{'、'.join(missing)}。没有的事项也请写明“无”。",
        )


# --- N-7: statistics period and title year --------------------------------------------------
_PERIOD = re.compile(
    r"(?P<y1>\d{4})年(?P<m1>\d{1,2})月(?P<d1>\d{1,2})日(?:起)?(?:至|到|—|－|-|~|～)"
    r"(?:(?P<y2>\d{4})年)?(?P<m2>\d{1,2})月(?P<d2>\d{1,2})日"
)
_TITLE_YEAR = re.compile(r"(\d{4})年(?:度)?.{0,20}?报告")


def _title_year(text: str) -> tuple[str, int] | None:
    for line in text.splitlines():
        line = squeeze(line).strip()
        if not line:
            continue
        if "报告" in line and "政府信息公开" in line and not line.endswith("。"):
            match = _TITLE_YEAR.search(line)
            return (line, int(match.group(1))) if match else None
        return None  # the title is the first non-empty line
    return None


@rule("N-7", "W", "统计期限为报告年度 1 月 1 日至 12 月 31 日，标题年度与报告年度一致")
def n7_period(ctx: Context):
    year = ctx.report.year
    if ctx.text:
        title = _title_year(ctx.text)
        if title and title[1] != year:
            yield Finding(
                message=f"标题“{quote(title[0])}”写的是 {title[1]} 年，报告年度却是 {year} 年。",
            )
    for key, sentence in section_sentences(ctx):
        if "统计" not in sentence:
            continue
        for match in _PERIOD.finditer(sentence):
            start = (int(match["y1"]), int(match["m1"]), int(match["d1"]))
            end = (int(match["y2"] or match["y1"]), int(match["m2"]), int(match["d2"]))
            if start != (year, 1, 1) or end != (year, 12, 31):
                yield Finding(
                    section=key,
                    message=(
                        f"「{section_name(key)}」写统计期限“{match.group(0)}”，"
                        f"应为{year}年1月1日至{year}年12月31日。"
                    ),
                )


# --- N-8: totals and their breakdowns -------------------------------------------------------
_UNIT = r"(?:人次|条|件|次|个|篇|期)"
_TOTAL_BEFORE = re.compile(rf"{_N}(?P<unit>{_UNIT})[，,。：:；]?$")
_ITEM = re.compile(rf"^(?P<label>.*?\D){_N}(?P<unit>{_UNIT})$")
_ITEM_SEPARATORS = re.compile(r"[、，,；;：:]")


@dataclass(frozen=True)
class Breakdown:
    section: str | None
    total: int
    unit: str
    items: list[tuple[str, int]]
    phrase: str


def _breakdowns(ctx: Context) -> list[Breakdown]:
    """"共发布信息850条，其中微信510条、网站340条" -> total 850, items [(微信, 510), (网站, 340)].
    The total is the figure that ends the clause just before 其中 (also across "。其中")."""
    found = []
    for key, body in segments(ctx):
        for paragraph in squeeze(body).splitlines():
            for match in re.finditer("其中", paragraph):
                prefix = paragraph[: match.start()]
                total = _TOTAL_BEFORE.search(prefix)
                value = parse_number(total.group("n")) if total else None
                if value is None:
                    continue
                items = _items(paragraph[match.end():], total.group("unit"))
                if len(items) < 2:
                    continue
                clause_start = max(prefix.rfind(c, 0, total.start()) for c in "，,。；;：:") + 1
                end = paragraph.find("。", match.end())
                phrase = paragraph[clause_start : end if end >= 0 else len(paragraph)]
                found.append(Breakdown(key, value, total.group("unit"), items, phrase))
    return found


def _items(text: str, unit: str) -> list[tuple[str, int]]:
    """Leading "label + figure + unit" pieces; a piece ending in "：" introduces a breakdown of
    something else ("其中网站发布的信息按内容分：…"), so nothing is read past it."""
    text = re.split(r"[。\n]", text.lstrip("，,：:"), maxsplit=1)[0]
    items = []
    for piece in _ITEM_SEPARATORS.split(text):
        match = _ITEM.match(piece)
        value = parse_number(match.group("n")) if match else None
        if not match or value is None or match.group("unit") != unit:
            break
        items.append((match.group("label"), value))
    return items


def _some_prefix_adds_up(b: Breakdown) -> bool:
    """"其中自然人10件、企业2件，办结11件": the sentence may go on with figures of the same unit
    after the breakdown; the breakdown agrees if its first two or more items make the total."""
    running = 0
    for index, (_, value) in enumerate(b.items):
        running += value
        if index >= 1 and running == b.total:
            return True
    return False


def _sum_text(items: list[tuple[str, int]]) -> str:
    return " + ".join(f"{label} {value}" for label, value in items)


def _known(items: list[CountItem]) -> list[tuple[str, int]] | None:
    if any(item.count is None for item in items):
        return None
    return [(item.label, item.count) for item in items]


@rule("N-8", "W", "总数与其分项之和一致（如“共发布信息850条，其中微信平台510条、政府网站340条”）")
def n8_breakdowns(ctx: Context):
    flagged: set[tuple[int, tuple[int, ...]]] = set()
    for finding, numbers in _n8_model(ctx.report):
        flagged.add(numbers)
        yield finding
    for b in _breakdowns(ctx):
        summed = sum(v for _, v in b.items)
        numbers = (b.total, tuple(sorted(v for _, v in b.items)))
        if _some_prefix_adds_up(b) or numbers in flagged:
            continue
        flagged.add(numbers)
        yield Finding(
            section=b.section,
            message=(
                f"「{section_name(b.section)}」写“{quote(b.phrase, 60)}”：分项 {_sum_text(b.items)} = {summed}"
                f"{b.unit}，与总数 {b.total}{b.unit} 相差 {abs(b.total - summed)}{b.unit}。"
            ),
        )


def _n8_model(report: Report):
    """Findings on the structured facts of section 一, with the numbers they compare."""
    o = report.overview
    channels = _known(o.by_channel)
    if o.items_total is not None and channels and len(channels) >= 2:
        summed = sum(v for _, v in channels)
        if summed != o.items_total:
            yield Finding(
                section="overview", row="overview.by_channel",
                message=(
                    f"「{L.SECTIONS['overview']}」：全年主动公开信息 {o.items_total} 条，"
                    f"各渠道相加 {_sum_text(channels)} = {summed} 条，相差 {abs(o.items_total - summed)} 条。"
                ),
            ), (o.items_total, tuple(sorted(v for _, v in channels)))
    categories = _known(o.by_category)
    if not categories:
        return
    summed = sum(v for _, v in categories)
    if o.category_channel:
        counts = {item.label: item.count for item in o.by_channel}
        if o.category_channel not in counts:
            yield Finding(
                section="overview", row="overview.category_channel",
                message=(
                    f"「{L.SECTIONS['overview']}」：按内容分类统计的是“{o.category_channel}”发布的信息，"
                    f"但发布渠道中没有“{o.category_channel}”（现有：{'、'.join(counts) or '无'}）。"
                ),
            ), (-1, ())
            return
        base, base_name = counts[o.category_channel], f"“{o.category_channel}”发布的信息"
    else:
        base, base_name = o.items_total, "全年主动公开信息"
    if base is not None and summed != base:
        yield Finding(
            section="overview", row="overview.by_category",
            message=(
                f"「{L.SECTIONS['overview']}」：{base_name} {base} 条，"
                f"按内容分类相加 {_sum_text(categories)} = {summed} 条，相差 {abs(base - summed)} 条。"
            ),
        ), (base, tuple(sorted(v for _, v in categories)))
