"""Saved HTML pages: read with trafilatura into the same articles table, dated only when the page agrees.

The pages of the first tests are written here; the last tests read the six real saved pages of
../shared/corpus/html (skipped when it is absent) and check them against their own metadata.
"""
from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from pathlib import Path

import pandas as pd
import pytest

from conftest import REPO, make_project, run_report
from peacetalks import load_corpus
from peacetalks.extract.document import process_document
from peacetalks.sources.documents import decode_html
from peacetalks.parse.htmlpages import parse_html
from peacetalks.sources.reading import article_names, read_document

SHARED_HTML = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "html"

NAV = """<header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World news and analysis</a></li>
<li><a href="/politics">Politics of the region today</a></li><li><a href="/subscribe">Subscribe to our newsletter for daily updates</a></li></ul></nav></header>"""
FOOTER = """<footer><p>Copyright 2016 The Harbour Ledger. All rights reserved. Terms of use and privacy policy apply to every visitor of this website.</p>
<p>Follow the Harbour Ledger on every network, and read our most popular stories of the week in the newsletter sent each Friday morning.</p></footer>"""
BODY = """<article><h1>Envoys gather for a second round of talks</h1>
<p>GENEVA (Reuters) - Envoys from both sides of the conflict met on Tuesday in a lakeside hotel for a second round of talks, the mediator said, after a first round ended without an agreement last month.</p>
<p>The mediator told reporters the delegations had agreed on an agenda and would meet again on Thursday to discuss a cease-fire along the front line and the exchange of prisoners held by both sides.</p>
<p>Diplomats said the talks could last several weeks, and that neither delegation expected a quick result, though both had promised to stay in the city until the end of the month.</p>
</article>"""


def page(head: str, body: str = BODY) -> str:
    return f"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">{head}</head><body>{NAV}<main>{body}</main>{FOOTER}</body></html>"


FULL_HEAD = """<title>Envoys gather for a second round of talks | The Harbour Ledger</title>
<meta property="og:site_name" content="The Harbour Ledger">
<meta property="og:title" content="Envoys gather for a second round of talks">
<meta property="article:published_time" content="2016-03-15T09:30:00+01:00">
<link rel="canonical" href="https://www.harbourledger.example/world/envoys-second-round">
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",
 "headline": "Envoys gather for a second round of talks", "datePublished": "2016-03-15T09:30:00+01:00",
 "publisher": {"@type": "Organization", "name": "The Harbour Ledger"}}</script>"""


def test_a_page_gives_title_publisher_url_date_and_the_article_text_without_menu_or_footer():
    article = parse_html(page(FULL_HEAD))
    assert article.title == "Envoys gather for a second round of talks"
    assert article.source == "The Harbour Ledger"
    assert article.url == "https://www.harbourledger.example/world/envoys-second-round"
    assert article.published == dt.date(2016, 3, 15)
    assert "article:published_time" in article.date_evidence and "JSON-LD datePublished" in article.date_evidence
    assert article.notes == []
    paragraphs = article.body.split("\n\n")
    assert paragraphs[0].startswith("GENEVA (Reuters) - Envoys from both sides")
    assert paragraphs[-1].startswith("Diplomats said the talks could last several weeks")
    for furniture in ("Home", "Subscribe to our newsletter", "World news and analysis", "All rights reserved", "Follow the Harbour Ledger"):
        assert furniture not in article.body
    assert article.wire == "Reuters"  # the dateline credits the agency


def test_the_site_name_and_a_date_are_cut_from_the_end_of_the_title():
    head = """<title>Envoys gather for a second round of talks | Harbour Ledger | 15.03.2016</title>
    <meta property="og:site_name" content="Harbour Ledger">"""
    article = parse_html(page(head))
    assert article.title == "Envoys gather for a second round of talks"
    assert article.source == "Harbour Ledger"
    assert article.published == dt.date(2016, 3, 15)  # the title's date, the only one the page gives
    assert "<title> date" in article.date_evidence


