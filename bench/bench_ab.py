"""A/B speed and memory of `peacetalks extract --out` between two (or more) versions of the library, interleaved.

Each version is a folder holding the `peacetalks` package (its `lib/`), run with PYTHONPATH set to it,
so a checkout of another commit needs no install of its own:

    git archive 0233e7c | tar -x -C /tmp/store-A
    python bench/bench_ab.py A=/tmp/store-A/lib B=lib --corpus FA-KES:1 --corpus /tmp/store-100k:2 --rounds 2

Runs are interleaved (A, B, B, A, ...) so that other programs competing for the cores weigh on every
version alike; the CPU time of each run's process tree (sampled) is printed too, as it depends less on them. Prints each run, then per corpus and version the best and median MB/s, the peak memory
of the process tree, and each version's speed relative to the first; and whether the floors hold:
every version keeps >= 3/4 of the first one's speed, with peak memory under 1 GB.
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

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from bench_extract import FAKES, measure, watch_tree  # noqa: E402

FLOOR = 0.75
PEAK_MB = 1024


def run(lib: Path, corpus: Path, workers: int, scratch: Path) -> tuple[float, float, float, int]:
    """Wall seconds, CPU seconds and peak MB of the process tree, exit code of one extraction from scratch."""
    out = scratch / "out"
    shutil.rmtree(out, ignore_errors=True)
    env = {**os.environ, "PYTHONPATH": str(lib)}
    command = [sys.executable, "-m", "peacetalks", "extract", str(corpus), "--out", str(out), "--workers", str(workers)]
    started = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    cpu: dict[int, float] = {}
    peak = watch_tree(process, cpu)
    _, stderr = process.communicate()
    seconds = time.perf_counter() - started
    if process.returncode:
        print(f"  failed ({process.returncode}): {stderr[-1500:]}", file=sys.stderr)
    shutil.rmtree(out, ignore_errors=True)
    return seconds, sum(cpu.values()), peak / 2**20, process.returncode


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("versions", nargs="+", metavar="NAME=LIBDIR")
    parser.add_argument("--corpus", action="append", required=True, metavar="PATH:WORKERS",
                        help="a corpus (FA-KES for the shared FA-KES CSV) and the worker count to run it with")
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    versions = [(v.split("=", 1)[0], Path(v.split("=", 1)[1]).resolve()) for v in args.versions]
    corpora = []
    for spec in args.corpus:
        path, workers = spec.rsplit(":", 1)
        path = FAKES if path == "FA-KES" else Path(path)
        corpora.append((measure(path, path.name), int(workers)))
    results: dict[tuple[str, str, int], list[tuple[float, float, float]]] = {}
    print(f"{'corpus':<22} {'workers':>7} {'version':<10} {'round':>5} {'seconds':>8} {'MB/s':>7} {'CPU s':>7} {'peak MB':>8} {'load':>5}")
    with tempfile.TemporaryDirectory(prefix="peacetalks-ab-") as scratch:
        for corpus, workers in corpora:
            for round_ in range(args.rounds):
                order = versions if round_ % 2 == 0 else versions[::-1]  # A B, then B A: neither always goes first
                for name, lib in order:
                    seconds, cpu, peak, code = run(lib, corpus.path, workers, Path(scratch))
                    mb_s = corpus.text_bytes / 1e6 / seconds
                    if code == 0:
                        results.setdefault((corpus.name, name, workers), []).append((mb_s, peak, cpu))
                    print(f"{corpus.name:<22} {workers:>7} {name:<10} {round_ + 1:>5} {seconds:>8.1f} {mb_s:>7.2f} {cpu:>7.1f} "
                          f"{peak:>8.0f} {os.getloadavg()[0]:>5.1f}{'' if code == 0 else '  FAILED'}", flush=True)
    print(f"\nsummary (MB/s of article text through the whole extraction; peak: the process tree's largest)")
    met = True
    for corpus, workers in corpora:
        base = None
        for name, _lib in versions:
            runs = results.get((corpus.name, name, workers), [])
            if not runs:
                print(f"  {corpus.name} {name}: no successful run")
                met = False
                continue
            best = max(r[0] for r in runs)
            median = statistics.median(r[0] for r in runs)
            peak = max(r[1] for r in runs)
            cpu = min(r[2] for r in runs)
            base = base or best
            ratio = best / base
            ok = ratio >= FLOOR and peak < PEAK_MB
            met &= ok
            print(f"  {corpus.name:<22} {workers} worker(s) {name:<10} best {best:6.2f} MB/s  median {median:6.2f}  "
                  f"least CPU {cpu:6.1f} s  peak {peak:5.0f} MB  {ratio:5.2f} x {versions[0][0]}  "
                  f"floor (>= {FLOOR} x, < {PEAK_MB} MB): {'met' if ok else 'NOT met'}")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
