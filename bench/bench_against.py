"""The whole extraction's speed on FA-KES, one core, against an earlier commit: the floors of issues 13 and 15.

Each version runs its own bench/bench_stages.py (FA-KES only, best of --repeat) in a process of its own,
with PYTHONPATH set to its lib/, interleaved (base, head, head, base, ...) so that other programs
competing for the cores weigh on both alike. The earlier commit is unpacked with `git archive` into a
temporary folder. Prints each run's CPU seconds and MB/s for the `whole` stage, then the best of each
version, their ratio and whether the floors hold:

- issue 13: the whole extraction keeps at least three quarters of the speed of the commit the issue
  was filed against (f2fab51 by default);
- issue 15: at least 2.5 MB/s per core.

    python bench/bench_against.py                     # against f2fab51, 3 rounds
    python bench/bench_against.py --base 0233e7c --rounds 2

Figures are printed, never asserted (the machine is shared: read them with the load beside them).
"""
from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FAKES = ROOT.parent / "shared" / "corpus" / "fakes" / "FA-KES-Dataset.csv"
BASE = "f2fab51"  # main when issues 13-15 were filed
RATIO_FLOOR = 0.75
ABSOLUTE_FLOOR = 2.5
_WHOLE = re.compile(r"^\s+whole\s+(?P<cpu>[\d.]+)\s+(?P<rate>[\d.]+)", re.M)


def run(root: Path, repeat: int) -> tuple[float, float]:
    """(CPU seconds, MB/s) of the `whole` stage on FA-KES, by the bench_stages.py of the version in `root`."""
    env = {**os.environ, "PYTHONPATH": str(root / "lib")}
    command = [sys.executable, str(root / "bench" / "bench_stages.py"), "--fakes", str(FAKES),
               "--generated", "0", "--repeat", str(repeat)]
    output = subprocess.run(command, env=env, cwd=root, capture_output=True, text=True, check=True).stdout
    found = _WHOLE.search(output)
    if found is None:
        raise SystemExit(f"no 'whole' line in the output of {root}/bench/bench_stages.py:\n{output}")
    return float(found["cpu"]), float(found["rate"])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base", default=BASE, help=f"the earlier commit (default {BASE})")
    parser.add_argument("--rounds", type=int, default=3, help="rounds of (base, head) runs (default 3)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of the stage per process; best kept (default 3)")
    args = parser.parse_args()
    if not FAKES.exists():
        print(f"FA-KES not found at {FAKES}: nothing measured")
        return 1
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", args.base], capture_output=True, check=True)
        subprocess.run(["tar", "-x", "-C", str(base)], input=archive.stdout, check=True)
        versions = {args.base: base, "HEAD (working tree)": ROOT}
        best: dict[str, tuple[float, float]] = {}
        print(f"whole extraction on FA-KES, one core, best of {args.repeat} per run")
        print(f"  {'round':>5} {'version':<20} {'cpu s':>6} {'MB/s':>6} {'load':>5}")
        for round_ in range(1, args.rounds + 1):
            order = list(versions) if round_ % 2 else list(reversed(versions))
            for name in order:
                cpu, rate = run(versions[name], args.repeat)
                print(f"  {round_:>5} {name:<20} {cpu:6.2f} {rate:6.2f} {os.getloadavg()[0]:5.1f}", flush=True)
                if name not in best or cpu < best[name][0]:
                    best[name] = (cpu, rate)
    base_rate, head_rate = best[args.base][1], best["HEAD (working tree)"][1]
    ratio = head_rate / base_rate
    print(f"best: {args.base} {base_rate:.2f} MB/s, HEAD {head_rate:.2f} MB/s: HEAD at {ratio:.2f} x")
    print(f"  issue 13 floor (>= {RATIO_FLOOR:.2f} x {args.base}): {'met' if ratio >= RATIO_FLOOR else 'NOT met'}")
    print(f"  issue 15 floor (>= {ABSOLUTE_FLOOR} MB/s per core): {'met' if head_rate >= ABSOLUTE_FLOOR else 'NOT met'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
