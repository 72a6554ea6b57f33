"""Extraction speed and memory: MB/s, articles/s and peak memory of `peacetalks extract --out`.

Runs the real command (a subprocess, as a user runs it) on FA-KES and on generated corpora of
1,000, 10,000 and 100,000 articles, with 1 and 2 worker processes, and samples the memory of
the whole process tree (main process, workers). Then times each stage in one process on a
sample (reading, parsing, casualty figures, stances) to show where the time goes.

    python bench/bench_extract.py            # FA-KES, 1k, 10k, 100k articles; 1 and 2 workers
    python bench/bench_extract.py --quick    # FA-KES, 200 and 1,000 articles
    python bench/bench_extract.py --sizes 5000 --workers 2

Targets (issue 6, on a 2-core machine): at least 5 MB/s of text through the whole extraction with
2 workers, time growing linearly with the corpus, peak memory under 1 GB at 100,000 articles.
Generated corpora are cached in --cache (default: a folder in the system's temp directory).
"""
from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FAKES = ROOT.parent / "shared" / "corpus" / "fakes" / "FA-KES-Dataset.csv"
TARGET_MB_S = 5.0
TARGET_PEAK_MB = 1024


@dataclass
class Corpus:
    name: str
    path: Path
    articles: int
    text_bytes: int


@dataclass
class Run:
    corpus: Corpus
    workers: int
    seconds: float
    peak_mb: float
    peak_how: str
    returncode: int
    load: float
    cpu_seconds: float

    @property
    def mb_s(self) -> float:
        return self.corpus.text_bytes / 1e6 / self.seconds

    @property
    def articles_s(self) -> float:
        return self.corpus.articles / self.seconds


def measure(path: Path, name: str) -> Corpus:
    """Count the articles of a corpus and the bytes of their text, as the extraction reads them."""
    from peacetalks.sources.problems import Problem
    from peacetalks.sources.reading import iter_documents

    articles = text_bytes = 0
    for doc in iter_documents(path):
        if not isinstance(doc, Problem):
            articles += 1
            text_bytes += len(doc.text.encode("utf-8", "surrogatepass"))
    return Corpus(name, path, articles, text_bytes)


def generated(n: int, cache: Path, seed: int = 0) -> Path:
    """A generated corpus of n articles, written once into the cache and reused."""
    from peacetalks.synthetic import write_corpus

    folder = cache / f"synthetic-{n}-seed{seed}"
    truth = folder / "truth.json"
    if truth.exists():
        with truth.open(encoding="utf-8") as handle:
            head = handle.read(200)
        if f'"n": {n},' in head and len(list(folder.glob("*.txt"))) == n:
            return folder
        shutil.rmtree(folder)
    started = time.perf_counter()
    write_corpus(n, folder, seed=seed)
    print(f"  (generated {n:,} articles in {time.perf_counter() - started:.0f} s into {folder})", flush=True)
    return folder


def sample_tree(process, cpu: dict[int, float]) -> int:
    """Resident memory of a process and all its descendants, in bytes; records each one's CPU time in `cpu`."""
    import psutil

    total = 0
    for proc in [process] + process.children(recursive=True):
        try:
            with proc.oneshot():
                total += proc.memory_info().rss
                times = proc.cpu_times()
                cpu[proc.pid] = times.user + times.system
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            pass
    return total


def watch_tree(process: subprocess.Popen, cpu: dict[int, float]) -> int:
    """Until `process` ends, sample its tree every 0.1 s (see `sample_tree`); the peak resident bytes."""
    import psutil

    watched, peak = psutil.Process(process.pid), 0
    while process.poll() is None:
        try:
            peak = max(peak, sample_tree(watched, cpu))
        except psutil.NoSuchProcess:
            break
        time.sleep(0.1)
    return peak


