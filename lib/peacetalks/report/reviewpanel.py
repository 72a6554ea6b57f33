"""The review panel: the review queue in JupyterLab, one card at a time (ipywidgets).

Each card shows an item of the queue (`candidates.review_queue`): the article's sentence with the
sentences either side, the quote highlighted, and the suggested code in three drop-downs (actor,
issue, polarity) and a text field (the quote, which may be narrowed to any verbatim stretch of the
article). The buttons:

- **Confirm** writes the code as the card shows it: for a machine row, `confirm` (unchanged), or
  `correct` (the polarity changed), or `reject` + `add` (the actor or issue changed, or the quote no
  longer overlaps the machine's); for a candidate, `add`.
- **Reject** writes `reject` (the machine row is dropped; a candidate is set aside for good).
- **Skip** moves the card to the end of the queue; nothing is written.
- **Undo** puts the review file back as it was before the last decision, byte for byte, and shows
  that card again.

Every decision is written to the review file at once and atomically (a temporary file beside it,
flushed to disk, then `os.replace`), in the format review.py reads, so a killed kernel or a closed
tab loses at most the decision being made. Before each write the panel checks that the file is
still what it last read or wrote (by a hash of its bytes); if another program or person edited it
meanwhile, nothing is written, the message says so, and the panel takes the file as it now is.
Decisions in the file, whoever made them, take their items out of the queue for good.

The buttons are ordinary buttons: Tab moves between them and Enter or Space presses one. With the
cursor in the `keys` field, one key decides: c confirm, r reject, s skip, u undo.
Article text reaches the page only HTML-escaped.
"""
from __future__ import annotations

import csv
import hashlib
import html
import io
import os
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import ipywidgets as widgets

from peacetalks.tables import candidates
from peacetalks.extract.codebook import Codebook, load_codebook
from peacetalks.sources.problems import InputError
from peacetalks.tables.review import REVIEW_COLUMNS, SET_ASIDE, ReviewRow, load_review, machine_status, quotes_match
from peacetalks.sentences import split_sentences
from peacetalks.tables.corpus import load_corpus

POLARITIES = [("supports (+1)", 1), ("opposes (-1)", -1), ("mixed or undecided (0)", 0)]


class ConcurrentEdit(Exception):
    """The review file changed on disk since the panel last read or wrote it."""


def _digest(content: bytes | None) -> str | None:
    return None if content is None else hashlib.sha256(content).hexdigest()


class ReviewFile:
    """A review file written atomically, and only over the content it was last seen with."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.digest = _digest(self.read())

    def read(self) -> bytes | None:
        try:
            return self.path.read_bytes()
        except FileNotFoundError:
            return None

    def changed(self) -> bool:
        """Whether the file on disk is no longer what this object last read or wrote."""
        return _digest(self.read()) != self.digest

    def resync(self) -> bytes | None:
        """Take the file as it is now."""
        content = self.read()
        self.digest = _digest(content)
        return content

    def replace(self, content: bytes | None) -> None:
        """Write `content` (None: remove the file) in place of the file, atomically; raises
        ConcurrentEdit, writing nothing, when the file changed since it was last seen."""
        if self.changed():
            raise ConcurrentEdit(str(self.path))
        if content is None:
            self.path.unlink(missing_ok=True)
        else:
            fd, temp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp", dir=self.path.parent)
            try:
                with os.fdopen(fd, "wb") as handle:
                    handle.write(content)
                    handle.flush()
                    os.fsync(handle.fileno())
                os.replace(temp, self.path)
            except BaseException:
                Path(temp).unlink(missing_ok=True)
                raise
        self.digest = _digest(content)

    def appended(self, rows: list[dict[str, Any]]) -> tuple[bytes | None, bytes]:
        """(the content now, the content with `rows` appended), in the file's line endings; a new
        file starts with the header."""
        before = self.read()
        text = before.decode("utf-8-sig") if before else ""
        newline = "\r\n" if "\r\n" in text else "\n"
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator=newline)
        if not text.strip():
            writer.writerow(REVIEW_COLUMNS)
        for row in rows:
            writer.writerow(["" if row.get(c) is None else row.get(c) for c in REVIEW_COLUMNS])
        prefix = before or b""
        if prefix and not prefix.endswith(b"\n"):
            prefix += newline.encode()
        return before, prefix + buffer.getvalue().encode("utf-8")


@dataclass
class Item:
    """One card of the queue."""

    article_id: str
    kind: str
    actor: str
    issue: str
    polarity: int
    quote: str
    score: float
    decided: bool = False


@dataclass
class _Done:
    """What undo needs: the file's content before the decision, and the card it decided."""

    before: bytes | None
    after_digest: str | None
    item: int
    rows: list[dict[str, Any]] = field(default_factory=list)


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def find_quote(body: str, quote: str) -> tuple[int, int] | None:
    """Where `quote` stands in `body`, whitespace aside."""
    words = quote.split()
    if not words:
        return None
    match = re.search(r"\s+".join(map(re.escape, words)), body)
    return match.span() if match else None


