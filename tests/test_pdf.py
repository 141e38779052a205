"""PDF export through LibreOffice, and the clear errors when LibreOffice is missing or fails."""

from __future__ import annotations

import re
import shutil
import subprocess
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from nianbao import store
from nianbao.render import pdf
from nianbao.render.docx_writer import write_docx
from nianbao.report.model import Report

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "lilin-2021.json"
needs_office = pytest.mark.skipif(
    pdf.find_office() is None, reason="LibreOffice is not installed (Debian: apt-get install libreoffice-writer-nogui)"
)


@pytest.fixture(scope="module")
def report() -> Report:
    return store.load(EXAMPLE).report


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.slow
@needs_office
def test_pdf_of_the_example(report, tmp_path):
    target = tmp_path / "report.pdf"
    pdf.write_pdf(report, target)
    data = target.read_bytes()
    assert data.startswith(b"%PDF-")
    sizes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", data)
    assert sizes and all(abs(float(w) - 595.3) < 1 and abs(float(h) - 841.9) < 1 for w, h in sizes)  # A4
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext is not installed (Debian: apt-get install poppler-utils): text not checked")
    text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, check=True).stdout.decode("utf-8")
    assert squeeze(report.title) in squeeze(text)
    assert "申请人情况" in squeeze(text)


@pytest.mark.slow
@needs_office
def test_parallel_conversions_do_not_collide(report, tmp_path):
    targets = [tmp_path / f"report-{i}.pdf" for i in range(2)]
    with ThreadPoolExecutor(2) as pool:
        list(pool.map(lambda path: pdf.write_pdf(report, path), targets))
    assert all(path.read_bytes().startswith(b"%PDF-") for path in targets)


def test_missing_libreoffice_is_a_clear_chinese_error(report, tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))  # a PATH without soffice or libreoffice
    assert pdf.find_office() is None
    with pytest.raises(pdf.PdfError) as caught:
        pdf.write_pdf(report, tmp_path / "report.pdf")
    assert "未找到 LibreOffice" in str(caught.value)
    assert "apt-get install libreoffice-writer" in str(caught.value)
    assert not (tmp_path / "report.pdf").exists()


def fake_office(folder: Path, body: str) -> str:
    script = folder / "soffice"
    script.write_text("#!/bin/sh\n" + body + "\n", encoding="utf-8")
    script.chmod(0o755)
    return str(script)


def test_a_failing_conversion_is_reported(report, tmp_path):
    docx = tmp_path / "report.docx"
    write_docx(report, docx)
    office = fake_office(tmp_path, "echo 'Error: source file could not be loaded' >&2; exit 1")
    with pytest.raises(pdf.PdfError) as caught:
        pdf.convert_to_pdf(docx, tmp_path, office)
    assert "LibreOffice 未能生成 PDF" in str(caught.value)
    assert "source file could not be loaded" in str(caught.value)


def _gone(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
    except FileNotFoundError:
        return True
    return state in ("Z", "X")  # a zombie has ended; only its parent's bookkeeping remains


def test_a_hanging_conversion_times_out_and_is_stopped(report, tmp_path):
    docx = tmp_path / "report.docx"
    write_docx(report, docx)
    child_pid = tmp_path / "child.pid"
    # Like soffice: a launcher script whose real work happens in a child process.
    office = fake_office(tmp_path, f"sleep 60 & echo $! > {child_pid}; wait")
    started = time.monotonic()
    with pytest.raises(pdf.PdfError) as caught:
        pdf.convert_to_pdf(docx, tmp_path, office, timeout=1)
    assert time.monotonic() - started < 10
    assert "超时" in str(caught.value)
    pid = int(child_pid.read_text())
    deadline = time.monotonic() + 5
    while not _gone(pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _gone(pid), "the launcher's child still runs after the timeout"
