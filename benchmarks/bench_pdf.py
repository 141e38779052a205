"""How fast a published PDF report is read: text and table geometry (pdfplumber), then the importer.

    python benchmarks/bench_pdf.py [--runs 7] [--pdf FILE]

Without --pdf, exports examples/lilin-2021.json to PDF with LibreOffice (5 pages) in a
temporary folder; the real WPS-made PDF of the corpus (043, 5 pages) is timed too where present.
In process, after one warm-up: pdf_to_text alone, and import_path (pdf_to_text + import_text).
Prints median/min/max; the target is a median under 1 s for import_path. Exits 1 when missed.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "examples" / "lilin-2021.json"
CORPUS_PDF = REPO.parent / "shared" / "corpus" / "043_huaian_hongzequ_qzf_2024.pdf"
TARGET_SECONDS = 1.0


def make_pdf(folder: Path) -> Path:
    from nianbao import store
    from nianbao.render.pdf import write_pdf

    path = folder / "lilin-2021.pdf"
    write_pdf(store.load(EXAMPLE).report, path)
    return path


def pages(path: Path) -> int:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return len(pdf.pages)


def timed(fn, runs: int) -> list[float]:
    fn()  # warm-up: imports, font caches
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        out.append(time.perf_counter() - start)
    return out


def show(label: str, times: list[float]) -> float:
    median = statistics.median(times)
    print(f"  {label:<28} median {median:.3f} s   min {min(times):.3f} s   max {max(times):.3f} s")
    return median


def bench(path: Path, runs: int) -> float:
    from nianbao.importer import import_path
    from nianbao.importer.extraction.pdf_text import pdf_to_text

    data = path.read_bytes()
    print(f"{path.name}: {pages(path)} pages, {len(data) / 1024:.0f} KB, {runs} runs")
    show("pdf_to_text", timed(lambda: pdf_to_text(data, path.name), runs))
    imported = import_path(path)
    cells = sum(v is not None for row in imported.report.table3.rows.values() for v in row)
    median = show("import_path (whole read)", timed(lambda: import_path(path), runs))
    print(f"  Table 3 cells read: {cells} of {7 * len(imported.report.table3.rows)}")
    return median


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--pdf", type=Path, help="a PDF to time instead of the exported example")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="nianbao-bench-pdf-") as tmp:
        targets = [args.pdf] if args.pdf else [make_pdf(Path(tmp))]
        if not args.pdf and CORPUS_PDF.is_file():
            targets.append(CORPUS_PDF)
        medians = [bench(path, args.runs) for path in targets]
    worst = max(medians)
    met = worst < TARGET_SECONDS
    print(f"slowest median {worst:.3f} s: target < {TARGET_SECONDS:.1f} s {'met' if met else 'MISSED'}")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