def test_a_title_whose_parts_are_the_headline_keeps_them():
    head = """<title>Letters: Talks stall | Ceasefire holds | Aid arrives | Harbour Ledger</title>
    <meta property="og:site_name" content="Harbour Ledger">"""
    body = BODY.replace("<h1>Envoys gather for a second round of talks</h1>", "")
    assert parse_html(page(head, body)).title == "Letters: Talks stall | Ceasefire holds | Aid arrives"


def test_a_later_modification_date_is_never_taken_for_the_publication():
    head = """<title>Envoys gather for a second round of talks</title>
    <meta property="article:published_time" content="2016-03-15T18:00:00+02:00">
    <meta property="article:modified_time" content="2016-04-02T08:00:00+02:00">
    <meta name="last-modified" content="2016-04-02">
    <script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2016-03-15T18:00:00+02:00",
     "dateModified": "2016-04-02T08:00:00+02:00"}</script>"""
    body = BODY.replace("</article>", "<p><time class=\"updated\" datetime=\"2016-04-02\">Updated April 2, 2016</time></p></article>")
    article = parse_html(page(head, body))
    assert article.published == dt.date(2016, 3, 15)
    assert not article.date_conflict


def test_a_page_with_no_date_is_left_undated():
    article = parse_html(page("<title>Envoys gather for a second round of talks</title>"))
    assert article.published is None
    result = process_document(_doc(page("<title>Envoys gather for a second round of talks</title>")))
    assert result.article["published"] is None and result.article["date_basis"] == "unknown"


def test_a_utc_time_near_midnight_takes_the_day_the_address_and_byline_give():
    # 01:10 UTC on the 16th is the evening of the 15th in the Americas: the address settles it
    head = """<meta property="article:published_time" content="2016-03-16T01:10:00Z">
    <link rel="canonical" href="https://news.example/2016/03/15/envoys-second-round">"""
    article = parse_html(page(head))
    assert article.published == dt.date(2016, 3, 15)
    # alone, the same timestamp may be the 15th or the 16th: no date, and a conflict saying so
    alone = parse_html(page('<meta property="article:published_time" content="2016-03-16T01:10:00Z">'))
    assert alone.published is None and alone.date_conflict
    assert any("2016-03-15 or 2016-03-16" in note for note in alone.notes)


def test_publication_dates_that_disagree_are_a_conflict_not_a_date():
    head = """<meta property="article:published_time" content="2016-03-15T10:00:00+01:00">
    <link rel="canonical" href="https://news.example/2016/02/10/envoys-second-round">"""
    result = process_document(_doc(page(head)))
    assert result.article["published"] is None  # neither the metadata's date nor the address's
    assert any("date conflict" in p.problem and "page.html" in p.file for p in result.problems)


def test_a_date_only_htmldate_finds_is_not_taken():
    # a teaser's date in the page, and no publication metadata, title date or dated address
    body = BODY + '<aside><h2>Related</h2><p><span class="date">01.08.2019</span> Other story</p></aside>'
    article = parse_html(page("<title>Envoys gather for a second round of talks</title>", body))
    assert article.published is None


def test_a_page_without_a_known_outlet_takes_the_site_name_that_matches_its_domain():
    head = """<meta property="og:site_name" content="World">
    <link rel="canonical" href="https://www.harbourledger.example/world/x">
    <script type="application/ld+json">{"@type": "NewsArticle", "publisher": {"name": "HarbourLedger.com"}}</script>"""
    assert parse_html(page(head)).source == "HarbourLedger"


def test_a_known_domain_is_named_by_the_outlets_file():
    head = '<link rel="canonical" href="https://www.dw.com/en/some-story/a-1"><meta property="og:site_name" content="DW.COM">'
    assert parse_html(page(head)).source == "DW"