def run_extract(corpus: Corpus, workers: int, scratch: Path) -> Run:
    """`peacetalks extract CORPUS --out TMP --workers N` from scratch; wall time and peak memory of its process tree."""
    out = scratch / f"out-{corpus.name}-{workers}"
    shutil.rmtree(out, ignore_errors=True)
    command = [sys.executable, "-m", "peacetalks.cli", "extract", str(corpus.path), "--out", str(out),
               "--workers", str(workers)]
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    peak, how = 0, "process tree, sampled every 0.1 s (psutil)"
    cpu: dict[int, float] = {}
    try:
        peak = watch_tree(process, cpu)
    except ImportError:
        how = "largest single process (getrusage; install psutil for the whole tree)"
    _, stderr = process.communicate()
    seconds = time.perf_counter() - started
    if how.startswith("largest"):
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    if process.returncode != 0:
        print(f"  extract failed ({process.returncode}):\n{stderr[-2000:]}", file=sys.stderr)
    shutil.rmtree(out, ignore_errors=True)
    return Run(corpus, workers, seconds, peak / 2**20, how, process.returncode, os.getloadavg()[0],
               sum(cpu.values()))


def stages(corpus: Corpus, sample: int) -> list[tuple[str, float]]:
    """MB/s of each stage in this process, on the first `sample` articles of a corpus."""
    from peacetalks.extract.casualties import extract_casualties
    from peacetalks.extract.document import process_document, process_documents
    from peacetalks.parse.page import parse_article
    from peacetalks.tables.pipeline import DEFAULT_CHUNK_SIZE as batch
    from peacetalks.sources.problems import Problem
    from peacetalks.sources.reading import article_files, iter_documents, read_document
    from peacetalks.extract.stances import extract_stances

    # the folder is listed before the clock starts: `read` is the reading of the sample, not of a
    # listing of 100,000 names (timed with the whole run above)
    documents = (iter_documents(corpus.path) if corpus.path.is_file()
                 else (read_document(path) for path in article_files(corpus.path)[:sample]))
    started = time.perf_counter()
    docs = []
    for doc in documents:
        if not isinstance(doc, Problem):
            docs.append(doc)
        if len(docs) >= sample:
            break
    read = time.perf_counter() - started
    megabytes = sum(len(d.text.encode("utf-8", "surrogatepass")) for d in docs) / 1e6
    process_document(docs[0])  # load the codebook and cue lists before timing

    def timed(function) -> float:
        began = time.perf_counter()
        function()
        return time.perf_counter() - began

    parsed = []
    parse = timed(lambda: parsed.extend(parse_article(d.text) for d in docs))
    casualties = timed(lambda: [extract_casualties(d.id, p.body) for d, p in zip(docs, parsed)])
    stance = timed(lambda: [extract_stances(d.id, p.body, None) for d, p in zip(docs, parsed)])
    whole = timed(lambda: [process_documents(docs[i:i + batch]) for i in range(0, len(docs), batch)])
    return [(name, megabytes / seconds if seconds else float("inf")) for name, seconds in
            [("read", read), ("parse", parse), ("casualties", casualties), ("stances", stance),
             ("all (process_documents, as the workers run it)", whole)]]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="small corpora only (200 and 1,000 articles)")
    parser.add_argument("--sizes", help="comma-separated numbers of generated articles (default 1000,10000,100000)")
    parser.add_argument("--workers", default="1,2", help="comma-separated worker counts (default 1,2)")
    parser.add_argument("--fakes", type=Path, default=FAKES, help="the FA-KES CSV (skipped if absent)")
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "peacetalks-bench",
                        help="where generated corpora are kept between runs")
    parser.add_argument("--sample", type=int, default=300, help="articles timed per stage (default 300)")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")] if args.sizes else ([200, 1000] if args.quick
                                                                         else [1000, 10_000, 100_000])
    worker_counts = [int(w) for w in args.workers.split(",")]
    args.cache.mkdir(parents=True, exist_ok=True)

    corpora = []
    if args.fakes.exists():
        corpora.append(measure(args.fakes, "FA-KES"))
    else:
        print(f"(FA-KES not found at {args.fakes}: skipped)")
    for n in sizes:
        corpora.append(measure(generated(n, args.cache), f"generated {n:,}"))

    print(f"\npeacetalks extract --out: whole extraction from scratch (read, extract, write Parquet), "
          f"machine with {len(os.sched_getaffinity(0))} cores\n"
          f"(CPU s: CPU time of the whole process tree, sampled; load: the machine's 1-minute load average\n"
          f" when the run ended: above the core count, other programs were competing for the cores)")
    header = f"{'corpus':<18} {'articles':>9} {'MB':>8} {'workers':>7} {'seconds':>9} {'MB/s':>7} " \
             f"{'articles/s':>10} {'peak MB':>8} {'CPU s':>7} {'load':>5}"
    print(header)
    print("-" * len(header))
    runs: list[Run] = []
    with tempfile.TemporaryDirectory(prefix="peacetalks-bench-") as scratch:
        for corpus in corpora:
            for workers in worker_counts:
                run = run_extract(corpus, workers, Path(scratch))
                runs.append(run)
                flag = "" if run.returncode == 0 else "  FAILED"
                print(f"{corpus.name:<18} {corpus.articles:>9,} {corpus.text_bytes / 1e6:>8.1f} {workers:>7} "
                      f"{run.seconds:>9.1f} {run.mb_s:>7.2f} {run.articles_s:>10.1f} {run.peak_mb:>8.0f} {run.cpu_seconds:>7.1f} {run.load:>5.1f}{flag}",
                      flush=True)
    print(f"(peak memory: {runs[0].peak_how})" if runs else "")

    print(f"\nper stage, one process, first {args.sample} articles (MB/s of article text):")
    for corpus in corpora[:2]:
        figures = "   ".join(f"{name} {rate:.2f}" for name, rate in stages(corpus, args.sample))
        print(f"  {corpus.name:<18} {figures}")

    print("\ntargets:")
    best = [r for r in runs if r.workers == 2 and r.returncode == 0]
    for run in best:
        print(f"  >= {TARGET_MB_S} MB/s with 2 workers on {run.corpus.name}: "
              f"{'met' if run.mb_s >= TARGET_MB_S else 'NOT met'} ({run.mb_s:.2f} MB/s)")
    if best:
        with tempfile.TemporaryDirectory(prefix="peacetalks-bench-") as scratch:
            tiny = Path(scratch) / "one"
            tiny.mkdir()
            (tiny / "one.txt").write_text("Talks in Geneva\n\nSome 250,000 people have been killed.\n", encoding="utf-8")
            fixed = run_extract(measure(tiny, "one article"), 2, Path(scratch)).seconds
        print(f"  (fixed cost of a run with 2 workers, from start to finish on one article: {fixed:.1f} s; "
              f"it weighs on small corpora)")
    generated_runs = [r for r in runs if r.corpus.name.startswith("generated") and r.returncode == 0]
    for workers in worker_counts:
        series = sorted((r for r in generated_runs if r.workers == workers), key=lambda r: r.corpus.articles)
        if len(series) > 1:
            per_article = ", ".join(f"{r.corpus.articles:,}: {1000 * r.seconds / r.corpus.articles:.2f} ms"
                                    for r in series)
            print(f"  linear growth, {workers} worker(s), time per article: {per_article}")
    largest = max((r for r in runs if r.returncode == 0), key=lambda r: r.corpus.articles, default=None)
    if largest is not None:
        peak = max(r.peak_mb for r in runs if r.corpus is largest.corpus)
        verdict = "met" if peak < TARGET_PEAK_MB else "NOT met"
        print(f"  peak memory < {TARGET_PEAK_MB} MB at {largest.corpus.articles:,} articles: {verdict} ({peak:.0f} MB)")
    return 0 if all(r.returncode == 0 for r in runs) else 1


if __name__ == "__main__":
    sys.exit(main())
