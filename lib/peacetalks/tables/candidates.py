"""The review queue: the machine's stances no one has reviewed yet, and the sentences it did not code that may hold one.

A **candidate** is a sentence that names an actor (a codebook name or speaker) together with one of
an issue's words (`candidate_words.yaml`), for an actor and issue the machine did not code in that
article. It is scored by what makes a stance likelier there: a position word ("rejected", "backs",
"undecided"), a speaker or a word of speech, the actor named close to the issue word, named first
(the sentence's likely subject) and among few others; an actor named only in the sentence either side
(who "he" or a quotation may be) scores less, and so does a sentence with only a weak word of the
issue. Each article keeps its best sentence per actor and issue scoring at least `MIN_SCORE`, at most
`PER_ARTICLE` of them, so that reviewing is quicker than rereading. The
polarity suggested is that of the position word nearest the issue word (+1 when there is none).

The queue (`review_queue`) lists, per article, the machine's unreviewed rows first (`kind`
"machine", score 1.0), then the candidates by score (`kind` "candidate"). A decision in the review
file takes an item out for good: a machine row that a review row matches (as review.py matches
them), and any candidate for an article, actor and issue that a review row already names.

Nothing here codes a stance: a candidate becomes a row of the stances table only when an analyst
adds it to the review file.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import IO, Any, Iterable

import pandas as pd
import yaml

from peacetalks.schema import FORMULA_STARTS
from peacetalks.sources.catalog import REVIEW_FILE
from peacetalks.sources.yamlfiles import load_yaml
from peacetalks.extract.codebook import Codebook, load_codebook
from peacetalks.sources.problems import InputError
from peacetalks.sources.reading import analyst_folder
from peacetalks.tables.review import ReviewRow, load_review, machine_status, quotes_match
from peacetalks.sentences import split_sentences

WORDS_PATH = Path(__file__).resolve().with_name("candidate_words.yaml")
QUEUE_COLUMNS = ["article_id", "kind", "actor", "issue", "polarity", "quote", "score"]
PER_ARTICLE = 15
"""At most this many candidates per article (the machine's own rows are always listed)."""
MACHINE_SCORE = 1.0
WEAK_BONUS = 0.15
"""Added to a candidate's score when the sentence has one of the issue's words, not only a weak one."""
MIN_SCORE = 0.4
"""Candidates scoring less are not listed (on pA+pB pages: as many gold stances found, 7% fewer candidates)."""


@dataclass(frozen=True)
class IssueWords:
    issue: str
    pattern: re.Pattern[str]
    requires: str | None
    weak: re.Pattern[str] | None = None


@dataclass(frozen=True)
class Words:
    """The compiled word lists of candidate_words.yaml."""

    issues: tuple[IssueWords, ...]
    positions: tuple[tuple[int, re.Pattern[str]], ...]
    speech: re.Pattern[str]
    examples: dict[str, tuple[str, ...]]


def words_pattern(words: Iterable[str]) -> re.Pattern[str]:
    """A case-insensitive pattern of plain words and phrases on word boundaries; a word ending in * takes any ending."""
    parts = []
    for word in sorted(set(words), key=len, reverse=True):
        parts.append(r"\s+".join(re.escape(w.rstrip("*")) + (r"[\w'’-]*" if w.endswith("*") else "")
                                  for w in word.split()))
    return re.compile(r"(?<![\w])(?:" + "|".join(parts) + r")(?![\w])", re.IGNORECASE)


def _word_list(entry: Any, where: str, path: Path) -> tuple[list[str], tuple[str, ...]]:
    if not isinstance(entry, dict) or not isinstance(entry.get("words"), list) or not entry["words"]:
        raise InputError(f"{path}: {where}: expected a mapping with a non-empty list `words`")
    words = entry["words"]
    for i, word in enumerate(words):
        if not isinstance(word, str) or not word.strip() or any("*" in w[:-1] for w in word.split()):
            raise InputError(f"{path}: {where}.words[{i}]: expected a plain word or phrase (a * only at the end of a word), got {word!r}")
    examples = entry.get("examples") or []
    if not isinstance(examples, list) or not all(isinstance(e, str) for e in examples):
        raise InputError(f"{path}: {where}.examples: expected a list of sentences")
    return words, tuple(examples)


@lru_cache(maxsize=4)
def load_words(path: str | Path | None = None, codebook_path: str | Path | None = None) -> Words:
    """The candidate words, validated against the codebook's issues and actors."""
    path = Path(path) if path else WORDS_PATH
    codebook = load_codebook(codebook_path)
    try:
        data = load_yaml(path)
    except (OSError, yaml.YAMLError) as err:
        raise InputError(f"{path}: cannot read the candidate words: {err}") from None
    if not isinstance(data, dict):
        raise InputError(f"{path}: expected a mapping with issues, positions and speech")
    examples: dict[str, tuple[str, ...]] = {}
    issues = []
    for issue, entry in (data.get("issues") or {}).items():
        if issue not in codebook.issues:
            raise InputError(f"{path}: issues.{issue}: not an issue of the codebook ({', '.join(codebook.issues)})")
        words, examples[f"issues.{issue}"] = _word_list(entry, f"issues.{issue}", path)
        requires = entry.get("requires")
        if requires is not None and requires not in codebook.actors:
            raise InputError(f"{path}: issues.{issue}.requires: unknown actor {requires!r}")
        weak = None
        if entry.get("weak") is not None:
            weak_words, _ = _word_list({"words": entry["weak"]}, f"issues.{issue}.weak", path)
            weak = words_pattern(weak_words)
        issues.append(IssueWords(issue, words_pattern(words), requires, weak))
    positions = []
    for polarity, entry in (data.get("positions") or {}).items():
        if str(polarity) not in ("1", "-1", "0"):
            raise InputError(f"{path}: positions.{polarity}: a polarity is 1, -1 or 0")
        words, examples[f"positions.{polarity}"] = _word_list(entry, f"positions.{polarity}", path)
        positions.append((int(polarity), words_pattern(words)))
    words, examples["speech"] = _word_list(data.get("speech"), "speech", path)
    return Words(tuple(issues), tuple(positions), words_pattern(words), examples)


@dataclass(frozen=True)
class Candidate:
    article_id: str
    actor: str
    issue: str
    polarity: int
    quote: str
    score: float


def _distance(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, max(a[0], b[0]) - min(a[1], b[1]))


def article_candidates(article_id: str, body: str, covered: set[tuple[str, str]], codebook: Codebook | None = None,
                       words: Words | None = None, per_article: int = PER_ARTICLE) -> list[Candidate]:
    """The best sentence of `body` for each actor and issue not in `covered`, best first, at most `per_article`."""
    codebook = codebook or load_codebook()
    words = words or load_words()
    best: dict[tuple[str, str], Candidate] = {}
    sentences = split_sentences(body or "")
    named = [list(dict.fromkeys(m.actor for m in codebook.mentions(s.text))) for s in sentences]
    for index, sentence in enumerate(sentences):
        text = sentence.text
        mentions = codebook.mentions(text)
        # who "he", "it" or a quotation may be: the actors the sentences either side name
        around = (named[index - 1] if index else []) + (named[index + 1] if index + 1 < len(named) else [])
        if not mentions and not around:
            continue
        issue_hits = []
        for iw in words.issues:
            strong = [m.span() for m in iw.pattern.finditer(text)]
            weak = [m.span() for m in iw.weak.finditer(text)] if iw.weak is not None else []
            if strong or weak:
                issue_hits.append((iw, strong, weak))
        if not issue_hits:
            continue
        positions = [(polarity, m.span()) for polarity, pattern in words.positions for m in pattern.finditer(text)]
        speech = bool(words.speech.search(text)) or any(m.speaker for m in mentions)
        actors = list(dict.fromkeys(m.actor for m in mentions))
        carried = [a for a in dict.fromkeys(around) if a not in actors]
        for iw, strong_spans, weak_spans in issue_hits:
            if iw.requires and iw.requires not in actors:
                continue
            for rank, actor in enumerate(actors + carried):
                if actor == iw.requires or (actor, iw.issue) in covered:
                    continue
                places = [(m.start, m.end) for m in mentions if m.actor == actor]
                def own(span: tuple[int, int]) -> bool:  # a word inside the actor's own name ("Assad")
                    return any(p[0] <= span[0] and span[1] <= p[1] for p in places)
                spans = [s for s in strong_spans if not own(s)]
                strong = bool(spans)
                spans = spans or [s for s in weak_spans if not own(s)]
                if not spans:
                    continue
                if places:
                    near = min(_distance(p, s) for p in places for s in spans)
                    score = 0.2 + 0.15 / (1 + near / 40)
                else:  # named in the sentence before or after
                    score = 0.1
                polarity = 1
                if positions:
                    closest = min(positions, key=lambda p: min(_distance(p[1], s) for s in spans))
                    polarity = closest[0]
                    score += 0.3
                if speech:
                    score += 0.1
                if strong:
                    score += WEAK_BONUS
                if rank == 0:
                    score += 0.1
                score -= 0.04 * min(len(actors) - 1, 3)
                if index < 3:
                    score += 0.05
                score = round(min(score, 0.99), 3)
                key = (actor, iw.issue)
                if key not in best or score > best[key].score:
                    best[key] = Candidate(article_id, actor, iw.issue, polarity, text, score)
    ranked = sorted((c for c in best.values() if c.score >= MIN_SCORE), key=lambda c: -c.score)
    return ranked[:per_article]


def default_review_path(corpus: Any) -> Path:
    """The review file of a corpus: review.csv beside its articles."""
    return analyst_folder(Path(corpus.root)) / REVIEW_FILE


def read_reviews(corpus: Any, review_path: str | Path | None = None, codebook: Codebook | None = None) -> list[ReviewRow]:
    """The review file's rows (none when the file does not exist)."""
    path = Path(review_path) if review_path is not None else default_review_path(corpus)
    return load_review(path, corpus.articles, codebook) if path.exists() else []


def review_queue(corpus: Any, review_path: str | Path | None = None, per_article: int = PER_ARTICLE,
                 codebook: Codebook | None = None, words: Words | None = None,
                 reviews: list[ReviewRow] | None = None) -> pd.DataFrame:
    """The queue of `corpus` (a `Corpus`): per article, its unreviewed machine rows, then its candidates."""
    codebook = codebook or load_codebook()
    words = words or load_words()
    if reviews is None:
        reviews = read_reviews(corpus, review_path, codebook)
    machine = corpus.machine_stances if corpus.machine_stances is not None else corpus.stances
    machine = machine.reset_index(drop=True)
    status = machine_status(machine, reviews)
    named = {(r.article_id, r.actor, r.issue) for r in reviews}
    rows: list[dict] = []
    by_article = {aid: group for aid, group in machine.assign(review_status=status).groupby("article_id", sort=False)}
    for article in corpus.articles.itertuples():
        group = by_article.get(article.id)
        covered = set(named_pairs(named, article.id))
        if group is not None:
            covered |= set(zip(group["actor"], group["issue"]))
            for row in group.itertuples():
                if row.review_status is None:
                    rows.append({"article_id": article.id, "kind": "machine", "actor": row.actor, "issue": row.issue,
                                 "polarity": int(row.polarity), "quote": row.quote, "score": MACHINE_SCORE})
        for c in article_candidates(article.id, article.body or "", covered, codebook, words, per_article):
            rows.append({"article_id": c.article_id, "kind": "candidate", "actor": c.actor, "issue": c.issue,
                         "polarity": c.polarity, "quote": c.quote, "score": c.score})
    return pd.DataFrame(rows, columns=QUEUE_COLUMNS)


def named_pairs(named: set[tuple[str, str, str]], article_id: str) -> list[tuple[str, str]]:
    return [(actor, issue) for aid, actor, issue in named if aid == article_id]


def review_state(corpus: Any, review_path: str | Path | None = None, per_article: int = PER_ARTICLE,
                 codebook: Codebook | None = None, article_ids: Iterable[str] | None = None) -> pd.DataFrame:
    """Per article: the machine's rows, how many are confirmed, corrected, rejected or still unreviewed,
    the rows analysts added, and the candidates still in the queue; a last row `all` sums them.
    With `article_ids` (the articles of a period), only those articles, and `all` sums them alone."""
    codebook = codebook or load_codebook()
    reviews = read_reviews(corpus, review_path, codebook)
    machine = corpus.machine_stances if corpus.machine_stances is not None else corpus.stances
    machine = machine.reset_index(drop=True)
    status = pd.Series(machine_status(machine, reviews), index=machine.index, dtype=object)
    queue = review_queue(corpus, review_path, per_article, codebook, reviews=reviews)
    matched_adds = _adds_matching_machine(machine, reviews)
    rows = []
    wanted = None if article_ids is None else set(article_ids)
    for article in corpus.articles.itertuples():
        if wanted is not None and article.id not in wanted:
            continue
        mine = status[machine["article_id"] == article.id]
        rows.append({
            "article_id": article.id,
            "machine rows": len(mine),
            "confirmed": int((mine == "confirmed").sum()),
            "corrected": int((mine == "corrected").sum()),
            "rejected": int((mine == "rejected").sum()),
            "unreviewed": int(mine.isna().sum()),
            "added by analyst": sum(1 for i, r in enumerate(reviews)
                                    if r.article_id == article.id and r.action == "add" and i not in matched_adds),
            "candidates left": int(((queue["article_id"] == article.id) & (queue["kind"] == "candidate")).sum()),
        })
    table = pd.DataFrame(rows, columns=["article_id", "machine rows", "confirmed", "corrected", "rejected",
                                        "unreviewed", "added by analyst", "candidates left"])
    if len(table):
        total = table.drop(columns="article_id").sum().to_dict()
        table = pd.concat([table, pd.DataFrame([{"article_id": "all", **total}])], ignore_index=True)
    return table


def _adds_matching_machine(machine: pd.DataFrame, reviews: list[ReviewRow]) -> set[int]:
    """Indexes of the `add` rows that the machine has found itself (they confirm its row)."""
    found = set()
    for i, r in enumerate(reviews):
        if r.action != "add":
            continue
        same = machine[(machine["article_id"] == r.article_id) & (machine["actor"] == r.actor)
                       & (machine["issue"] == r.issue) & (machine["polarity"].astype(int) == r.polarity)]
        if any(quotes_match(q, r.quote) for q in same["quote"]):
            found.add(i)
    return found


_NUMBER = re.compile(r"^[+-]?\d+(?:\.\d+)?$")


def safe_cell(value: Any) -> Any:
    """A cell a spreadsheet shows as text, never runs as a formula: a text starting with = + - @
    (or a tab or carriage return) gets a leading '. Plain numbers (-1) are left as they are."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS) and not _NUMBER.match(value):
        return "'" + value
    return value


def write_queue(queue: pd.DataFrame, out: IO[str] | str | Path) -> None:
    """The queue as CSV (QUEUE_COLUMNS), every cell formula-safe."""
    def write(handle: IO[str]) -> None:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(QUEUE_COLUMNS)
        for row in queue[QUEUE_COLUMNS].itertuples(index=False):
            writer.writerow([safe_cell(v) for v in row])
    if isinstance(out, (str, Path)):
        with open(out, "w", encoding="utf-8", newline="") as handle:
            write(handle)
    else:
        write(out)
