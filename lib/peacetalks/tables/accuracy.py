"""How accurate the machine is: its tables against an analyst's review, or against hand-labelled gold sets.

The matching rules are those of the project's scorer (`../shared/eval/score.py`), rewritten here:

- **articles**: a title is right when it equals the gold title after normalising (Unicode NFKC,
  straight quotes, no Markdown marks, one space, case folded, a leading "the" dropped); a source
  when it is one of the gold's accepted sources (null is right where the gold accepts none); a
  publication date when it is the gold date. Precision counts the values the machine gave,
  recall the values the gold has (for dates, those printed in the text: the ones findable).
- **casualties**: a figure is (article, value, kind, subject); figures are counted with their
  repetitions. The war's death toll (`syria_war` + `killed`) is also scored alone.
- **stances**: a stance is (article, actor, issue, polarity), each counted once per article.

`against_review` measures the machine's stances against the reviewed table of a corpus;
`against_gold` extracts the articles beside a `gold.json` and measures all three tables.
Each gives an `Evaluation`: per table, per issue, per actor, per cue, and every miss and false hit.
"""
from __future__ import annotations

import json
import os
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

import pandas as pd

from peacetalks.extract.codebook import Codebook, Cue, load_codebook
from peacetalks.extract.words import fold
from peacetalks.tables.corpus import load_corpus
from peacetalks.sources.yamlfiles import load_yaml

HELD_OUT_PREFIXES = ("pC",)
"""Prefixes of the labelled articles first kept aside from tuning (`../shared/corpus/pages`: pC, events of
2016-2019). They were used to diagnose errors after their untuned figures were recorded in held_out.yaml,
so the chapter measures them apart but no longer calls them untuned; `held_out_rates` gives the record."""
HELD_OUT = Path(__file__).resolve().with_name("held_out.yaml")
SCORE_COLUMNS = ["table", "measure", "precision", "recall", "f1", "right", "gold", "found"]
WAR_TOLL = ("killed", "syria_war")


# --- matching ---------------------------------------------------------------------------------------

def norm(text: Any) -> str:
    """A title or source as the scorer compares them: NFKC, straight quotes, no Markdown marks, one space,
    case folded, without a leading 'the'."""
    if text is None or (isinstance(text, float) and pd.isna(text)):
        return ""
    text = unicodedata.normalize("NFKC", str(text))
    text = text.translate({0x2019: "'", 0x2018: "'", 0x201C: '"', 0x201D: '"'})
    text = re.sub(r"[*#`_]", "", text)
    text = re.sub(r"\s+", " ", text).strip().casefold()
    return re.sub(r"^the ", "", text)


@dataclass(frozen=True)
class Score:
    """Right answers against what the gold holds and what the machine found."""

    right: int
    gold: int
    found: int

    @property
    def precision(self) -> float:
        return self.right / self.found if self.found else (1.0 if not self.gold else 0.0)

    @property
    def recall(self) -> float:
        return self.right / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @classmethod
    def of(cls, gold: Counter, found: Counter) -> Score:
        return cls(sum((gold & found).values()), sum(gold.values()), sum(found.values()))


def _row(table: str, measure: str, score: Score) -> dict[str, Any]:
    return {"table": table, "measure": measure, "precision": round(score.precision, 3),
            "recall": round(score.recall, 3), "f1": round(score.f1, 3),
            "right": score.right, "gold": score.gold, "found": score.found}


def _value(value: Any) -> Any:
    return None if value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NA else value


# --- which cue fired ----------------------------------------------------------------------------------

def _cue_text(cue: Cue) -> str:
    """The cue as codebook.yaml writes it (its phrase), else its pattern; at most 90 characters."""
    source = cue.written or cue.pattern
    source = " ".join(str(source).split())
    return source if len(source) <= 90 else source[:87] + "…"


def cue_of(codebook: Codebook, issue: str, polarity: int, quote: Any) -> tuple[str, str]:
    """The cue of the codebook that the quote of a stance matches (its name and phrase), found again by matching
    the issue's cues against the quote: a cue of the stance's polarity first, then one reversed by a negator.
    The stances table does not record the cue, so ("no cue in the quote", "") when none matches."""
    folded = fold("" if _value(quote) is None else str(quote))
    cues = codebook.issues[issue].cues if issue in codebook.issues else ()
    for same in (True, False):
        for index, cue in enumerate(cues):
            if (cue.polarity == polarity) == same and cue.folded.search(folded):  # (its `needs` may lie outside the quote)
                return f"{issue} #{index + 1}" + ("" if same else " (negated)"), _cue_text(cue)
    return "no cue in the quote", ""


