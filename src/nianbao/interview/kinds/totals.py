"""The 总计 of a table row typed as label phrases: checked when stated, filled when not."""

from __future__ import annotations

from nianbao.interview.errors import AnswerError


def check_stated_total(label: str, rule: str, values: dict[str, int], parts: tuple[str, ...]) -> None:
    """A 总计 the clerk typed must equal the sum of the parts (T3-3 / T4-1), before anything is saved."""
    from nianbao.rules.arithmetic import parts_total

    if "total" not in values:
        return
    if values["total"] and not any(key in values for key in parts):
        raise AnswerError(
            f"{label}：只写了总计 {values['total']} 件，还要写出各项各多少件"
            f"（总计可以一起写，我会核对），例如“{_parts_example(parts)}”。"
        )
    total = parts_total(values, parts)
    if values["total"] != total:
        shown = " + ".join(str(values.get(k, 0)) for k in parts)
        raise AnswerError(
            f"{label}（规则 {rule}）：各项 {shown} = {total}，但总计写的是 {values['total']}，"
            f"相差 {abs(total - values['total'])} 件。请核对后重新填写。"
        )


def _parts_example(parts: tuple[str, ...]) -> str:
    from nianbao.report import labels as L

    names = {**L.T3_COLUMNS, **L.T4_COLUMNS}
    return "，".join(f"{names.get(key, key)}{n}件" for key, n in zip(parts, (2, 1)))


def fill_total(label: str, values: dict[str, int], parts: tuple[str, ...]) -> list[str]:
    """Fill 总计 from its parts when the clerk did not state it (a stated one was checked when
    parsing), and say so: a total is never computed silently."""
    from nianbao.rules.arithmetic import parts_total

    if "total" in values:
        return []
    values["total"] = parts_total(values, parts)
    return [f"{label}总计 {values['total']} 件（按各项合计）。"]
