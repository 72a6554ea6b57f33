"""Shifts: how each actor's position on each issue moved over time, with the quotes on both sides.

`sequence` orders the stances of each actor and issue by `as_of`; `shifts` lists the points where the
polarity changes between consecutive stances:

- "reverses": from +1 to -1 or back;
- "softens":  from a firm position (+1 or -1) to a mixed one (0);
- "firms":    from a mixed position (0) to a firm one.

A stance that its article places earlier without a date ("having at first refused ...", "has
eased its conditions for ...") carries the publication date as `as_of` (see stances.py); it sorts
before the article's other stances of that date, and it is compared only with stances of its own
article, since its true date, and so its place among other articles, is unknown. Among one article's
other stances of one date, a mixed one (0) sorts before firm ones: an article that reports a softening
("has grown more open to a deal") and then a firm step ("we will send a delegation ...") reads in that order. Stances without
`as_of` (publication date unknown) are left out.
"""
from __future__ import annotations

import pandas as pd

from peacetalks.extract.stances import EARLIER_BASIS

SEQUENCE_COLUMNS = ["actor", "issue", "as_of", "polarity", "article_id", "quote", "coded_by", "earlier_undated"]
SHIFT_COLUMNS = [
    "actor", "issue", "change", "from_polarity", "to_polarity", "from_as_of", "to_as_of",
    "from_article", "to_article", "from_quote", "to_quote", "within_article",
]


def change_kind(before: int, after: int) -> str | None:
    """The name of a move from one polarity to another, or None when there is no move."""
    if before == after:
        return None
    if before != 0 and after != 0:
        return "reverses"
    return "softens" if after == 0 else "firms"


def sequence(stances: pd.DataFrame) -> pd.DataFrame:
    """The stances with a date, ordered by actor, issue, `as_of` and article (undated-earlier, then mixed, then firm; then table order)."""
    table = stances[stances["as_of"].notna()].copy()
    table["earlier_undated"] = table["as_of_basis"].fillna("").str.startswith(EARLIER_BASIS)
    table["_order"] = range(len(table))
    table["_rank"] = (~table["earlier_undated"]).astype(int) + (table["polarity"].astype(int) != 0).astype(int)
    table = table.sort_values(["actor", "issue", "as_of", "article_id", "_rank", "_order"], kind="stable")
    table["polarity"] = table["polarity"].astype(int)
    return table[SEQUENCE_COLUMNS].reset_index(drop=True)


def shifts(stances: pd.DataFrame) -> pd.DataFrame:
    """One row per change of polarity between consecutive stances of an actor on an issue."""
    rows = []
    for (actor, issue), steps in sequence(stances).groupby(["actor", "issue"], sort=True):
        last_dated = None
        previous = None
        for step in steps.itertuples(index=False):
            if step.earlier_undated:
                before = previous if previous is not None and previous.article_id == step.article_id else None
            elif previous is not None and previous.earlier_undated and previous.article_id == step.article_id:
                before = previous
            else:
                before = last_dated
            if before is not None:
                kind = change_kind(int(before.polarity), int(step.polarity))
                if kind:
                    rows.append({
                        "actor": actor, "issue": issue, "change": kind,
                        "from_polarity": int(before.polarity), "to_polarity": int(step.polarity),
                        "from_as_of": before.as_of, "to_as_of": step.as_of,
                        "from_article": before.article_id, "to_article": step.article_id,
                        "from_quote": before.quote, "to_quote": step.quote,
                        "within_article": before.article_id == step.article_id,
                    })
            previous = step
            if not step.earlier_undated:
                last_dated = step
    return pd.DataFrame(rows, columns=SHIFT_COLUMNS)