# --- an evaluation -------------------------------------------------------------------------------------

@dataclass
class Evaluation:
    """The machine measured against one reference (an analyst's review, or a gold set)."""

    name: str
    articles: int
    tables: pd.DataFrame
    by_issue: pd.DataFrame
    by_actor: pd.DataFrame
    cues: pd.DataFrame
    misses: pd.DataFrame
    notes: list[str] = field(default_factory=list)
    held_out: bool = False
    """True when every article measured is one first held out from tuning (`HELD_OUT_PREFIXES`)."""

    def score(self, table: str, measure: str = "all") -> dict[str, Any] | None:
        """One row of `tables` as a dict, or None."""
        rows = self.tables[(self.tables["table"] == table) & (self.tables["measure"] == measure)]
        return rows.iloc[0].to_dict() if len(rows) else None


STANCE_KEY = ["article_id", "actor", "issue", "polarity"]


def _stance_keys(frame: pd.DataFrame) -> set[tuple]:
    return {(str(r.article_id), str(r.actor), str(r.issue), int(r.polarity))
            for r in frame[STANCE_KEY].itertuples(index=False)}


def _quotes(frame: pd.DataFrame) -> dict[tuple, str]:
    quotes: dict[tuple, str] = {}
    for row in frame.itertuples(index=False):
        key = (str(row.article_id), str(row.actor), str(row.issue), int(row.polarity))
        quote = _value(getattr(row, "quote", None))
        if quote is not None and key not in quotes:
            quotes[key] = str(quote)
    return quotes


