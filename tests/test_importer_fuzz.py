"""Hypothesis: whatever the input (bytes, text, HTML, table-like rows), the importer returns an
ImportedReport or raises ReportImportError, never anything else, and stays fast."""

from __future__ import annotations

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from nianbao.importer import ImportedReport, ReportImportError, import_bytes, import_text
from nianbao.importer.extraction.decode import looks_binary
from nianbao.report import labels as L
from nianbao.rules import check_report

FUZZ = settings(max_examples=150, deadline=2000, suppress_health_check=[HealthCheck.too_slow])

# Pieces real reports are made of, so that random input reaches the table readers.
LABELS = [
    *L.SECTIONS.values(),
    *(r.label for r in L.T3_ROWS),
    *L.T3_GROUPS.values(),
    *L.T2_ROWS.values(),
    *L.T4_COLUMNS.values(),
    *L.T4_GROUPS.values(),
    L.T2_ITEM_1,
    L.OLD_T3_OTHER_HANDLING,
    *L.OLD_FORMAT_MARKERS,
    "平潭综合实验区2021年度政府信息公开工作年度报告",
    "统计期限为2023年1月1日",
]
PIECES = st.one_of(
    st.sampled_from(LABELS),
    st.from_regex(r"[0-9]{1,25}", fullmatch=True),
    st.sampled_from(["\t", "\n", "\n\n", " | ", "|", " ", "—", "/", "（", "）", "。", "无", "?", "０１２"]),
    st.text(max_size=8),
)
TABLEISH = st.lists(PIECES, max_size=120).map("".join)
SUFFIXES = st.sampled_from([".txt", ".html", ".htm", ".docx", ""])


def _usable(result) -> None:
    assert isinstance(result, ImportedReport)
    # The result must be something the rules can take.
    check_report(result.report, text=result.text, format=result.format, sections=result.sections)


@FUZZ
@given(data=st.binary(max_size=4096), suffix=SUFFIXES)
def test_random_bytes(data: bytes, suffix: str) -> None:
    try:
        _usable(import_bytes(data, suffix, "fuzz"))
    except ReportImportError as exc:
        assert str(exc)


@FUZZ
@given(text=st.text(max_size=3000))
def test_random_text(text: str) -> None:
    try:
        _usable(import_text(text, "fuzz.txt"))
    except ReportImportError as exc:
        assert str(exc)


@FUZZ
@given(text=TABLEISH)
def test_table_like_text(text: str) -> None:
    try:
        _usable(import_text(text, "fuzz.txt"))
    except ReportImportError as exc:
        assert str(exc)


TAGS = st.sampled_from(["<table>", "</table>", "<tr>", "</tr>", "<td>", "</td>", '<td rowspan="3">',
                        '<td colspan="2">', "<p>", "</p>", "<br/>", "<script>", "</script>", "<div>", "&nbsp;", "<!--", "-->"])


@FUZZ
@given(parts=st.lists(st.one_of(TAGS, PIECES), max_size=150))
def test_random_html(parts: list[str]) -> None:
    page = "<html><body>" + "".join(parts)
    try:
        _usable(import_bytes(page.encode("utf-8"), ".html", "fuzz.html"))
    except ReportImportError as exc:
        assert str(exc)


@FUZZ
@given(text=TABLEISH)
def test_gbk_round_trip_reads_the_same(text: str) -> None:
    """A report saved as GBK reads as it does in UTF-8."""
    try:
        data = text.encode("gbk")
        expected = import_bytes(text.encode("utf-8"), ".txt", "a")
    except (UnicodeEncodeError, ReportImportError):
        assume(False)
    # Bytes that are also valid UTF-8, or that look binary, are not GBK's to decide.
    assume(_utf8_or_none(data) in (None, text) and "\x00" not in text and not looks_binary(data))
    got = import_bytes(data, ".txt", "a")
    assert got.text == expected.text
    assert got.report == expected.report


def _utf8_or_none(data: bytes):
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None
