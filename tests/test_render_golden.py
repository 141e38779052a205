"""Rendered reports: golden files for every example, content, missing facts, literal user text,
CJK alignment of the plain-text tables.

Regenerate the golden files after an intended change of wording or layout with

    NIANBAO_UPDATE_GOLDEN=1 python -m pytest tests/test_render_golden.py

and review the diff of tests/golden/ before committing it.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from rich.cells import cell_len

from nianbao import store
from nianbao.render.blocks import render_blocks
from nianbao.render.env import MissingFact
from nianbao.render.outputs import FORMATS, INDENT, render, to_text
from nianbao.report import labels as L
from nianbao.session import Session

GOLDEN_DIR = Path(__file__).resolve().parent / "golden"
EXAMPLES_DIR = Path(__file__).resolve().parents[1] / "examples"
UPDATE_ENV = "NIANBAO_UPDATE_GOLDEN"
EXAMPLES = sorted(p.name for p in EXAMPLES_DIR.glob("*.json"))


def _updating() -> bool:
    return os.environ.get(UPDATE_ENV, "") not in ("", "0")


def _render_example(name: str, fmt: str) -> tuple[str, str]:
    """(golden file name, rendered text). An example missing a fact is compared as a draft."""
    try:
        session = store.load(EXAMPLES_DIR / name)
    except store.SessionError as exc:
        pytest.skip(f"examples/{name} does not load (it is not a renderable example): {exc}")
    stem = Path(name).stem
    try:
        return f"{stem}.{fmt}", render(session.report, fmt)
    except MissingFact:
        return f"{stem}.draft.{fmt}", render(session.report, fmt, draft=True)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("example", EXAMPLES)
def test_golden(example: str, fmt: str) -> None:
    golden_name, actual = _render_example(example, fmt)
    golden = GOLDEN_DIR / golden_name
    if _updating():
        GOLDEN_DIR.mkdir(exist_ok=True)
        golden.write_text(actual, encoding="utf-8", newline="\n")
    if not golden.is_file():
        pytest.fail(
            f"golden file tests/golden/{golden_name} is missing for examples/{example}; create it with\n"
            f"    {UPDATE_ENV}=1 python -m pytest tests/test_render_golden.py\n"
            "then review it and commit it.",
            pytrace=False,
        )
    expected = golden.read_text(encoding="utf-8")
    assert actual == expected, (
        f"examples/{example} renders differently from tests/golden/{golden_name}. If the change is "
        f"intended, rerun with {UPDATE_ENV}=1 and review the diff."
    )


def test_examples_folder_is_not_empty() -> None:
    assert "lilin-2021.json" in EXAMPLES


def test_no_stale_golden_files() -> None:
    stems = {Path(name).stem for name in EXAMPLES}
    stale = [
        p.name for p in GOLDEN_DIR.iterdir()
        if not any(p.name in (f"{stem}.{fmt}", f"{stem}.draft.{fmt}") for stem in stems for fmt in FORMATS)
    ]
    assert stale == [], f"golden files without an example in examples/: {stale}; delete them"


def test_lilin_golden_files_are_final_renders() -> None:
    # The reference example must render completely, without placeholders.
    assert sorted(p.name for p in GOLDEN_DIR.glob("lilin-2021.*")) == [
        "lilin-2021.html",
        "lilin-2021.md",
        "lilin-2021.txt",
    ]


# --- content of the plain text ------------------------------------------------------------


@pytest.fixture
def lilin_text(lilin: Session) -> str:
    return to_text(lilin.report)


def test_txt_title_and_sections(lilin_text: str) -> None:
    lines = lilin_text.splitlines()
    assert lines[0] == "梨林镇人民政府2021年政府信息公开工作年度报告"
    headings = [line for line in lines if line in L.SECTIONS.values()]
    assert headings == list(L.SECTIONS.values())
    assert len(headings) == 6
    # Each heading stands alone between blank lines.
    for heading in L.SECTIONS.values():
        i = lines.index(heading)
        assert lines[i - 1] == "" and lines[i + 1] == ""


def test_txt_has_every_table3_row_label(lilin_text: str) -> None:
    stripped = [line.strip() for line in lilin_text.splitlines()]
    row_lines = [line for line in stripped if any(line.startswith(r.label) for r in L.T3_ROWS)]
    for row in L.T3_ROWS:
        matching = [line for line in row_lines if re.fullmatch(re.escape(row.label) + r"(\s+0){7}", line)]
        assert len(matching) == 1, row.label
    assert len(L.T3_ROWS) == 25
    for group in L.T3_GROUPS.values():
        assert group in stripped


def test_txt_numbers_in_standard_wording(lilin_text: str) -> None:
    assert (
        "　　2021年，我镇依托微信公众号“大美梨林”和济源市人民政府网梨林镇版块主动公开政府信息850条，"
        "其中微信公众号“大美梨林”510条、济源市人民政府网梨林镇版块340条。"
    ) in lilin_text
    assert lilin_text.count("850") == 1
    assert lilin_text.count("510") == 1
    assert lilin_text.count("340") == 1


def test_txt_paragraphs_are_indented_and_end_with_newline(lilin_text: str) -> None:
    assert lilin_text.endswith("。\n") and not lilin_text.endswith("\n\n")
    assert "　　2021年，我镇未收到政府信息公开申请，无上年结转申请。畅通依申请公开渠道，明确受理、办理和答复流程。" in lilin_text
    assert lilin_text.splitlines()[-1] == INDENT + "（五）其他需要报告的事项。无。"


# --- missing facts ------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_missing_agency_name_raises_in_final_mode(lilin: Session, fmt: str) -> None:
    lilin.report.agency.name = ""
    with pytest.raises(MissingFact) as info:
        render(lilin.report, fmt)
    assert info.value.name == "机关全称"
    assert str(info.value) == "报告缺少“机关全称”，请先补充"


@pytest.mark.parametrize(
    ("fmt", "title_line"),
    [
        ("txt", "【待填：机关全称】2021年政府信息公开工作年度报告"),
        ("md", "# 【待填：机关全称】2021年政府信息公开工作年度报告"),
        ("html", "<h1>【待填：机关全称】2021年政府信息公开工作年度报告</h1>"),
    ],
)
def test_missing_agency_name_shows_placeholder_in_draft(lilin: Session, fmt: str, title_line: str) -> None:
    lilin.report.agency.name = ""
    text = render(lilin.report, fmt, draft=True)
    assert title_line in text.splitlines()
    assert text.count("【待填：") == 1


def test_draft_shows_every_missing_fact(lilin: Session) -> None:
    lilin.report.agency.website = ""
    lilin.report.other.proposals = ""
    text = to_text(lilin.report, draft=True)
    assert "本报告电子版可在【待填：报告发布网站】下载。" in text
    assert INDENT + "（三）人大代表建议和政协提案办理结果公开情况。【待填：人大代表建议和政协提案办理结果公开情况】。" in text.splitlines()
    assert text.count("【待填：") == 2
    with pytest.raises(MissingFact) as info:
        to_text(lilin.report)
    assert info.value.name == "报告发布网站"  # the first one in reading order


@pytest.mark.parametrize(
    ("field", "expected"),
    [
        ("measures", INDENT + "下一步，我镇将着力做好以下工作：【待填：改进措施】"),
        ("problems", INDENT + "2021年，我镇政府信息公开工作仍存在一些不足：【待填：存在的主要问题】"),
        ("contact", "请与梨林镇党政办联系（【待填：联系方式（地址、电话或电子邮箱）】）。"),
    ],
    ids=["measures", "problems", "contact"],
)
def test_draft_placeholder_for_a_missing_list(lilin: Session, field: str, expected: str) -> None:
    if field == "contact":
        lilin.report.agency.contact.address = ""
    else:
        setattr(lilin.report.problems, field, [])
    text = to_text(lilin.report, draft=True)
    assert "是【" not in text and "【；" not in text
    assert any(line.startswith(expected) or expected in line for line in text.splitlines())


def test_complete_report_draft_equals_final(lilin: Session) -> None:
    for fmt in FORMATS:
        assert render(lilin.report, fmt, draft=True) == render(lilin.report, fmt)


# --- user text is rendered literally ------------------------------------------------------

HOSTILE = "{{ x }}{% if 1 %}[red]红[/]<script>alert(1)</script>&amp;\nh1|伪造标题"
HOSTILE_ONE_LINE = "{{ x }}{% if 1 %}[red]红[/]<script>alert(1)</script>&amp; h1|伪造标题"
HOSTILE_HTML = "{{ x }}{% if 1 %}[red]红[/]&lt;script&gt;alert(1)&lt;/script&gt;&amp;amp; h1|伪造标题"


@pytest.fixture
def hostile(lilin: Session) -> Session:
    r = lilin.report
    r.agency.name = "梨林镇" + HOSTILE
    r.overview.summary = HOSTILE
    r.overview.by_channel[0].label = HOSTILE
    r.problems.problems = [HOSTILE, "第二条"]
    r.other.innovation = HOSTILE
    return lilin


def test_user_text_never_forges_a_block(hostile: Session) -> None:
    blocks = render_blocks(hostile.report)
    assert [b.text for b in blocks if b.kind == "h1"] == list(L.SECTIONS.values())
    assert [b.kind for b in blocks].count("title") == 1
    assert [b.text for b in blocks if b.kind == "title"] == [
        "梨林镇" + HOSTILE_ONE_LINE + "2021年政府信息公开工作年度报告"
    ]
    assert all("伪造标题" not in b.text or "h1|伪造标题" in b.text for b in blocks)


def test_user_text_is_literal_in_txt(hostile: Session) -> None:
    text = to_text(hostile.report)
    lines = text.splitlines()
    assert lines[0] == "梨林镇" + HOSTILE_ONE_LINE + "2021年政府信息公开工作年度报告"
    assert INDENT + HOSTILE_ONE_LINE + "。" in lines
    assert INDENT + "（四）年度政务公开工作创新情况。" + HOSTILE_ONE_LINE + "。" in lines
    assert (
        INDENT + "2021年，我镇政府信息公开工作仍存在一些不足：一是" + HOSTILE_ONE_LINE + "；二是第二条。"
    ) in lines
    assert "伪造标题" not in lines
    assert text.count("h1|伪造标题") == 7


def test_user_text_is_literal_in_markdown(hostile: Session) -> None:
    text = render(hostile.report, "md")
    assert "<script>" not in text  # escaped: a Markdown renderer shows it, never runs it
    shown = [re.sub(r"\\(.)", r"\1", line) for line in text.splitlines()]  # what a renderer displays
    assert shown[0] == "# 梨林镇" + HOSTILE_ONE_LINE + "2021年政府信息公开工作年度报告"
    assert HOSTILE_ONE_LINE + "。" in shown
    assert [line for line in text.splitlines() if line.startswith("## ")] == [
        "## " + h for h in L.SECTIONS.values()
    ]


def test_user_text_is_escaped_in_html(hostile: Session) -> None:
    html = render(hostile.report, "html")
    assert "<script>" not in html
    assert "alert(1)</script>" not in html
    assert f"<title>梨林镇{HOSTILE_HTML}2021年政府信息公开工作年度报告</title>" in html
    assert f"<h1>梨林镇{HOSTILE_HTML}2021年政府信息公开工作年度报告</h1>" in html
    assert f"<p>{HOSTILE_HTML}。</p>" in html
    assert html.count("&lt;script&gt;") == 8  # 7 in the body, 1 in <title>
    assert re.findall(r"<h2>(.*?)</h2>", html) == list(L.SECTIONS.values())


@pytest.mark.parametrize("separator", ["\r\n", "\r", "\x0b", "\x0c", "\x1c", "\t"])
def test_other_line_breaks_never_forge_a_block(lilin: Session, separator: str) -> None:
    lilin.report.overview.summary = "正常" + separator + "h1|伪造标题"
    blocks = render_blocks(lilin.report)
    assert [b.text for b in blocks if b.kind == "h1"] == list(L.SECTIONS.values())
    assert sum("h1|伪造标题" in b.text for b in blocks) == 1


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x85"])
def test_unicode_line_separators_never_forge_a_block(lilin: Session, separator: str) -> None:
    lilin.report.overview.summary = "正常" + separator + "h1|伪造标题"
    blocks = render_blocks(lilin.report)
    assert [b.text for b in blocks if b.kind == "h1"] == list(L.SECTIONS.values())


# --- CJK alignment of the plain-text tables -----------------------------------------------


def _table_lines(text: str, heading: str, next_heading: str) -> list[str]:
    lines = text.splitlines()
    return lines[lines.index(heading) + 1 : lines.index(next_heading)]


def _value_right_edges(line: str, columns: int) -> list[int]:
    """Display-cell column where each of the last `columns` whitespace-separated cells ends."""
    matches = list(re.finditer(r"\S+", line))[-columns:]
    return [cell_len(line[: m.end()]) for m in matches]


def _varied_table3(session: Session) -> Session:
    rows = {}
    for i, key in enumerate(L.T3_ROW_KEYS):
        rows[key] = [((i + 3) * (j + 5)) ** (1 + (i + j) % 4) % 100_000 for j in range(7)]
    rows["oh_other"][2] = None  # shown as "?"
    session.report.table3.rows = rows
    return session


@pytest.mark.parametrize("varied", [False, True], ids=["lilin", "varied-widths"])
def test_txt_table3_columns_line_up(lilin: Session, varied: bool) -> None:
    if varied:
        _varied_table3(lilin)
    text = to_text(lilin.report)
    table = _table_lines(text, L.SECTIONS["requests"], L.SECTIONS["appeals"])
    header = [line for line in table if line.rstrip().endswith(L.T3_COLUMNS["total"]) and "自然人" in line]
    assert len(header) == 1
    edges = _value_right_edges(header[0], 7)
    assert header[0].split() == list(L.T3_COLUMNS.values())
    data_rows = [line for line in table if re.search(r"(\s+(\d+|\?)){7}$", line)]
    assert len(data_rows) == 25
    for line in data_rows:
        assert _value_right_edges(line, 7) == edges, line
    # Labels start at the left edge (or at their group indent), never pushed by wide characters.
    assert data_rows[0].startswith(L.T3_ROWS[0].label)
    if varied:
        assert re.search(r"\s\?\s", [line for line in data_rows if "3.其他" in line][0])


def test_txt_table4_columns_line_up(lilin: Session) -> None:
    lilin.report.table4.review.upheld = 12345
    lilin.report.table4.direct.total = 7
    text = to_text(lilin.report)
    table = [line for line in _table_lines(text, L.SECTIONS["appeals"], L.SECTIONS["problems"]) if line]
    assert len(table) == 4
    edges = {tuple(_value_right_edges(line, 5)) for line in table}
    assert len(edges) == 1
    assert table[1].startswith("行政复议") and table[1].split()[1] == "12345"
