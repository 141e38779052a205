"""Kinds of answer: how each parses what the clerk typed, writes it into the report, and shows
the current value back as answer text (for editing and for values carried over from last year).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from decimal import Decimal
from typing import Any, Callable

from nianbao.interview import parse as P
from nianbao.interview.conditions import Instance, WalkState
from nianbao.interview.errors import AnswerError
from nianbao.interview.paths import get_path, set_path
from nianbao.interview.spec import Question, expand_field
from nianbao.render.numbers import fmt_number
from nianbao.report import labels as L
from nianbao.report.model import CountItem, Report

NONE_WORDS = frozenset({"无", "没有", "不涉及", "暂无", "否", "没", "无。", "没有。"})

# Option sets a question can name with `options:`.
OPTION_SETS: dict[str, dict[str, str]] = {
    "agency_kinds": dict(L.AGENCY_KINDS),
    "mechanisms": {
        "leadership_group": "成立了政务公开工作领导小组",
        "review_procedure": "公开前进行保密审查",
        "privacy_protection": "公开时删除或遮挡个人信息（隐私保护）",
        "assessment": "政务公开纳入年度绩效考核",
    },
    "t3_columns": dict(L.T3_COLUMNS),
    "t3_outcomes": {
        **{key: L.T3_ROW_BY_KEY[key].label for key in L.T3_OUTCOME_KEYS},
        "carried_out": L.T3_ROW_BY_KEY["carried_out"].label,
    },
    "t4_columns": dict(L.T4_COLUMNS),
}
NEEDS_OPTIONS = frozenset({"choice", "checklist", "counts", "outcomes", "t4_group"})


def is_none_answer(text: str) -> bool:
    return unicodedata.normalize("NFKC", text).strip().rstrip("。.") in {w.rstrip("。") for w in NONE_WORDS}


def fields_of(q: Question, inst: Instance | None = None) -> list[str]:
    """The leaf paths a question (instance) fills."""
    return list(_fields(tuple(q.fields), q.kind, inst.key if inst else None))


@lru_cache(maxsize=512)
def _fields(patterns: tuple[str, ...], kind: str, instance_key: str | None) -> tuple[str, ...]:
    out: list[str] = []
    for pattern in patterns:
        if instance_key is not None and pattern.endswith(".*") and kind == "outcomes":
            pattern = pattern[:-1] + instance_key
        if instance_key is not None and kind == "t4_group" and not pattern.startswith(f"table4.{instance_key}."):
            continue
        out += expand_field(pattern)
    return tuple(out)


# --- parsing -----------------------------------------------------------------------------------
def _parse_text(text: str, q: Question) -> str:
    if q.optional and is_none_answer(text):
        return ""
    return P.parse_text(text)


def _parse_list(text: str, q: Question) -> list[str]:
    items = P.parse_list(text)
    if not items and not q.optional:
        raise AnswerError("这一项需要至少写一条，可以分行写，每行一条。")
    return items


def _parse_row(text: str, q: Question) -> list:
    n = len(q.fields)
    if q.value_kind == "amount_yuan":
        parts = [p for p in re.split(r"[\s,，、;；/]+", unicodedata.normalize("NFKC", text).strip()) if p]
        if len(parts) != n:
            raise AnswerError(f"请写 {n} 个金额（单位：元），用空格分开，例如“300 200”；您写了 {len(parts)} 个。")
        return [P.parse_amount_yuan(p) for p in parts]
    return P.parse_row(text, n)


def _parse_checklist(text: str, q: Question) -> dict[str, bool]:
    options = OPTION_SETS[q.options or ""]
    keys = list(options)
    if is_none_answer(text):
        return {k: False for k in keys}
    normal = unicodedata.normalize("NFKC", text)
    numbers = [int(n) for n in re.findall(r"\d+", normal)]
    if normal.strip() in ("全部", "都有", "都做到了", "全都"):
        numbers = list(range(1, len(keys) + 1))
    bad = [n for n in numbers if not 1 <= n <= len(keys)]
    if not numbers or bad:
        raise AnswerError(f"请回复做到了的序号（1 到 {len(keys)}），例如“1 2 4”；都没有答“无”。")
    return {k: (i + 1) in numbers for i, k in enumerate(keys)}


_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_MOBILE = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")
_PHONE = re.compile(r"(?<![\d-])(?:0\d{2,3}[-－ ]?)?[2-9]\d{6,7}(?:[-转]\d{1,5})?(?![\d])|(?<!\d)400[-－ ]?\d{3}[-－ ]?\d{4}(?!\d)")
_POSTCODE = re.compile(r"(?<![\d-])\d{6}(?![\d-])")


def _parse_contact(text: str, q: Question) -> dict[str, str]:
    if is_none_answer(text):
        return {"phone": "", "postcode": "", "email": ""}
    normal = unicodedata.normalize("NFKC", text)
    if _MOBILE.search(normal):
        raise AnswerError("年报会公开发布，不能写个人手机号（规则 P-1）。请写办公电话。")
    email = _EMAIL.search(normal)
    rest = _EMAIL.sub(" ", normal)
    postcode_hit = re.search(r"邮编[:：\s]*(\d{6})", rest) or _POSTCODE.search(rest)
    postcode = postcode_hit.group(1) if postcode_hit and postcode_hit.lastindex else (postcode_hit.group(0) if postcode_hit else "")
    if postcode:
        rest = rest.replace(postcode, " ", 1)
    phones = [m.group(0).strip() for m in _PHONE.finditer(rest)]
    if not (email or postcode or phones):
        raise AnswerError("没有认出电话、邮编或邮箱。例如“电话 0391-1234567，邮编 459000，邮箱 office@example.gov.cn”；没有答“无”。")
    return {"phone": "、".join(phones), "postcode": postcode, "email": email.group(0) if email else ""}


_LABELLED = re.compile(r"^(?P<label>.*?)[\s:：]*(?P<num>\d[\d,]*|[零〇一二两三四五六七八九十百千万]+)\s*(?:条|件|篇|个|期)?$")


def _parse_labelled_counts(text: str, q: Question) -> list[CountItem]:
    if is_none_answer(text):
        if q.optional:
            return []
        raise AnswerError("这一项需要写明名称和条数，例如“政府网站340条”。")
    normal = text.strip().replace("\n", "，")
    items: list[CountItem] = []
    for part in re.split(r"[，,；;、]\s*", normal):
        part = part.strip().strip("。")
        if not part:
            continue
        match = _LABELLED.match(part)
        label = match.group("label").strip() if match else ""
        if not match or not label:
            raise AnswerError(f"“{part}”没有认出名称和条数。请按“名称 + 条数”写，例如“政府网站340条”。")
        items.append(CountItem(label=label, count=P.parse_count(match.group("num"))))
    if not items:
        raise AnswerError("请按“名称 + 条数”写，例如“政府网站340条”。")
    return items


def _counts(text: str, q: Question) -> dict[str, int]:
    options = OPTION_SETS[q.options or ""]
    synonyms = P.SYNONYMS.get(q.options or "", {})
    return P.parse_counts_by_label(text, options, synonyms)


def _check_stated_total(values: dict[str, int], q: Question, inst: Instance | None) -> None:
    """A 总计 the clerk typed must equal the sum of the parts (T3-3 / T4-1), before anything is saved."""
    if "total" not in values:
        return
    if q.kind == "counts":
        row = q.fields[0].split(".")[2]
        label, parts, rule = f"表三「{L.T3_ROW_SHORT.get(row, row)}」", L.T3_COLUMN_KEYS[:-1], "T3-3"
    elif q.kind == "t4_group" and inst is not None:
        label, parts, rule = f"表四「{L.T4_GROUPS[inst.key]}」", L.T4_COLUMN_KEYS[:-1], "T4-1"
    else:
        return
    total = sum(values.get(k, 0) for k in parts)
    if values["total"] != total:
        shown = " + ".join(str(values.get(k, 0)) for k in parts)
        raise AnswerError(
            f"{label}（规则 {rule}）：各项 {shown} = {total}，但总计写的是 {values['total']}，"
            f"相差 {abs(total - values['total'])} 件。请核对后重新填写。"
        )


PARSERS: dict[str, Callable[[str, Question], Any]] = {
    "text": _parse_text,
    "paragraph": _parse_text,
    "list": _parse_list,
    "yes_no": lambda t, q: P.parse_yes_no(t),
    "choice": lambda t, q: P.parse_choice(t, OPTION_SETS[q.options or ""]),
    "year": lambda t, q: P.parse_year(t),
    "count": lambda t, q: P.parse_count(t),
    "amount_wan": lambda t, q: P.parse_amount_wan(t),
    "row": _parse_row,
    "checklist": _parse_checklist,
    "contact": _parse_contact,
    "labelled_counts": _parse_labelled_counts,
    "counts": _counts,
    "outcomes": _counts,
    "t4_group": _counts,
}


def parse_answer(text: str, q: Question, inst: Instance | None = None) -> Any:
    if not text or not text.strip():
        if q.optional:
            raise AnswerError("请填写这一项；没有可答“无”。")
        raise AnswerError("请填写这一项。")
    value = PARSERS[q.kind](text, q)
    if q.kind in ("counts", "t4_group"):
        _check_stated_total(value, q, inst)
    return value


# --- applying ----------------------------------------------------------------------------------
def _fill_total(label: str, values: dict[str, int], parts: tuple[str, ...]) -> list[str]:
    """Fill 总计 from its parts when the clerk did not state it (a stated one was checked when
    parsing), and say so: a total is never computed silently."""
    if "total" in values:
        return []
    values["total"] = sum(values.get(k, 0) for k in parts)
    return [f"{label}总计 {values['total']} 件（按各项合计）。"]


def apply_answer(state: WalkState, q: Question, inst: Instance | None, value: Any) -> list[str]:
    """Write a parsed answer into state.report; return notes to say to the clerk."""
    report = state.report
    kind = q.kind
    if kind in ("text", "paragraph", "list", "choice", "year", "count", "amount_wan"):
        set_path(report, q.fields[0], value)
        return []
    if kind == "row":
        for path, v in zip(q.fields, value):
            set_path(report, path, v)
        return []
    if kind == "checklist":
        for path, key in zip(q.fields, OPTION_SETS[q.options or ""]):
            set_path(report, path, value[key])
        return []
    if kind == "contact":
        for path in q.fields:
            set_path(report, path, value[path.rsplit(".", 1)[-1]])
        return []
    if kind == "labelled_counts":
        set_path(report, q.fields[0], value)
        return []
    if kind == "yes_no":
        if value is False:
            filled_text = False
            for leaf in fields_of(q):
                current = get_path(report, leaf)
                filled_text |= isinstance(current, str)
                set_path(report, leaf, "无" if isinstance(current, str) else 0)
            return ["已记下：没有。相关各项已填“无”。" if filled_text else "已记下：没有。相关各项已填 0。"]
        return ["已记下：有。下面逐项填写。"]
    if kind == "counts":
        return _apply_t3_row(report, q, dict(value))
    if kind == "outcomes":
        return _apply_t3_outcomes(report, inst, dict(value))
    if kind == "t4_group":
        return _apply_t4_group(report, inst, dict(value))
    raise AssertionError(f"unknown kind {kind}")


def _apply_t3_row(report: Report, q: Question, values: dict[str, int]) -> list[str]:
    row = q.fields[0].split(".")[2]
    label = L.T3_ROW_SHORT.get(row, L.T3_ROW_BY_KEY[row].label)
    notes = _fill_total(f"表三「{label}」", values, L.T3_COLUMN_KEYS[:-1])
    for col in L.T3_COLUMN_KEYS:
        report.table3.set(row, col, values.get(col, 0))
    return notes


def _apply_t3_outcomes(report: Report, inst: Instance | None, values: dict[str, int]) -> list[str]:
    assert inst is not None
    col = inst.key
    t3 = report.table3
    total = 0
    for key in L.T3_OUTCOME_KEYS:
        v = values.get(key, 0)
        t3.set(key, col, v)
        total += v
    t3.set("total", col, total)
    t3.set("carried_out", col, values.get("carried_out", 0))
    return []


def _apply_t4_group(report: Report, inst: Instance | None, values: dict[str, int]) -> list[str]:
    assert inst is not None
    parts = L.T4_COLUMN_KEYS[:-1]
    notes = _fill_total(f"表四「{L.T4_GROUPS[inst.key]}」", values, parts)
    group = getattr(report.table4, inst.key)
    for key in L.T4_COLUMN_KEYS:
        setattr(group, key, values.get(key, 0))
    return notes


def t3_column_problem(report: Report, col: str) -> str | None:
    """T3-1 for one column, worded as a running balance for the clerk."""
    t3 = report.table3
    new, cin, total, cout = (t3.get(r, col) for r in ("new", "carried_in", "total", "carried_out"))
    if None in (new, cin, total, cout):
        return None
    opened, filled = new + cin, total + cout
    if opened == filled:
        return None
    gap = opened - filled
    tail = f"还有 {gap} 件尚未填写办理结果" if gap > 0 else f"多填了 {-gap} 件"
    return (
        f"表三「{L.T3_COLUMNS[col]}」列（规则 T3-1）：新收 {new} + 上年结转 {cin} = {opened} 件，"
        f"办理结果总计 {total} + 结转下年度 {cout} = {filled} 件，{tail}。请重新填写这一类申请人的全部办理结果。"
    )


def derive(state: WalkState, asked: set[str]) -> None:
    """Values that follow from the answers (each listed as `derived:` in prompts/)."""
    from nianbao.interview.conditions import guess_self_ref

    r = state.report
    if "agency.self_ref" not in asked:
        r.agency.self_ref = guess_self_ref(r.agency.name)
    if r.agency.kind not in L.RULE_MAKING_KINDS:
        r.table2.regulations = type(r.table2.regulations)(issued=0, repealed=0, in_force=0)
    r.overview.category_channel = _category_channel(r)
    if r.other.fee_notices == 0:
        r.other.fee_notice_amount = Decimal(0)
        r.other.fees_collected = Decimal(0)
    _derive_t3(r)


def _category_channel(r: Report) -> str:
    cats = [c.count for c in r.overview.by_category]
    if not cats or None in cats:
        return ""
    total = sum(cats)
    if total == r.overview.items_total:
        return ""
    for channel in r.overview.by_channel:
        if channel.count == total:
            return channel.label
    return ""


def _derive_t3(r: Report) -> None:
    t3 = r.table3
    rows = {k: list(v) for k, v in t3.rows.items()}
    cols = L.T3_COLUMN_KEYS
    for ci, col in enumerate(cols[:-1]):
        new, cin = rows["new"][ci], rows["carried_in"][ci]
        if new == 0 and cin == 0:
            for key in (*L.T3_OUTCOME_KEYS, "total", "carried_out"):
                if rows[key][ci] is None:
                    rows[key][ci] = 0
    total_index = cols.index("total")
    for key, values in rows.items():
        parts = values[:total_index]
        if values[total_index] is None and None not in parts:
            values[total_index] = sum(parts)
    t3.rows = rows


# --- showing -----------------------------------------------------------------------------------
def show_value(report: Report, q: Question, inst: Instance | None) -> str:
    """The report's current value for a question, as the clerk would type it."""
    kind = q.kind
    paths = fields_of(q, inst)
    values = [get_path(report, p) for p in paths]
    # Empty stays empty: a fresh question never gets a "无" the clerk could accept by reflex.
    if kind in ("text", "paragraph"):
        return values[0] or ""
    if kind == "list":
        return "\n".join(values[0]) if values[0] else ""
    if kind in ("count", "year", "amount_wan"):
        return "" if values[0] is None else fmt_number(values[0])
    if kind == "choice":
        return OPTION_SETS[q.options or ""].get(values[0], "")
    if kind == "row":
        return "" if None in values else " ".join(fmt_number(v) for v in values)
    if kind == "contact":
        named = dict(zip(("电话", "邮编", "邮箱"), values))
        return "，".join(f"{k} {v}" for k, v in named.items() if v)
    if kind == "labelled_counts":
        items = values[0] if paths else get_path(report, q.fields[0])
        return "，".join(f"{i.label}{fmt_number(i.count)}条" for i in items)
    if kind == "counts":
        row = q.fields[0].split(".")[2]
        cells = dict(zip(L.T3_COLUMN_KEYS, report.table3.rows[row]))
        if None in cells.values():
            return ""
        shown = "，".join(f"{L.T3_COLUMNS[c]}{v}件" for c, v in cells.items() if v and c != "total")
        return shown or "无"
    if kind == "outcomes" and inst is not None:
        t3 = report.table3
        keys = (*L.T3_OUTCOME_KEYS, "carried_out")
        shown = [f"{L.plain_label(L.T3_ROW_BY_KEY[k].label)}{t3.get(k, inst.key)}件" for k in keys if t3.get(k, inst.key)]
        return "，".join(shown)
    if kind == "t4_group" and inst is not None:
        group = getattr(report.table4, inst.key)
        return "，".join(f"{L.T4_COLUMNS[c]}{v}件" for c, v in zip(L.T4_COLUMN_KEYS, group.values()) if v)
    if kind == "checklist":
        if None in values:
            return ""
        picked = [str(i + 1) for i, v in enumerate(values) if v]
        return " ".join(picked) or "无"
    return ""
