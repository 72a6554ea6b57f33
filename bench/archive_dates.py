"""Compare an archive's own date column with the dates its articles print, and say which side to trust.

    python bench/archive_dates.py ../shared/corpus/fakes/FA-KES-Dataset.csv

For every row whose text prints a date in its opening, the printed date is compared with the
archive's column. Where they disagree, a weekday printed beside the date ("Tuesday 20 Sep 2016")
is an independent witness: it is checked against both dates.
"""
from __future__ import annotations

import argparse
import collections
import re
from pathlib import Path

from peacetalks.sources.archives import iter_archive
from peacetalks.extract.document import archive_entry
from peacetalks.parse.dates import WEEKDAYS
from peacetalks.parse.page import parse_article
from peacetalks.sources.problems import Problem

_WEEKDAY = re.compile(r"\b(" + "|".join(day[:3] for day in WEEKDAYS) + r")[a-z]*\b", re.I)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("archive", type=Path)
    parser.add_argument("--show", type=int, default=10, help="how many disagreements to print")
    args = parser.parse_args()

    counts: collections.Counter[str] = collections.Counter()
    witness: collections.Counter[str] = collections.Counter()
    by_source: collections.Counter[str] = collections.Counter()
    examples = []
    for doc in iter_archive(args.archive):
        if isinstance(doc, Problem):
            counts["unreadable"] += 1
            continue
        entry = archive_entry(doc)
        parsed = parse_article(doc.text)
        if entry is None or entry.published is None:
            counts["no date column"] += 1
        elif parsed.printed_date is None:
            counts["no printed date"] += 1
        elif parsed.printed_date.date == entry.published:
            counts["agree"] += 1
        else:
            counts["disagree"] += 1
            by_source[doc.fields.get("source", "?")] += 1
            printed = parsed.printed_date
            opening = doc.text[doc.text.find(printed.text) - 12: doc.text.find(printed.text)] if printed.text in doc.text else ""
            day = _WEEKDAY.search(opening)
            if day:
                named = day.group(1).lower()[:3]
                witness["weekday fits the printed date" if WEEKDAYS[printed.date.weekday()].startswith(named) else
                        "weekday fits the column's date" if WEEKDAYS[entry.published.weekday()].startswith(named) else
                        "weekday fits neither"] += 1
            else:
                witness["no weekday printed"] += 1
            examples.append((doc.id, doc.fields.get("source"), entry.published, printed.date, printed.text))

    print(f"{args.archive}: " + ", ".join(f"{name} {n}" for name, n in counts.most_common()))
    print("disagreements by outlet: " + ", ".join(f"{name} {n}" for name, n in by_source.most_common()))
    print("where they disagree, the printed weekday: " + ", ".join(f"{name} {n}" for name, n in witness.most_common()))
    years = collections.Counter((column.year, printed.year) for _, _, column, printed, _ in examples)
    print("(column year, printed year): " + ", ".join(f"{k} {n}" for k, n in years.most_common(8)))
    for example in examples[: args.show]:
        print("  {0} ({1}): column {2}, printed {3} ({4!r})".format(*example))


if __name__ == "__main__":
    main()