def test_a_page_declaring_a_legacy_charset_is_read_in_it():
    html = page("<title>Caf\u00e9 talks</title>").replace('<meta charset="utf-8">', '<meta charset="windows-1252">')
    text, encoding = decode_html(html.encode("cp1252"))
    assert "Caf\u00e9 talks" in text and encoding == "cp1252"


def _doc(html: str, name: str = "page.html"):
    from peacetalks.sources.reading import RawDocument
    return RawDocument(Path(name).stem, name, html, "utf-8", "0", markup="html")


@pytest.mark.parametrize("content", [b"", b"   \n", b"\x00\x01\x02binary" * 50])
def test_an_empty_or_binary_html_file_is_a_problem_naming_it(tmp_path, content):
    path = tmp_path / "bad.html"
    path.write_bytes(content)
    problem = read_document(path)
    assert problem.file == str(path) and problem.severity == "skipped"


@pytest.mark.parametrize("html", [
    "<html><body><nav><a href='/'>Home</a></nav></body></html>",
    "https://www.example.com/some/article",  # an address alone: read as text, never fetched
    "<<<>>> not a page",
])
def test_a_page_without_main_text_is_a_problem_not_a_traceback(html):
    result = process_document(_doc(html, "broken.html"))
    assert result.article["body"] == ""
    assert any(p.file == "broken.html" and ("no main text" in p.problem or "not readable" in p.problem)
               for p in result.problems)


def test_a_folder_with_html_pages_builds_through_load_corpus(tmp_path):
    (tmp_path / "dump.txt").write_text("Talks resume in Geneva\n\nMarch 14, 2016\n\n"
                                       "The war has so far killed more than 250,000 people since 2011, monitors said.\n", encoding="utf-8")
    body = BODY.replace("</article>", "<p>The war has now killed more than 270,000 people since it began, monitors said on Tuesday.</p>"
                                      "<p>Russia supports the peace talks on Syria in Geneva, Foreign Minister Sergei Lavrov said.</p></article>")
    (tmp_path / "saved.html").write_text(page(FULL_HEAD, body), encoding="utf-8")
    (tmp_path / "other.htm").write_text(page("<title>Second page</title>"), encoding="utf-8")
    (tmp_path / "notes.md").write_text("# not an article", encoding="utf-8")
    assert article_names(tmp_path) == ["dump.txt", "other.htm", "saved.html"]
    corpus = load_corpus(tmp_path)
    articles = corpus.articles.set_index("id")
    assert list(articles.index) == ["dump", "other", "saved"]
    saved = articles.loc["saved"]
    assert saved["title"] == "Envoys gather for a second round of talks"
    assert saved["source"] == "The Harbour Ledger"
    assert saved["published"] == "2016-03-15" and saved["date_basis"] == "text"
    assert "article:published_time" in saved["date_evidence"]
    assert saved["url"] == "https://www.harbourledger.example/world/envoys-second-round"
    figures = corpus.casualties[corpus.casualties["article_id"] == "saved"]
    assert 270000 in set(figures["value"])  # the same extraction as a text file
    assert not figures["sentence"].str.contains("Home|newsletter").any()
    stances = corpus.stances[corpus.stances["article_id"] == "saved"]
    assert ((stances["actor"] == "russia") & (stances["issue"] == "negotiations")).any()


def test_an_archive_html_column_is_read_as_a_page(tmp_path):
    archive = tmp_path / "export.jsonl"
    rows = [{"id": "a1", "text": "", "html": page(FULL_HEAD)},
            {"id": "a2", "text": "Envoys resume the Geneva talks on Syria\n\nThe talks resumed in Geneva on Tuesday, the mediator said.", "html": ""}]
    archive.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    articles = load_corpus(archive).articles.set_index("id")
    assert articles.loc["a1", "title"] == "Envoys gather for a second round of talks"
    assert articles.loc["a1", "published"] == "2016-03-15"
    assert articles.loc["a2", "title"] == "Envoys resume the Geneva talks on Syria"


