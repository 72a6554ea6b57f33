"""Analyst review of the machine's stances: a CSV file that confirms, rejects, corrects or adds rows.

The file (`review.csv` beside the articles) has the columns
`article_id, action, actor, issue, polarity, quote, note`:

- confirm  the machine row for that article, actor, issue, polarity and quote is right
           (final `coded_by`: "machine, confirmed");
- reject   the machine row for that article, actor, issue and quote is wrong (polarity may be left
           empty to reject it whatever its polarity); it is dropped;
- correct  the machine row for that article, actor, issue and quote has the wrong polarity: the
           review's polarity replaces it (`coded_by`: "analyst"); to change who or what, reject the
           machine row and add the right one;
- add      a stance the machine missed (`coded_by`: "analyst"), dated by its quote as the machine
           would date it (stances.date_stance); if the machine has since found it, its row is
           confirmed instead. Applying a review twice therefore changes nothing.

A quote matches a machine quote when one contains the other (whitespace aside), so an analyst may
quote a shorter or longer stretch than the machine did. Every review row must quote its article
verbatim (whitespace aside) and name a codebook actor and issue, or the file is refused with an
InputError naming the file, the line and the problem. A confirm, reject or correct that matches no
machine row (the machine's rules may have changed since the review) is reported as a problem, not an
error: a confirm or correct that matches nothing is kept as an analyst row. A reject whose note starts
with SET_ASIDE ("set aside:") is the analyst's standing decision that the sentence holds no such
stance (the review panel writes one for each candidate it is told to reject): matching nothing is
then what it expects, not a problem, and it drops the machine's row if the machine ever codes it.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import pandas as pd
from pydantic import BaseModel, ConfigDict, ValidationInfo, field_validator, model_validator

from peacetalks import tables
from peacetalks.sources.catalog import REVIEW_FILE as REVIEW_FILE  # the file's name, kept with the other analyst files
from peacetalks.sources.catalog import csv_records, read_analyst_text, validated_row
from peacetalks.sources.isodates import iso_date
from peacetalks.extract.codebook import Codebook, load_codebook
from peacetalks.sources.problems import InputError, Problem
from peacetalks.extract.stances import date_stance, find_time

REVIEW_COLUMNS = ["article_id", "action", "actor", "issue", "polarity", "quote", "note"]
ACTIONS = ("confirm", "reject", "correct", "add")
KEY = ["article_id", "actor", "issue", "polarity"]
SET_ASIDE = "set aside:"
"""How the note of a reject row for a candidate (a stance the machine did not code) starts."""


@dataclass(frozen=True)
class ReviewRow:
    """One analyst decision; `line` is its line in the file (the header is line 1)."""

    line: int
    article_id: str
    action: str
    actor: str
    issue: str
    polarity: int | None
    quote: str
    note: str | None


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


class ReviewFileRow(BaseModel):
    """A row of review.csv as the analyst wrote it. Validated with the context `codebook` (its actors and
    issues) and `bodies` (each article's body, whitespace squashed), so a row names a known article,
    actor and issue, and quotes its article verbatim."""

    model_config = ConfigDict(str_strip_whitespace=True, extra="ignore")
    article_id: str
    action: Literal["confirm", "reject", "correct", "add"]
    actor: str
    issue: str
    polarity: Literal[-1, 0, 1] | None = None
    quote: str
    note: str | None = None

    @field_validator("action", mode="before")
    @classmethod
    def _action(cls, value: Any) -> Any:
        value = str(value or "").strip().lower()
        if value not in ACTIONS:
            raise ValueError(f"{value!r} is not one of {', '.join(ACTIONS)}")
        return value

    @field_validator("article_id")
    @classmethod
    def _article(cls, value: str, info: ValidationInfo) -> str:
        if value not in info.context["bodies"]:
            raise ValueError(f"article {value!r} is not in the corpus")
        return value

    @field_validator("actor", "issue")
    @classmethod
    def _in_codebook(cls, value: str, info: ValidationInfo) -> str:
        codebook: Codebook = info.context["codebook"]
        known = codebook.actors if info.field_name == "actor" else codebook.issues
        if value not in known:
            raise ValueError(f"unknown {info.field_name} {value!r} (the codebook has {', '.join(known)})")
        return value

    @field_validator("polarity", mode="before")
    @classmethod
    def _polarity(cls, value: Any) -> Any:
        text = str(value or "").strip()
        if not text:
            return None
        if text not in ("1", "+1", "-1", "0"):
            raise ValueError(f"polarity must be 1, -1 or 0, got {text!r}")
        return int(text)

    @field_validator("note", mode="before")
    @classmethod
    def _note(cls, value: Any) -> Any:
        return None if value is None or not str(value).strip() else value

    @model_validator(mode="after")
    def _quote_and_polarity(self, info: ValidationInfo) -> "ReviewFileRow":
        if self.polarity is None and self.action != "reject":
            raise ValueError("polarity must be 1, -1 or 0 (only a reject may leave it empty)")
        if not self.quote:
            raise ValueError("the quote is empty")
        if _squash(self.quote) not in info.context["bodies"][self.article_id]:
            raise ValueError(f"the quote does not appear verbatim in article {self.article_id}: {self.quote[:80]!r}")
        return self


def load_review(path: str | Path, articles: pd.DataFrame, codebook: Codebook | None = None) -> list[ReviewRow]:
    """The rows of a review file, validated (ReviewFileRow) against the articles' bodies and the codebook."""
    path = Path(path)
    context = {"codebook": codebook or load_codebook(),
               "bodies": {row.id: _squash(row.body or "") for row in articles.itertuples()}}
    text, _warning = read_analyst_text(path)  # a spreadsheet's encoding is read (apply_review reports it)
    records = iter(csv_records(path, text))
    _line, header = next(records, (1, []))
    header = [name.strip() for name in header]
    missing = [c for c in REVIEW_COLUMNS if c not in header]
    if missing:
        raise InputError(f"{path}: missing column(s) {', '.join(missing)} "
                         f"(a review file has the columns {', '.join(REVIEW_COLUMNS)})")
    rows = []
    for line, cells in records:
        raw = {k: (v or "") for k, v in zip(header, cells)}
        if not any(str(raw.get(k, "")).strip() for k in REVIEW_COLUMNS):
            continue
        row = validated_row(ReviewFileRow, raw, path, line, context)
        rows.append(ReviewRow(line, row.article_id, row.action, row.actor, row.issue, row.polarity, row.quote,
                              row.note))
    return rows


def _quotes_match(a: str, b: str) -> bool:
    a, b = _squash(a), _squash(b)
    return bool(a) and bool(b) and (a in b or b in a)


def quotes_match(a: str, b: str) -> bool:
    """Whether two quotes match as the review matches them: one contains the other, whitespace aside."""
    return _quotes_match(a, b)


def machine_status(machine_stances: pd.DataFrame, reviews: list[ReviewRow]) -> list[str | None]:
    """For each machine row (in order), what the review decided: "confirmed", "corrected", "rejected",
    or None when no review row matches it. Rows are matched as `apply_review` matches them; a later
    review row overrides an earlier one. A rejected row whose quote an `add` row of the same article
    quotes again (with another actor, issue or polarity) counts as "corrected": the analyst rejected
    the machine's code and added the right one for the same words."""
    table = machine_stances.reset_index(drop=True)
    status: list[str | None] = [None] * len(table)
    adds = [r for r in reviews if r.action == "add"]
    records = table[["article_id", "actor", "issue", "polarity", "quote"]].to_dict("records")
    by_key: dict[tuple, list[int]] = {}
    for i, row in enumerate(records):
        by_key.setdefault((row["article_id"], row["actor"], row["issue"]), []).append(i)
    for review in reviews:
        for i in by_key.get((review.article_id, review.actor, review.issue), []):
            row = records[i]
            if not _quotes_match(str(row["quote"]), review.quote):
                continue
            if review.action in ("confirm", "reject", "add") and review.polarity is not None \
                    and int(row["polarity"]) != review.polarity:
                continue
            if review.action in ("confirm", "add"):
                status[i] = "confirmed"
            elif review.action == "correct":
                status[i] = "corrected"
            else:
                recoded = any(a.article_id == review.article_id and _quotes_match(a.quote, str(row["quote"]))
                              and (a.actor, a.issue, a.polarity) != (row["actor"], row["issue"], int(row["polarity"]))
                              for a in adds)
                status[i] = "corrected" if recoded else "rejected"
    return status


def date_quote(quote: str, published: dt.date | None, codebook: Codebook) -> tuple[str | None, str]:
    """(as_of, as_of_basis) of an analyst's row, read from its quote as the machine reads a clause."""
    time = find_time(quote, 0, len(quote), len(quote), published)
    earlier = codebook.word_pattern("earlier").search(quote)
    return date_stance(published, time, earlier.group(0) if earlier and time is None else None)


def apply_review(machine_stances: pd.DataFrame, articles: pd.DataFrame, review_path: str | Path,
                 codebook: Codebook | None = None, problems: list[Problem] | None = None) -> pd.DataFrame:
    """The reviewed stances table: the machine's rows with the analyst's decisions applied.

    `coded_by` says who coded each row ("machine", "machine, confirmed" or "analyst"); `note` carries
    the analyst's note. Review rows that match no machine row are appended to `problems` when given.
    """
    codebook = codebook or load_codebook()
    reviews = load_review(review_path, articles, codebook)
    _text, warning = read_analyst_text(Path(review_path))
    if warning is not None and problems is not None:
        problems.append(warning)
    published = dict(zip(articles["id"], articles["published"]))
    table = machine_stances.copy().reset_index(drop=True)
    if "coded_by" not in table:
        table["coded_by"] = "machine"
    keep = pd.Series(True, index=table.index)
    added: list[dict] = []

    def warn(review: ReviewRow, problem: str) -> None:
        if problems is not None:
            problems.append(Problem(str(review_path), f"line {review.line}: {problem}"))

    def published_date(review: ReviewRow) -> dt.date | None:
        """The publication date of the row's article, which dates its quote; one that is no date is an error."""
        value = published.get(review.article_id)
        try:
            return iso_date(value)
        except ValueError as err:
            raise InputError(f"{review_path}, line {review.line}: article {review.article_id}: published: {err}, "
                             "so its quote cannot be dated (correct the article's date)") from None

    def analyst_row(review: ReviewRow, note: str | None) -> dict:
        as_of, basis = date_quote(review.quote, published_date(review), codebook)
        return {"article_id": review.article_id, "actor": review.actor, "issue": review.issue,
                "polarity": review.polarity, "quote": review.quote, "speaker": None, "as_of": as_of,
                "as_of_basis": basis, "coded_by": "analyst", "note": note}

    for review in reviews:
        same = table[(table["article_id"] == review.article_id) & (table["actor"] == review.actor)
                     & (table["issue"] == review.issue)]
        hits = same.index[same["quote"].map(lambda q: _quotes_match(str(q), review.quote)).astype(bool)]
        if review.action in ("confirm", "reject", "add") and review.polarity is not None:
            hits = [i for i in hits if int(table.at[i, "polarity"]) == review.polarity]
        hits = list(hits)
        if review.action == "add":
            # the machine (or an earlier application of this review) already has it: the add confirms it
            for i in hits:
                if str(table.at[i, "coded_by"]).startswith("machine"):
                    table.at[i, "coded_by"] = "machine, confirmed"
            if not hits:
                added.append(analyst_row(review, review.note))
            continue
        if not hits:
            if review.action == "reject" and (review.note or "").startswith(SET_ASIDE):
                continue
            warn(review, f"{review.action} matches no machine row ({review.actor}, {review.issue}, "
                         f"{review.quote[:60]!r})" + ("; kept as an analyst row" if review.action != "reject" else ""))
            if review.action != "reject":
                added.append(analyst_row(review, review.note))
            continue
        for i in hits:
            if review.action == "reject":
                keep[i] = False
            elif review.action == "confirm":
                table.at[i, "coded_by"] = "machine, confirmed"
                table.at[i, "note"] = review.note
            else:
                table.at[i, "polarity"] = review.polarity
                table.at[i, "coded_by"] = "analyst"
                table.at[i, "note"] = review.note
    records = table[keep][tables.STANCE_COLUMNS].to_dict("records") + added
    result = tables.frame(records, tables.STANCE_COLUMNS)
    result["polarity"] = result["polarity"].astype(int)
    return result


@dataclass(frozen=True)
class Agreement:
    """How far the machine's stances agree with the reviewed table, on (article, actor, issue, polarity)."""

    precision: float
    recall: float
    f1: float
    agreed: int
    machine: int
    reviewed: int
    disagreements: pd.DataFrame

    def as_frame(self) -> pd.DataFrame:
        return pd.DataFrame([{
            "precision": self.precision, "recall": self.recall, "f1": self.f1,
            "agreed": self.agreed, "machine": self.machine, "reviewed": self.reviewed,
        }])


def agreement(machine_stances: pd.DataFrame, reviewed_stances: pd.DataFrame) -> Agreement:
    """The machine's precision and recall against the reviewed table (the key of shared/eval/score.py).

    `disagreements` lists each key only one side has: `side` is "machine only" (a false hit) or
    "review only" (a miss).
    """
    def keys(df: pd.DataFrame) -> set[tuple]:
        return {(r.article_id, r.actor, r.issue, int(r.polarity)) for r in df[KEY].itertuples(index=False)}
    machine, reviewed = keys(machine_stances), keys(reviewed_stances)
    agreed = len(machine & reviewed)
    precision = agreed / len(machine) if machine else 1.0
    recall = agreed / len(reviewed) if reviewed else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    rows = [dict(zip(KEY, k), side="machine only") for k in sorted(machine - reviewed)]
    rows += [dict(zip(KEY, k), side="review only") for k in sorted(reviewed - machine)]
    return Agreement(precision, recall, f1, agreed, len(machine), len(reviewed),
                     pd.DataFrame(rows, columns=[*KEY, "side"]))
