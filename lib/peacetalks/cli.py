"""The `peacetalks` command: extract the tables from a corpus, or build the report.

Each command imports only what it needs: `peacetalks report` with nothing to rebuild must
answer in a fraction of a second, and pandas and pyarrow alone take longer than that to load.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from peacetalks.sources.problems import InputError
from peacetalks.sources.reading import DEFAULT_MAX_BYTES

COMMANDS = ("extract", "report", "review")


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The argument parser; with `command`, only that command's options are loaded in full."""
    parser = argparse.ArgumentParser(
        prog="peacetalks",
        description="Read news articles on the diplomacy of the Syrian war into tables "
        "(articles, casualty figures, stances) and build the report.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    extract = commands.add_parser(
        "extract", help="read a corpus and print or write its tables",
        description="Read every .txt, .html and .htm article in DIR, or every row of a CSV / JSON Lines export, with the "
        "analyst files catalog.csv, events.csv and review.csv beside them, and output the articles, "
        "casualties, stances and problems tables.",
    )
    extract.add_argument("corpus", type=Path, metavar="DIR", help="folder of .txt and .html articles, or a .csv / .jsonl export")
    output = extract.add_mutually_exclusive_group(required=True)
    output.add_argument("--json", action="store_true", help="print all tables as one JSON object on stdout")
    output.add_argument("--csv", type=Path, metavar="OUTDIR", help="write one CSV per table into OUTDIR")
    output.add_argument("--out", type=Path, metavar="TABLES",
                        help="stream the tables as Parquet files into TABLES (for large corpora; resumable)")
    extract.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES,
                         help=f"skip (and report) files larger than this (default {DEFAULT_MAX_BYTES:,})")
    report_parser = commands.add_parser(
        "report", help="execute the notebooks and render the HTML report",
        description="Execute every notebook in notebooks/ with papermill and render reports/index.html.",
    )
    review_parser = commands.add_parser(
        "review", help="list what the analyst should review: the machine's unreviewed stances and candidates",
        description="Write the review queue of a corpus as CSV: per article, the machine's stances that review.csv "
        "does not decide yet (kind machine), then the sentences the machine did not code that may hold a stance "
        "(kind candidate), likeliest first, with a suggested actor, issue, polarity and quote.",
    )
    review_parser.add_argument("corpus", type=Path, metavar="CORPUS", help="folder of .txt articles, or a .csv / .jsonl export")
    review_parser.add_argument("--queue", type=Path, metavar="OUT.csv", required=True,
                               help="where to write the queue (- for standard output)")
    review_parser.add_argument("--review", type=Path, metavar="REVIEW.csv",
                               help="the review file whose decisions leave the queue (default: review.csv beside the articles)")
    review_parser.add_argument("--per-article", type=int, metavar="N",
                               help="at most N candidates per article (default: candidates.PER_ARTICLE, 15)")
    if command in (None, "extract"):
        from peacetalks.tables import pipeline

        pipeline.add_arguments(extract)
    if command in (None, "report"):
        from peacetalks.report import build as report

        report.add_arguments(report_parser)
    return parser


def run_extract(args: argparse.Namespace) -> int:
    from peacetalks.tables.corpus import load_corpus

    corpus = load_corpus(args.corpus, max_bytes=args.max_bytes)
    for problem in corpus.problems.itertuples():
        print(f"peacetalks: {problem.file}: {problem.problem}", file=sys.stderr)
    if args.json:
        json.dump(corpus.to_dict(), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        for path in corpus.write_csv(args.csv):
            print(f"wrote {path}", file=sys.stderr)
    if corpus.articles.empty:
        print(f"peacetalks: {args.corpus}: no article could be read", file=sys.stderr)
        return 1
    return 0


def run_review(args: argparse.Namespace) -> int:
    from peacetalks.tables import candidates
    from peacetalks.tables.corpus import load_corpus

    corpus = load_corpus(args.corpus)
    if corpus.articles.empty:
        print(f"peacetalks: {args.corpus}: no article could be read", file=sys.stderr)
        return 1
    per_article = candidates.PER_ARTICLE if args.per_article is None else args.per_article
    queue = candidates.review_queue(corpus, args.review, per_article=per_article)
    candidates.write_queue(queue, sys.stdout if str(args.queue) == "-" else args.queue)
    kinds = queue["kind"].value_counts()
    print(f"review queue: {kinds.get('machine', 0)} unreviewed machine rows and {kinds.get('candidate', 0)} candidates "
          f"in {len(corpus.articles)} articles" + ("" if str(args.queue) == "-" else f", written to {args.queue}"),
          file=sys.stderr)
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run a command; Ctrl-C stops it with one line and exit code 130, an error of the system (a folder
    that cannot be written, a disk full) with one line naming the file, never a traceback."""
    try:
        return _main(argv)
    except KeyboardInterrupt:
        print("peacetalks: interrupted (Ctrl-C); nothing was replaced: the last tables and report are as they were",
              file=sys.stderr, flush=True)
        return 130
    except OSError as err:
        where = f"{err.filename}: " if err.filename else ""
        print(f"peacetalks: {where}{err.strerror or err}", file=sys.stderr, flush=True)
        return 2


def _main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    command = next((word for word in argv if word in COMMANDS), None)
    args = build_parser(command).parse_args(argv)
    try:
        if args.command == "report":
            from peacetalks.report import build as report

            return report.run(args)
        if args.command == "review":
            return run_review(args)
        if args.out is not None:
            from peacetalks.tables import pipeline

            return pipeline.run(args)
        return run_extract(args)
    except InputError as err:
        print(f"peacetalks: {err}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # the reader of our output went away (| head): not an error to report
        sys.stderr.close()
        return 0
    except OSError as err:  # a folder that cannot be written, a full disk: say which, in one line
        where = f"{err.filename}: " if err.filename else ""
        print(f"peacetalks: {where}{err.strerror or err}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