def card_html(body: str, quote: str, title: str | None = None, before: int = 1, after: int = 1) -> str:
    """The quote's sentence with `before` and `after` sentences around it, the quote marked; every
    piece of article text HTML-escaped."""
    span = find_quote(body, quote)
    if span is None:
        return f"<p><mark>{html.escape(quote)}</mark></p>"
    sentences = split_sentences(body)
    inside = [i for i, s in enumerate(sentences) if s.start < span[1] and s.end > span[0]] or [0]
    lo, hi = max(0, inside[0] - before), min(len(sentences), inside[-1] + after + 1)
    start = min(span[0], sentences[lo].start) if sentences else span[0]
    end = max(span[1], sentences[hi - 1].end) if sentences else span[1]
    text = (html.escape(body[start:span[0]]) + "<mark>" + html.escape(body[span[0]:span[1]]) + "</mark>"
            + html.escape(body[span[1]:end]))
    text = re.sub(r"\n\s*\n", "<br><br>", text)
    heading = f"<p><b>{html.escape(title)}</b></p>" if title else ""
    return f'{heading}<p style="line-height:1.5">{text}</p>'


class ReviewPanel:
    """The queue of a corpus as cards, each decision written to the review file at once."""

    def __init__(self, corpus: Any, review_file: str | Path | None = None,
                 per_article: int = candidates.PER_ARTICLE, codebook: Codebook | None = None):
        if isinstance(corpus, (str, Path)):
            corpus = load_corpus(corpus)
        self.corpus = corpus
        self.codebook = codebook or load_codebook()
        self.file = ReviewFile(review_file if review_file is not None else candidates.default_review_path(corpus))
        self.bodies = {row.id: row.body or "" for row in corpus.articles.itertuples()}
        self.titles = {row.id: row.title for row in corpus.articles.itertuples()}
        queue = candidates.review_queue(corpus, self.file.path, per_article, self.codebook)
        self.items = [Item(r.article_id, r.kind, r.actor, r.issue, int(r.polarity), r.quote, float(r.score))
                      for r in queue.itertuples(index=False)]
        self.order = list(range(len(self.items)))  # the cards still to decide, the current one first
        self.history: list[_Done] = []
        self._build()
        self._show()

    # --- widgets -----------------------------------------------------------------------------
    def _build(self) -> None:
        self.header = widgets.HTML()
        self.card = widgets.HTML()
        self.actor = widgets.Dropdown(description="actor", options=[(a.label, a.id) for a in self.codebook.actors.values()])
        self.issue = widgets.Dropdown(description="issue", options=[(i.label, i.id) for i in self.codebook.issues.values()])
        self.polarity = widgets.Dropdown(description="polarity", options=POLARITIES)
        self.quote = widgets.Textarea(description="quote", layout=widgets.Layout(width="100%", height="5em"))
        self.note = widgets.Text(description="note", placeholder="optional: why", layout=widgets.Layout(width="100%"))
        self.confirm_button = widgets.Button(description="Confirm", button_style="success", tooltip="write the code as shown")
        self.reject_button = widgets.Button(description="Reject", button_style="danger", tooltip="no such stance here")
        self.skip_button = widgets.Button(description="Skip", tooltip="decide later")
        self.undo_button = widgets.Button(description="Undo", button_style="warning", tooltip="take back the last decision")
        self.keys = widgets.Text(description="keys", continuous_update=True,
                                 placeholder="type here: c confirm · r reject · s skip · u undo")
        self.keys.observe(self._on_key, names="value")
        self.message = widgets.HTML()
        self.confirm_button.on_click(lambda _b: self.confirm())
        self.reject_button.on_click(lambda _b: self.reject())
        self.skip_button.on_click(lambda _b: self.skip())
        self.undo_button.on_click(lambda _b: self.undo())
        self.widget = widgets.VBox([
            self.header, self.card,
            widgets.HBox([self.actor, self.issue, self.polarity]), self.quote, self.note,
            widgets.HBox([self.confirm_button, self.reject_button, self.skip_button, self.undo_button, self.keys]),
            self.message,
        ])

    KEYS = {"c": "confirm", "r": "reject", "s": "skip", "u": "undo"}

    def _on_key(self, change: dict) -> None:
        """A key typed into the keys field: c, r, s or u does what its button does; the field is cleared."""
        typed = change["new"]
        if not typed:
            return
        self.keys.value = ""
        action = self.KEYS.get(typed[-1].lower())
        if action:
            getattr(self, action)()

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        return self.widget._repr_mimebundle_(**kwargs)

    @property
    def current(self) -> Item | None:
        return self.items[self.order[0]] if self.order else None

    @property
    def remaining(self) -> int:
        return len(self.order)

    def _say(self, text: str, kind: str = "info") -> None:
        colour = {"info": "#333", "error": "#b00020"}[kind]
        self.message.value = f'<p style="color:{colour}">{html.escape(text)}</p>' if text else ""

    def _show(self) -> None:
        item = self.current
        self.undo_button.disabled = not self.history
        for button in (self.confirm_button, self.reject_button, self.skip_button):
            button.disabled = item is None
        if item is None:
            self.header.value = "<p><b>The queue is empty</b>: every machine row and candidate has been decided.</p>"
            self.card.value = ""
            return
        what = "the machine's stance" if item.kind == "machine" else "a candidate the machine did not code"
        self.header.value = (f"<p>{self.remaining} left · article <code>{html.escape(item.article_id)}</code> · "
                             f"{what} (score {item.score:.2f})</p>")
        self.card.value = card_html(self.bodies.get(item.article_id, ""), item.quote, self.titles.get(item.article_id))
        self.actor.value, self.issue.value, self.polarity.value = item.actor, item.issue, item.polarity
        self.quote.value = item.quote
        self.note.value = ""

    # --- decisions ---------------------------------------------------------------------------
    def _row(self, action: str, actor: str, issue: str, polarity: int | None, quote: str, note: str | None) -> dict:
        return {"article_id": self.current.article_id, "action": action, "actor": actor, "issue": issue,
                "polarity": "" if polarity is None else str(polarity), "quote": quote, "note": note or ""}

    def _write(self, rows: list[dict[str, Any]]) -> bool:
        """Append `rows` to the review file; False (and a message) when the file changed meanwhile."""
        before, after = self.file.appended(rows)
        try:
            self.file.replace(after)
        except ConcurrentEdit:
            self._refresh()
            self._say(f"{self.file.path.name} was changed by someone else since the panel read it: this "
                      "decision was NOT written, so as not to overwrite that edit. The panel has taken the file "
                      "as it is now; decide this card again.", "error")
            return False
        except OSError as err:
            self._say(f"could not write {self.file.path}: {err}", "error")
            return False
        index = self.order.pop(0)
        self.items[index].decided = True
        self.history.append(_Done(before, self.file.digest, index, rows))
        self._say("")
        self._show()
        return True

    def _refresh(self) -> None:
        """Take the file as it now is: forget undo (it would overwrite the other edit) and drop the
        cards its decisions cover."""
        self.file.resync()
        self.history.clear()
        try:
            reviews = load_review(self.file.path, self.corpus.articles, self.codebook) if self.file.path.exists() else []
        except InputError:
            reviews = []  # a half-written edit: its rows count once it is readable
        self.order = [i for i in self.order if not _decided(self.items[i], reviews)]
        self._show()

    def confirm(self) -> bool:
        """Write the card's code as the drop-downs and the quote field show it."""
        item = self.current
        if item is None:
            return False
        quote, note = self.quote.value.strip(), self.note.value.strip() or None
        if not quote or _squash(quote) not in _squash(self.bodies.get(item.article_id, "")):
            self._say("The quote must be a verbatim stretch of the article (whitespace aside); nothing was written.",
                      "error")
            return False
        actor, issue, polarity = self.actor.value, self.issue.value, self.polarity.value
        if item.kind == "candidate":
            rows = [self._row("add", actor, issue, polarity, quote, note)]
        elif (actor, issue) == (item.actor, item.issue) and quotes_match(quote, item.quote):
            action = "confirm" if polarity == item.polarity else "correct"
            rows = [self._row(action, actor, issue, polarity, quote, note)]
        else:
            rows = [self._row("reject", item.actor, item.issue, item.polarity, item.quote,
                              f"recoded as {actor}, {issue}, {polarity:+d}"),
                    self._row("add", actor, issue, polarity, quote, note)]
        return self._write(rows)

    def reject(self) -> bool:
        """Write that the card holds no such stance."""
        item = self.current
        if item is None:
            return False
        note = self.note.value.strip() or None
        polarity = item.polarity if item.kind == "machine" else None
        if item.kind == "candidate":
            note = f"{SET_ASIDE} a candidate, no such stance" + (f"; {note}" if note else "")
        return self._write([self._row("reject", item.actor, item.issue, polarity, item.quote, note)])

    def skip(self) -> None:
        """The next card; this one goes to the end of the queue."""
        if self.order:
            self.order.append(self.order.pop(0))
            self._say("")
            self._show()

    def undo(self) -> bool:
        """Put the review file back as it was before the last decision, and show that card again."""
        if not self.history:
            return False
        done = self.history[-1]
        try:
            self.file.replace(done.before)
        except ConcurrentEdit:
            self._refresh()
            self._say(f"{self.file.path.name} was changed by someone else since the last decision: undo would "
                      "overwrite that edit, so nothing was changed.", "error")
            return False
        self.history.pop()
        self.items[done.item].decided = False
        self.order.insert(0, done.item)
        self._say("The last decision was taken back.")
        self._show()
        return True


def _decided(item: Item, reviews: list[ReviewRow]) -> bool:
    """Whether a review row decides the item (as the queue leaves it out)."""
    if item.kind == "candidate":
        return any((r.article_id, r.actor, r.issue) == (item.article_id, item.actor, item.issue) for r in reviews)
    import pandas as pd
    row = pd.DataFrame([{"article_id": item.article_id, "actor": item.actor, "issue": item.issue,
                         "polarity": item.polarity, "quote": item.quote}])
    return machine_status(row, reviews)[0] is not None


def review_panel(corpus: Any, review_file: str | Path | None = None,
                 per_article: int = candidates.PER_ARTICLE) -> ReviewPanel:
    """The review panel of `corpus` (a folder, an export or a loaded `Corpus`); decisions go to
    `review_file` (default: the corpus's review.csv). Display it as the last expression of a cell."""
    return ReviewPanel(corpus, review_file, per_article)