def test_the_report_fingerprint_notices_an_html_file(tmp_path):
    from peacetalks.report.build import input_digests
    from peacetalks.report.notebooks import find_notebooks
    from peacetalks.tables.fingerprint import corpus_files

    (tmp_path / "a.txt").write_text("Title\n\nText of the article.\n", encoding="utf-8")
    notebooks = find_notebooks(REPO / "notebooks")
    before = input_digests(tmp_path, notebooks, {})
    (tmp_path / "saved.html").write_text(page(FULL_HEAD), encoding="utf-8")
    assert tmp_path / "saved.html" in corpus_files(tmp_path)
    assert input_digests(tmp_path, notebooks, {})["articles and analyst files"] != before["articles and analyst files"]


MALICIOUS_PAGE_ID = "901_saved_page"


@pytest.mark.slow
def test_the_report_builds_with_a_saved_page_and_escapes_its_text(tmp_path):
    project = make_project(tmp_path / "project", malicious=False)
    body = BODY.replace("</article>", "<p>The war has now killed more than 260,000 people, monitors said &lt;script&gt;alert(2)&lt;/script&gt; "
                                      "on Tuesday, as the talks went on &lt;img src=x onerror=alert(2)&gt; in Geneva.</p></article>")
    head = FULL_HEAD.replace("<title>Envoys gather for a second round of talks",
                             "<title>Envoys &lt;script&gt;alert(2)&lt;/script&gt; gather")
    head = re.sub(r'<meta property="og:title"[^>]*>', "", head).replace('"headline": "Envoys gather for a second round of talks", ', "")
    body = body.replace("<h1>Envoys gather for a second round of talks</h1>", "")
    (project / "seeds" / f"{MALICIOUS_PAGE_ID}.html").write_text(page(head, body), encoding="utf-8")
    result = run_report(cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    out = project / "reports"
    articles = pd.read_csv(out / "tables" / "articles.csv") if (out / "tables" / "articles.csv").exists() else None
    pages = {p.name: p.read_text(encoding="utf-8") for p in out.glob("*.html")}
    assert any(MALICIOUS_PAGE_ID in html for html in pages.values())  # the saved page reached the report
    for name, html in pages.items():
        assert "<script>alert(2)" not in html and "<img src=x onerror=alert(2)>" not in html, name
    assert any("&lt;script&gt;alert(2)" in html for html in pages.values())  # its text reached the report, escaped
    if articles is not None:
        assert MALICIOUS_PAGE_ID in set(articles["id"])


# --- the six real saved pages of ../shared/corpus/html ------------------------------------------

needs_shared = pytest.mark.skipif(not SHARED_HTML.is_dir(), reason="../shared/corpus/html is not present")


def _own_metadata(path: Path) -> dict[str, object]:
    """What a page says about itself, read with plain patterns (not the library's code): its og:title,
    og:site_name, canonical address, and the publication dates its metadata and address state."""
    html = path.read_text(encoding="utf-8", errors="replace")

    def meta(key: str) -> str | None:
        found = re.search(r'<meta[^>]*(?:property|name)="' + re.escape(key) + r'"[^>]*content="([^"]*)"', html)
        return found.group(1) if found else None

    canonical = re.search(r'<link[^>]*rel="canonical"[^>]*href="([^"]+)"', html)
    published = [meta("article:published_time"), meta("og:article:published_time")]
    published += re.findall(r'"datePublished"\s*:\s*"([^"]+)"', html)
    in_title = re.findall(r"\|\s*(\d\d)\.(\d\d)\.(\d{4})\s*</title>", html)
    in_url = re.search(r"/(\d{4})/(\d\d)/(\d\d)/", canonical.group(1) if canonical else "")
    return {"og_title": meta("og:title"), "site": meta("og:site_name"), "url": canonical.group(1) if canonical else None,
            "published": [p for p in published if p], "title_date": in_title, "url_date": in_url}


@needs_shared
@pytest.mark.parametrize("name", sorted(p.name for p in SHARED_HTML.glob("*.html")) if SHARED_HTML.is_dir() else [])
def test_real_saved_pages_agree_with_their_own_metadata(name):
    path = SHARED_HTML / name
    own = _own_metadata(path)
    result = process_document(read_document(path))
    row = result.article
    assert row["url"] == own["url"]
    assert row["title"] and row["title"] in own["og_title"].replace("&#39;", "'").replace("&#x27;", "'")
    assert row["source"] and len(result.article["body"]) > 1500
    published = dt.date.fromisoformat(row["published"])
    # the date is one the page's own metadata, title or address states as its publication, never another
    stated = {dt.date.fromisoformat(p[:10]) for p in own["published"]}
    stated |= {dt.date(int(y), int(m), int(d)) for d, m, y in own["title_date"]}
    if own["url_date"]:
        stated.add(dt.date(*map(int, own["url_date"].groups())))
    assert published in stated
    if own["url_date"]:
        assert published == dt.date(*map(int, own["url_date"].groups()))  # the address is the local day


@needs_shared
def test_real_saved_pages_titles_publishers_and_dates(tmp_path):
    expected = {  # read off each page's og:title, publisher and byline by hand
        "dw.com.colonial": ("Berlin confronts Germany's colonial past with new initiative", "DW", "2020-01-19"),
        "dw.com.uncork": ("Uncork the mystery of Germany's Frühburgunder", "DW", "2013-06-10"),
        "mercurynews.com.2023.01.16.letters-1119": (None, "The Mercury News", "2023-01-16"),
        "reuters.com.parasite": ("'Parasite' scores historic upset at SAG awards, boosting Oscar chances", "Reuters", "2020-01-19"),
        "salon.com.emissions": ("Despite everything, U.S. emissions dipped in 2019", "Salon", "2020-01-10"),
        "scmp.com.playbook": ("Carrie Lam should study Tsai Ing-wen\u2019s playbook", "South China Morning Post", "2020-01-20"),
    }
    for page_id in expected:
        shutil.copy(SHARED_HTML / f"{page_id}.html", tmp_path)
    corpus = load_corpus(tmp_path)
    articles = corpus.articles.set_index("id")
    wrong = []
    for page_id, (title, source, published) in expected.items():
        row = articles.loc[page_id]
        if title is not None:
            assert row["title"] == title
        assert row["source"] == source
        if row["published"] is not None and row["published"] != published:
            wrong.append((page_id, row["published"]))
    assert wrong == []  # zero wrong dates
    assert articles["published"].notna().all()
    # htmldate's later date on two pages is set aside, and said so
    notes = corpus.problems[corpus.problems["problem"].str.contains("htmldate")]
    assert {Path(f).stem for f in notes["file"]} == {"dw.com.uncork", "reuters.com.parasite"}



from hypothesis import HealthCheck, given, settings, strategies as st

_PIECES = st.sampled_from([
    "<html>", "</html>", "<head>", "<body>", "<p>", "</p>", "<div>", "</div>", "<script>", "</script>",
    '<meta property="article:published_time" content="2016-13-45T99:99Z">', '<meta property="og:site_name" content="">',
    '<script type="application/ld+json">{"@type": ["NewsArticle"], "datePublished": 5, "publisher": [1]}</script>',
    '<script type="application/ld+json">{not json</script>', '<link rel="canonical" href="javascript:alert(1)">',
    "<title>", "</title>", " | ", "15.03.2016", "\x00", "&#0;", "&bogus;", "<!--", "-->", "<![CDATA[", "http://x",
])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(_PIECES, st.text(max_size=40)), max_size=30))
def test_any_markup_is_read_without_a_traceback(pieces):
    result = process_document(_doc("".join(pieces), "fuzz.html"))
    assert result.article["id"] == "fuzz"
    assert all(p.file == "fuzz.html" for p in result.problems)
    assert not any("could not be processed" in p.problem for p in result.problems)
