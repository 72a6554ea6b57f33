"""The `peacetalks` command: extract the tables from a corpus, or build the report."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from . import pipeline, report
from .corpus import load_corpus
from .problems import InputError
from .reading import DEFAULT_MAX_BYTES


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="peacetalks",
        description="Read news articles on the diplomacy of the Syrian war into tables "
        "(articles, casualty figures, stances) and build the report.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    extract = commands.add_parser(
        "extract", help="read a corpus folder and print or write its tables",
        description="Read every .txt article in DIR (with the analyst files catalog.csv, events.csv "
        "and review.csv beside them) and output the articles, casualties, stances and problems tables.",
    )
    extract.add_argument("corpus", type=Path, metavar="DIR", help="folder of .txt articles")
    output = extract.add_mutually_exclusive_group(required=True)
    output.add_argument("--json", action="store_true", help="print all tables as one JSON object on stdout")
    output.add_argument("--csv", type=Path, metavar="OUTDIR", help="write one CSV per table into OUTDIR")
    output.add_argument("--out", type=Path, metavar="TABLES",
                        help="stream the tables as Parquet files into TABLES (for large corpora; resumable)")
    extract.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES,
                         help=f"skip (and report) files larger than this (default {DEFAULT_MAX_BYTES:,})")
    pipeline.add_arguments(extract)
    report_parser = commands.add_parser(
        "report", help="execute the notebooks and render the HTML report",
        description="Execute every notebook in notebooks/ with papermill and render reports/index.html.",
    )
    report.add_arguments(report_parser)
    return parser


def run_extract(args: argparse.Namespace) -> int:
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


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.command == "report":
            return report.run(args)
        if args.out is not None:
            return pipeline.run(args)
        return run_extract(args)
    except InputError as err:
        print(f"peacetalks: {err}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
