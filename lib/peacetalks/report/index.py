"""The report's index page: its headline findings (those the summary notebook shows) and its methods,
computed from the same tables and chart functions the notebooks use, rendered through templates/index.html.j2.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from peacetalks import tables as columns
from peacetalks.report import charts, summary
from peacetalks.report.notebooks import NotebookInfo, relative_path
from peacetalks.sources.catalog import REVIEW_FILE
from peacetalks.sources.reading import analyst_folder
from peacetalks.tables import accuracy, review, shifts
from peacetalks.tables.corpus import load_corpus, read_corpus

TEMPLATES = Path(__file__).resolve().parent / "templates"
"""The Jinja templates of the report: the index page, and the notebook pages' nbconvert template."""


# --- the index page ----------------------------------------------------------------------------

SUMMARY_NOTEBOOK = "00_summary"
"""The notebook whose list of findings the index page leads with (see `summary.Findings`)."""


def summary_facts(build_dir: Path, notebooks: list[NotebookInfo], computed: list[str]) -> dict[str, Any]:
    """The headline findings as the executed summary notebook shows them, and its page; the findings computed
    by the build (the same function's) when there is no summary notebook or it shows none."""
    import nbformat


    for notebook in notebooks:
        if notebook.name == SUMMARY_NOTEBOOK:
            shown = summary.findings_of(nbformat.read(build_dir / "notebooks" / notebook.path.name, as_version=4))
            if shown is not None:
                return {"findings": shown, "findings_page": notebook.page, "findings_notebook": notebook.path.name}
    return {"findings": computed, "findings_page": None, "findings_notebook": None}


DATE_BASIS_MEANING = {
    "text": "a date printed in the article",
    "url": "a date in the article's web address",
    "catalog": "recorded by an analyst in catalog.csv, with a note of the evidence",
    "inferred": "worked out from the dated events the article refers to (events.csv)",
    "unknown": "nothing settles it: listed, never plotted",
}

def report_facts(corpus: Path, given: dict[str, Any], tables_dir: Path, extracted: Path | None = None) -> dict[str, Any]:
    """The findings and methods of the index page, from the same tables and chart functions the notebooks use.

    Also writes the corpus tables as CSV for download. Runs in the build process while the kernels work.
    """

    # extract_tables has just brought the extracted tables up to date: read them without checking again
    corpus_tables = read_corpus(extracted) if extracted else load_corpus(relative_path(corpus))
    corpus_tables.write_csv(tables_dir)
    reviewed = corpus_tables.stances
    machine = corpus_tables.machine_stances if corpus_tables.machine_stances is not None else reviewed
    columns.spreadsheet_safe(machine).to_csv(tables_dir / "machine_stances.csv", index=False)
    review_file = analyst_folder(corpus) / REVIEW_FILE
    table_rows = {"articles": len(corpus_tables.articles), "casualties": len(corpus_tables.casualties),
                  "stances": len(reviewed), "machine_stances": len(machine), "problems": len(corpus_tables.problems)}
    articles = charts.select_period(corpus_tables.articles, given.get("start"), given.get("end"))
    casualties = corpus_tables.casualties[corpus_tables.casualties["article_id"].isin(articles["id"])]
    stances = charts.select_stances(reviewed, articles, given.get("actors"), given.get("issues"))
    toll = charts.toll_data(casualties, articles)
    outlets = sorted(set(charts.outlet_names(articles)) - {charts.UNKNOWN_OUTLET})

    toll_line = charts.toll_takeaway(toll, given.get("summarise", "auto"))
    # the findings as 00_summary.ipynb computes them; the build shows that notebook's own output instead when it ran
    findings = summary.headline_findings(corpus_tables, given.get("start"), given.get("end"),
                                         given.get("actors"), given.get("issues"), given.get("summarise", "auto"))
    shift_table = shifts.shifts(stances)
    basis = articles["date_basis"].value_counts()
    held_out = accuracy.held_out_rates()

    return {
        "corpus": relative_path(corpus),
        "n_articles": len(articles),
        "outlets": outlets,
        "findings": findings,
        "takeaways": {
            "publication_timeline": charts.publication_takeaway(articles),
            "war_toll": toll_line,
            "stance_timeline": charts.stance_takeaway(charts.stance_data(stances, articles, shift_table),
                                                      given.get("summarise", "auto")),
            "accuracy": held_out_takeaway(held_out),
        },
        "date_bases": [(b, DATE_BASIS_MEANING[b], int(basis.get(b, 0))) for b in columns.DATE_BASES],
        "qualifiers": [(k, int(v)) for k, v in casualties["qualifier"].value_counts().reindex(columns.QUALIFIERS, fill_value=0).items()],
        "subjects": [(k, int(v)) for k, v in casualties["subject"].value_counts().reindex(columns.SUBJECTS, fill_value=0).items()],
        "n_casualties": len(casualties),
        "review": review_facts(review_file, corpus_tables.articles,
                               charts.select_stances(machine, articles, given.get("actors"), given.get("issues")), stances),
        "n_problems": len(corpus_tables.problems),
        "table_rows": table_rows,
        "held_out": held_out,
    }


