"""How much of a careful reader's stances the review queue puts in front of the analyst.

    python bench/review_coverage.py [ARTICLES] [GOLD.json] [--per-article N]

For each group of articles (by id prefix: pA+pB, pC, all), prints the share of gold stances
(article, actor, issue) that the machine's rows or the queue's candidates cover, the share the
machine alone covers, and the candidates listed per gold stance. Defaults: the shared page corpus.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "lib"))

from peacetalks.tables import candidates  # noqa: E402
from peacetalks import load_corpus

SHARED = ROOT.parent / "shared" / "corpus" / "pages"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("articles", nargs="?", default=str(SHARED / "articles"))
    parser.add_argument("gold", nargs="?", default=str(SHARED / "gold.json"))
    parser.add_argument("--per-article", type=int, default=candidates.PER_ARTICLE)
    parser.add_argument("--groups", default="pA,pB;pC;", help="semicolon-separated groups of id prefixes ('' = all)")
    args = parser.parse_args()

    started = time.perf_counter()
    corpus = load_corpus(args.articles)
    queue = candidates.review_queue(corpus, review_path=Path("/nonexistent/review.csv"), per_article=args.per_article)
    seconds = time.perf_counter() - started
    gold = json.load(open(args.gold, encoding="utf-8"))["articles"]
    machine = corpus.machine_stances
    machine_keys = set(zip(machine["article_id"], machine["actor"], machine["issue"]))
    cands = queue[queue["kind"] == "candidate"]
    print(f"{len(corpus.articles)} articles, {len(machine)} machine rows, {len(cands)} candidates "
          f"(at most {args.per_article} per article), in {seconds:.1f} s")
    for group in args.groups.split(";"):
        prefixes = tuple(p for p in group.split(",") if p) or ("",)
        ids = {g["id"] for g in gold if g["id"].startswith(prefixes)}
        keys = {(g["id"], s["actor"], s["issue"]) for g in gold if g["id"] in ids for s in g.get("stances", [])}
        mine = cands[cands["article_id"].isin(ids)]
        cand_keys = set(zip(mine["article_id"], mine["actor"], mine["issue"]))
        by_machine = len(keys & machine_keys)
        by_either = len(keys & (machine_keys | cand_keys))
        name = "+".join(prefixes) if prefixes != ("",) else "all"
        print(f"{name:6s} {len(ids):3d} articles, {len(keys):3d} gold stances (article, actor, issue): "
              f"machine {by_machine / len(keys):.2f}, machine + candidates {by_either / len(keys):.2f}; "
              f"{len(mine)} candidates = {len(mine) / len(keys):.2f} per gold stance, "
              f"{(by_either - by_machine)} of them right")
    return 0


if __name__ == "__main__":
    sys.exit(main())
