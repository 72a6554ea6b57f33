"""From a page dump to an article: title, source, wire, url and the body without page furniture."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class ParsedArticle:
    """What the text itself says about an article. `header` is the text before the body (mastheads, datelines)."""

    title: str | None
    source: str | None
    wire: str | None
    url: str | None
    body: str
    header: str = ""
    notes: list[str] = field(default_factory=list)


def parse_article(text: str) -> ParsedArticle:
    """Split a page dump into title and body (placeholder: first line is the title)."""
    lines = [line.strip() for line in text.splitlines()]
    nonblank = [line for line in lines if line]
    title = nonblank[0] if nonblank else None
    body = "\n\n".join(nonblank[1:])
    return ParsedArticle(title=title, source=None, wire=None, url=None, body=body)
