"""How long `peacetalks report` takes, against the plain papermill + nbconvert command line on one notebook.

Prints, for this machine:
- the full build of every notebook (`peacetalks report --force`, into a temporary folder);
- a rebuild with nothing changed (the same command without --force: it checks the inputs' hash and stops);
- for each notebook, `papermill NOTEBOOK OUT` followed by `jupyter nbconvert --to html OUT`, the way a
  user would render one notebook by hand;
and the two ratios the report is held to: full build / fastest single plain notebook (target < 1) and
rebuild / fastest single plain notebook (target < 0.1). Each time is the best of --repeat runs, since
the machine is shared. Run from the project root: python bench/bench_report.py
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def timed(command: list[str], cwd: Path) -> tuple[float, str]:
    """Wall time of a command that must succeed, and what it printed."""
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"failed: {' '.join(command)}\n{result.stdout}\n{result.stderr}")
    return elapsed, result.stdout


def best(command: list[str], cwd: Path, repeat: int) -> tuple[float, str]:
    runs = [timed(command, cwd) for _ in range(repeat)]
    return min(runs, key=lambda run: run[0])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=2, help="runs per measurement; the best is kept (default 2)")
    args = parser.parse_args()
    notebooks = sorted((ROOT / "notebooks").glob("*.ipynb"))
    with tempfile.TemporaryDirectory(prefix="bench-report-") as tmp:
        out = Path(tmp) / "reports"
        report = [str(BIN / "peacetalks"), "report", "--out", str(out)]
        full, _ = best(report + ["--force"], ROOT, args.repeat)
        rebuild, said = best(report, ROOT, max(args.repeat, 3))
        if "up to date" not in said:
            sys.exit(f"the rebuild did work although nothing changed:\n{said}")
        plain: dict[str, float] = {}
        for notebook in notebooks:
            executed = Path(tmp) / f"plain-{notebook.name}"

            def one() -> float:
                run, _ = timed([str(BIN / "papermill"), str(notebook), str(executed), "--cwd", str(notebook.parent),
                                "--no-progress-bar"], ROOT)
                render, _ = timed([str(BIN / "jupyter"), "nbconvert", "--to", "html", str(executed)], ROOT)
                return run + render

            plain[notebook.name] = min(one() for _ in range(args.repeat))
        shutil.rmtree(out, ignore_errors=True)

    fastest = min(plain, key=plain.get)
    print(f"machine: {sys.platform}, {__import__('os').cpu_count()} cores; best of {args.repeat} runs each")
    print(f"full build of {len(notebooks)} notebooks (peacetalks report --force): {full:6.2f} s")
    print(f"rebuild with nothing changed (peacetalks report):        {rebuild:6.2f} s")
    for name, seconds in plain.items():
        print(f"plain papermill + jupyter nbconvert --to html, {name:22s} {seconds:6.2f} s")
    reference = plain[fastest]
    print(f"ratio full build / plain single notebook ({fastest}): {full / reference:.2f}  (target < 1)")
    print(f"ratio rebuild / plain single notebook ({fastest}):    {rebuild / reference:.3f} (target < 0.1)")


if __name__ == "__main__":
    main()
