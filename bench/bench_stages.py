"""Speed of each extraction stage in one process: MB/s of article text for parse, casualties, stances and the whole.

Times the stages on FA-KES (the real archive in ../shared/corpus/fakes) and on a corpus generated
in memory by peacetalks.synthetic, one core, after a warm-up article (so the codebook and cue lists
are compiled before timing). Each stage is timed on its own over the same articles: `parse` is
parse_article on the raw text, `casualties` and `stances` run on the parsed bodies, `whole` is
extraction.process_documents (parse, dating, casualties and stances) on batches of articles
as the workers of `peacetalks extract` run it.

    python bench/bench_stages.py                 # FA-KES and 2,000 generated articles
    python bench/bench_stages.py --generated 500 --repeat 3
    python bench/bench_stages.py --profile stances   # cProfile of one stage on FA-KES, top 25

Targets (issues 3 and 6): the whole extraction at >= 2.5 MB/s per core (>= 5 MB/s with 2 workers), and
casualty extraction adding less than half again to the parse time (casualties at >= 2 x parse MB/s).
MB/s is counted on CPU time of this process (the machine is shared; wall time is printed beside it).
Figures are printed, never asserted.
"""
from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[1]
FAKES = ROOT.parent / "shared" / "corpus" / "fakes" / "FA-KES-Dataset.csv"
TARGET_WHOLE_MB_S = 2.5
STAGES = ("parse", "casualties", "stances", "whole")


@dataclass
class Timing:
    stage: str
    cpu: float
    wall: float


def fakes_documents(path: Path) -> list:
    """The readable documents of the FA-KES export."""
    from peacetalks.sources.problems import Problem
    from peacetalks.sources.reading import iter_documents

    return [doc for doc in iter_documents(path) if not isinstance(doc, Problem)]


def generated_documents(n: int, seed: int = 0) -> list:
    """n synthetic articles as documents, built in memory (no files written)."""
    from peacetalks.sources.reading import RawDocument
    from peacetalks.synthetic import generate

    return [RawDocument(a.id, f"<generated>/{a.id}.txt", a.text, "utf-8", "") for a in generate(n, seed)]


def stage_functions(docs: list) -> dict[str, Callable[[], object]]:
    """One callable per stage, over all documents; casualties and stances read bodies parsed beforehand."""
    from peacetalks.extract.casualties import extract_casualties
    from peacetalks.extract.document import process_documents
    from peacetalks.parse.page import parse_article
    from peacetalks.tables.pipeline import DEFAULT_CHUNK_SIZE as BATCH  # the articles a worker processes at once
    from peacetalks.extract.stances import extract_stances

    bodies = [(d.id, parse_article(d.text).body) for d in docs]
    return {
        "parse": lambda: [parse_article(d.text) for d in docs],
        "casualties": lambda: [extract_casualties(i, body) for i, body in bodies],
        "stances": lambda: [extract_stances(i, body, None) for i, body in bodies],
        "whole": lambda: [process_documents(docs[i:i + BATCH]) for i in range(0, len(docs), BATCH)],
    }


def time_stage(function: Callable[[], object], repeat: int) -> Timing:
    """The best of `repeat` runs, in CPU and wall seconds."""
    best_cpu = best_wall = float("inf")
    for _ in range(repeat):
        cpu, wall = time.process_time(), time.perf_counter()
        function()
        best_cpu = min(best_cpu, time.process_time() - cpu)
        best_wall = min(best_wall, time.perf_counter() - wall)
    return Timing("", best_cpu, best_wall)


def report(name: str, docs: list, repeat: int) -> None:
    """Print the MB/s of each stage on one corpus."""
    from peacetalks.extract.document import process_document

    megabytes = sum(len(d.text.encode("utf-8", "surrogatepass")) for d in docs) / 1e6
    process_document(docs[0])  # warm-up: compile the codebook and the cue patterns
    functions = stage_functions(docs)
    print(f"\n{name}: {len(docs):,} articles, {megabytes:.2f} MB of text (best of {repeat})")
    header = f"  {'stage':<12} {'cpu s':>7} {'MB/s':>7} {'wall s':>7} {'MB/s':>7}"
    print(header)
    print("  " + "-" * (len(header) - 2))
    timings = {}
    for stage in STAGES:
        t = time_stage(functions[stage], repeat)
        timings[stage] = t
        print(f"  {stage:<12} {t.cpu:7.2f} {megabytes / t.cpu:7.2f} {t.wall:7.2f} {megabytes / t.wall:7.2f}", flush=True)
    parse, casualties, whole = timings["parse"].cpu, timings["casualties"].cpu, timings["whole"].cpu
    print(f"  casualties add {casualties / parse:.0%} to the parse time (target < 50%)")
    print(f"  whole extraction {megabytes / whole:.2f} MB/s per core (target >= {TARGET_WHOLE_MB_S}), "
          f"~{2 * megabytes / whole:.1f} MB/s with 2 workers (target >= {2 * TARGET_WHOLE_MB_S:.0f})")


def profile(stage: str, docs: list, top: int) -> None:
    """cProfile of one stage, sorted by internal time."""
    from peacetalks.extract.document import process_document

    process_document(docs[0])
    function = stage_functions(docs)[stage]
    profiler = cProfile.Profile()
    profiler.runcall(function)
    pstats.Stats(profiler, stream=sys.stdout).sort_stats("tottime").print_stats(top)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--fakes", type=Path, default=FAKES, help="the FA-KES CSV (skipped if absent)")
    parser.add_argument("--generated", type=int, default=2000, help="generated articles (0 to skip; default 2000)")
    parser.add_argument("--repeat", type=int, default=1, help="runs per stage; the best is kept (default 1)")
    parser.add_argument("--profile", choices=STAGES, help="print a cProfile of this stage on FA-KES instead")
    parser.add_argument("--top", type=int, default=25, help="functions listed by --profile (default 25)")
    args = parser.parse_args()

    if args.profile:
        docs = fakes_documents(args.fakes) if args.fakes.exists() else generated_documents(args.generated or 500)
        profile(args.profile, docs, args.top)
        return 0
    if args.fakes.exists():
        report("FA-KES", fakes_documents(args.fakes), args.repeat)
    else:
        print(f"(FA-KES not found at {args.fakes}: skipped)")
    if args.generated:
        report("generated (peacetalks.synthetic, seed 0)", generated_documents(args.generated), args.repeat)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
