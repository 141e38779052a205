"""How long `nianbao print examples/lilin-2021.json --plain` takes, end to end and in process.

    python benchmarks/bench_print.py [--runs 15] [--session examples/lilin-2021.json]

End to end: the installed `nianbao` script next to this interpreter (or `python -m nianbao` when
there is none) as a subprocess, N runs after one warm-up; median/min/max wall time in seconds.
The target is a median under 0.5 s. In process: load + render to text, after a warm-up render
(the first render compiles the Jinja2 templates; that cost is reported separately).
Exits 1 when the end-to-end median misses the target.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TARGET_SECONDS = 0.5


def command(session: Path) -> list[str]:
    script = Path(sys.executable).with_name("nianbao")
    if script.is_file():
        return [str(script), "print", str(session), "--plain"]
    found = shutil.which("nianbao")
    if found:
        return [found, "print", str(session), "--plain"]
    return [sys.executable, "-m", "nianbao", "print", str(session), "--plain"]


def time_subprocess(cmd: list[str], runs: int) -> list[float]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    subprocess.run(cmd, check=True, capture_output=True, env=env)  # warm-up: OS caches, .pyc files
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, env=env)
        times.append(time.perf_counter() - start)
    return times


def time_in_process(session: Path, runs: int) -> tuple[float, float, list[float], list[float]]:
    """(import seconds, first render seconds, load times, render times)."""
    start = time.perf_counter()
    from nianbao import store
    from nianbao.render.outputs import to_text

    imported = time.perf_counter() - start
    start = time.perf_counter()
    to_text(store.load(session).report)
    first = time.perf_counter() - start
    loads, renders = [], []
    for _ in range(runs):
        start = time.perf_counter()
        sess = store.load(session)
        loads.append(time.perf_counter() - start)
        start = time.perf_counter()
        to_text(sess.report)
        renders.append(time.perf_counter() - start)
    return imported, first, loads, renders


def summary(times: list[float], unit: str = "s") -> str:
    scale = {"s": 1, "ms": 1000}[unit]
    med, lo, hi = (x * scale for x in (statistics.median(times), min(times), max(times)))
    return f"median {med:.3f} {unit}  min {lo:.3f} {unit}  max {hi:.3f} {unit}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--session", type=Path, default=REPO / "examples" / "lilin-2021.json")
    args = parser.parse_args()

    cmd = command(args.session)
    print(f"end to end: {' '.join(cmd)}  ({args.runs} runs)")
    e2e = time_subprocess(cmd, args.runs)
    print(f"  {summary(e2e)}  (target: median < {TARGET_SECONDS} s)")

    imported, first, loads, renders = time_in_process(args.session, args.runs * 10)
    print(f"in process ({args.runs * 10} runs):")
    print(f"  import nianbao.store + render: {imported:.3f} s (once)")
    print(f"  first load + render (compiles templates): {first:.3f} s")
    print(f"  load:   {summary(loads, 'ms')}")
    print(f"  render: {summary(renders, 'ms')}")
    ok = statistics.median(e2e) < TARGET_SECONDS
    print("OK" if ok else f"SLOW: median over {TARGET_SECONDS} s; profile with `python -X importtime -m nianbao ...`")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
