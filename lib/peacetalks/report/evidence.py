"""An evidence view for JupyterLab: an article's text with its casualty figures and stance quotes highlighted.

`evidence(corpus, article_id)` (or `EvidenceView(article, casualties, stances)`) returns an object that
Jupyter renders through `_repr_html_`: the body paragraph by paragraph, each casualty sentence and
each stance quote marked and labelled ("killed 250000 approx · syria_war", "russia · negotiations
+1"), followed by a table of the rows. Article text is untrusted: every piece of it is html-escaped,
and the page carries no script.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import Any, Mapping

import pandas as pd

from peacetalks.sentences import paragraphs

_STYLE = """<style>
.pt-evidence{font-family:sans-serif;line-height:1.5;max-width:52em}
.pt-evidence mark{padding:0 .1em;border-radius:2px}
.pt-evidence mark.pt-casualty{background:#fde0b2;border-bottom:2px solid #E69F00}
.pt-evidence mark.pt-stance{background:#cfe6f5;border-bottom:2px solid #0072B2}
.pt-evidence mark.pt-casualty.pt-stance{background:#e3d4ec}
.pt-evidence .pt-label{font-size:.75em;font-weight:bold;color:#333;background:#eee;border-radius:3px;padding:0 .3em;margin-right:.2em}
.pt-evidence table{border-collapse:collapse;font-size:.85em}
.pt-evidence td,.pt-evidence th{border:1px solid #ccc;padding:.2em .4em;text-align:left;vertical-align:top}
</style>"""


@dataclass(frozen=True)
class Highlight:
    """A stretch of the body to mark: `kind` is "casualty" or "stance"; `label` says what was read there."""

    start: int
    end: int
    kind: str
    label: str


def _locate(body: str, text: str) -> tuple[int, int] | None:
    """Where `text` stands in `body`: verbatim, else with any run of whitespace matching any other."""
    if not text:
        return None
    at = body.find(text)
    if at >= 0:
        return at, at + len(text)
    words = text.split()
    if not words:
        return None
    match = re.search(r"\s+".join(re.escape(w) for w in words), body)
    return (match.start(), match.end()) if match else None


def _value(value: Any) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def casualty_label(row: Mapping[str, Any]) -> str:
    value = _value(row.get("value"))
    high = _value(row.get("value_high"))
    figure = f"{value}–{high}" if high else value
    return f"{row.get('kind')} {figure} {row.get('qualifier')} · {row.get('subject')}"


def stance_label(row: Mapping[str, Any]) -> str:
    polarity = int(row.get("polarity"))
    sign = f"{polarity:+d}" if polarity else "0"
    label = f"{row.get('actor')} · {row.get('issue')} {sign}"
    if row.get("as_of"):
        label += f" · {row.get('as_of')}"
    return label


@dataclass
class EvidenceView:
    """An article with its evidence marked; Jupyter shows it through `_repr_html_`."""

    article: Mapping[str, Any]
    casualties: pd.DataFrame
    stances: pd.DataFrame
    highlights: list[Highlight] = field(init=False)
    unplaced: list[str] = field(init=False)

    def __post_init__(self) -> None:
        body = str(self.article.get("body") or "")
        self.highlights, self.unplaced = [], []
        for kind, frame, column, labeller in (
            ("casualty", self.casualties, "sentence", casualty_label),
            ("stance", self.stances, "quote", stance_label),
        ):
            for row in frame.to_dict("records"):
                label = labeller(row)
                where = _locate(body, str(row.get(column) or ""))
                if where is None:
                    self.unplaced.append(label)
                else:
                    self.highlights.append(Highlight(where[0], where[1], kind, label))

    def _paragraph_html(self, body: str, start: int, end: int) -> str:
        marks = [h for h in self.highlights if h.start < end and h.end > start]
        cuts = sorted({start, end, *(max(start, h.start) for h in marks), *(min(end, h.end) for h in marks)})
        out = []
        for lo, hi in zip(cuts, cuts[1:]):
            covering = [h for h in marks if h.start <= lo and h.end >= hi]
            text = html.escape(body[lo:hi])
            if not covering:
                out.append(text)
                continue
            starting = [h for h in covering if h.start == lo or lo == start and h.start < start]
            labels = "".join(f'<span class="pt-label">{html.escape(h.label)}</span>' for h in starting)
            kinds = " ".join(sorted({f"pt-{h.kind}" for h in covering}))
            title = html.escape("; ".join(h.label for h in covering), quote=True)
            out.append(f'{labels}<mark class="{kinds}" title="{title}">{text}</mark>')
        return "".join(out)

    def _table_html(self) -> str:
        rows = [f"<tr><td>casualty</td><td>{html.escape(casualty_label(r))}</td><td>{html.escape(str(r.get('sentence') or ''))}</td></tr>"
                for r in self.casualties.to_dict("records")]
        rows += [f"<tr><td>stance ({html.escape(str(r.get('coded_by') or ''))})</td><td>{html.escape(stance_label(r))}</td>"
                 f"<td>{html.escape(str(r.get('quote') or ''))}</td></tr>" for r in self.stances.to_dict("records")]
        if not rows:
            return "<p><em>No casualty figures or stances were read from this article.</em></p>"
        return "<table><tr><th>row</th><th>reading</th><th>text</th></tr>" + "".join(rows) + "</table>"

    def _repr_html_(self) -> str:
        body = str(self.article.get("body") or "")
        title = html.escape(str(self.article.get("title") or self.article.get("id") or ""))
        meta = " · ".join(html.escape(str(self.article.get(k))) for k in ("id", "source", "published")
                          if self.article.get(k) not in (None, "") and not pd.isna(self.article.get(k)))
        parts = [_STYLE, '<div class="pt-evidence">', f"<h3>{title}</h3>", f"<p><small>{meta}</small></p>"]
        parts += [f"<p>{self._paragraph_html(body, start, end)}</p>" for start, end, _text in paragraphs(body)]
        if self.unplaced:
            parts.append("<p><small>Not found in the body: " + "; ".join(html.escape(u) for u in self.unplaced) + "</small></p>")
        parts.append(self._table_html())
        parts.append("</div>")
        return "\n".join(parts)


def evidence(corpus: Any, article_id: str, stances: pd.DataFrame | None = None) -> EvidenceView:
    """The evidence view of one article of a Corpus (its stances table, or `stances` such as a reviewed table)."""
    matches = corpus.articles[corpus.articles["id"] == article_id]
    if matches.empty:
        raise KeyError(f"no article {article_id!r} in the corpus")
    table = corpus.stances if stances is None else stances
    return EvidenceView(
        matches.iloc[0].to_dict(),
        corpus.casualties[corpus.casualties["article_id"] == article_id],
        table[table["article_id"] == article_id],
    )
