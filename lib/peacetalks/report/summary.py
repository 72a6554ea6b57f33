"""The report's headline findings, computed where an analyst can read and change them: `notebooks/00_summary.ipynb`.

`headline_findings` gives the sentences; `Findings` shows them in the notebook as a list and
carries them, as plain text, to the index page (`peacetalks report` reads them from the executed
notebook's output, so a finding added or changed in the notebook is the one the index shows).
"""
from __future__ import annotations

from typing import Any

import pandas as pd

from peacetalks.report import charts
from peacetalks.tables import shifts
from peacetalks.extract.document import ARCHIVE_ORIGIN

FINDINGS_MIME = "application/vnd.peacetalks.findings+json"
"""The output type under which the summary notebook hands its findings to the build (a JSON list of sentences)."""


def _count(n: int, noun: str) -> str:
    return f"{n:,} {noun}{'' if n == 1 else 's'}"


def period_words(start: Any = None, end: Any = None) -> str:
    """'from 2015-01-01 to 2016-12-31', 'from 2030-01-01', 'up to 2014-12-31', or 'the whole corpus'."""
    if start and end:
        return f"from {start} to {end}"
    if start:
        return f"from {start}"
    if end:
        return f"up to {end}"
    return "the whole corpus"


def period_line(articles: pd.DataFrame, start: Any = None, end: Any = None,
                empty: str = "every section below is empty") -> str | None:
    """The line a notebook shows when no article falls in the period chosen (None when some does)."""
    if len(articles):
        return None
    return (f"**No article falls in this period** ({period_words(start, end)}): {empty}. "
            "Change `start` and `end` in the parameters cell, or set them to `None` for the whole corpus.")


def headline_findings(tables: Any, start: Any = None, end: Any = None, actors: list[str] | None = None,
                      issues: list[str] | None = None, summarise: str = "auto") -> list[str]:
    """The headline findings of the report, one sentence each: how the reported war toll moved and how firmly it
    was stated, the main shifts of position, and how many articles from which outlets, dated how."""
    articles = charts.select_period(tables.articles, start, end)
    if articles.empty:
        return [f"No article falls in this period ({period_words(start, end)}); "
                f"the corpus holds {_count(len(tables.articles), 'article')} in all."]
    casualties = tables.casualties[tables.casualties["article_id"].isin(articles["id"])]
    stances = charts.select_stances(tables.stances, articles, actors, issues)
    toll = charts.toll_data(casualties, articles)
    plotted = toll[toll["shown_as"] == "plotted"]
    toll_line = charts.toll_takeaway(toll, summarise)
    findings = []
    if not plotted.empty:
        hedged = plotted["qualifier"].value_counts()
        firm = int(hedged.get("exact", 0))
        findings.append(
            f"{toll_line} {_count(len(plotted), 'dated report')} of the war's death toll; "
            f"{firm:,} gave an exact count, {int(hedged.get('approx', 0)):,} an approximate one and "
            f"{int(hedged.get('at_least', 0)):,} only a lower bound (“more than”).")
    else:
        findings.append(toll_line)
    findings.extend(charts.shift_findings(shifts.shifts(stances), limit=3))
    outlets = sorted(set(charts.outlet_names(articles)) - {charts.UNKNOWN_OUTLET})
    published = charts.dates(articles["published"]).dropna()
    basis = articles["date_basis"].value_counts()
    from_archive = int((articles["date_basis"].eq("catalog")
                        & articles["date_evidence"].fillna("").str.startswith(f"{ARCHIVE_ORIGIN}:")).sum())
    catalogued = int(basis.get("catalog", 0)) - from_archive
    findings.append(
        f"{_count(len(articles), 'article')} from {_count(len(outlets), 'named outlet')}"
        + (f", {charts.month(published.min())} to {charts.month(published.max())}" if not published.empty else "")
        + f"; {int(basis.get('text', 0) + basis.get('url', 0)):,} print their date, "
        f"{catalogued:,} are dated by the analyst's catalog, "
        + (f"{from_archive:,} by the archive's own date column, " if from_archive else "")
        + f"{int(basis.get('inferred', 0)):,} by inference "
        f"and {int(basis.get('unknown', 0)):,} stay undated.")
    return findings


class Findings(list):
    """A list of finding sentences that a notebook shows as a bulleted list, and hands to the index page as text."""

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, Any]:
        items = [str(f) for f in self]
        markdown = "\n".join(f"- {_markdown_text(f)}" for f in items) if items else "*No finding.*"
        return {"text/markdown": markdown, "text/plain": "\n".join(f"- {f}" for f in items), FINDINGS_MIME: items}


def _markdown_text(text: str) -> str:
    """A sentence as literal Markdown text: characters that Markdown or HTML would read as markup are escaped."""
    out = []
    for ch in text:
        if ch in "\\`*_[]<>#|":
            out.append("\\" + ch if ch not in "<>" else {"<": "&lt;", ">": "&gt;"}[ch])
        else:
            out.append(ch)
    return "".join(out)


def findings_of(notebook: Any) -> list[str] | None:
    """The findings an executed summary notebook shows (the last output carrying them), or None if it shows none."""
    found = None
    for cell in notebook.get("cells", []):
        for output in cell.get("outputs", []) if cell.get("cell_type") == "code" else []:
            data = output.get("data", {})
            if FINDINGS_MIME in data and isinstance(data[FINDINGS_MIME], list):
                found = [str(item) for item in data[FINDINGS_MIME]]
    return found