def _stance_parts(gold: pd.DataFrame, machine: pd.DataFrame, codebook: Codebook
                  ) -> tuple[dict[str, Any], pd.DataFrame, pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """The stance scores: overall, per issue, per actor, per cue, and each stance only one side has."""
    gold_keys, found_keys = _stance_keys(gold), _stance_keys(machine)
    overall = _row("stances", "all", Score(len(gold_keys & found_keys), len(gold_keys), len(found_keys)))
    loose = lambda keys: {k[:3] for k in keys}  # noqa: E731 - actor and issue, any polarity
    gl, fl = loose(gold_keys), loose(found_keys)
    rows = [overall, _row("stances", "actor and issue, any polarity", Score(len(gl & fl), len(gl), len(fl)))]

    def split(position: int, ids: Iterable[str], label: str) -> pd.DataFrame:
        out = []
        for value in ids:
            g = {k for k in gold_keys if k[position] == value}
            f = {k for k in found_keys if k[position] == value}
            if g or f:
                score = Score(len(g & f), len(g), len(f))
                out.append({label: value, "precision": round(score.precision, 3), "recall": round(score.recall, 3),
                            "f1": round(score.f1, 3), "right": score.right, "gold": score.gold, "found": score.found})
        return pd.DataFrame(out, columns=[label, "precision", "recall", "f1", "right", "gold", "found"])

    issues = list(codebook.issues) + sorted({k[2] for k in gold_keys | found_keys} - set(codebook.issues))
    actors = list(codebook.actors) + sorted({k[1] for k in gold_keys | found_keys} - set(codebook.actors))
    by_issue, by_actor = split(2, issues, "issue"), split(1, actors, "actor")

    found_quotes, gold_quotes = _quotes(machine), _quotes(gold)
    fired: dict[tuple[str, str], list[bool]] = {}
    for key in sorted(found_keys):
        cue = cue_of(codebook, key[2], key[3], found_quotes.get(key))
        fired.setdefault(cue, []).append(key in gold_keys)
    cues = pd.DataFrame([{"cue": name, "as written": pattern, "fires": len(hits), "right": sum(hits),
                          "precision": round(sum(hits) / len(hits), 3)}
                         for (name, pattern), hits in fired.items()],
                        columns=["cue", "as written", "fires", "right", "precision"])
    cues = cues.sort_values(["fires", "cue"], ascending=[False, True], kind="stable").reset_index(drop=True)

    misses = [{"table": "stances", "side": "missed", "article_id": k[0], "what": f"{k[1]} {k[2]} {k[3]:+d}",
               "text": gold_quotes.get(k, "")} for k in sorted(gold_keys - found_keys)]
    misses += [{"table": "stances", "side": "false hit", "article_id": k[0], "what": f"{k[1]} {k[2]} {k[3]:+d}",
                "text": found_quotes.get(k, "")} for k in sorted(found_keys - gold_keys)]
    return rows, by_issue, by_actor, cues, pd.DataFrame(misses, columns=MISS_COLUMNS)


MISS_COLUMNS = ["table", "side", "article_id", "what", "text"]


def against_review(machine: pd.DataFrame, reviewed: pd.DataFrame, codebook: Codebook | None = None,
                   name: str = "the analyst's review") -> Evaluation:
    """The machine's stances against the reviewed table (the review covers stances only)."""
    codebook = codebook or load_codebook()
    rows, by_issue, by_actor, cues, misses = _stance_parts(reviewed, machine, codebook)
    articles = len(set(reviewed["article_id"]) | set(machine["article_id"]))
    return Evaluation(name, articles, pd.DataFrame(rows, columns=SCORE_COLUMNS), by_issue, by_actor, cues, misses,
                      ["The review covers stances only: the articles and casualty tables are not reviewed."])


def _frame(records: list[dict], columns: list[str]) -> pd.DataFrame:
    return pd.DataFrame(records, columns=columns)


def gold_articles(path: str | Path) -> list[dict[str, Any]]:
    """The labelled articles of a gold file (`{"articles": [...]}`)."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return list(data["articles"])


def articles_beside(gold: str | Path) -> Path:
    """Where the articles of a gold file are: its folder's `articles/`, else its folder."""
    folder = Path(gold).parent
    return folder / "articles" if (folder / "articles").is_dir() else folder


def against_gold(gold: list[dict[str, Any]], tables: Any, name: str, codebook: Codebook | None = None,
                 held_out: bool = False) -> Evaluation:
    """The machine's three tables (`tables`, as `load_corpus` gives them) against gold labels, on the gold's articles."""
    codebook = codebook or load_codebook()
    ids = {g["id"] for g in gold}
    found_articles = {str(r["id"]): r for r in tables.articles.to_dict("records")}
    rows: list[dict[str, Any]] = []
    misses: list[dict[str, Any]] = []

    # articles: title, source, date
    titles = Counter(); sources = Counter(); dates = Counter()  # noqa: E702
    for g in gold:
        p = found_articles.get(g["id"], {})
        title = _value(p.get("title"))
        if g.get("title") is not None:
            titles["gold"] += 1
            titles["found"] += title is not None
            if norm(title) == norm(g["title"]):
                titles["right"] += 1
            else:
                misses.append({"table": "articles", "side": "wrong title" if title else "missed title",
                               "article_id": g["id"], "what": f"want {g['title']!r}", "text": title or ""})
        accept = g.get("source_accept") or [g.get("source")]
        source = _value(p.get("source"))
        right = norm(source) in {norm(a) for a in accept}
        sources["gold"] += any(a is not None for a in accept)
        sources["found"] += source is not None
        sources["right"] += right and source is not None
        if not right:
            misses.append({"table": "articles", "side": "wrong source" if source else "missed source",
                           "article_id": g["id"], "what": f"want {accept[0]!r}", "text": source or ""})
        want, got = g.get("published"), _value(p.get("published"))
        got = str(got)[:10] if got is not None else None
        findable = g.get("date_basis") == "text" or (g.get("date_basis") == "url" and g.get("url_in_text"))
        dates["gold"] += bool(findable and want)
        dates["found"] += got is not None
        dates["right"] += got is not None and got == want
        if got is not None and got != want:
            misses.append({"table": "articles", "side": "wrong date", "article_id": g["id"],
                           "what": f"want {want}", "text": got})
        elif findable and got != want:
            misses.append({"table": "articles", "side": "missed date", "article_id": g["id"],
                           "what": f"want {want}", "text": ""})
    for measure, counts in (("title", titles), ("source", sources), ("date", dates)):
        rows.append(_row("articles", measure, Score(counts["right"], counts["gold"], counts["found"])))

    # casualties: (article, value, kind, subject), with repetitions
    def ckey(article_id: str, c: dict[str, Any]) -> tuple:
        return (article_id, int(c["value"]), c["kind"], c["subject"])

    gold_c = Counter(ckey(g["id"], c) for g in gold for c in g.get("casualties", []))
    found_rows = [c for c in tables.casualties.to_dict("records") if c["article_id"] in ids and _value(c.get("value")) is not None]
    found_c = Counter(ckey(str(c["article_id"]), c) for c in found_rows)
    rows.append(_row("casualties", "all", Score.of(gold_c, found_c)))
    war = lambda c: Counter({k: n for k, n in c.items() if k[2:] == WAR_TOLL})  # noqa: E731
    rows.append(_row("casualties", "the war's death toll", Score.of(war(gold_c), war(found_c))))
    gold_sentences = {ckey(g["id"], c): c.get("sentence") or "" for g in gold for c in g.get("casualties", [])}
    found_sentences = {ckey(str(c["article_id"]), c): _value(c.get("sentence")) or "" for c in found_rows}
    for side, keys, sentences in (("missed", gold_c - found_c, gold_sentences),
                                  ("false hit", found_c - gold_c, found_sentences)):
        for k in sorted(keys.elements()):
            misses.append({"table": "casualties", "side": side, "article_id": k[0],
                           "what": f"{k[1]:,} {k[2]} {k[3]}", "text": sentences.get(k, "")})

    # stances
    gold_stances = _frame([{"article_id": g["id"], **s} for g in gold for s in g.get("stances", [])],
                          [*STANCE_KEY, "quote"])
    machine = tables.machine_stances if getattr(tables, "machine_stances", None) is not None else tables.stances
    machine = machine[machine["article_id"].isin(ids)]
    stance_rows, by_issue, by_actor, cues, stance_misses = _stance_parts(gold_stances, machine, codebook)
    rows.extend(stance_rows)
    all_misses = pd.concat([_frame(misses, MISS_COLUMNS), stance_misses], ignore_index=True)
    return Evaluation(name, len(gold), pd.DataFrame(rows, columns=SCORE_COLUMNS), by_issue, by_actor, cues, all_misses,
                      held_out=held_out)


# --- the labelled sets -------------------------------------------------------------------------------------

def repository() -> Path | None:
    """The project's folder (the one holding pyproject.toml and notebooks/), from this module or the working folder."""
    here, cwd = Path(__file__).resolve(), Path.cwd().resolve()
    for folder in [*here.parents, cwd, *cwd.parents]:
        if (folder / "pyproject.toml").is_file() and (folder / "notebooks").is_dir():
            return folder
    return None


WRITTEN_PAGES = Path("tests") / "labelled" / "written_pages" / "gold.json"
"""The project's own labelled set, in the repository: pages written for it in the styles of many outlets."""


def default_labelled() -> list[Path]:
    """The project's own labelled pages (`WRITTEN_PAGES`), then the gold files of `../shared/corpus/*/gold.json`
    beside the repository, those that are there."""
    repo = repository()
    if repo is None:
        return []
    own = [repo / WRITTEN_PAGES] if (repo / WRITTEN_PAGES).is_file() else []
    return own + sorted((repo.parent / "shared" / "corpus").glob("*/gold.json"))


def labelled_sets(labelled: list[str] | None = None) -> list[Path]:
    """The gold files to measure on: those given (None: `default_labelled()`), each that exists."""
    paths = default_labelled() if labelled is None else [Path(p) for p in labelled]
    return [p for p in paths if p.is_file()]


def shown_path(path: str | Path) -> str:
    """A path as the report shows it: relative to the repository (`../shared/...`), never this machine's absolute path."""
    repo = repository()
    path = Path(path).resolve()
    if repo is not None:
        return Path(os.path.relpath(path, repo)).as_posix()
    return path.name


def measure(gold_path: str | Path, codebook: Codebook | None = None) -> list[Evaluation]:
    """A gold file's evaluations: on all its articles, then on the part first held out from tuning (`HELD_OUT_PREFIXES`) when there is one."""

    gold = gold_articles(gold_path)
    tables = load_corpus(articles_beside(gold_path))
    codebook = codebook or load_codebook()
    label = shown_path(gold_path)
    results = [against_gold(gold, tables, f"{label}: all {len(gold)} articles", codebook)]
    held_out = [g for g in gold if str(g["id"]).startswith(HELD_OUT_PREFIXES)]
    if held_out and len(held_out) < len(gold):
        results.append(against_gold(held_out, tables, f"{label}: the {len(held_out)} articles first held out "
                                    f"({', '.join(HELD_OUT_PREFIXES)}; tuned on since their untuned figures were recorded)",
                                    codebook, held_out=True))
    return results


def held_out_rates(path: str | Path = HELD_OUT) -> dict[str, Any]:
    """The error rates measured on text the rules had not been tuned on, as recorded in held_out.yaml (the
    latest entry), for the index page's methods; `measured` False when nothing is recorded."""

    entries = (load_yaml(path) or {}).get("measurements") or [] if Path(path).is_file() else []
    if not entries:
        return {"measured": False, "where": "", "rows": [], "note": "", "from_other_conflicts": {}}
    latest = entries[-1]
    return {"measured": True, "where": latest["where"], "code": latest.get("code"),
            "when": str(latest.get("measured")), "tuned_since": latest.get("tuned_since"),
            "rows": list(latest.get("rows") or []), "note": latest.get("note") or "",
            "from_other_conflicts": dict(latest.get("from_other_conflicts") or {})}


# --- for the accuracy notebook ---------------------------------------------------------------------------

def has_review(tables: Any) -> bool:
    """Whether an analyst reviewed the corpus's stances (some row confirmed, corrected or added, or one rejected)."""
    machine = getattr(tables, "machine_stances", None)
    stances = tables.stances
    if machine is None:
        return False
    return bool((stances["coded_by"].fillna("machine") != "machine").any()) or _stance_keys(machine) != _stance_keys(stances)


def review_line(evaluation: Evaluation, reviewed: bool = True) -> str:
    """One line on the machine against the review: precision and recall, or why there is nothing to measure."""
    if not reviewed:
        return ("No analyst review in this corpus (no `review.csv`): every stance is the machine's, unchecked, "
                "so nothing measures it here.")
    score = evaluation.score("stances")
    if score is None or not (score["gold"] or score["found"]):
        return "No stance in this period, from the machine or the review: nothing to measure."
    return (f"Against the analyst's review, the machine's stances have **precision {score['precision']:.2f}** "
            f"({score['right']:,} of its {score['found']:,} stances kept) and **recall {score['recall']:.2f}** "
            f"({score['right']:,} of the {score['gold']:,} reviewed stances found by itself).")


def labelled_line(paths: list[Path], labelled: list[str] | None = None) -> str:
    """Which labelled sets the chapter measures on, or a line saying none was found."""
    if paths:
        return "Measured on " + ", ".join(f"`{shown_path(p)}`" for p in paths) + "."
    if labelled is None:
        return ("No labelled set found (`../shared/corpus/*/gold.json` beside the repository is absent): "
                "the machine is not measured on hand-labelled articles here.")
    return ("None of the labelled sets given exists (" + ", ".join(f"`{p}`" for p in labelled) + "): "
            "the machine is not measured on hand-labelled articles here." if labelled else
            "No labelled set given (`labelled = []`): the machine is not measured on hand-labelled articles here.")


def side_by_side(evaluations: list[Evaluation], part: str) -> pd.DataFrame:
    """One part of several evaluations (`tables`, `by_issue`, `by_actor`, `cues` or `misses`) in one frame,
    with the set each row was measured on first."""
    frames = [getattr(e, part).assign(measured_on=e.name) for e in evaluations]
    if not frames:
        return pd.DataFrame()
    frame = pd.concat(frames, ignore_index=True)
    return frame[["measured_on", *[c for c in frame.columns if c != "measured_on"]]]


def source_note(evaluations: list[Evaluation]) -> str:
    """The line under the accuracy chart: what each panel was measured on, and how many articles."""
    if not evaluations:
        return "Source: nothing measured; coded by peacetalks."
    parts = [f"{e.name.split(': ')[0]} ({e.articles:,} articles)" for e in evaluations if not e.held_out]
    return "Source: " + "; ".join(parts) + "; coded by peacetalks."
