"""How fast `nianbao check` reads and checks published reports: 1,000 of them, in process and CLI.

    python benchmarks/bench_check.py [--reports 1000] [--keep DIR] [--jobs] [--runs 5]

The reports are made from tests/fixtures/importer (every layout the importer reads: tab-separated,
one cell per line, "|" separated, run-together digits, HTML with merged cells, the 2019 format),
each copy with its own agency name and figures, and written to a temporary folder.
In process: import + all rules per report (nianbao.cli.check.check_one), after a warm-up.
CLI: one `nianbao check --json FOLDER` run over all of them, as a subprocess.
Prints reports/s for both; the target is at least 300 reports/s in process. Exits 1 when missed.
--jobs: instead, the CLI with --jobs 1 and with every core, medians of --runs runs each; the
target is all cores at least 1.6 times as fast as one (on a machine with 2 cores or more).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures" / "importer"
TEMPLATES = (
    "clean-2021.txt",
    "imbalance-2022.txt",
    "lines-2022.txt",
    "pipes-2023.txt",
    "runtogether-2021.txt",
    "merged-2024.html",
    "old-2019-blanks.txt",
)
TOWNS = "白石青松红岩金沙长乐安平永兴太和新华石桥东风"
TARGET_PER_SECOND = 300
TARGET_SPEEDUP = 1.6


def make_reports(folder: Path, count: int) -> list[Path]:
    """count reports, cycling through the fixtures; names and one figure differ per copy."""
    texts = {name: (FIXTURES / name).read_text(encoding="utf-8") for name in TEMPLATES}
    paths = []
    for i in range(count):
        name = TEMPLATES[i % len(TEMPLATES)]
        town = TOWNS[i % len(TOWNS)] + TOWNS[(i // len(TOWNS)) % len(TOWNS)]
        # A different agency and 主动公开 figure per copy, so that no two reports are identical.
        text = texts[name].replace("白石", town).replace("126条", f"{100 + i}条")
        path = folder / f"{i:04d}-{name}"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def nianbao_command(folder: Path, *options: str) -> list[str]:
    script = Path(sys.executable).with_name("nianbao")
    if script.is_file():
        return [str(script), "check", "--json", *options, str(folder)]
    found = shutil.which("nianbao")
    if found:
        return [found, "check", "--json", *options, str(folder)]
    return [sys.executable, "-m", "nianbao", "check", "--json", *options, str(folder)]


def time_in_process(paths: list[Path]) -> float:
    from nianbao.cli.check import check_one

    for path in paths[: len(TEMPLATES)]:
        check_one(str(path))  # warm-up: compiled patterns, lazy imports
    start = time.perf_counter()
    for path in paths:
        check_one(str(path))
    return time.perf_counter() - start


def time_split(paths: list[Path]) -> tuple[float, float]:
    """(reading seconds, rules seconds) over the same reports: where the time goes."""
    from nianbao.importer import import_path
    from nianbao.rules import check_report

    start = time.perf_counter()
    imported = [import_path(path) for path in paths]
    middle = time.perf_counter()
    for r in imported:
        check_report(r.report, text=r.text, format=r.format, sections=r.sections)
    return middle - start, time.perf_counter() - middle


def time_cli(folder: Path, *options: str) -> tuple[float, int]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    start = time.perf_counter()
    done = subprocess.run(nianbao_command(folder, *options), stdout=subprocess.DEVNULL, env=env)
    return time.perf_counter() - start, done.returncode


def compare_jobs(folder: Path, count: int, runs: int) -> int:
    from nianbao.services.batch import default_jobs

    cores = default_jobs()
    one = statistics.median(time_cli(folder, "--jobs", "1")[0] for _ in range(runs))
    every = statistics.median(time_cli(folder, "--jobs", str(cores))[0] for _ in range(runs))
    speedup = one / every
    print(f"CLI --jobs 1: {one:.2f} s ({count / one:.0f} reports/s); --jobs {cores}: {every:.2f} s "
          f"({count / every:.0f} reports/s); {speedup:.2f}x (target ≥ {TARGET_SPEEDUP}x with 2+ cores; medians of {runs})")
    return 0 if cores < 2 or speedup >= TARGET_SPEEDUP else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=1000)
    parser.add_argument("--keep", type=Path, help="write the reports here and keep them")
    parser.add_argument("--jobs", action="store_true", help="compare --jobs 1 with every core")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="nianbao-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    try:
        paths = make_reports(folder, args.reports)
        if args.jobs:
            return compare_jobs(folder, len(paths), args.runs)
        seconds = time_in_process(paths)
        rate = len(paths) / seconds
        print(f"in process: {len(paths)} reports in {seconds:.2f} s = {rate:.0f} reports/s "
              f"({seconds / len(paths) * 1000:.2f} ms each; target ≥ {TARGET_PER_SECOND}/s)")
        reading, rules = time_split(paths)
        print(f"  of which reading (importer) {reading / len(paths) * 1000:.2f} ms, "
              f"rules {rules / len(paths) * 1000:.2f} ms per report")
        cli_seconds, code = time_cli(folder)
        print(f"CLI: nianbao check --json over {len(paths)} reports in {cli_seconds:.2f} s = "
              f"{len(paths) / cli_seconds:.0f} reports/s (exit {code}: some reports have errors by design)")
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)
    return 0 if rate >= TARGET_PER_SECOND else 1


if __name__ == "__main__":
    sys.exit(main())