def held_out_takeaway(held_out: dict[str, Any]) -> str:
    """The accuracy figure's line on the index: the error rates recorded on text the rules had not been tuned on."""
    if not held_out["measured"]:
        return "Not measured on text the rules had not been tuned on (held_out.yaml records no measurement)."
    rows = {r["what"]: r for r in held_out["rows"]}
    parts = [f"{name} precision {rows[name]['precision']:.2f}, recall {rows[name]['recall']:.2f}"
             for name in ("stances", "casualty figures") if name in rows]
    return f"Before any tuning on them ({held_out['when']}), on {held_out['where']}: " + "; ".join(parts) + "."


def review_facts(review_file: Path, articles: Any, machine: Any, reviewed: Any) -> dict[str, Any]:
    """What the analyst reviewed (rows per action) and the machine's precision and recall against that review."""

    if not review_file.is_file():
        return {"reviewed": False, "actions": [], "precision": "", "recall": "",
                "detail": "No analyst review file in this corpus: every stance is the machine's coding, unchecked."}
    rows = review.load_review(review_file, articles)
    words = {"confirm": "machine stances confirmed", "reject": "machine stances rejected",
             "correct": "machine stances corrected (polarity)", "add": "stances the machine missed, added"}
    actions = [(words[a], sum(r.action == a for r in rows)) for a in review.ACTIONS]
    agreement = review.agreement(machine, reviewed)
    return {
        "reviewed": True, "actions": actions,
        "precision": f"{agreement.precision:.2f}", "recall": f"{agreement.recall:.2f}",
        "detail": f"{agreement.agreed} of the machine's {agreement.machine} distinct stances are in the reviewed "
                  f"table of {agreement.reviewed}; F1 {agreement.f1:.2f}",
    }


def render_index(facts: dict[str, Any], notebooks: list[NotebookInfo], given: dict[str, Any],
                 digest: str, build_dir: Path) -> str:
    """The index page: findings, sections, figures and tables to download, methods. Every value is escaped."""
    import jinja2


    figures = []
    order = list(charts.FIGURE_TITLES)
    for png in sorted((build_dir / "figures").glob("*.png"),
                      key=lambda p: (order.index(p.stem) if p.stem in order else len(order), p.stem)):
        name = png.stem
        figures.append({
            "name": name, "title": charts.FIGURE_TITLES.get(name, name.replace("_", " ")),
            "takeaway": facts["takeaways"].get(name, ""),
            "files": [(ext.upper(), f"figures/{name}.{ext}") for ext in ("png", "svg", "csv")
                      if (build_dir / "figures" / f"{name}.{ext}").is_file()],
        })
    tables = [(name, f"tables/{name}.csv", rows) for name, rows in facts["table_rows"].items()]
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True,
                             undefined=jinja2.StrictUndefined, keep_trailing_newline=True)
    env.filters["thousands"] = "{:,}".format  # 10,000 articles, not 10000
    return env.get_template("index.html.j2").render(
        facts=facts, notebooks=notebooks, figures=figures, tables=tables,
        parameters=sorted(given.items()), digest=digest[:12])
