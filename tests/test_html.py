"""The HTML export: valid HTML5, the official merged-cell layout, escaping, self-contained, and a
real browser (headless Chromium) that loads it and shows every Table 3 label."""

from __future__ import annotations

import shutil
import struct
import subprocess
from collections import Counter
from pathlib import Path

import html5lib
import pytest

from nianbao import store
from nianbao.render.outputs import to_html
from nianbao.report import labels as L
from nianbao.report.model import Report

from official_layout import T2_SPANNED, T3_SPANNED, T4_SPANNED

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "lilin-2021.json"
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
BROWSER_TIMEOUT = 120

T3_LABELS = [
    L.T3_CORNER_NOTE, L.T3_APPLICANT, L.T3_ORG_GROUP, *L.T3_COLUMNS.values(), *L.T3_GROUPS.values(),
    *(row.label for row in L.T3_ROWS),
]


@pytest.fixture(scope="module")
def report() -> Report:
    return store.load(EXAMPLE).report


@pytest.fixture(scope="module")
def page(report) -> str:
    return to_html(report)


def parse_strict(html: str):
    """Parse as HTML5, raising on any parse error (html5lib's strict mode)."""
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    return parser.parse(html)


def text_of(element) -> str:
    return "".join(element.itertext()).strip()


def table_grid(table) -> tuple[int, list[tuple[str, int, int]]]:
    """Lay the table out as a browser does; return its width and its cells (text, rowspan, colspan).

    Fails when a row leaves a hole or two cells overlap, i.e. the spans do not form a grid.
    """
    taken: set[tuple[int, int]] = set()
    cells: list[tuple[str, int, int]] = []
    rows = list(table.iter("tr"))
    for r, tr in enumerate(rows):
        c = 0
        for cell in tr:
            if cell.tag not in ("td", "th"):
                continue
            while (r, c) in taken:
                c += 1
            rowspan, colspan = int(cell.get("rowspan", 1)), int(cell.get("colspan", 1))
            area = {(r + dr, c + dc) for dr in range(rowspan) for dc in range(colspan)}
            assert not area & taken, f"row {r}: cells overlap"
            assert r + rowspan <= len(rows), f"row {r}: rowspan runs past the table"
            taken |= area
            cells.append((text_of(cell), rowspan, colspan))
            c += colspan
    width = max(c for _, c in taken) + 1
    assert taken == {(r, c) for r in range(len(rows)) for c in range(width)}, "the rows do not fill the grid"
    return width, cells


def spanned(cells) -> Counter:
    out = Counter()
    for text, rowspan, colspan in cells:
        if rowspan > 1 or colspan > 1:
            is_value = text.replace(".", "").isdigit() or text == "?"
            out[("VALUE" if is_value else text, rowspan, colspan)] += 1
    return out


def test_valid_html5(page):
    document = parse_strict(page)
    assert page.startswith("<!DOCTYPE html>")
    assert document.find("head/meta").get("charset") == "utf-8"
    assert document.tag == "html" and document.get("lang") == "zh-CN"


def test_the_strict_parser_does_reject_broken_html():
    with pytest.raises(html5lib.html5parser.ParseError):
        parse_strict("<!DOCTYPE html><title>x</title><p>a</b>")
    with pytest.raises(html5lib.html5parser.ParseError):
        parse_strict("<title>no doctype</title>")


def test_one_self_contained_page(page):
    document = parse_strict(page)
    assert document.findall(".//script") == [] and document.findall(".//link") == []
    assert not [e for e in document.iter() if e.get("src") or e.get("href")]
    assert "url(" not in page and "@import" not in page
    style = text_of(document.find(".//style"))
    assert "@page" in style and "size: A4" in style and "37mm 26mm 35mm 28mm" in style
    assert "@media print" in style


@pytest.mark.parametrize("index, width, expected", [(0, 4, T2_SPANNED), (1, 10, T3_SPANNED), (2, 15, T4_SPANNED)])
def test_tables_have_the_official_spans(page, index, width, expected):
    tables = parse_strict(page).findall(".//table")
    assert len(tables) == 3
    got_width, cells = table_grid(tables[index])
    assert got_width == width
    assert spanned(cells) == Counter(expected)


def test_table3_has_every_label_and_25_value_rows(page):
    table = parse_strict(page).findall(".//table")[1]
    _, cells = table_grid(table)
    texts = {text for text, *_ in cells}
    assert [label for label in T3_LABELS if label not in texts] == []
    body_rows = table.findall("tbody/tr")
    assert len(body_rows) == len(L.T3_ROWS)
    assert all(len([td for td in tr if td.get("class") != "label"]) == len(L.T3_COLUMN_KEYS) for tr in body_rows)
    assert len(table.findall("thead/tr")) == 3  # repeated on every printed page


def test_user_text_is_escaped(report):
    odd = report.model_copy(deep=True)
    odd.overview.summary = '<script>alert("x")</script> & <b>粗</b>'
    page = to_html(odd)
    assert "<script>" not in page and "<b>" not in page
    document = parse_strict(page)
    assert document.findall(".//script") == [] and document.findall(".//b") == []
    paragraphs = [text_of(p) for p in document.iter("p")]
    assert any('<script>alert("x")</script> & <b>粗</b>' in p for p in paragraphs)


def test_agency_name_is_escaped_in_the_title(report):
    odd = report.model_copy(deep=True)
    odd.agency.name = "A&B</title><script>镇"
    document = parse_strict(to_html(odd))
    assert text_of(document.find("head/title")).startswith("A&B</title><script>镇")
    assert document.findall(".//script") == []


# --- a real browser ------------------------------------------------------------------------


def find_chromium() -> str | None:
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def run_chromium(browser: str, profile: Path, *args: str) -> subprocess.CompletedProcess:
    command = [
        browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        f"--user-data-dir={profile}", *args,
    ]
    return subprocess.run(command, capture_output=True, timeout=BROWSER_TIMEOUT, stdin=subprocess.DEVNULL)


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


@pytest.mark.slow
@pytest.mark.skipif(find_chromium() is None, reason="chromium is not installed (Debian: apt-get install chromium)")
def test_chromium_renders_the_page(page, tmp_path):
    browser = find_chromium()
    html = tmp_path / "report.html"
    html.write_text(page, encoding="utf-8")
    shot = tmp_path / "report.png"
    run_chromium(browser, tmp_path / "profile-shot", f"--screenshot={shot}", "--window-size=1200,3000", html.as_uri())
    assert png_size(shot.read_bytes()) == (1200, 3000)
    assert shot.stat().st_size > 50_000  # a blank or error page compresses to a few kB

    dumped = run_chromium(browser, tmp_path / "profile-dom", "--dump-dom", html.as_uri())
    assert dumped.returncode == 0, dumped.stderr.decode("utf-8", "replace")[-500:]
    dom = html5lib.parse(dumped.stdout.decode("utf-8"), namespaceHTMLElements=False)
    text = text_of(dom.find("body"))
    assert [label for label in T3_LABELS if label not in text] == []
    assert len(dom.findall(".//table")) == 3
